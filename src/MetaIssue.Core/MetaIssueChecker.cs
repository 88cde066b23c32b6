using MetaIssue.Scanning;
using MetaIssue.Caching;
using MetaIssue.Diagnostics;
using MetaIssue.Links;
using MetaIssue.Model;
using MetaIssue.Rules;

namespace MetaIssue;

/// <summary>Reads a repository's meta-issues and lessons, runs every rule, and returns the diagnostics in a stable order.</summary>
public static class MetaIssueChecker
{
    /// <summary>
    /// Checks the repository <paramref name="options"/> describe, with the roots and words of its
    /// <c>.metaissue.json</c> (<see cref="RepositoryConfig"/>): scans the meta-issue and lessons roots, reads and
    /// parses every Markdown file (in parallel, <see cref="CheckerOptions.MaxParallelism"/> threads), runs every rule of
    /// <see cref="RuleCatalog.Rules"/> and returns the diagnostics sorted by file, line, column, code and message.
    /// When <see cref="CheckerOptions.CacheDirectory"/> is set, parsed facts come from a cache file there, which is saved afterwards; there too
    /// the findings per meta-issue are kept, and the rules re-run only on the meta-issues an edit can affect
    /// (<see cref="IncrementalCheck"/>), with the same result as a full check. Never
    /// throws for unreadable files or folders, nor for a rule that fails: those become MI900 findings. Safe to call
    /// from several threads on different options; one call uses one cache at a time.
    /// </summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled (checked per file and per rule).</exception>
    public static CheckResult Check(CheckerOptions options, CancellationToken cancellationToken = default) =>
        Check(options, cache: null, walked: null, cancellationToken);

    /// <summary>
    /// As <see cref="Check(CheckerOptions, CancellationToken)"/>, reading the folders, and the sizes and times of the
    /// files, from the walk that took <paramref name="treeFingerprint"/> (<see cref="InputFingerprint.OfTree(CheckerOptions)"/>,
    /// in this process, just before) instead of listing and looking at them again; files are still read from disk.
    /// A fingerprint of other roots than the check's (after <c>.metaissue.json</c>), or null, is ignored.
    /// </summary>
    public static CheckResult Check(CheckerOptions options, string? treeFingerprint, CancellationToken cancellationToken = default) =>
        Check(options, cache: null, treeFingerprint is null ? null : InputFingerprint.WalkOf(treeFingerprint), cancellationToken);

    /// <summary>As <see cref="Check(CheckerOptions, CancellationToken)"/>, with parsed facts taken from <paramref name="cache"/> when not null.</summary>
    internal static CheckResult Check(CheckerOptions options, IFactsCache? cache, CancellationToken cancellationToken = default) =>
        Check(options, cache, walked: null, cancellationToken);

    private static CheckResult Check(CheckerOptions options, IFactsCache? cache, TreeWalk? walked, CancellationToken cancellationToken)
    {
        // .metaissue.json gives roots and words; the build's own settings win (RepositoryConfig.Apply).
        var startedUtc = DateTime.UtcNow;
        var config = RepositoryConfig.Read(options.RepositoryRoot);
        options = config.Apply(options);
        var cacheFile = cache is null && options.CacheDirectory is { Length: > 0 } directory ? FactsCacheFile.Open(directory) : null;
        // The walk's entries stand for the disk only where it walked the very roots this check reads.
        var snapshot = walked is not null && InputFingerprint.Covers(walked, options) ? walked.Snapshot : null;
        var tree = DocsTreeReader.Read(options, cache ?? cacheFile, config, snapshot, cancellationToken);
        snapshot?.Release(); // read once; the rules never list folders

        // With a cache directory, only the meta-issues an edit can have changed are re-checked (IncrementalCheck).
        var incremental = cacheFile is not null ? IncrementalCheck.Open(options.CacheDirectory!, tree, options, startedUtc) : null;
        var result = Check(tree, options, incremental, cancellationToken);

        // Saved after the rules: cached facts are decoded when the rules ask for them, and an entry that failed to
        // decode then makes the save rewrite the file without it.
        cacheFile?.Save();
        result.CacheHits = cacheFile?.Hits;
        result.CacheMisses = cacheFile?.Misses;
        return result;
    }

    /// <summary>Runs every rule on an already read <paramref name="tree"/>; the rest as <see cref="Check(CheckerOptions, CancellationToken)"/>.</summary>
    public static CheckResult Check(DocsTree tree, CheckerOptions options, CancellationToken cancellationToken = default) =>
        Check(tree, options, null, cancellationToken);

    private static CheckResult Check(DocsTree tree, CheckerOptions options, IncrementalCheck? incremental, CancellationToken cancellationToken)
    {
        var context = new CheckContext(tree, options);
        context.Scope = incremental?.Plan(context.Links);
        var sink = new DiagnosticSink();
        var ruleFailed = false;
        foreach (var rule in RuleCatalog.Rules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                rule.Check(context, sink.For(rule.Descriptor));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A bug in one rule must not hide what the others found, nor fail the user's build; nor is a run in
                // which a rule stopped kept for reuse.
                ruleFailed = true;
                sink.Producer = null;
                sink.Report(UnreadableFileRule.Definition, tree.RepositoryRoot, null, null,
                    $"rule {rule.Descriptor.Id} stopped with",
                    $"{exception.GetType().Name}: {IO.FileContent.OneLine(exception.Message)}; the other rules still ran. Please report this.");
            }
        }

        IReadOnlyList<Diagnostic> found = sink.Diagnostics;
        IReadOnlyList<string>? outside = null;
        if (incremental is not null)
        {
            (found, outside) = incremental.Merge(sink, context.Scope, context.Links, context.OutsideInputs, ruleFailed ? null : options.CacheDirectory);
        }

        var diagnostics = found
            .Distinct()
            .OrderBy(d => d.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Range?.Line ?? 0)
            .ThenBy(d => d.Range?.Column ?? 0)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
        return new CheckResult(tree, diagnostics, context.Links) { KnownOutsidePaths = outside ?? context.OutsideInputs.ToList(), Rechecked = context.Scope?.Count };
    }
}

/// <summary>What a check found, with the tree it looked at (for the summary, the overview and SARIF).</summary>
public sealed class CheckResult
{
    internal CheckResult(DocsTree tree, IReadOnlyList<Diagnostic> diagnostics, TreeLinks links)
    {
        Tree = tree;
        Diagnostics = diagnostics;
        Links = links;
    }

    /// <summary>The indexes the rules used (lessons per meta-issue, resolved links), for reports built on the result.</summary>
    internal TreeLinks Links { get; }

    public DocsTree Tree { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>
    /// Paths outside the scanned folders whose existence or content the rules depended on, and the git branches MI003
    /// consulted (entries that start with <see cref="Git.BranchAttempts.InputPrefix"/>; <see cref="Caching.InputFingerprint.OfPaths"/>
    /// describes both).
    /// </summary>
    public IEnumerable<string> OutsidePaths => KnownOutsidePaths;

    /// <summary>
    /// What the check looked at outside the tree: this run's and, after an incremental check, what the reused findings
    /// depended on. Set by the checker, the one place that knows every source (link targets and git's branches).
    /// </summary>
    internal IReadOnlyList<string> KnownOutsidePaths { get; init; } = Array.Empty<string>();

    /// <summary>How many meta-issues an incremental check re-checked (the others' findings were reused), or null after a full check.</summary>
    public int? Rechecked { get; init; }

    /// <summary>Files taken from the between-builds cache, and files parsed, when a cache was used.</summary>
    public int? CacheHits { get; internal set; }

    public int? CacheMisses { get; internal set; }
}
