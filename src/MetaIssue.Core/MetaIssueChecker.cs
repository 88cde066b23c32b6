using MetaIssue.Caching;
using MetaIssue.Diagnostics;
using MetaIssue.Model;
using MetaIssue.Rules;

namespace MetaIssue;

/// <summary>Reads a repository's meta-issues and lessons, runs every rule, and returns the diagnostics in a stable order.</summary>
public static class MetaIssueChecker
{
    public static IReadOnlyList<IRule> AllRules { get; } = new IRule[]
    {
        new MissingCoreFileRule(),
        new AttemptFolderNameRule(),
        new AttemptNumberingRule(),
        new MissingSolutionApproachRule(),
        new MissingAttemptResultsRule(),
        new ReadmeStatusRule(),
        new ResolvedAttemptRule(),
        new StaleStatusRule(),
        new AttemptListRule(),
        new ImplementationLogEntryRule(),
        new TestResultsRecordedRule(),
        new UnfilledPlaceholderRule(),
        new MissingLessonRule(),
        new LessonBacklinkRule(),
        new SupersededLinkRule(),
        new BrokenLinkRule(),
        new BrokenAnchorRule(),
        new UnreadableFileRule(),
    };

    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled (checked per file and per rule).</exception>
    public static CheckResult Check(CheckerOptions options, IFactsCache? cache = null, CancellationToken cancellationToken = default)
    {
        var cacheFile = cache is null && options.CacheDirectory is { Length: > 0 } directory ? FactsCacheFile.Open(directory) : null;
        var tree = DocsTreeReader.Read(options, cache ?? cacheFile, cancellationToken);
        cacheFile?.Save();
        var result = Check(tree, options, cancellationToken);
        result.CacheHits = cacheFile?.Hits;
        result.CacheMisses = cacheFile?.Misses;
        return result;
    }

    public static CheckResult Check(DocsTree tree, CheckerOptions options, CancellationToken cancellationToken = default)
    {
        var context = new CheckContext(tree, options);
        var sink = new DiagnosticSink();
        foreach (var rule in AllRules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                rule.Check(context, sink);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A bug in one rule must not hide what the others found, nor fail the user's build.
                sink.Report(RuleCatalog.UnreadableFile, tree.RepositoryRoot, null,
                    $"rule {rule.Descriptor.Id} stopped with {exception.GetType().Name}: {IO.FileContent.OneLine(exception.Message)}; the other rules still ran. Please report this.");
            }
        }

        var diagnostics = sink.Diagnostics
            .Distinct()
            .OrderBy(d => d.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Range?.Line ?? 0)
            .ThenBy(d => d.Range?.Column ?? 0)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
        return new CheckResult(tree, diagnostics, context);
    }
}

/// <summary>What a check found, with the tree it looked at (for the summary, the overview and SARIF).</summary>
public sealed class CheckResult
{
    internal CheckResult(DocsTree tree, IReadOnlyList<Diagnostic> diagnostics, CheckContext context)
    {
        Tree = tree;
        Diagnostics = diagnostics;
        Context = context;
    }

    /// <summary>The indexes the rules used (lessons per meta-issue, resolved links), for reports built on the result.</summary>
    internal CheckContext Context { get; }

    public DocsTree Tree { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Paths outside the scanned folders whose existence or content the rules depended on.</summary>
    public IEnumerable<string> OutsidePaths => Context.OutsidePaths;

    /// <summary>Files taken from the between-builds cache, and files parsed, when a cache was used.</summary>
    public int? CacheHits { get; internal set; }

    public int? CacheMisses { get; internal set; }
}
