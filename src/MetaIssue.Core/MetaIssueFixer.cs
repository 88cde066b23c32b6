using MetaIssue.Diagnostics;
using MetaIssue.Fixes;

namespace MetaIssue;

/// <summary>
/// Checks, applies the fixes the findings carry up to an applicability, and checks again: what
/// <c>metaissue fix</c>, <c>dotnet build -t:MetaIssueFix</c> and the convergence tests run. Writes only inside the meta-issue roots and the
/// lessons root, through <see cref="FixApplier"/> (content-hash checked, atomic, bytes outside the edits kept).
/// </summary>
public static class MetaIssueFixer
{
    /// <summary>
    /// One fix run on the repository <paramref name="options"/> describe. <paramref name="level"/> is the least
    /// trusted applicability applied (<see cref="FixApplicability.Safe"/>: safe fixes only;
    /// <see cref="FixApplicability.Review"/>: safe and review fixes). Folder renames move the paths the other fixes
    /// were computed against, so when a run renames folders it does so in a first pass of its own, checks again and
    /// applies the rest from the new state (a dry run shows one pass: everything computed from the files as they
    /// are). A dry run writes nothing and its <see cref="FixRun.After"/> is the first check. Never throws for
    /// unreadable or hostile files: a fix that cannot be applied is skipped whole, with its reason. Run one fix run at a
    /// time per repository: a concurrent writer makes fixes skip (their content hashes no longer match), never half-apply.
    /// </summary>
    public static FixRun Run(CheckerOptions options, FixApplicability level, bool dryRun)
    {
        var before = MetaIssueChecker.Check(options);
        var applier = Applier(options, before.Tree.RepositoryRoot);
        var passes = new List<FixPass>();
        var current = before;
        var offered = Offered(current.Diagnostics, level);
        var renames = offered.Where(f => f.Changes.Any(c => c is FolderRename)).ToList();
        if (!dryRun && renames.Count > 0 && renames.Count < offered.Count)
        {
            var first = applier.Apply(renames);
            passes.Add(new FixPass(current, renames, first));
            if (first.ChangedAnything)
            {
                current = MetaIssueChecker.Check(options);
                offered = Offered(current.Diagnostics, level);
            }
            else
            {
                offered = offered.Except(renames).ToList();
            }
        }

        passes.Add(new FixPass(current, offered, applier.Apply(offered, dryRun)));
        var after = dryRun || !passes.Any(p => p.Report.ChangedAnything) ? current : MetaIssueChecker.Check(options);
        return new FixRun(before, passes, after, dryRun);
    }

    /// <summary>
    /// The fixes of <paramref name="diagnostics"/> at or below <paramref name="level"/>, in diagnostic order, each
    /// once (findings that share one plan, such as renumbering, carry the same fix).
    /// </summary>
    public static IReadOnlyList<Fix> Offered(IEnumerable<Diagnostic> diagnostics, FixApplicability level) =>
        diagnostics.Select(d => d.Fix).OfType<Fix>().Where(f => f.Applicability <= level).Distinct().ToList();

    /// <summary>Same as <see cref="Offered"/>: the fixes of <paramref name="diagnostics"/> at <paramref name="level"/> or safer, each once.</summary>
    public static IReadOnlyList<Fix> Select(IEnumerable<Diagnostic> diagnostics, FixApplicability level) => Offered(diagnostics, level);

    /// <summary>An applier that writes only inside the meta-issue roots and the lessons root of <paramref name="options"/>.</summary>
    public static FixApplier Applier(CheckerOptions options) => Applier(options, options.RepositoryRoot);

    private static FixApplier Applier(CheckerOptions options, string repositoryRoot) =>
        new(repositoryRoot, WritableRoots(options, repositoryRoot));

    /// <summary>The folders fixes may write into: every meta-issue root and the lessons root, as full paths.</summary>
    public static IReadOnlyList<string> WritableRoots(CheckerOptions options, string repositoryRoot) =>
        options.MetaIssueRoots.Append(options.LessonsRoot)
            .Where(root => !string.IsNullOrWhiteSpace(root))
            .Select(root => Path.GetFullPath(Path.Combine(repositoryRoot, root.Trim())))
            .Distinct()
            .ToList();
}

/// <summary>One application of fixes: the check they came from, the fixes offered, and what the applier did.</summary>
public sealed record FixPass(CheckResult Check, IReadOnlyList<Fix> Offered, FixReport Report)
{
    /// <summary>Findings of <see cref="Check"/> whose fix this pass applied.</summary>
    public IEnumerable<Diagnostic> Fixed => Check.Diagnostics.Where(d => d.Fix is { } fix && Report.Applied.Contains(fix));
}

/// <summary>What a <see cref="MetaIssueFixer.Run"/> did: the first check, each pass, and the check after them all.</summary>
public sealed record FixRun(CheckResult Before, IReadOnlyList<FixPass> Passes, CheckResult After, bool DryRun)
{
    /// <summary>Every fix applied (or, in a dry run, that would be), over all passes, in order.</summary>
    public IReadOnlyList<Fix> Applied => Passes.SelectMany(p => p.Report.Applied).ToList();

    /// <summary>Fixes left out in the last pass, with why (an earlier pass's skips are offered again).</summary>
    public IReadOnlyList<SkippedFix> Skipped => Passes[Passes.Count - 1].Report.Skipped;

    /// <summary>Existing files rewritten, full paths, each once.</summary>
    public IReadOnlyList<string> ChangedFiles => Passes.SelectMany(p => p.Report.ChangedFiles).Distinct().ToList();

    /// <summary>Files created, full paths, each once.</summary>
    public IReadOnlyList<string> CreatedFiles => Passes.SelectMany(p => p.Report.CreatedFiles).Distinct().ToList();

    /// <summary>Folders renamed, old and new full paths, in order.</summary>
    public IReadOnlyList<FolderMove> RenamedFolders => Passes.SelectMany(p => p.Report.RenamedFolders).ToList();

    /// <summary>Writes that failed (a file changed meanwhile, an I/O error), one line each; empty on success.</summary>
    public IReadOnlyList<string> Problems => Passes.SelectMany(p => p.Report.Problems).ToList();

    /// <summary>The unified diff of every pass, in order.</summary>
    public string Diff => string.Concat(Passes.Select(p => p.Report.Diff));

    /// <summary>True when any pass wrote, created or renamed something (never in a dry run).</summary>
    public bool ChangedAnything => Passes.Any(p => p.Report.ChangedAnything);

    /// <summary>Findings whose fix was applied, over all passes.</summary>
    public int Fixed => Passes.Sum(p => p.Fixed.Count());

    /// <summary>One line: what changed and what is left, e.g. "MetaIssue fix: fixed 5 findings with 4 fixes in 3 files; 2 findings left".</summary>
    public string Summary
    {
        get
        {
            var files = ChangedFiles.Count + CreatedFiles.Count + RenamedFolders.Count;
            var verb = DryRun ? "would fix" : "fixed";
            var skipped = Skipped.Count == 0 ? string.Empty : $", {Skipped.Count} skipped";
            var left = DryRun ? Before.Diagnostics.Count - Fixed : After.Diagnostics.Count;
            return $"MetaIssue fix: {verb} {Plural(Fixed, "finding")} with {Plural(Applied.Count, "fix")} in {Plural(files, "file")}{skipped}; {Plural(left, "finding")} left";
        }
    }

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : noun.EndsWith("x", StringComparison.Ordinal) ? "es" : "s")}";
}
