using MetaIssue.Diagnostics;
using MetaIssue.Fixes;
using MetaIssue.IO;

namespace MetaIssue;

/// <summary>
/// The fix workflow shared by <c>metaissue fix</c> and the build's fix target: check, take the fixes the findings
/// carry at the asked level (safe, or safe and review), apply them as one change with <see cref="FixApplier"/>
/// inside the meta-issue roots and the lessons root only, then check again to show what is left.
/// </summary>
public static class MetaIssueFixer
{
    /// <param name="options">Where the docs are; the roots fixes may write to come from it.</param>
    /// <param name="level"><see cref="FixApplicability.Safe"/> applies safe fixes only; <see cref="FixApplicability.Review"/> adds the review ones.</param>
    /// <param name="dryRun">Plan and render the diff, write nothing.</param>
    public static FixOutcome Run(CheckerOptions options, FixApplicability level, bool dryRun)
    {
        var before = MetaIssueChecker.Check(options);
        var fixes = Select(before.Diagnostics, level);
        var report = Applier(options).Apply(fixes, dryRun);
        var after = dryRun || !report.ChangedAnything ? before : MetaIssueChecker.Check(options);
        return new FixOutcome(before, report, after);
    }

    /// <summary>The fixes of <paramref name="diagnostics"/> at <paramref name="level"/> or safer, in finding order, each once.</summary>
    public static IReadOnlyList<Fix> Select(IEnumerable<Diagnostic> diagnostics, FixApplicability level) =>
        diagnostics.Select(d => d.Fix).OfType<Fix>().Where(f => f.Applicability <= level).Distinct().ToArray();

    /// <summary>An applier that writes only inside the meta-issue roots and the lessons root of <paramref name="options"/>.</summary>
    public static FixApplier Applier(CheckerOptions options) => new(
        options.RepositoryRoot,
        options.MetaIssueRoots.Append(options.LessonsRoot).Select(root => PathText.Normalize(Path.Combine(options.RepositoryRoot, root))));
}

/// <summary>What a fix run found, did and left: the check before, the applier's report, the check after (the same as before on a dry run).</summary>
public sealed record FixOutcome(CheckResult Before, FixReport Report, CheckResult After);
