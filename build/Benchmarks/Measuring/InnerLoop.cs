using MetaIssue.Benchmarks.Corpus;
using MetaIssue.Benchmarks.Reporting;
using MetaIssue.Benchmarks.Tools;

namespace MetaIssue.Benchmarks.Measuring;

/// <summary>
/// The figures a user feels while editing docs (<c>--inner-loop</c>): at each size below <see cref="MemorySize"/>,
/// fresh <c>dotnet build --no-restore</c> processes of one class library, check on and off in alternating pairs, with
/// one Markdown file edited before each build and with nothing changed; the first check of the shared 8-file corpus in
/// a fresh build; and at sizes of <see cref="MemorySize"/> and more, the peak memory of a cold check in a fresh process.
/// Every figure is taken for this branch's package and, when asked, for a baseline package in the same run.
/// </summary>
internal sealed class InnerLoop
{
    /// <summary>Sizes from here up get the memory probe instead of build pairs.</summary>
    public const int MemorySize = 10_000;

    /// <summary>
    /// The real third-party meta-issue (MIT, its LICENSE next to it; copied at run time): the team's shared copy, else
    /// the one the tests keep under tests/corpus/.
    /// </summary>
    private string SharedCorpus => new[] { "/work/shared/corpus/kg-example-performance-saga", Path.Combine(_repository, "tests", "corpus", "kg-example-performance-saga") }
        .FirstOrDefault(Directory.Exists) ?? "kg-example-performance-saga (not found)";

    private readonly Options _options;
    private readonly string _repository;
    private readonly string _scratch;
    private readonly InnerLoopResult _result;
    private readonly Action _saveProgress;
    private readonly List<(string Label, MsBuildHarness Harness)> _packages = new();

    public InnerLoop(Options options, string repository, string scratch, InnerLoopResult result, Action saveProgress)
    {
        _options = options;
        _repository = repository;
        _scratch = scratch;
        _result = result;
        _saveProgress = saveProgress;
    }

    private static void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    public void Run()
    {
        Prepare("this branch", () => MsBuildHarness.Prepare(_repository, Path.Combine(_scratch, "package-branch")));
        if (_options.BaselinePackage is { } baseline)
        {
            Prepare("baseline", () => MsBuildHarness.PrepareFrom(baseline, _repository, Path.Combine(_scratch, "package-baseline")));
        }

        foreach (var size in _options.Sizes.Where(s => s < MemorySize))
        {
            _result.Sizes.Add(MeasureSize(size));
            _saveProgress();
        }

        MeasureFirstCheck();
        _saveProgress();
        foreach (var size in _options.Sizes.Where(s => s >= MemorySize))
        {
            MeasureMemory(size);
            _saveProgress();
        }
    }

    private void Prepare(string label, Func<(MsBuildHarness? Harness, string Note)> prepare)
    {
        Log($"Preparing the package of {label}");
        var (harness, note) = prepare();
        Log("  " + note);
        if (harness is null)
        {
            throw new InvalidOperationException($"{label}: {note}");
        }

        _packages.Add((label, harness));
        _result.Packages.Add(new PackageLabel(label, note));
    }

    /// <summary>Builds in this pair's order: packages × {on, off}, rotated by the pair's index so no build always goes first.</summary>
    private IEnumerable<(int Package, bool CheckOn)> Order(int pair)
    {
        var all = Enumerable.Range(0, _packages.Count).SelectMany(p => new[] { (p, true), (p, false) }).ToList();
        return all.Skip(pair % all.Count).Concat(all.Take(pair % all.Count));
    }

