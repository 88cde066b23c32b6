// Usage: dotnet run -c Release --project build/IncrementalProfile -- [corpus folder] [meta-issues] [runs]
// (--no-op: the replay decision's phases, NoOpProfile; --cold: a cold check's time and memory per phase, ColdProfile.)
// Times, in one process and interleaved, a check after one README was edited: with the rule results of the last check
// (incremental) and with them deleted (every rule on the whole tree, as before they existed); then each phase of the
// path a build takes after an edit (one walk, the tree read from its snapshot, facts decoded on demand). Medians in
// ms, after two untimed checks (so JIT compilation is mostly not in them; a fresh build process pays it). Files are
// dated an hour back first, so no stamp is racy.
using System.Diagnostics;
using MetaIssue;
using MetaIssue.Benchmarks.Corpus;
using MetaIssue.Caching;
using MetaIssue.Model;
using MetaIssue.Rules;
using MetaIssue.Scanning;

if (args.Length > 0 && args[0] == "--no-op")
{
    NoOpProfile.Run(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "--cold")
{
    ColdProfile.Run(args[1..]);
    return;
}

var root = args.Length > 0 ? Path.GetFullPath(args[0]) : Path.Combine(Path.GetTempPath(), "metaissue-incremental-1000");
var size = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
if (!Directory.Exists(root))
{
    CorpusGenerator.Generate(root, size, 4);
}

foreach (var file in Directory.GetFiles(Path.Combine(root, "docs"), "*", SearchOption.AllDirectories))
{
    File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));
}

var cacheDirectory = Path.Combine(root, "obj", "metaissue-profile");
if (Directory.Exists(cacheDirectory))
{
    Directory.Delete(cacheDirectory, recursive: true);
}

var options = new CheckerOptions(root) { CacheDirectory = cacheDirectory };
var resultsFile = Path.Combine(cacheDirectory, RuleResultsFile.FileName);
MetaIssueChecker.Check(options);
MetaIssueChecker.Check(options);
var readmes = Directory.GetDirectories(Path.Combine(root, "docs", "meta-issues")).Order(StringComparer.Ordinal)
    .Select(d => Path.Combine(d, "README.md")).Where(File.Exists).ToList();
var samples = new Dictionary<string, List<double>>(StringComparer.Ordinal);
var allocations = new Dictionary<string, List<double>>(StringComparer.Ordinal);
var edits = 0;

for (var run = 0; run < runs; run++)
{
    Edit();
    var incremental = Time("check after one edit, incremental", () => MetaIssueChecker.Check(options));
    Edit();
    File.Delete(resultsFile);
    var full = Time("check after one edit, rule results deleted (all rules, as before)", () => MetaIssueChecker.Check(options));
    if (!incremental.Diagnostics.Select(d => d.ToString()).SequenceEqual(full.Diagnostics.Select(d => d.ToString())))
    {
        throw new InvalidOperationException("the incremental check found something else than the full one");
    }

    // The phases of the build's path after an edit: the replay decision's walk (kept as the check's fingerprint and
    // snapshot), then the check reading the tree from it.
    Edit();
    var started = DateTime.UtcNow;
    var phaseOptions = RepositoryConfig.Read(root).Apply(new CheckerOptions(root) { CacheDirectory = cacheDirectory });
    var walked = Time("  phase: the walk (fingerprint + snapshot of every folder)", () => InputFingerprint.OfTree(phaseOptions));
    var snapshot = InputFingerprint.WalkOf(walked)!.Snapshot;
    var facts = Time("  phase: FactsCacheFile.Open", () => FactsCacheFile.Open(cacheDirectory));
    var listing = Time("  phase: DocsTreeReader.List (from the snapshot)", () => DocsTreeReader.List(phaseOptions, snapshot));
    var documents = Time("  phase: DocumentLoader.LoadAll (facts cache lookups, decoders)", () => DocumentLoader.LoadAll(listing.RepositoryRoot, listing.Files, listing.Unread, phaseOptions, facts));
    var tree = Time("  phase: the model built", () => listing.Build(documents, MetaIssue.Conventions.ExtraWords.None, Array.Empty<ConfigProblem>()));
    Time("  phase: FactsCacheFile.Save (one entry new)", () => facts.Save());
    var check = Time("  phase: IncrementalCheck.Open (tree key, read results)", () => IncrementalCheck.Open(cacheDirectory, tree, phaseOptions, started));
    var context = Time("  phase: new CheckContext", () => new CheckContext(tree, phaseOptions));
    Time("  phase: plan (which meta-issues to re-check)", () => context.Scope = check.Plan(context.Links));
    var sink = new DiagnosticSink();
    Time("  phase: every rule, on the planned meta-issues", () =>
    {
        foreach (var rule in RuleCatalog.Rules)
        {
            Time($"    rule {rule.Descriptor.Id}", () =>
            {
                rule.Check(context, sink.For(rule.Descriptor));
                return rule;
            });
        }

        return sink;
    });
    Time("  phase: merge + write rule results", () => check.Merge(sink, context.Scope, context.Links, context.OutsideInputs, cacheDirectory));
    Console.Error.WriteLine($"run {run + 1}/{runs}: re-checked {incremental.Rechecked} of {incremental.Tree.MetaIssues.Count} meta-issues; the phases decoded {facts.Decoded} of {facts.Hits} cached files' facts");
}

Console.WriteLine($"{size} meta-issues, {readmes.Count} READMEs, one README edited per check; medians of {runs} runs (ms, and MB allocated on the managed heap), {new FileInfo(resultsFile).Length:N0}-byte rule results:");
foreach (var (name, list) in samples)
{
    Console.WriteLine($"{Median(list),8:F0} ms {Median(allocations[name]),7:F1} MB  {name}");
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

void Edit()
{
    var path = readmes[(edits * 37) % readmes.Count];
    File.AppendAllText(path, $"\nEdited {edits}.\n");
    File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-30).AddSeconds(edits++));
    GC.Collect();
    GC.WaitForPendingFinalizers();
}

T Time<T>(string name, Func<T> action)
{
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    var value = action();
    var elapsed = watch.Elapsed.TotalMilliseconds;
    if (!samples.TryGetValue(name, out var list))
    {
        samples[name] = list = new List<double>();
        allocations[name] = new List<double>();
    }

    list.Add(elapsed);
    allocations[name].Add((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1e6);
    return value;
}
