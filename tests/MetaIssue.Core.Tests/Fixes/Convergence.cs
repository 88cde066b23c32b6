using MetaIssue.Diagnostics;
using MetaIssue.Fixes;

namespace MetaIssue.Tests.Fixes;

/// <summary>
/// The convergence property of the fixes on one repository: apply every fix up to a level, check again, and hold
/// that every fixed finding is gone, that no new finding appears except those about prompts the fixes declared
/// (MI016, and MI015 for a result line that now holds its prompt) and, once a fix resolved the meta-issue, the lesson
/// it now owes (MI020: only a person can write it), and that a second run changes nothing.
/// </summary>
internal static class Convergence
{
    /// <summary>Runs the property on the repository at <paramref name="root"/>; returns the counts and every violation found.</summary>
    public static ConvergenceCounts Run(string root, FixApplicability level)
    {
        var options = new CheckerOptions(root);
        var run = MetaIssueFixer.Run(options, level, dryRun: false);
        var violations = new List<string>(run.Report.Problems.Select(p => "write problem: " + p));
        var after = run.After.Diagnostics.Select(Key).ToHashSet();
        var before = run.Before.Diagnostics.Select(Key).ToHashSet();

        var fixedFindings = run.Before.Diagnostics.Where(d => d.Fix is { } fix && run.Report.Applied.Contains(fix)).ToList();
        violations.AddRange(fixedFindings.Where(d => after.Contains(Key(d))).Select(d => $"still there after its fix '{d.Fix!.Title}': {d}"));

        var declared = run.Report.Applied.SelectMany(f => f.InsertedPrompts).ToHashSet(StringComparer.Ordinal);
        var fresh = run.After.Diagnostics.Where(d => !before.Contains(Key(d))).ToList();
        var closed = run.Report.Applied.Any(f => f.Title.Contains("status Resolved", StringComparison.Ordinal) || f.Title.Contains("status to Resolved", StringComparison.Ordinal));
        var unexplained = fresh.Where(d => !IsDeclaredPrompt(d, declared) && !(closed && d.Code == "MI020")).ToList();
        violations.AddRange(unexplained.Select(d => "new finding: " + d));

        var second = MetaIssueFixer.Run(options, level, dryRun: false);
        if (second.Report.ChangedAnything)
        {
            violations.Add("a second run changed files again:\n" + second.Report.Diff);
        }

        return new ConvergenceCounts(run.Before.Diagnostics.Count, fixedFindings.Count, run.After.Diagnostics.Count, fresh.Count - unexplained.Count, unexplained.Count, run.Report.Skipped.Count, violations);
    }

    /// <summary>A finding that asks a person to fill a prompt some applied fix inserted on purpose.</summary>
    private static bool IsDeclaredPrompt(Diagnostic diagnostic, ISet<string> declared) =>
        (diagnostic.Code == "MI016" && declared.Any(p => diagnostic.Message.Contains(p, StringComparison.Ordinal)))
        || (diagnostic.Code == "MI015" && diagnostic.Message.Contains("only an unfilled prompt", StringComparison.Ordinal) && declared.Count > 0);

    private static (string, string, string) Key(Diagnostic d) => (d.Code, d.FilePath, d.Message);
}

/// <summary>
/// What one convergence run saw: findings before, findings whose fix was applied, findings left after (the human
/// part), new findings about declared prompts, new findings that are not (must be 0), fixes skipped, violations.
/// </summary>
internal sealed record ConvergenceCounts(int Findings, int Fixed, int Left, int NewDeclaredPrompts, int NewOther, int Skipped, IReadOnlyList<string> Violations)
{
    public static ConvergenceCounts operator +(ConvergenceCounts a, ConvergenceCounts b) =>
        new(a.Findings + b.Findings, a.Fixed + b.Fixed, a.Left + b.Left, a.NewDeclaredPrompts + b.NewDeclaredPrompts, a.NewOther + b.NewOther, a.Skipped + b.Skipped, a.Violations.Concat(b.Violations).ToList());

    public static ConvergenceCounts Zero { get; } = new(0, 0, 0, 0, 0, 0, Array.Empty<string>());

    public override string ToString() =>
        $"findings {Findings}, fixed {Fixed}, left for a human {Left}, new (declared prompts) {NewDeclaredPrompts}, new (other) {NewOther}, fixes skipped {Skipped}";
}
