using MetaIssue.Diagnostics;
using MetaIssue.Fixes;
using MetaIssue.Model;
using MetaIssue.Conventions;

namespace MetaIssue.Rules;

/// <summary>MI003: attempts are numbered 001, 002, 003… with no number used twice and none skipped.</summary>
public sealed class AttemptNumberingRule : MetaIssueRule
{
    /// <summary>MI003's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI003", "AttemptNumbering", "Attempt numbers are duplicated or skip a number",
        "Attempts are numbered 001, 002, 003… without gaps or two folders sharing a number.",
        MessageFormat: "{0}; {1}");

    public override RuleDescriptor Descriptor => Definition;

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        var expected = 1;
        var next = issue.NextAttemptNumber;
        Fix? plan = null;
        var planned = false;
        void At(string path, string what, string prose)
        {
            // One renumbering plan for the whole meta-issue, carried by every finding: applying them all agrees.
            if (!planned)
            {
                plan = FolderRenames.Renumbering(issue, context);
                planned = true;
            }

            RuleFixes.Report(report, path, null, plan, context, what, prose);
        }

        foreach (var group in issue.NumberedAttempts.GroupBy(a => a.Number!.Value).OrderBy(g => g.Key))
        {
            var number = AttemptReferences.Format(group.Key);
            if (group.Key == 0)
            {
                foreach (var zero in group)
                {
                    At(zero.FullPath, $"attempt numbers start at 001, not 000", $"renumber '{zero.Name}' to '{AttemptReferences.Format(next)}-{zero.Slug}'");
                    next++;
                }

                continue;
            }

            if (group.Key > expected)
            {
                var first = group.First();
                var gap = group.Key - expected == 1
                    ? $"attempt {AttemptReferences.Format(expected)} is missing"
                    : $"attempts {AttemptReferences.Format(expected)} to {AttemptReferences.Format(group.Key - 1)} are missing";
                At(first.FullPath, $"{gap}: numbering jumps to {number}", $"rename '{first.Name}' to '{AttemptReferences.Format(expected)}-{first.Slug}' or restore the missing attempt");
            }

            var folders = group.ToList();
            for (var i = 1; i < folders.Count; i++)
            {
                At(folders[i].FullPath, $"attempt number {number} is used by both '{folders[0].Name}' and '{folders[i].Name}'", $"renumber '{folders[i].Name}' to '{AttemptReferences.Format(next)}-{folders[i].Slug}'");
                next++;
            }

            expected = group.Key + 1;
        }
    }
}
