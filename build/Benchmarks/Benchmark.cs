using MetaIssue.Benchmarks.Corpus;
using MetaIssue.Benchmarks.Measuring;
using MetaIssue.Benchmarks.Reporting;
using MetaIssue.Benchmarks.Tools;

namespace MetaIssue.Benchmarks;

/// <summary>The run: for each size, generate the corpus and measure every figure on it; then the no-op build.</summary>
internal sealed class Benchmark
{
    private const int NoOpMetaIssues = 50;

    // A no-op build is ~2.7 s with ±200 ms of noise from run to run here, larger than what is measured (~60 ms):
    // the medians need more than the 5 pairs that the performance targets ask for at least to be stable.
    private const int NoOpPairs = 15;

    private readonly Options _options;
    private readonly string _repository;
    private readonly string _scratch;
    private readonly Report _report;
    private NodeTools? _node;
    private MsBuildHarness? _msbuild;
    private readonly Action<Report> _saveProgress;

    public Benchmark(Options options, string repository, string scratch, Report report, Action<Report> saveProgress)
    {
        _saveProgress = saveProgress;
        _options = options;
        _repository = repository;
        _scratch = scratch;
        _report = report;
    }

    private static void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    public void Run()
    {
        CheckDeterminism();
        WarmUpJit();
        PrepareTools();
        MeasureNoOpBuild();
        foreach (var size in _options.Sizes)
        {
            // --quick runs the builds and the npm tools on its smallest corpus only: enough to show they work.
            _report.Sizes.Add(MeasureSize(size, external: !_options.Quick || size == _options.Sizes[0]));
            _saveProgress(_report); // a run stopped later still leaves the sizes measured so far
        }

        if (_options.Quick)
        {
            _report.Notes.Add("--quick: sizes 20 and 100, 2 runs, builds and npm tools on the 20-meta-issue corpus only, 1 no-op pair: it shows the benchmark works, not how fast the check is; the targets need 1,000 and 10,000.");
        }
    }

    /// <summary>The smallest corpus generated twice into different folders must hash the same.</summary>
    private void CheckDeterminism()
    {
        var size = _options.Sizes[0];
        var first = CorpusGenerator.Generate(Path.Combine(_scratch, "determinism-a"), size, _options.Seed);
        var second = CorpusGenerator.Generate(Path.Combine(_scratch, "determinism-b"), size, _options.Seed);
        Repository.TryDelete(first.Root);
        Repository.TryDelete(second.Root);
        if (first.Hash != second.Hash)
        {
            throw new InvalidOperationException($"the corpus generator is not deterministic: {first.Hash} vs {second.Hash}");
        }

        _report.DeterminismNote = $"Generated the {size}-meta-issue corpus twice: same SHA-256 ({first.Hash[..16]}…), so the same seed gives a byte-identical corpus.";
        Log(_report.DeterminismNote);
    }

    /// <summary>
    /// Brings the parser and the checker to steady-state (tier-1) code before anything is timed, so the first figure
    /// measured (the floor) does not pay the JIT that the later ones (the check, which parses with the same Markdig)
    /// would then be spared.
    /// </summary>
    private void WarmUpJit()
    {
        var size = _options.Quick ? 60 : 150;
        var corpus = CorpusGenerator.Generate(Path.Combine(_scratch, "jit-warm-up"), size, _options.Seed + 1);
        var cache = Path.Combine(_scratch, "jit-warm-up-cache");
        var time = Timing.Time(() =>
        {
            for (var i = 0; i < 3; i++)
            {
                Floor.Read(corpus.Docs, Environment.ProcessorCount);
                Floor.ReadAndParse(corpus.Docs, 1);
                Floor.ReadAndParse(corpus.Docs, Environment.ProcessorCount);
                InProcessCheck.Run(corpus.Root);
                InProcessCheck.Run(corpus.Root, cache);
            }

            PhaseProfile.Measure(corpus.Root, 1);
        });
        Repository.TryDelete(corpus.Root);
        Repository.TryDelete(cache);
        Log($"JIT warm-up on a {size}-meta-issue corpus: {time / 1000:N1} s");
    }

