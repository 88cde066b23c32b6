using System.Globalization;
using System.Text;
using MetaIssue.Benchmarks.Corpus;
using MetaIssue.Benchmarks.Measuring;

namespace MetaIssue.Benchmarks.Reporting;

/// <summary>The Markdown report: machine, corpora, medians, ratios, the issue's targets (✅/❌), sanity checks, phases.</summary>
internal sealed class Report
{
    public required string Command { get; init; }

    public required string Machine { get; init; }

    public required string LoadBefore { get; init; }

    public string LoadAfter { get; set; } = "?";

    public required int Seed { get; init; }

    public string ToolVersions { get; set; } = "not run";

    public List<string> Notes { get; } = new();

    public List<SizeResult> Sizes { get; } = new();

    public NoOpResult? NoOp { get; set; }

    /// <summary>Phase timings per corpus size.</summary>
    public SortedDictionary<int, IReadOnlyList<PhaseProfile.Phase>> Profiles { get; } = new();

    public string DeterminismNote { get; set; } = string.Empty;

    /// <summary>Set by <c>--inner-loop</c>: the report is then its section alone.</summary>
    public InnerLoopResult? InnerLoop { get; set; }

    private static string Ms(double value) => double.IsNaN(value) ? "—" : value.ToString(value >= 100 ? "N0" : "N1", CultureInfo.InvariantCulture);

    private static string X(double value) => double.IsNaN(value) ? "—" : value.ToString(value >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture) + "×";

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Mark(double value, double limit) => double.IsNaN(value) ? "— (not measured)" : value <= limit ? "✅" : "❌";

    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine("# MetaIssue benchmark").AppendLine();
        text.AppendLine($"- Command: `{Command}`");
        text.AppendLine($"- Machine: {Machine}");
        text.AppendLine($"- Load average (1 min) at start {LoadBefore}, at end {LoadAfter}: other processes on the machine share its cores and add noise.");
        if (InnerLoop is null)
        {
            text.AppendLine($"- External tools: {ToolVersions}");
        }

        text.AppendLine($"- Corpus seed {Seed}. {DeterminismNote}".TrimEnd());
        foreach (var note in Notes)
        {
            text.AppendLine($"- {note}");
        }

        if (InnerLoop is not null)
        {
            InnerLoop.Render(text);
            return text.ToString();
        }

