using System.Diagnostics;
using System.IO.Enumeration;
using MetaIssue;
using MetaIssue.Benchmarks.Corpus;
using MetaIssue.Caching;
using MetaIssue.Scanning;

/// <summary>
/// Where a replayed (nothing changed) check spends its time, in-process: the first call of each phase (JIT and cold
/// caches included, as in a fresh build) and the median of later calls, with the median managed allocation of each
/// (what can start a collection in a build process). Arguments after <c>--no-op</c>: corpus folder,
/// meta-issues, runs.
/// </summary>
internal static class NoOpProfile
{
    public static void Run(string[] args)
    {
        var root = args.Length > 0 ? Path.GetFullPath(args[0]) : Path.Combine(Path.GetTempPath(), "metaissue-noop-1000");
        var size = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
        var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 9;
        if (!Directory.Exists(root))
        {
            CorpusGenerator.Generate(root, size, 4);
            foreach (var file in Directory.GetFiles(Path.Combine(root, "docs"), "*", SearchOption.AllDirectories))
            {
                File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));
            }
        }

        var options = new CheckerOptions(root);
        var roots = options.MetaIssueRoots.Select(r => Path.GetFullPath(Path.Combine(root, r))).ToList();
        var lessons = Path.GetFullPath(Path.Combine(root, options.LessonsRoot));
        var folders = roots.Append(lessons).ToList();
        var cacheDirectory = Path.Combine(root, "obj", "metaissue-noop-profile");
        Directory.CreateDirectory(cacheDirectory);
        var fingerprint = InputFingerprint.OfTree(options);
        LastCheckFile.Write(cacheDirectory, new LastCheck("key", fingerprint, options.MetaIssueRoots.ToList(), options.LessonsRoot, new[] { "MI001" }, Array.Empty<string>(), InputFingerprint.OfPaths(Array.Empty<string>()), Array.Empty<LoggedFinding>(), new ReplayedOutput("summary", null)) { Listings = InputFingerprint.WalkOf(fingerprint)?.Listings, Subtrees = InputFingerprint.WalkOf(fingerprint)?.Subtrees });
        var listings = InputFingerprint.WalkOf(fingerprint)?.Listings;

        var phases = new List<(string Name, Func<object> Action)>
        {
            ("LastCheckFile.FindReplayable (whole replay decision)", () => LastCheckFile.FindReplayable(cacheDirectory, "key", options) ?? throw new InvalidOperationException("no replay")),
            ("LastCheckFile.Read", () => LastCheckFile.Read(cacheDirectory)!),
            ("InputFingerprint.OfTree (listing every folder; walk + stray search + hash)", () => InputFingerprint.OfTree(options)),
            ("InputFingerprint.OfTree (folders known from the last walk)", () => InputFingerprint.OfTree(options, listings, record: null) == fingerprint ? fingerprint : throw new InvalidOperationException("the known listings gave another fingerprint")),
            ("StrayMetaIssueFinder.Find (alone, nothing skipped)", () => StrayMetaIssueFinder.Find(root, roots, lessons)),
            ("listing only: names of every entry, no stat", () => Count(folders, stat: false)),
            ("listing + one stat per file (size, time)", () => Count(folders, stat: true)),
        };

        var samples = phases.Select(_ => new List<double>()).ToList();
        var allocated = phases.Select(_ => new List<double>()).ToList();
        for (var run = 0; run <= runs; run++)
        {
            for (var i = 0; i < phases.Count; i++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                phases[i].Action();
                samples[i].Add(watch.Elapsed.TotalMilliseconds);
                allocated[i].Add((GC.GetTotalAllocatedBytes(precise: true) - before) / 1e6);
            }
        }

        Console.WriteLine($"{root}: first call (JIT included) and median of {runs} later calls, ms; MB allocated (managed, median)");
        for (var i = 0; i < phases.Count; i++)
        {
            var later = samples[i].Skip(1).Order().ToList();
            var bytes = allocated[i].Skip(1).Order().ToList();
            Console.WriteLine($"{samples[i][0],8:F1} {later[later.Count / 2],8:F1} {bytes[bytes.Count / 2],7:F2} MB  {phases[i].Name}");
        }
    }

    private static object Count(IEnumerable<string> folders, bool stat)
    {
        long total = 0;
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var entries = new FileSystemEnumerable<long>(
                folder,
                (ref FileSystemEntry entry) => stat && !entry.IsDirectory ? entry.Length + entry.LastWriteTimeUtc.Ticks : 1,
                new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 });
            foreach (var value in entries)
            {
                total += value;
            }
        }

        return total;
    }
}