    private void PrepareTools()
    {
        if (_options.SkipNode)
        {
            _report.Notes.Add("remark and markdownlint-cli2 skipped (--skip-node).");
        }
        else
        {
            Log("Installing remark-cli, remark-validate-links and markdownlint-cli2 from npm into the scratch folder");
            var (node, note) = NodeTools.Install(Path.Combine(_scratch, "node-tools"));
            _node = node;
            _report.ToolVersions = node?.Versions ?? "not run";
            if (node is null)
            {
                _report.Notes.Add(note);
            }

            Log("  " + (node?.Versions ?? note));
        }

        if (_options.SkipMsBuild)
        {
            _report.Notes.Add("dotnet build figures skipped (--skip-msbuild).");
        }
        else
        {
            Log("Packing src/MetaIssue.Build into a temp feed");
            var (harness, note) = MsBuildHarness.Prepare(_repository, _scratch);
            _msbuild = harness;
            if (harness is null)
            {
                _report.Notes.Add(note);
            }

            Log("  " + note);
        }
    }

    private SizeResult MeasureSize(int size, bool external)
    {
        var runs = _options.RunsFor(size);
        var warmUps = _options.WarmUpsFor(size);
        Log($"== {size:N0} meta-issues ({runs} runs after {warmUps} warm-up) ==");
        var corpus = CorpusGenerator.Generate(Path.Combine(_scratch, $"corpus-{size}"), size, _options.Seed);
        Log($"  corpus: {corpus.MarkdownFiles:N0} files, {corpus.Bytes / 1024.0 / 1024.0:0.0} MB, sha256 {corpus.Hash}");
        var result = new SizeResult { Corpus = corpus, Runs = runs };
        var parallelism = Environment.ProcessorCount;

        result.Read = Timing.Measure(runs, warmUps, () => Floor.Read(corpus.Docs, parallelism));
        result.ReadParse = Timing.Measure(runs, warmUps, () => Floor.ReadAndParse(corpus.Docs, parallelism));
        result.ReadParseOneThread = Timing.Measure(runs, warmUps, () => Floor.ReadAndParse(corpus.Docs, 1));
        Log($"  floor: read {result.Read.Median:N0} ms, read + parse {result.ReadParse.Median:N0} ms (1 thread {result.ReadParseOneThread.Median:N0} ms)");

        var check = InProcessCheck.Run(corpus.Root);
        result.Found = InProcessCheck.CountByCode(check);
        result.Diagnostics = check.Diagnostics.Count;
        check = null;
        var cache = Path.Combine(_scratch, $"cache-{size}");
        result.Cold = InProcessCheck.Cold(corpus.Root, runs, warmUps);
        result.Warm = InProcessCheck.Warm(corpus.Root, cache, runs, warmUps);
        result.Unchanged = InProcessCheck.Unchanged(corpus.Root, cache, runs, warmUps);
        Log($"  check: cold {result.Cold.Median:N0} ms, warm {result.Warm.Median:N0} ms, nothing changed {result.Unchanged.Median:N0} ms, {result.Diagnostics:N0} diagnostics ({string.Join(", ", result.Found.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))})");

        result.Memory = MemoryProbe.Measure(corpus.Root, null, TimeSpan.FromMinutes(20));
        result.FreshWarm = MemoryProbe.Measure(corpus.Root, cache, TimeSpan.FromMinutes(20));
        if (result.Memory is { } memory)
        {
            Log($"  fresh process: cold check {memory.Milliseconds:N0} ms, peak memory {memory.PeakMb:0} MB (runtime alone {memory.BaselineMb:0} MB); warm check {result.FreshWarm?.Milliseconds:N0} ms");
        }

        Log("  profiling the check's phases");
        _report.Profiles[size] = PhaseProfile.Measure(corpus.Root, size >= 10_000 ? 1 : Math.Min(runs, 3));
        if (external)
        {
            MeasureBuild(result, runs);
            MeasureTools(result);
        }

        if (!_options.Keep)
        {
            Repository.TryDelete(corpus.Root);
            Repository.TryDelete(cache);
        }

        return result;
    }