    private InnerLoopSize MeasureSize(int size)
    {
        Log($"== {size:N0} meta-issues: {_options.Pairs} pairs per figure ==");
        var corpus = CorpusGenerator.Generate(Path.Combine(_scratch, $"corpus-{size}"), size, _options.Seed);
        var root = corpus.Root;
        if (_options.RemoteBranches > 0)
        {
            GitHistory.Create(root, _options.RemoteBranches);
        }

        var projects = _packages.Select((p, i) => p.Harness.AddConsumer(root, $"Consumer{i}", $"obj/metaissue-{i}/")).ToList();
        var edited = Directory.EnumerateFiles(Path.Combine(root, "docs", "meta-issues"), "description.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var original = File.ReadAllText(edited);
        var edits = 0;
        void Edit() => File.WriteAllText(edited, original + $"\nA sentence added before build {++edits}, so the file's content is new.\n");

        var (before, after) = FindingsAroundEdit(root, Edit);
        var sizeResult = new InnerLoopSize(size, corpus.MarkdownFiles, Path.GetRelativePath(root, edited).Replace('\\', '/'), before, after);
        // Every build, check on or off, with the performance summary: both sides pay for it alike, and the check-on
        // builds tell the task's own time.
        var editTask = _packages.Select(_ => new List<double>()).ToList();
        var noOpTask = _packages.Select(_ => new List<double>()).ToList();
        List<List<double>>? taskTimes = null; // where the check-on builds of the current phase note the task's time
        double Build(int package, bool checkOn)
        {
            var run = _packages[package].Harness.Build(root, projects[package], checkOn, performanceSummary: true);
            if (checkOn && taskTimes is not null && MsBuildHarness.CheckTimes(run).Task is { } task)
            {
                taskTimes[package].Add(task);
            }

            return run.Milliseconds;
        }

        for (var p = 0; p < _packages.Count; p++)
        {
            Build(p, false); // compiles the library: later builds are incremental
            Build(p, true); // fills the caches
        }

        var editOn = _packages.Select(_ => new List<double>()).ToList();
        var editOff = _packages.Select(_ => new List<double>()).ToList();
        taskTimes = editTask;
        for (var pair = 0; pair < _options.Pairs; pair++)
        {
            foreach (var (package, checkOn) in Order(pair))
            {
                Edit(); // before every build, check off too, so both sides of a pair see the same file system
                (checkOn ? editOn : editOff)[package].Add(Build(package, checkOn));
            }
        }

        // A file written within the racy window of a fingerprint is never trusted: wait it out, then one build per
        // package saves a last check the no-op builds can replay.
        Thread.Sleep(TimeSpan.FromSeconds(3));
        taskTimes = null;
        for (var p = 0; p < _packages.Count; p++)
        {
            Build(p, true);
        }

        taskTimes = noOpTask;

        // A replayed build leaves the saved last check as it is; a real check rewrites it.
        DateTime Saved(int package) => File.GetLastWriteTimeUtc(Path.Combine(root, "obj", $"metaissue-{package}", "last-check.cache"));
        var noOpOn = _packages.Select(_ => new List<double>()).ToList();
        var noOpOff = _packages.Select(_ => new List<double>()).ToList();
        var replayed = new int[_packages.Count];
        for (var pair = 0; pair < _options.Pairs; pair++)
        {
            foreach (var (package, checkOn) in Order(pair))
            {
                var saved = Saved(package);
                (checkOn ? noOpOn : noOpOff)[package].Add(Build(package, checkOn));
                replayed[package] += checkOn && Saved(package) == saved ? 1 : 0;
            }
        }

        // What MSBuild alone charges for the check's call of a second project: the same call, to an empty project, in
        // check-off builds (the package is the same for every package's consumer, so the first one's is measured).
        var probe = new List<double>();
        for (var run = 0; run < _options.Pairs; run++)
        {
            var probed = _packages[0].Harness.Build(root, projects[0], checkOn: false, performanceSummary: true, dispatchProbe: true);
            probe.Add(MsBuildHarness.DispatchProbeTime(probed)
                ?? throw new InvalidOperationException("the performance summary has no dispatch probe line: " + string.Join(" | ", probed.Tail.TakeLast(5))));
        }

        sizeResult.DispatchProbe = new Sample(probe);
        Log($"  MSBuild's call of an empty project after Build: {sizeResult.DispatchProbe.Median:N0} ms (median of {probe.Count})");

        for (var p = 0; p < _packages.Count; p++)
        {
            sizeResult.Edit.Add(new Pair(new Sample(editOn[p]), new Sample(editOff[p])));
            sizeResult.NoOp.Add(new Pair(new Sample(noOpOn[p]), new Sample(noOpOff[p])));
            sizeResult.Replayed.Add(replayed[p]);
            sizeResult.EditTask.Add(new Sample(editTask[p]));
            sizeResult.NoOpTask.Add(new Sample(noOpTask[p]));
            Log($"  {_packages[p].Label}: one file edited {sizeResult.Edit[p].Describe()}; nothing changed {sizeResult.NoOp[p].Describe()}; CheckMetaIssues task {sizeResult.EditTask[p].Median:N0} / {sizeResult.NoOpTask[p].Median:N0} ms");
        }

        File.WriteAllText(edited, original);
        if (!_options.Keep)
        {
            Repository.TryDelete(root);
        }

        return sizeResult;
    }

    /// <summary>The diagnostics of an in-process check before and after one edit: tells whether the edit changes the findings.</summary>
    private (int Before, int After) FindingsAroundEdit(string root, Action edit)
    {
        var cache = Path.Combine(_scratch, "findings-cache");
        var before = InProcessCheck.Run(root, cache).Diagnostics.Count;
        edit();
        var after = InProcessCheck.Run(root, cache).Diagnostics.Count;
        Repository.TryDelete(cache);
        return (before, after);
    }

    /// <summary>
    /// The CheckMetaIssues task's time (MSBuild's performance summary) in a fresh build of a repository holding only the
    /// shared corpus: with the caches deleted first (a real check: load, JIT, parse, rules), and with nothing changed
    /// since the previous build (the last check replayed). Packages interleaved, 9 (or --pairs) of each.
    /// </summary>
    private void MeasureFirstCheck()
    {
        if (!Directory.Exists(SharedCorpus))
        {
            _result.Notes.Add($"{SharedCorpus}: the first-check figure was not measured.");
            return;
        }

        Log($"== first check in a fresh build: {SharedCorpus} ==");
        _result.Notes.Add($"First check: the meta-issue in {SharedCorpus} (MIT, see its LICENSE) copied into docs/meta-issues/ of a temp repository.");
        var root = Directory.CreateDirectory(Path.Combine(_scratch, "shared-corpus")).FullName;
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        File.WriteAllText(Path.Combine(root, ".git", "HEAD"), "ref: refs/heads/main\n");
        var target = Path.Combine(root, "docs", "meta-issues", Path.GetFileName(SharedCorpus));
        CopyFolder(SharedCorpus, target);
        _result.SharedCorpusFiles = Directory.GetFiles(target, "*.md", SearchOption.AllDirectories).Length;
        var projects = _packages.Select((p, i) => p.Harness.AddConsumer(root, $"Consumer{i}", $"obj/metaissue-{i}/")).ToList();
        Thread.Sleep(TimeSpan.FromSeconds(3)); // past the racy window of the copied files, so a replay is possible
        var cold = _packages.Select(_ => new List<double>()).ToList();
        var replay = _packages.Select(_ => new List<double>()).ToList();
        for (var p = 0; p < _packages.Count; p++)
        {
            _packages[p].Harness.Build(root, projects[p], checkOn: false); // compiles the library
        }

        double TaskTime(int p)
        {
            var run = _packages[p].Harness.Build(root, projects[p], checkOn: true, performanceSummary: true);
            return MsBuildHarness.CheckTimes(run).Task
                ?? throw new InvalidOperationException("the performance summary has no CheckMetaIssues line: " + string.Join(" | ", run.Tail.TakeLast(5)));
        }

        for (var run = 0; run < _options.Pairs; run++)
        {
            foreach (var p in run % 2 == 0 ? Enumerable.Range(0, _packages.Count) : Enumerable.Range(0, _packages.Count).Reverse())
            {
                Repository.TryDelete(Path.Combine(root, "obj", $"metaissue-{p}"));
                cold[p].Add(TaskTime(p));
                replay[p].Add(TaskTime(p));
            }
        }

        for (var p = 0; p < _packages.Count; p++)
        {
            _result.FirstCheck.Add((new Sample(cold[p]), new Sample(replay[p])));
            Log($"  {_packages[p].Label}: CheckMetaIssues task {_result.FirstCheck[p].Cold.Median:N0} ms with no cache, {_result.FirstCheck[p].Replay.Median:N0} ms with nothing changed");
        }

        if (!_options.Keep)
        {
            Repository.TryDelete(root);
        }
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    /// <summary>Cold checks run per package for the peak memory, alternating between packages: one run's peak moves by about 20 MB.</summary>
    private const int MemoryRuns = 3;

    /// <summary>Peak memory of cold checks in fresh child processes, with each package's own MetaIssue.Core.</summary>
    private void MeasureMemory(int size)
    {
        Log($"== {size:N0} meta-issues: peak memory of a cold check ==");
        var corpus = CorpusGenerator.Generate(Path.Combine(_scratch, $"corpus-{size}"), size, _options.Seed);
        Log($"  corpus: {corpus.MarkdownFiles:N0} files, {corpus.Bytes / 1024.0 / 1024.0:0} MB");
        _result.MemorySize = size;
        _result.MemoryFiles = corpus.MarkdownFiles;
        _result.MemoryRuns = MemoryRuns;
        _result.Memory.AddRange(_packages.Select(_ => new List<MemoryProbe.Peak>()));
        for (var run = 0; run < MemoryRuns; run++)
        {
            for (var i = 0; i < _packages.Count; i++)
            {
                var (label, harness) = _packages[i];
                var peak = MemoryProbe.Measure(corpus.Root, null, TimeSpan.FromMinutes(30), harness.TaskFolder);
                if (peak is not null)
                {
                    _result.Memory[i].Add(peak);
                }

                Log($"  {label}, run {run + 1}: {(peak is null ? "failed" : $"peak {peak.PeakMb:0} MB, {peak.Milliseconds / 1000:N1} s")}");
            }
        }

        if (!_options.Keep)
        {
            Repository.TryDelete(corpus.Root);
        }
    }
}
