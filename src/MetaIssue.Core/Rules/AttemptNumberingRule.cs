using MetaIssue.Diagnostics;
using MetaIssue.Git;
using MetaIssue.Model;
using MetaIssue.Conventions;

namespace MetaIssue.Rules;

/// <summary>
/// MI003: attempts are numbered 001, 002, 003… with no number used twice and none skipped. A skipped number that
/// another local or remote-tracking branch holds (read with git, only when there is a gap) is named with its branch
/// instead of advising a rename.
/// </summary>
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
        IReadOnlyList<AttemptElsewhere>? elsewhere = null;
        foreach (var group in issue.NumberedAttempts.GroupBy(a => a.Number!.Value).OrderBy(g => g.Key))
        {
            var number = AttemptReferences.Format(group.Key);
            if (group.Key == 0)
            {
                foreach (var zero in group)
                {
                    report.At(zero.FullPath, null,
                        $"attempt numbers start at 001, not 000", $"renumber '{zero.Name}' to '{AttemptReferences.Format(next)}-{zero.Slug}'");
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

                // Git is asked only here, when there is a gap: a number another branch holds is not missing, only not
                // merged yet, and renaming would collide with it after the merge.
                elsewhere ??= BranchAttempts.Find(Path.Combine(issue.FullPath, MetaIssueFolder.AttemptsFolder));
                var held = Enumerable.Range(expected, group.Key - expected)
                    .Select(n => elsewhere.FirstOrDefault(a => a.Number == n))
                    .ToList();
                var advice = held.All(a => a is not null)
                    ? string.Join("; ", held.Select(a => $"attempt {AttemptReferences.Format(a!.Number)} is on branch {a.Branch} ({a.Name})")) + ": merge that branch, nothing to rename"
                    : $"rename '{first.Name}' to '{AttemptReferences.Format(expected)}-{first.Slug}' or restore the missing attempt";
                report.At(first.FullPath, null, $"{gap}: numbering jumps to {number}", advice);
            }

            var folders = group.ToList();
            for (var i = 1; i < folders.Count; i++)
            {
                report.At(folders[i].FullPath, null,
                    $"attempt number {number} is used by both '{folders[0].Name}' and '{folders[i].Name}'", $"renumber '{folders[i].Name}' to '{AttemptReferences.Format(next)}-{folders[i].Slug}'");
                next++;
            }

            expected = group.Key + 1;
        }
    }
}
