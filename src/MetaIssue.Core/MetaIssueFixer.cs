using MetaIssue.Diagnostics;
using MetaIssue.Fixes;

namespace MetaIssue;

/// <summary>
/// Checks, applies the fixes the findings carry up to an applicability, and checks again: what
/// <c>dotnet build -t:MetaIssueFix</c> and the convergence tests run. Writes only inside the meta-issue roots and the
/// lessons root, through <see cref="FixApplier"/> (content-hash checked, atomic, bytes outside the edits kept).
/// </summary>
public static class MetaIssueFixer
{
    /// <summary>
    /// One fix run on the repository <paramref name="options"/> describe. <paramref name="level"/> is the least
    /// trusted applicability applied (<see cref="FixApplicability.Safe"/>: safe fixes only;
    /// <see cref="FixApplicability.Review"/>: safe and review fixes). A dry run writes nothing and its
    /// <see cref="FixRun.After"/> is the first check. Never throws for unreadable or hostile files: a fix that cannot
    /// be applied is skipped with its reason (<see cref="FixReport.Skipped"/>).
    /// </summary>
    public static FixRun Run(CheckerOptions options, FixApplicability level, bool dryRun)
    {
        var before = MetaIssueChecker.Check(options);
        var offered = Offered(before.Diagnostics, level);
        var applier = new FixApplier(before.Tree.RepositoryRoot, WritableRoots(options, before.Tree.RepositoryRoot));
        var report = applier.Apply(offered, dryRun);
        var after = dryRun || !report.ChangedAnything ? before : MetaIssueChecker.Check(options);
        return new FixRun(before, offered, report, after);
    }

    /// <summary>
    /// The fixes of <paramref name="diagnostics"/> at or below <paramref name="level"/>, in diagnostic order, each
    /// once (findings that share one plan, such as renumbering, carry the same fix).
    /// </summary>
    public static IReadOnlyList<Fix> Offered(IEnumerable<Diagnostic> diagnostics, FixApplicability level) =>
        diagnostics.Select(d => d.Fix).OfType<Fix>().Where(f => f.Applicability <= level).Distinct().ToList();

    /// <summary>The folders fixes may write into: every meta-issue root and the lessons root, as full paths.</summary>
    public static IReadOnlyList<string> WritableRoots(CheckerOptions options, string repositoryRoot) =>
        options.MetaIssueRoots.Append(options.LessonsRoot)
            .Where(root => !string.IsNullOrWhiteSpace(root))
            .Select(root => Path.GetFullPath(Path.Combine(repositoryRoot, root.Trim())))
            .Distinct()
            .ToList();
}

/// <summary>What a <see cref="MetaIssueFixer.Run"/> did: the first check, the fixes offered, what was applied, and the check after it.</summary>
public sealed record FixRun(CheckResult Before, IReadOnlyList<Fix> Offered, FixReport Report, CheckResult After)
{
    /// <summary>Findings of the first check whose fix was applied.</summary>
    public int Fixed => Before.Diagnostics.Count(d => d.Fix is { } fix && Report.Applied.Contains(fix));

    /// <summary>One line: what changed and what is left, e.g. "fixed 5 findings with 4 fixes in 3 files; 2 findings left".</summary>
    public string Summary
    {
        get
        {
            var files = Report.ChangedFiles.Count + Report.CreatedFiles.Count + Report.RenamedFolders.Count;
            var verb = Report.DryRun ? "would fix" : "fixed";
            var skipped = Report.Skipped.Count == 0 ? string.Empty : $", {Report.Skipped.Count} skipped";
            var left = Report.DryRun ? Before.Diagnostics.Count - Fixed : After.Diagnostics.Count;
            return $"MetaIssue fix: {verb} {Fixed} finding{(Fixed == 1 ? "" : "s")} with {Report.Applied.Count} fix{(Report.Applied.Count == 1 ? "" : "es")} in {files} file{(files == 1 ? "" : "s")}{skipped}; {left} finding{(left == 1 ? "" : "s")} left";
        }
    }
}
