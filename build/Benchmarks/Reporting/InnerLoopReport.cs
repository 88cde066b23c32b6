using System.Globalization;
using System.Text;
using MetaIssue.Benchmarks.Measuring;

namespace MetaIssue.Benchmarks.Reporting;

/// <summary>A package measured: its label ("this branch", "baseline") and where it came from.</summary>
internal sealed record PackageLabel(string Label, string Source);

/// <summary>Builds with the check on and off in alternating pairs: ratio of the medians and their difference (ms).</summary>
internal sealed record Pair(Sample On, Sample Off)
{
    public double Ratio => Timing.Ratio(On.Median, Off.Median);

    public double Difference => On.Median - Off.Median;

    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Ratio:0.000}× ({Difference:+0;-0} ms: {On.Median:N0} vs {Off.Median:N0})");
}

/// <summary>The build pairs at one corpus size, one <see cref="Pair"/> per package (in <see cref="InnerLoopResult.Packages"/> order).</summary>
internal sealed record InnerLoopSize(int MetaIssues, int MarkdownFiles, string EditedFile, int FindingsBefore, int FindingsAfter)
{
    public List<Pair> Edit { get; } = new();

    public List<Pair> NoOp { get; } = new();

    /// <summary>Per package: how many of the nothing-changed builds with the check on replayed the saved last check (left it untouched).</summary>
    public List<int> Replayed { get; } = new();

    /// <summary>Per package: the CheckMetaIssues task's own time (MSBuild's performance summary) in the check-on builds after an edit.</summary>
    public List<Sample> EditTask { get; } = new();

    /// <summary>Per package: the same in the check-on builds with nothing changed.</summary>
    public List<Sample> NoOpTask { get; } = new();

    /// <summary>
    /// The time MSBuild's performance summary gives a target that calls the MSBuild task on an empty project after Build,
    /// in builds with the check off: the floor of the check's own call of MetaIssue.Check.proj, whatever the check does.
    /// </summary>
    public Sample? DispatchProbe { get; set; }
}

/// <summary>Everything <c>--inner-loop</c> measures, per package.</summary>
internal sealed class InnerLoopResult
{
    public required int Pairs { get; init; }

    public List<PackageLabel> Packages { get; } = new();

    public List<InnerLoopSize> Sizes { get; } = new();

    public int SharedCorpusFiles { get; set; }

    /// <summary>Remote-tracking branches of the build-pair corpora's git repositories (0: no repository).</summary>
    public int RemoteBranches { get; init; }

    /// <summary>CheckMetaIssues task time of a fresh build of the shared corpus: caches deleted, and nothing changed.</summary>
    public List<(Sample Cold, Sample Replay)> FirstCheck { get; } = new();

    public int MemorySize { get; set; }

    public int MemoryFiles { get; set; }

    /// <summary>Per package (in package order), the peak of each cold check that succeeded; runs alternate between packages.</summary>
    public List<List<MemoryProbe.Peak>> Memory { get; } = new();

    /// <summary>How many cold checks per package <see cref="Memory"/> was asked for.</summary>
    public int MemoryRuns { get; set; }

    public List<string> Notes { get; } = new();