    /// <summary>
    /// Check off; on with nothing changed (the last check replayed); on with one file edited (the facts cache gives the
    /// rest); on with no cache. The order rotates each run so drift in machine load evens out.
    /// </summary>
    private void MeasureBuild(SizeResult result, int runs)
    {
        if (_msbuild is null)
        {
            return;
        }

        var root = result.Corpus.Root;
        var project = _msbuild.AddConsumer(root);
        var cache = Path.Combine(root, "obj", "metaissue");
        var edited = Directory.EnumerateFiles(Path.Combine(root, "docs", "meta-issues"), "description.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        double Off() => _msbuild.Build(root, project, checkOn: false).Milliseconds;
        double OnUnchanged() => _msbuild.Build(root, project, checkOn: true).Milliseconds;
        double OnEdited()
        {
            File.AppendAllText(edited, "\n"); // a blank line at the end: one file to parse again, the same findings
            return _msbuild.Build(root, project, checkOn: true).Milliseconds;
        }

        double OnCold()
        {
            Repository.TryDelete(cache);
            return _msbuild.Build(root, project, checkOn: true).Milliseconds;
        }

        Off();
        OnCold(); // warm-up: compiles the library, fills the caches
        var kinds = new (string Name, Func<double> Build, List<double> Samples)[]
        {
            ("off", Off, new List<double>()),
            ("on, nothing changed", OnUnchanged, new List<double>()),
            ("on, one file edited", OnEdited, new List<double>()),
            ("on, cold cache", OnCold, new List<double>()),
        };
        for (var run = 0; run < runs; run++)
        {
            for (var k = 0; k < kinds.Length; k++)
            {
                var kind = kinds[(k + run) % kinds.Length];
                if (kind.Name != "off" && kind.Name != "on, cold cache" && !File.Exists(Path.Combine(cache, "facts.cache")))
                {
                    OnCold(); // the cold build just before deleted the caches: refill, untimed
                }

                kind.Samples.Add(kind.Build());
            }
        }

        result.BuildOff = new Sample(kinds[0].Samples);
        result.BuildOnUnchanged = new Sample(kinds[1].Samples);
        result.BuildOnEdited = new Sample(kinds[2].Samples);
        result.BuildOnCold = new Sample(kinds[3].Samples);
        if (!File.Exists(Path.Combine(cache, "facts.cache")))
        {
            OnCold();
        }

        OnUnchanged();
        result.BuildCheckTimes = MsBuildHarness.CheckTimes(_msbuild.Build(root, project, checkOn: true, performanceSummary: true));
        Log($"  dotnet build: off {result.BuildOff.Median:N0} ms, on−off {result.BuildCostUnchanged:N0} ms (nothing changed), {result.BuildCostEdited:N0} ms (one file edited), {result.BuildCostCold:N0} ms (cold cache); nothing changed: CheckMetaIssues task {result.BuildCheckTimes.Task} ms, MetaIssueCheck targets {result.BuildCheckTimes.Target} ms");
    }

    private void MeasureTools(SizeResult result)
    {
        if (_node is null)
        {
            return;
        }

        var root = result.Corpus.Root;
        var runs = _options.ToolRunsFor(result.Corpus.MetaIssues);
        var lintRuns = _options.LintRunsFor(result.Corpus.MetaIssues);
        var timeout = TimeSpan.FromMinutes(Math.Min(25, 5 + result.Corpus.MarkdownFiles / 5_000.0));
        var remark = new List<double>();
        var lint = new List<double>();
        var notes = new List<string>();
        for (var run = 0; run < runs; run++)
        {
            var r = _node.Remark(root, timeout);
            if (r.TimedOut || r.OutputLines == 0 && !r.Succeeded)
            {
                notes.Add($"remark-validate-links {r.Describe()} after {r.Milliseconds / 1000:N0} s{(r.TimedOut ? ": it takes longer than that, so the ratios against it are upper bounds" : string.Empty)}");
                result.RemarkTimedOutAfter = r.TimedOut ? r.Milliseconds : null;
                break;
            }

            // --frail exits 1 when it reports warnings; any other ending (a crash: on 169,000 files remark-cli 12 overflows
            // the stack in unified-engine's file finder) has no time worth reporting.
            var reported = r.ExitCode == 1 && r.Count(" warning ") > 0;
            var crashed = r.Tail.Any(l => l.Contains("Cannot process file", StringComparison.Ordinal)
                || l.Contains("heap out of memory", StringComparison.Ordinal) || l.Contains("Error:", StringComparison.Ordinal));
            if (crashed || !(r.Succeeded || reported))
            {
                notes.Add($"remark-validate-links failed ({r.Describe()} after {r.Milliseconds / 1000:N0} s): {string.Join(" | ", r.Tail.Where(l => l.Trim().Length > 0).Take(2))}");
                break;
            }

            remark.Add(r.Milliseconds);
            result.RemarkMissingFiles = r.Count(NodeTools.MissingFile);
            result.RemarkMissingHeadings = r.Count(NodeTools.MissingHeading);
        }

        if (lintRuns == 0)
        {
            var previous = _report.Sizes.LastOrDefault(s => s.Markdownlint.Count > 0);
            var estimate = previous is null ? string.Empty
                : $" (about {previous.Markdownlint.Median / previous.Corpus.MarkdownFiles * result.Corpus.MarkdownFiles / 60_000:N0} min, going by {previous.Corpus.MetaIssues:N0})";
            notes.Add($"markdownlint-cli2 not run{estimate}; --all-tools runs it");
        }

        for (var run = 0; run < lintRuns; run++)
        {
            var l = _node.MarkdownLint(root, timeout);
            if (l.TimedOut || l.ExitCode is not (0 or 1))
            {
                notes.Add($"markdownlint-cli2 {l.Describe()} after {l.Milliseconds / 1000:N0} s: {string.Join(" | ", l.Tail.TakeLast(3))}");
                break;
            }

            lint.Add(l.Milliseconds);
            result.MarkdownlintFindings = l.Count(" MD0");
        }

        result.Remark = new Sample(remark);
        result.Markdownlint = new Sample(lint);
        foreach (var note in notes)
        {
            _report.Notes.Add($"{result.Corpus.MetaIssues:N0} meta-issues: {note}");
        }

        Log($"  remark-validate-links {result.Remark.Median:N0} ms ({result.RemarkMissingFiles} missing files, {result.RemarkMissingHeadings} missing headings), markdownlint-cli2 {result.Markdownlint.Median:N0} ms ({result.MarkdownlintFindings} findings){(notes.Count > 0 ? "; " + string.Join("; ", notes) : string.Empty)}");
    }

    /// <summary>A no-op build of a 3-project solution, package on vs off, in alternating pairs after a warm-up.</summary>
    private void MeasureNoOpBuild()
    {
        if (_msbuild is null)
        {
            return;
        }

        Log($"== no-op build: 3-project solution, {NoOpMetaIssues} meta-issues ==");
        var corpus = CorpusGenerator.Generate(Path.Combine(_scratch, "noop"), NoOpMetaIssues, _options.Seed);
        var solution = _msbuild.AddSolution(corpus.Root);
        _msbuild.Build(corpus.Root, solution, checkOn: true); // first build compiles; the next ones are no-ops
        if (!_options.Quick)
        {
            _msbuild.Build(corpus.Root, solution, checkOn: false);
            _msbuild.Build(corpus.Root, solution, checkOn: true);
        }
        var on = new List<double>();
        var off = new List<double>();
        var pairs = _options.Quick ? 1 : Math.Max(NoOpPairs, _options.Runs);
        for (var pair = 0; pair < pairs; pair++)
        {
            foreach (var checkOn in pair % 2 == 0 ? new[] { true, false } : new[] { false, true })
            {
                (checkOn ? on : off).Add(_msbuild.Build(corpus.Root, solution, checkOn).Milliseconds);
            }
        }

        var times = MsBuildHarness.CheckTimes(_msbuild.Build(corpus.Root, solution, checkOn: true, performanceSummary: true));
        _report.NoOp = new NoOpResult(NoOpMetaIssues, new Sample(on), new Sample(off), times);
        Log($"  on {_report.NoOp.On.Median:N0} ms, off {_report.NoOp.Off.Median:N0} ms, ratio {_report.NoOp.Ratio:0.000}; CheckMetaIssues task {times.Task} ms, MetaIssueCheck targets {times.Target} ms");
        if (!_options.Keep)
        {
            Repository.TryDelete(corpus.Root);
        }
    }
}
