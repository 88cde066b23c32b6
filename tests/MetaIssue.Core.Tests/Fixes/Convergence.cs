using System.Text.RegularExpressions;
using MetaIssue.Diagnostics;
using MetaIssue.Fixes;

namespace MetaIssue.Tests.Fixes;

/// <summary>
/// The convergence property of the fixes on one repository: apply every fix up to a level, check again, and hold
/// that every fixed finding is gone; that no new finding appears except those about prompts the fixes declared
/// (MI016, and MI015 for a result line that now holds its prompt) and, once a fix resolved the meta-issue, the lesson
/// it now owes (MI020: only a person can write it); and that a second run changes nothing. A finding counts as the
/// same when it has the same code and file (paths followed through the renames) or the same file and position
/// (a broken link whose file a fix created is the same link, now with a fragment to check).
/// </summary>
internal static class Convergence
{
    /// <summary>Runs the property on the repository at <paramref name="root"/>; returns the counts and every violation found.</summary>
    public static ConvergenceCounts Run(string root, FixApplicability level)
    {
        var options = new CheckerOptions(root);
        var run = MetaIssueFixer.Run(options, level, dryRun: false);
        var violations = new List<string>(run.Problems.Select(p => "write problem: " + p));
        string Mapped(string path) => run.RenamedFolders.Aggregate(path, (p, move) =>
            p == move.OldPath || p.StartsWith(move.OldPath + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? move.NewPath + p.Substring(move.OldPath.Length) : p);

        var after = run.After.Diagnostics.Select(d => (d.Code, d.FilePath, d.Message)).ToHashSet();
        var fixedFindings = run.Passes.SelectMany(p => p.Fixed).ToList();
        violations.AddRange(fixedFindings.Where(d => after.Contains((d.Code, Mapped(d.FilePath), d.Message))).Select(d => $"still there after its fix '{d.Fix!.Title}': {d}"));

        var earlier = run.Passes.SelectMany(p => p.Check.Diagnostics).ToList();
        bool Existed(Diagnostic d) => earlier.Any(e => Mapped(e.FilePath) == d.FilePath && (e.Code == d.Code || (e.Range is { } r && d.Range is { } s && r.Line == s.Line && r.Column == s.Column)));
        var declared = run.Applied.SelectMany(f => f.InsertedPrompts).ToHashSet(StringComparer.Ordinal);
        var closed = run.Applied.Any(f => f.Title.Contains("status Resolved", StringComparison.Ordinal) || f.Title.Contains("status to Resolved", StringComparison.Ordinal));
        var fresh = run.After.Diagnostics.Where(d => !Existed(d)).ToList();
        var unexplained = fresh.Where(d => !IsDeclaredPrompt(d, declared) && !(closed && d.Code == "MI020")).ToList();
        violations.AddRange(unexplained.Select(d => "new finding: " + d));

        var second = MetaIssueFixer.Run(options, level, dryRun: false);
        if (second.ChangedAnything)
        {
            violations.Add("a second run changed files again:\n" + second.Diff);
        }

        return new ConvergenceCounts(run.Before.Diagnostics.Count, fixedFindings.Count, run.After.Diagnostics.Count, fresh.Count - unexplained.Count, unexplained.Count, run.Skipped.Count, violations);
    }

    /// <summary>A finding that asks a person to fill a prompt some applied fix inserted on purpose (MI016 quotes at most its start).</summary>
    private static bool IsDeclaredPrompt(Diagnostic diagnostic, ISet<string> declared)
    {
        if (diagnostic.Code == "MI015")
        {
            return diagnostic.Message.Contains("only an unfilled prompt", StringComparison.Ordinal) && declared.Count > 0;
        }

        var quoted = Regex.Match(diagnostic.Message, @"template prompt '(?<prompt>.+?)'(;|$)");
        if (diagnostic.Code != "MI016" || !quoted.Success)
        {
            return false;
        }

        var prompt = quoted.Groups["prompt"].Value;
        var start = prompt.EndsWith("...]", StringComparison.Ordinal) ? prompt[..^4] : prompt;
        return declared.Any(p => p.StartsWith(start, StringComparison.Ordinal));
    }
}

/// <summary>
/// What one convergence run saw: findings before, findings whose fix was applied, findings left after (the human
/// part), new findings about declared prompts, new findings that are not (must be 0), fixes skipped, violations.
/// </summary>
internal sealed record ConvergenceCounts(int Findings, int Fixed, int Left, int NewDeclaredPrompts, int NewOther, int Skipped, IReadOnlyList<string> Violations)
{
    public static ConvergenceCounts Zero { get; } = new(0, 0, 0, 0, 0, 0, Array.Empty<string>());

    public static ConvergenceCounts operator +(ConvergenceCounts a, ConvergenceCounts b) =>
        new(a.Findings + b.Findings, a.Fixed + b.Fixed, a.Left + b.Left, a.NewDeclaredPrompts + b.NewDeclaredPrompts, a.NewOther + b.NewOther, a.Skipped + b.Skipped, a.Violations.Concat(b.Violations).ToList());

    public override string ToString() =>
        $"findings {Findings}, fixed {Fixed}, left for a human {Left}, new (declared prompts) {NewDeclaredPrompts}, new (other) {NewOther}, fixes skipped {Skipped}";
}
