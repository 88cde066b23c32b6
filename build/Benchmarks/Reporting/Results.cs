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

    public Sample BuildOff { get; set; } = Sample.None;

    public Sample BuildOnWarm { get; set; } = Sample.None;

    public Sample BuildOnCold { get; set; } = Sample.None;

    public Sample Remark { get; set; } = Sample.None;

    public Sample Markdownlint { get; set; } = Sample.None;

    public int? RemarkMissingFiles { get; set; }

    public int? RemarkMissingHeadings { get; set; }

    public int? MarkdownlintFindings { get; set; }

    public string? ToolNote { get; set; }

    public MemoryProbe.Peak? Memory { get; set; }

    public IReadOnlyDictionary<string, int> Found { get; set; } = new Dictionary<string, int>();

    public int Diagnostics { get; set; }

    public int FoundOf(string code) => Found.TryGetValue(code, out var n) ? n : 0;

    public double CheckOverFloor => Timing.Ratio(Cold.Median, ReadParse.Median);

    public double CheckOverRemark => Timing.Ratio(Cold.Median, Remark.Median);

    public double BuildCostWarm => BuildOnWarm.Median - BuildOff.Median;

    public double BuildCostCold => BuildOnCold.Median - BuildOff.Median;
}

/// <summary>The no-op build of a 3-project solution, check on and off, in alternating pairs.</summary>
internal sealed record NoOpResult(int MetaIssues, Sample On, Sample Off)
{
    public double Ratio => Timing.Ratio(On.Median, Off.Median);
}
