using MetaIssue.Benchmarks.Corpus;
using MetaIssue.Benchmarks.Measuring;

namespace MetaIssue.Benchmarks.Reporting;

/// <summary>Everything measured on one corpus size.</summary>
internal sealed class SizeResult
{
    public required CorpusInfo Corpus { get; init; }

    public required int Runs { get; init; }

    public Sample Read { get; set; } = Sample.None;

    public Sample ReadParse { get; set; } = Sample.None;

    public Sample ReadParseOneThread { get; set; } = Sample.None;

    public Sample Cold { get; set; } = Sample.None;

    public Sample Warm { get; set; } = Sample.None;

    /// <summary>Nothing changed since the last check: fingerprint the inputs and take its saved findings.</summary>
    public Sample Unchanged { get; set; } = Sample.None;

    public Sample BuildOff { get; set; } = Sample.None;

    public Sample BuildOnUnchanged { get; set; } = Sample.None;

    public Sample BuildOnEdited { get; set; } = Sample.None;

    public Sample BuildOnCold { get; set; } = Sample.None;

    public Sample Remark { get; set; } = Sample.None;

    public Sample Markdownlint { get; set; } = Sample.None;

    public int? RemarkMissingFiles { get; set; }

    /// <summary>When remark was stopped at its timeout: how long it had run (a lower bound of its time).</summary>
    public double? RemarkTimedOutAfter { get; set; }

    /// <summary>remark's median, or the time it was stopped at (a lower bound).</summary>
    public double RemarkTime => Remark.Count > 0 ? Remark.Median : RemarkTimedOutAfter ?? double.NaN;

    public int? RemarkMissingHeadings { get; set; }

    public int? MarkdownlintFindings { get; set; }

    public string? ToolNote { get; set; }

    /// <summary>A cold check in a fresh process: peak memory, and time with JIT and assembly loading included.</summary>
    public MemoryProbe.Peak? Memory { get; set; }

    /// <summary>A warm-cache check in a fresh process (what a build pays when nothing changed, outside MSBuild).</summary>
    public MemoryProbe.Peak? FreshWarm { get; set; }

    /// <summary>From MSBuild's performance summary of one build with nothing changed: the CheckMetaIssues task, and the MetaIssueCheck targets.</summary>
    public (double? Task, double? Target) BuildCheckTimes { get; set; }

    public IReadOnlyDictionary<string, int> Found { get; set; } = new Dictionary<string, int>();

    public int Diagnostics { get; set; }

    public int FoundOf(string code) => Found.TryGetValue(code, out var n) ? n : 0;

    public double CheckOverFloor => Timing.Ratio(Cold.Median, ReadParse.Median);

    public double CheckOverRemark => Timing.Ratio(Cold.Median, RemarkTime);

    public double BuildCostUnchanged => BuildOnUnchanged.Median - BuildOff.Median;

    public double BuildCostEdited => BuildOnEdited.Median - BuildOff.Median;

    public double BuildCostCold => BuildOnCold.Median - BuildOff.Median;
}

/// <summary>The no-op build of a 3-project solution, check on and off, in alternating pairs.</summary>
internal sealed record NoOpResult(int MetaIssues, Sample On, Sample Off, (double? Task, double? Target) CheckTimes)
{
    public double Ratio => Timing.Ratio(On.Median, Off.Median);
}
