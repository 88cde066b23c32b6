using MetaIssue.Diagnostics;
using MetaIssue.Links;
using MetaIssue.Markdown;
using MetaIssue.Text;

namespace MetaIssue.Rules;

/// <summary>
/// MI031: a link's #fragment names a heading (GitHub anchor rules) or HTML anchor of the Markdown file it leads to,
/// or a fragment every browser defines (<c>#top</c>, the empty one). Fragments of other files (<c>#L10</c>,
/// <c>#L10-L20</c> line anchors of code files on GitHub) and of folders are not judged.
/// </summary>
internal sealed class BrokenAnchorRule : Rule
{
    /// <summary>MI031's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI031", "BrokenAnchor", "A link's #fragment names no heading",
        "A link's #fragment names a heading (GitHub anchor rules) or an HTML anchor of the target Markdown file.",
        MessageFormat: "{0}; {1}");

    public override RuleDescriptor Descriptor => Definition;

    public override void Check(CheckContext context, RuleSink report)
    {
        foreach (var (document, link, target) in context.Links.All)
        {
            if (string.IsNullOrEmpty(target.Fragment) || !target.Exists)
            {
                continue;
            }

            MarkdownFacts? facts;
            if (target.Kind == LinkTargetKind.SameDocument)
            {
                facts = document.Facts;
            }
            else if (target.Kind == LinkTargetKind.Local && target.IsMarkdownFile)
            {
                facts = context.Links.FactsOf(target.Path);
            }
            else
            {
                continue; // fragments of folders and non-Markdown files (#L10 in code) are not ours to judge
            }

            if (facts is null)
            {
                continue; // unreadable targets are reported on their own (MI900)
            }

            var fragment = target.Fragment!;
            if (HasAnchor(facts, fragment) || IsTopOfDocument(fragment))
            {
                continue;
            }

            var file = target.Kind == LinkTargetKind.SameDocument ? "this file" : context.Display(target.Path);
            var anchors = facts.Headings.Select(h => h.Anchor).Concat(facts.HtmlAnchors).Distinct().ToList();
            var closest = EditDistance.Closest(fragment, anchors);
            var hint = closest is null ? "link to one of its headings or drop the fragment" : $"did you mean '#{Printable(closest)}'?";
            report.At(document.FullPath, link.Range,
                $"'#{Printable(BrokenLinkRule.Shorten(fragment))}' names no heading in {file}", $"{hint}");
        }
    }

    /// <summary>
    /// True when a heading or an HTML id of the file has the anchor <paramref name="fragment"/> (ordinal, ignoring
    /// case). A scan of the file's few anchors per link: no set per linked file is built nor kept, which in a
    /// large tree (every file a link target) would hold all anchors a second time.
    /// </summary>
    private static bool HasAnchor(MarkdownFacts facts, string fragment)
    {
        foreach (var heading in facts.Headings)
        {
            if (string.Equals(heading.Anchor, fragment, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var anchor in facts.HtmlAnchors)
        {
            if (string.Equals(anchor, fragment, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>#top</c> (ASCII case-insensitive) scrolls to the start of any page when no element has that id (HTML
    /// Living Standard, 7.4.6.3 "Scrolling to a fragment"); the empty fragment is never reported.
    /// </summary>
    internal static bool IsTopOfDocument(string fragment) => string.Equals(fragment, "top", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A fragment as printed: characters nobody can see (U+FE0F, joiners, other format characters, combining
    /// marks, spaces) percent-encoded, so a suggestion never looks identical to the rejected fragment, and either
    /// pasted into a link resolves to the same anchor.
    /// </summary>
    internal static string Printable(string fragment) => PercentEncoding.Encode(fragment, PercentEncoding.IsInvisible);
}
