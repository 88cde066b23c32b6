using MetaIssue.Conventions;
using MetaIssue.Diagnostics;
using MetaIssue.IO;
using MetaIssue.Links;
using MetaIssue.Markdown;

namespace MetaIssue.Rules;

/// <summary>
/// MI030: relative links (inline, image, reference definitions, wiki links) in meta-issue and lesson files lead to an
/// existing file or folder inside the repository. External URLs are not checked; links out of the repository are
/// reported, never followed.
/// </summary>
internal sealed class BrokenLinkRule : Rule
{
    /// <summary>MI030's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI030", "BrokenLink", "A relative link points nowhere",
        "Relative links (inline, reference, image and [[wiki]] links) in meta-issue and lesson files point to an existing file or folder inside the repository.",
        MessageFormat: "{0}; {1}");

    public override RuleDescriptor Descriptor => Definition;

    public override void Check(CheckContext context, RuleSink report)
    {
        foreach (var (document, link, target) in context.Links.All)
        {
            var shown = Shorten(link.Kind == LinkKind.Wiki ? "[[" + link.Url + "]]" : link.Url);
            switch (target.Kind)
            {
                case LinkTargetKind.OutsideRepository:
                    report.At(document.FullPath, link.Range,
                        $"link '{shown}' leads outside the repository", $"link to a file inside it, or use a full https:// URL");
                    break;
                case LinkTargetKind.Invalid:
                    report.At(document.FullPath, link.Range, $"link '{shown}' is not a valid path", "fix the link");
                    break;
                case LinkTargetKind.Local when !target.Exists && !IntoReportedMissingAttempt(context, target.Path):
                    var suggestion = context.Links.Suggestions.For(document.FullPath, target.Path, context.Tree.MetaIssueContaining(document.FullPath));
                    var fragment = string.IsNullOrEmpty(target.Fragment) ? string.Empty : "#" + target.Fragment;
                    var hint = suggestion is null ? "fix or remove the link" : $"did you mean '{suggestion}{fragment}'?";
                    var where = link.Kind == LinkKind.Wiki ? " (looked beside the file, in the docs folder and at the repository root)" : string.Empty;
                    report.At(document.FullPath, link.Range,
                        $"link target '{shown}' does not exist{where}", hint);
                    break;
            }
        }
    }

    /// <summary>
    /// True for a link into <c>attempts/NNN-*</c> of a meta-issue whose attempt NNN has no folder and is already
    /// reported (MI002 for a misnamed folder, MI003 for an attempt never created): renaming or creating it fixes the link.
    /// </summary>
    private static bool IntoReportedMissingAttempt(CheckContext context, string path)
    {
        if (context.Tree.MetaIssueContaining(path) is not { } issue)
        {
            return false;
        }

        var relative = PathText.FromRoot(issue.FullPath, path);
        return AttemptReferences.FromPath(relative) is int number && issue.IsMissingAttemptReported(number);
    }

    internal static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 77) + "...";
}