        text.AppendLine().AppendLine("## Corpora").AppendLine();
        text.AppendLine("| Meta-issues | Markdown files | Size | Planted defects (rules) | Diagnostics found | SHA-256 of paths + bytes |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var size in Sizes)
        {
            var corpus = size.Corpus;
            text.AppendLine($"| {N(corpus.MetaIssues)} | {N(corpus.MarkdownFiles)} | {corpus.Bytes / 1024.0 / 1024.0:0.0} MB | {N(corpus.PlantedDefects.Values.Sum())} ({corpus.PlantedDefects.Count}) | {N(size.Diagnostics)} | `{corpus.Hash[..16]}…` |");
        }

        text.AppendLine().AppendLine("## Floor and check in-process (medians, ms)").AppendLine();
        text.AppendLine("In this process after untimed warm-up runs (2; 1 at 10,000 and above), both cores. Cold: no cache, every file read and parsed. Warm: the facts cache of the previous run (every file looked up, every rule run). Nothing changed: the fingerprint of the docs tree and of the outside paths the last check consulted, equal to the saved one, so its findings are taken as they are (what a no-op build does). Fresh process: one check in a new child process of the benchmark, JIT and assembly loading included (what a build pays), with its peak resident memory (VmHWM).").AppendLine();
        text.AppendLine("| Meta-issues | Runs | Read | Read + parse | Read + parse, 1 thread | **Check, cold** | Check, warm cache | Check, nothing changed | Fresh process: cold | Fresh process: warm cache | Peak memory, cold check |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var s in Sizes)
        {
            var memory = s.Memory is { } m ? $"{m.PeakMb:0} MB ({m.CheckMb:0} MB above the runtime's {m.BaselineMb:0} MB)" : "—";
            text.AppendLine($"| {N(s.Corpus.MetaIssues)} | {s.Runs} | {Ms(s.Read.Median)} | {Ms(s.ReadParse.Median)} | {Ms(s.ReadParseOneThread.Median)} | **{Ms(s.Cold.Median)}** | {Ms(s.Warm.Median)} | {Ms(s.Unchanged.Median)} | {Ms(s.Memory?.Milliseconds ?? double.NaN)} | {Ms(s.FreshWarm?.Milliseconds ?? double.NaN)} | {memory} |");
        }

        text.AppendLine().AppendLine("## Builds and the other tools (medians, ms)").AppendLine();
        text.AppendLine("Build: `dotnet build --no-restore` of one class library placed in the corpus repository, a fresh MSBuild process each time (no node reuse, no build server), check off / on with nothing changed (the last check's findings replayed) / on after a blank line was appended to one file (that file parsed again, the rest from the facts cache, every rule run) / on with no cache, rotating. Task: MSBuild's performance summary of one more build with nothing changed. Tools: `remark docs --use remark-validate-links --frail --quiet` and `markdownlint-cli2 \"docs/**/*.md\"`, installed from npm into a temp folder.").AppendLine();
        text.AppendLine("| Meta-issues | Build, check off | Build: on − off, nothing changed | Build: on − off, one file edited | Build: on − off, cold cache | CheckMetaIssues task / MetaIssueCheck targets (nothing changed) | remark-validate-links | markdownlint-cli2 |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var s in Sizes)
        {
            var task = s.BuildCheckTimes.Task is null ? "—" : $"{Ms(s.BuildCheckTimes.Task.Value)} / {Ms(s.BuildCheckTimes.Target ?? double.NaN)}";
            text.AppendLine($"| {N(s.Corpus.MetaIssues)} | {Ms(s.BuildOff.Median)} | {Ms(s.BuildCostUnchanged)} | {Ms(s.BuildCostEdited)} | {Ms(s.BuildCostCold)} | {task} | {(s.Remark.Count == 0 && s.RemarkTimedOutAfter is double stopped ? $"> {Ms(stopped)} (stopped)" : Ms(s.Remark.Median) + RunsNote(s.Remark, s.Runs))} | {Ms(s.Markdownlint.Median)}{RunsNote(s.Markdownlint, s.Runs)} |");
        }

        text.AppendLine().AppendLine("## Ratios").AppendLine();
        text.AppendLine("| Meta-issues | Check cold / read + parse | Check warm / read + parse | Check cold / remark-validate-links | Check warm / remark-validate-links | Check cold / markdownlint-cli2 | Build on − off (one file edited) / check warm |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var s in Sizes)
        {
            text.AppendLine($"| {N(s.Corpus.MetaIssues)} | {X(s.CheckOverFloor)} | {X(Timing.Ratio(s.Warm.Median, s.ReadParse.Median))} | {X(s.CheckOverRemark)} | {X(Timing.Ratio(s.Warm.Median, s.RemarkTime))} | {X(Timing.Ratio(s.Cold.Median, s.Markdownlint.Median))} | {X(Timing.Ratio(s.BuildCostEdited, s.Warm.Median))} |");
        }

        AppendScaling(text);
        AppendTargets(text);
        AppendSanity(text);
        AppendProfile(text);
        return text.ToString();
    }

    private static string RunsNote(Sample sample, int runs) => sample.Count > 0 && sample.Count != runs ? $" ({sample.Count} run{(sample.Count == 1 ? string.Empty : "s")})" : string.Empty;

    private SizeResult? Size(int metaIssues) => Sizes.FirstOrDefault(s => s.Corpus.MetaIssues == metaIssues);

    private void AppendScaling(StringBuilder text)
    {
        if (Sizes.Count < 2)
        {
            return;
        }

        text.AppendLine().AppendLine("## Scaling (time of a size / time of the size before it; the corpus grows by the file-count ratio)").AppendLine();
        text.AppendLine("| Sizes | Files | Read + parse | Check cold | Check warm | remark-validate-links |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (var i = 1; i < Sizes.Count; i++)
        {
            var (a, b) = (Sizes[i - 1], Sizes[i]);
            text.AppendLine($"| {N(b.Corpus.MetaIssues)} / {N(a.Corpus.MetaIssues)} | {X((double)b.Corpus.MarkdownFiles / a.Corpus.MarkdownFiles)} | {X(Timing.Ratio(b.ReadParse.Median, a.ReadParse.Median))} | {X(Timing.Ratio(b.Cold.Median, a.Cold.Median))} | {X(Timing.Ratio(b.Warm.Median, a.Warm.Median))} | {X(Timing.Ratio(b.RemarkTime, a.RemarkTime))} |");
        }
    }

    private void AppendTargets(StringBuilder text)
    {
        text.AppendLine().AppendLine("## Performance targets").AppendLine();
        text.AppendLine("| Target | Measured | Met |").AppendLine("| --- | ---: | :---: |");
        var thousand = Size(1_000);
        var tenThousand = Size(10_000);
        var floor = thousand?.CheckOverFloor ?? double.NaN;
        var remark = thousand?.CheckOverRemark ?? double.NaN;
        var scaling = thousand is not null && tenThousand is not null ? Timing.Ratio(tenThousand.Cold.Median, thousand.Cold.Median) : double.NaN;
        var noOp = NoOp?.Ratio ?? double.NaN;
        text.AppendLine($"| 1,000 meta-issues: in-process check (cold) ≤ 3× the read + parse floor | {X(floor)} | {Mark(floor, 3)} |");
        text.AppendLine($"| 1,000 meta-issues: in-process check (cold) ≤ 0.25× remark-validate-links | {X(remark)} | {Mark(remark, 0.25)} |");
        text.AppendLine($"| 10,000 meta-issues take ≤ 11× the time of 1,000 (check, cold) | {X(scaling)} | {Mark(scaling, 11)} |");
        var noOpText = NoOp is null ? "—" : $"{X(noOp)} (median {Ms(NoOp.On.Median)} ms on vs {Ms(NoOp.Off.Median)} ms off, {NoOp.On.Count} pairs, {NoOp.MetaIssues} meta-issues; CheckMetaIssues task {Ms(NoOp.CheckTimes.Task ?? double.NaN)} ms, MetaIssueCheck targets {Ms(NoOp.CheckTimes.Target ?? double.NaN)} ms)";
        text.AppendLine($"| No-op `dotnet build` of a 3-project solution: package on / off ≤ 1.05 | {noOpText} | {Mark(noOp, 1.05)} |");
    }

    private void AppendSanity(StringBuilder text)
    {
        text.AppendLine().AppendLine("## Sanity").AppendLine();
        text.AppendLine("Broken links: our MI030 count must be ≥ the missing-file reports of remark-validate-links on the same corpus (MI030 also checks wiki links, which remark does not read).").AppendLine();
        text.AppendLine("| Meta-issues | Our diagnostics | Our MI030 | remark missing-file | Our MI031 | remark missing-heading | markdownlint-cli2 findings | MI030 ≥ missing-file |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |");
        foreach (var s in Sizes)
        {
            var ok = s.RemarkMissingFiles is int files ? (s.FoundOf("MI030") >= files ? "✅" : "❌") : "—";
            text.AppendLine($"| {N(s.Corpus.MetaIssues)} | {N(s.Diagnostics)} | {N(s.FoundOf("MI030"))} | {Opt(s.RemarkMissingFiles)} | {N(s.FoundOf("MI031"))} | {Opt(s.RemarkMissingHeadings)} | {Opt(s.MarkdownlintFindings)} | {ok} |");
        }

        text.AppendLine().AppendLine("Planted defects and diagnostics per rule (a defect may also trip a neighbouring rule; every rule must fire):").AppendLine();
        text.AppendLine("| Rule | " + string.Join(" | ", Sizes.Select(s => $"{N(s.Corpus.MetaIssues)}: planted / found")) + " |");
        text.AppendLine("| --- | " + string.Join(" | ", Sizes.Select(_ => "---:")) + " |");
        foreach (var rule in CorpusPlanner.Rules)
        {
            text.AppendLine($"| {rule} | " + string.Join(" | ", Sizes.Select(s =>
            {
                var planted = s.Corpus.PlantedDefects.TryGetValue(rule, out var p) ? p : 0;
                var found = s.FoundOf(rule);
                return $"{planted} / {found}{(found == 0 && planted > 0 ? " ❌" : string.Empty)}";
            })) + " |");
        }
    }

    private static string Opt(int? value) => value is int n ? N(n) : "—";

    private void AppendProfile(StringBuilder text)
    {
        if (Profiles.Count == 0)
        {
            return;
        }

        var sizes = Profiles.Keys.ToList();
        text.AppendLine().AppendLine("## Where the check's time goes (medians, ms)").AppendLine();
        text.AppendLine("Each phase timed on its own through the public API, after the timed runs (lazy indexes are paid by the first rule that needs them). The last column is the growth from the previous size: with the corpus growing ~10×, much more than 10× means worse than linear.").AppendLine();
        var growth = sizes.Count > 1 ? $" | {N(sizes[^1])} / {N(sizes[^2])}" : string.Empty;
        text.AppendLine("| Phase | " + string.Join(" | ", sizes.Select(N)) + growth + " |");
        text.AppendLine("| --- | " + string.Join(" | ", sizes.Select(_ => "---:")) + (sizes.Count > 1 ? " | ---:" : string.Empty) + " |");
        foreach (var name in Profiles[sizes[^1]].Select(p => p.Name))
        {
            double Of(int size) => Profiles[size].FirstOrDefault(p => p.Name == name)?.Milliseconds ?? double.NaN;
            var ratio = sizes.Count > 1 ? $" | {X(Timing.Ratio(Of(sizes[^1]), Of(sizes[^2])))}" : string.Empty;
            text.AppendLine($"| {name} | " + string.Join(" | ", sizes.Select(size => Ms(Of(size)))) + ratio + " |");
        }
    }
}
