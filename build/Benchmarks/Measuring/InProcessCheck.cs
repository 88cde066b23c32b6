using MetaIssue.Diagnostics;

namespace MetaIssue.Benchmarks.Measuring;

/// <summary>The checker as a library: cold (no cache: every file read and parsed) and warm (the facts cache of a previous run).</summary>
internal static class InProcessCheck
{
    public static CheckerOptions Options(string root, string? cacheDirectory) => new(root) { CacheDirectory = cacheDirectory };

    public static CheckResult Run(string root, string? cacheDirectory = null) => MetaIssueChecker.Check(Options(root, cacheDirectory));

    public static Sample Cold(string root, int runs, int warmUps) => Timing.Measure(runs, warmUps, () => Run(root));

    /// <summary>Warm: the cache is filled by the (untimed) warm-up run, then every timed run finds all files in it.</summary>
    public static Sample Warm(string root, string cacheDirectory, int runs, int warmUps)
    {
        if (Directory.Exists(cacheDirectory))
        {
            Directory.Delete(cacheDirectory, recursive: true);
        }

        var sample = Timing.Measure(runs, Math.Max(1, warmUps), () => Run(root, cacheDirectory));
        var check = Run(root, cacheDirectory);
        var unreadable = check.Tree.Documents.Count(d => d.Problem is not null); // MI900 files are never cached
        if (check.CacheMisses != unreadable)
        {
            throw new InvalidOperationException($"the warm check still parsed {check.CacheMisses} files ({unreadable} unreadable); the cache did not work");
        }

        return sample;
    }

    /// <summary>
    /// Nothing changed since the last check: what the build task does first, fingerprint the tree and the outside paths
    /// and take the saved findings (the last check is saved once, untimed, as the task saves it).
    /// </summary>
    public static Sample Unchanged(string root, string cacheDirectory, int runs, int warmUps)
    {
        var options = Options(root, cacheDirectory);
        var tree = MetaIssue.Caching.InputFingerprint.OfTree(options);
        var result = MetaIssueChecker.Check(options);
        const string host = "benchmark";
        MetaIssue.Caching.LastCheckFile.Write(cacheDirectory, MetaIssue.Caching.LastCheck.Of(host, tree, result, Array.Empty<string>(), new MetaIssue.Caching.ReplayedOutput("summary", null)));
        return Timing.Measure(runs, warmUps, () =>
        {
            if (MetaIssue.Caching.LastCheckFile.FindReplayable(cacheDirectory, host, options) is null)
            {
                throw new InvalidOperationException("nothing changed, yet the last check was not replayable");
            }
        });
    }

    /// <summary>Diagnostics per code, e.g. MI030 → 12.</summary>
    public static IReadOnlyDictionary<string, int> CountByCode(CheckResult result) =>
        result.Diagnostics.GroupBy(d => d.Code).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public static IEnumerable<Diagnostic> Diagnostics(CheckResult result) => result.Diagnostics;
}
