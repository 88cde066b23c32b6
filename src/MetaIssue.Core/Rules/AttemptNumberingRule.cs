using MetaIssue.IO;
using MetaIssue.Diagnostics;
using MetaIssue.Fixes;
using MetaIssue.Git;
using MetaIssue.Model;
using MetaIssue.Conventions;

namespace MetaIssue.Rules;

/// <summary>
/// MI003: attempts are numbered 001, 002, 003… with no number used twice and none skipped. A skipped number that
/// another local or remote-tracking branch holds (read with git, only when there is a gap) is named with its branch
/// instead of advising a rename. An attempt that entries or links refer to but no folder holds is one finding at its
/// first reference, listing the others.
/// </summary>
internal sealed class AttemptNumberingRule : MetaIssueRule
{
    /// <summary>MI003's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI003", "AttemptNumbering", "Attempt numbers are duplicated, skip a number, or have no folder",
        "Attempts are numbered 001, 002, 003… without gaps or two folders sharing a number, and every attempt the documents refer to has its folder.",
        MessageFormat: "{0}; {1}");

    public override RuleDescriptor Descriptor => Definition;

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        var expected = 1;
        var next = issue.NextAttemptNumber;
        IReadOnlyList<AttemptElsewhere>? elsewhere = null;
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

            // Numbers that a misnamed folder meant, or that documents refer to, are reported once below or by MI002.
            while (expected < group.Key && issue.IsMissingAttemptReported(expected))
            {
                expected++;
            }

            if (group.Key > expected)
            {
                var first = group.First();
                var gap = group.Key - expected == 1
                    ? $"attempt {AttemptReferences.Format(expected)} is missing"
                    : $"attempts {AttemptReferences.Format(expected)} to {AttemptReferences.Format(group.Key - 1)} are missing";

                // Git is asked only here, when there is a gap: a number another branch holds is not missing, only not
                // merged yet, and renaming would collide with it after the merge.
                elsewhere ??= context.Branches.In(Path.Combine(issue.FullPath, MetaIssueFolder.AttemptsFolder));
                var held = Enumerable.Range(expected, group.Key - expected)
                    .Select(n => elsewhere.FirstOrDefault(a => a.Number == n))
                    .ToList();
                if (held.All(a => a is not null))
                {
                    // Nothing to renumber: the fix would collide with the branch after the merge, so none is offered.
                    report.At(first.FullPath, null, $"{gap}: numbering jumps to {number}",
                        string.Join("; ", held.Select(a => $"attempt {AttemptReferences.Format(a!.Number)} is on branch {a.Branch} ({a.Name})")) + ": merge that branch, nothing to rename");
                }
                else
                {
                    At(first.FullPath, $"{gap}: numbering jumps to {number}", $"rename '{first.Name}' to '{AttemptReferences.Format(expected)}-{first.Slug}' or restore the missing attempt");
                }
            }

            var folders = group.ToList();
            for (var i = 1; i < folders.Count; i++)
            {
                At(folders[i].FullPath, $"attempt number {number} is used by both '{folders[0].Name}' and '{folders[i].Name}'", $"renumber '{folders[i].Name}' to '{AttemptReferences.Format(next)}-{folders[i].Slug}'");
                next++;
            }

            expected = group.Key + 1;
        }

        foreach (var missing in issue.ReferencedWithoutFolder)
        {
            if (issue.MisnamedFolderFor(missing.Key) is null)
            {
                ReportUnfoldered(issue, missing.Key, missing.Value, report);
            }
        }
    }

    /// <summary>One finding for an attempt that documents refer to but no folder holds, listing where it is referred to.</summary>
    private static void ReportUnfoldered(MetaIssueFolder issue, int number, IReadOnlyList<AttemptReference> references, RuleSink report)
    {
        const int Listed = 5;
        var places = references.Take(Listed)
            .Select(r => $"{PathText.FromRoot(issue.FullPath, r.File.FullPath)}:{r.Range.Line} ({r.What})");
        var more = references.Count > Listed ? $" and {references.Count - Listed} more" : string.Empty;
        var slug = AttemptReferenceIndex.AgreedSlug(references) ?? "<slug>";
        var first = references[0];
        report.At(first.File.FullPath, first.Range,
            $"attempt {AttemptReferences.Format(number)} has no attempts/{AttemptReferences.Format(number)}-* folder but is referred to by {string.Join(", ", places)}{more}",
            $"create it retroactively: dotnet new metaattempt -n {slug} --number {number} --issue {issue.Name}");
    }
}