    private static string Ms(double value) => double.IsNaN(value) ? "—" : value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Signed(double value) => double.IsNaN(value) ? "—" : value.ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture);

    private static string X(double value) => double.IsNaN(value) ? "—" : value.ToString("0.000", CultureInfo.InvariantCulture) + "×";

    private static string Met(double value, double limit) => double.IsNaN(value) ? "—" : value <= limit ? "✅ met" : "❌ unmet";

    /// <summary>The Markdown section: one row per target and package, then the build medians behind the ratios.</summary>
    public void Render(StringBuilder text)
    {
        text.AppendLine().AppendLine("## Inner loop: what a docs edit costs a build").AppendLine();
        text.AppendLine($"`dotnet build --no-restore` of one class library in the corpus repository ({(RemoteBranches > 0 ? $"a git repository: the corpus committed on main, and {RemoteBranches} remote-tracking branches at commits of their own" : "a bare `.git` marker, no git repository")}), a fresh MSBuild process per build (node reuse and the MSBuild server off), check on vs check off in {Pairs} alternating pairs (order rotated each pair), ratio of medians and their difference. *One file edited*: a sentence appended to one `description.md` before every build (a real content edit; the findings before and after it are given below). *Nothing changed*: no edit, the previous build's findings replayed. *First check*: the CheckMetaIssues task time (MSBuild's performance summary) of a fresh build of a repository holding only the shared {SharedCorpusFiles}-file corpus, the caches deleted before each (median of {Pairs}). *Memory*: peak resident memory (VmHWM) of a cold check in a fresh process, with the package's own MetaIssue.Core, {MemoryRuns} runs per package alternating between packages: median, and the range; the target is met when every run is within it.").AppendLine();
        foreach (var package in Packages)
        {
            text.AppendLine($"- {package.Label}: {package.Source}");
        }

        foreach (var note in Notes)
        {
            text.AppendLine($"- {note}");
        }

        foreach (var size in Sizes)
        {
            var change = size.FindingsBefore == size.FindingsAfter
                ? $"does not change the findings ({size.FindingsBefore:N0} diagnostics before and after)"
                : $"changes the findings ({size.FindingsBefore:N0} → {size.FindingsAfter:N0} diagnostics)";
            text.AppendLine($"- {size.MetaIssues:N0} meta-issues ({size.MarkdownFiles:N0} Markdown files): the edit of `{size.EditedFile}` {change}.");
        }

        text.AppendLine().AppendLine("| Target | " + string.Join(" | ", Packages.Select(p => $"{p.Label}: measured | met")) + " |");
        text.AppendLine("| --- | " + string.Join(" | ", Packages.Select(_ => "---: | :---:")) + " |");
        void Row(string target, Func<int, (string Measured, string Met)> cell) =>
            text.AppendLine($"| {target} | " + string.Join(" | ", Packages.Select((_, i) => cell(i)).Select(c => $"{c.Measured} | {c.Met}")) + " |");

        foreach (var size in Sizes)
        {
            var byRatio = size.MetaIssues <= 100;
            var (editLimit, noOpLimit) = byRatio ? (1.10, 1.03) : (300.0, 60.0);
            string Target(string kind, double limit) => byRatio ? $"{size.MetaIssues:N0} meta-issues, {kind}: ≤ {limit:0.00}× check off" : $"{size.MetaIssues:N0} meta-issues, {kind}: ≤ +{limit:0} ms over check off";
            (string, string) Cell(Pair pair, double limit) => (
                $"{X(pair.Ratio)}, {Signed(pair.Difference)} ms",
                size.MetaIssues is 100 or 1_000 ? Met(byRatio ? pair.Ratio : pair.Difference, limit) : "(no target at this size)");
            Row(Target("one file edited", editLimit), i => Cell(size.Edit[i], editLimit));
            Row(Target("nothing changed", noOpLimit), i => Cell(size.NoOp[i], noOpLimit));
        }

        if (FirstCheck.Count > 0)
        {
            Row($"First check in a fresh build of the shared {SharedCorpusFiles}-file corpus (no cache): ≤ 100 ms", i => ($"{Ms(FirstCheck[i].Cold.Median)} ms (nothing changed: {Ms(FirstCheck[i].Replay.Median)} ms)", Met(FirstCheck[i].Cold.Median, 100)));
        }

        if (Memory.Count > 0)
        {
            Row($"{MemorySize:N0} meta-issues ({MemoryFiles:N0} files), cold check: peak memory ≤ 500 MB", i => Memory[i] is { Count: > 0 } runs
                ? ($"{Median(runs.Select(r => r.PeakMb)):N0} MB ({runs.Min(r => r.PeakMb):N0}–{runs.Max(r => r.PeakMb):N0} over {runs.Count}{(runs.Count < MemoryRuns ? $" of {MemoryRuns}" : string.Empty)}; {Median(runs.Select(r => r.Milliseconds)) / 1000:N1} s)",
                    MemorySize == 10_000 ? Met(runs.Max(r => r.PeakMb), 500) : "(no target at this size)")
                : ("failed", "—"));
        }

        if (Sizes.Count == 0)
        {
            return;
        }

        text.AppendLine();
        foreach (var size in Sizes.Where(s => s.DispatchProbe is not null && s.NoOp.Count > 0))
        {
            var off = size.NoOp[0].Off.Median;
            var (budget, target) = size.MetaIssues <= 100 ? (0.03 * off, "the 1.03× target") : (60.0, "the +60 ms target");
            text.AppendLine($"- {size.MetaIssues:N0} meta-issues, nothing changed: MSBuild's call of a second project alone (an empty one, from a target after Build, in check-off builds) took {Ms(size.DispatchProbe!.Median)} ms (median of {size.DispatchProbe.Count}; the check makes this call to run once per build however many projects ask), where {target} leaves {Ms(budget)} ms for the call and the check together.");
        }

        text.AppendLine().AppendLine("Build medians (ms) behind the ratios, check on / check off, and the median time MSBuild's performance summary gives the CheckMetaIssues task itself in the check-on builds (the check's own cost, without the noise of the rest of the build):").AppendLine();
        text.AppendLine("| Meta-issues | Package | One file edited: on / off | Nothing changed: on / off | CheckMetaIssues task: edited / nothing changed | Nothing changed: builds that replayed the last check |");
        text.AppendLine("| ---: | --- | ---: | ---: | ---: | ---: |");
        foreach (var size in Sizes)
        {
            for (var i = 0; i < Packages.Count; i++)
            {
                var task = i < size.EditTask.Count ? $"{Ms(size.EditTask[i].Median)} / {Ms(size.NoOpTask[i].Median)}" : "—";
                text.AppendLine($"| {size.MetaIssues:N0} | {Packages[i].Label} | {Ms(size.Edit[i].On.Median)} / {Ms(size.Edit[i].Off.Median)} | {Ms(size.NoOp[i].On.Median)} / {Ms(size.NoOp[i].Off.Median)} | {task} | {size.Replayed[i]} of {size.NoOp[i].On.Count} |");
            }
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
