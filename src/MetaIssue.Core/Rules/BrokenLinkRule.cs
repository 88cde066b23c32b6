using MetaIssue.Diagnostics;
using MetaIssue.Links;
using MetaIssue.Markdown;

namespace MetaIssue.Rules;

/// <summary>
/// MI030: relative links (inline, image, reference definitions, wiki links) in meta-issue and lesson files lead to an
/// existing file or folder inside the repository. External URLs are not checked; links out of the repository are
/// reported, never followed.
/// </summary>
public sealed class BrokenLinkRule : IRule
{
    public RuleDescriptor Descriptor => RuleCatalog.BrokenLink;

    public void Check(CheckContext context, DiagnosticSink sink)
    {
        foreach (var (document, link, target) in context.ResolvedLinks)
        {
            var shown = Shorten(link.Kind == LinkKind.Wiki ? "[[" + link.Url + "]]" : link.Url);
            switch (target.Kind)
            {
                case LinkTargetKind.OutsideRepository:
                    sink.Report(Descriptor, document.FullPath, link.Range,
                        $"link '{shown}' leads outside the repository; link to a file inside it, or use a full https:// URL");
                    break;
                case LinkTargetKind.Invalid:
                    sink.Report(Descriptor, document.FullPath, link.Range, $"link '{shown}' is not a valid path; fix the link");
                    break;
                case LinkTargetKind.Local when !target.Exists:
                    var suggestion = context.Suggestions.For(document.FullPath, target.Path, context.MetaIssueContaining(document.FullPath));
                    var fragment = string.IsNullOrEmpty(target.Fragment) ? string.Empty : "#" + target.Fragment;
                    var hint = suggestion is null ? "fix or remove the link" : $"did you mean '{suggestion}{fragment}'?";
                    var where = link.Kind == LinkKind.Wiki ? " (looked beside the file, in the docs folder and at the repository root)" : string.Empty;
                    sink.Report(Descriptor, document.FullPath, link.Range,
                        $"link target '{shown}' does not exist{where}; {hint}");
                    break;
            }
        }
    }

    internal static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 77) + "...";
}
