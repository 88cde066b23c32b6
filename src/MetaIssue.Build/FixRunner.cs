using MetaIssue.Fixes;

namespace MetaIssue.Build;

/// <summary>The bridge from <see cref="FixMetaIssues"/> to MetaIssue.Core, kept apart so Core loads only when called.</summary>
internal static class FixRunner
{
    /// <summary>The applicability for a MetaIssueFixLevel value (case-insensitive; empty is safe), or null when unknown.</summary>
    public static FixApplicability? ParseLevel(string level) => (level ?? string.Empty).Trim().ToLowerInvariant() switch
    {
        "" or "safe" => FixApplicability.Safe,
        "review" => FixApplicability.Review,
        _ => null,
    };

    public static FixOutcome Run(FixMetaIssues task, FixApplicability level)
    {
        var options = task.ScopeSettings().ToCheckerOptions(cacheDirectory: null);

        var run = MetaIssueFixer.Run(options, level, task.DryRun);
        var root = run.Before.Tree.RepositoryRoot;
        string Label(string path) => IO.PathText.FromRoot(root, path);

        var lines = new List<string>();
        if (task.DryRun && run.Diff.Length > 0)
        {
            lines.Add("MetaIssue fix (dry run, nothing written):\n" + run.Diff.TrimEnd('\n'));
        }

        var verb = task.DryRun ? "would " : string.Empty;
        lines.AddRange(run.ChangedFiles.Select(f => $"MetaIssue fix: {verb}edit {Label(f)}"));
        lines.AddRange(run.CreatedFiles.Select(f => $"MetaIssue fix: {verb}create {Label(f)}"));
        lines.AddRange(run.RenamedFolders.Select(m => $"MetaIssue fix: {verb}rename {Label(m.OldPath)} to {Label(m.NewPath)}"));
        lines.AddRange(run.Skipped.Select(s => $"MetaIssue fix: skipped '{s.Fix.Title}': {s.Reason}"));
        var withheld = run.Before.Diagnostics.Select(d => d.Fix).OfType<Fix>().Distinct().Count(f => f.Applicability > level);
        if (withheld > 0)
        {
            lines.Add($"MetaIssue fix: {withheld} fix{(withheld == 1 ? " needs" : "es need")} review; apply with -p:MetaIssueFixLevel=review");
        }

        var problems = run.Problems.Select(p => new FixProblem(root, "a fix could not be written: " + p)).ToList();
        return new FixOutcome(lines, problems, run.Summary, run.Fixed);
    }
}

internal sealed record FixProblem(string File, string Message);

internal sealed record FixOutcome(IReadOnlyList<string> Lines, IReadOnlyList<FixProblem> Problems, string Summary, int Fixed);
