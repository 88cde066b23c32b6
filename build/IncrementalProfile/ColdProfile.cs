using System.Diagnostics;
using System.Globalization;
using MetaIssue;
using MetaIssue.Benchmarks.Corpus;
using MetaIssue.Conventions;
using MetaIssue.Model;
using MetaIssue.Rules;
using MetaIssue.Scanning;

/// <summary>
/// Where a cold check (no cache) spends its time and memory, phase by phase, in one fresh process: the tree listed,
/// every file read and parsed, the model built, the rule context, every link resolved, the attempt references, then
/// each rule. After each phase: elapsed ms, resident memory now and at its peak (VmRSS, VmHWM, MB; Linux only), the
/// managed heap (MB, garbage not yet collected included), MB allocated so far and the GC counts (gen0/gen1/gen2).
/// With <c>--live</c>, a full collection at the end gives what is still reachable. Arguments after <c>--cold</c>:
/// corpus folder (generated when missing), meta-issues (10,000 when left out), and optionally <c>--live</c> and
/// <c>--hold</c> (waits two minutes at the end, for a heap dump of what the check holds).
/// </summary>
internal static class ColdProfile
{
    public static void Run(string[] args)
    {
        var root = args.Length > 0 ? Path.GetFullPath(args[0]) : Path.Combine(Path.GetTempPath(), "metaissue-cold-10000");
        var size = args.Length > 1 && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var given) ? given : 10_000;
        if (!Directory.Exists(root))
        {
            CorpusGenerator.Generate(root, size, 4);
        }

        var options = RepositoryConfig.Read(root).Apply(new CheckerOptions(root));
        var watch = Stopwatch.StartNew();
        Console.WriteLine($"{root}: a cold check, phase by phase (ms; MB)");
        Console.WriteLine("elapsed     rss    peak    heap   alloc  gc0/gc1/gc2  phase");
        void Lap(string phase) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{watch.ElapsedMilliseconds,7} {Status("VmRSS"),7:F0} {Status("VmHWM"),7:F0} {GC.GetTotalMemory(false) / 1048576.0,7:F0} {GC.GetTotalAllocatedBytes() / 1048576.0,7:F0}  {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}  {phase}"));

        Lap("start");
        var listing = DocsTreeReader.List(options);
        Lap("tree listed");
        var documents = DocumentLoader.LoadAll(listing.RepositoryRoot, listing.Files, listing.Unread, options, cache: null);
        Lap("every file read and parsed");
        var tree = listing.Build(documents, ExtraWords.None, Array.Empty<ConfigProblem>());
        Lap("model built");
        var context = new CheckContext(tree, options);
        Lap("rule context");
        _ = context.Links.All.Count;
        Lap("every link resolved");
        foreach (var issue in tree.MetaIssues)
        {
            _ = issue.ReferencedWithoutFolder.Count;
        }

        Lap("attempt references without a folder");
        var sink = new DiagnosticSink();
        foreach (var rule in RuleCatalog.Rules)
        {
            rule.Check(context, sink.For(rule.Descriptor));
            Lap("rule " + rule.Descriptor.Id);
        }

        if (args.Contains("--live"))
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Lap($"after a full collection: what is reachable ({sink.Diagnostics.Count} diagnostics)");
        }

        if (args.Contains("--hold"))
        {
            Console.WriteLine($"holding for 120 s: dotnet-dump collect -p {Environment.ProcessId}");
            Thread.Sleep(TimeSpan.FromMinutes(2));
        }

        GC.KeepAlive(tree);
        GC.KeepAlive(context);
    }

    /// <summary>A /proc/self/status field in MB, or NaN where there is none.</summary>
    private static double Status(string field)
    {
        if (!File.Exists("/proc/self/status"))
        {
            return double.NaN;
        }

        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return double.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
            }
        }

        return double.NaN;
    }
}
