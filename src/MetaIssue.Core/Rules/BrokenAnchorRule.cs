using MetaIssue.Text;
using MetaIssue.Diagnostics;
using MetaIssue.Links;
using MetaIssue.Markdown;

namespace MetaIssue.Rules;

/// <summary>MI031: a link's #fragment names a heading (GitHub anchor rules) or HTML anchor of the Markdown file it leads to.</summary>
public sealed class BrokenAnchorRule : Rule
{
    /// <summary>MI031's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI031", "BrokenAnchor", "A link's #fragment names no heading",
        "A link's #fragment names a heading (GitHub anchor rules) or an HTML anchor of the target Markdown file.",
        MessageFormat: "{0}; {1}");

    public override RuleDescriptor Descriptor => Definition;

    public override void Check(CheckContext context, RuleSink report)
    {
        // Many links point into the same few files: each file's anchors are gathered once.
        var anchorsOf = new Dictionary<MarkdownFacts, (HashSet<string> Set, List<string> List)>();
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

            if (!anchorsOf.TryGetValue(facts, out var anchors))
            {
                var list = facts.Headings.Select(h => h.Anchor).Concat(facts.HtmlAnchors).Distinct().ToList();
                anchorsOf[facts] = anchors = (new HashSet<string>(list, StringComparer.OrdinalIgnoreCase), list);
            }

            var fragment = target.Fragment!;
            if (anchors.Set.Contains(fragment))
            {
                continue;
            }

            var file = target.Kind == LinkTargetKind.SameDocument ? "this file" : context.Display(target.Path);
            var closest = EditDistance.Closest(fragment, anchors.List);
            var hint = closest is null ? "link to one of its headings or drop the fragment" : $"did you mean '#{closest}'?";
            report.At(document.FullPath, link.Range,
                $"'#{BrokenLinkRule.Shorten(fragment)}' names no heading in {file}", $"{hint}");
        }
    }
}
