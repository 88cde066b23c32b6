namespace MetaIssue.Benchmarks.Corpus;

internal enum IssueState
{
    Resolved,
    Investigating,
    Blocked,
    Abandoned,
    Superseded,
}

internal enum Outcome
{
    Failed,
    Partial,
    Success,
    InProgress,
    Abandoned,
}

/// <summary>One planted defect: the rule it must trip, and how (a rule may be tripped in two ways).</summary>
internal sealed record Defect(string Rule, int Variant);

/// <summary>What the generator decided about one meta-issue before writing it; the writers only read it.</summary>
internal sealed class IssuePlan
{
    public required int Index { get; init; }

    public required string Name { get; init; }

    public required string Title { get; init; }

    public required string Domain { get; init; }

    public required IssueState State { get; set; }

    public required List<AttemptPlan> Attempts { get; init; }

    public Defect? Defect { get; set; }

    /// <summary>Index of the meta-issue this one is superseded by.</summary>
    public int? SupersededBy { get; set; }

    /// <summary>Indexes of other meta-issues the README mentions under Related.</summary>
    public required List<int> Related { get; init; }

    public LessonPlan? Lesson { get; set; }

    public bool ReadmeLinksLesson { get; set; }

    public bool HasAnalysis { get; set; }

    /// <summary>For an MI006 defect: the repository-relative folder written outside the roots, or the mistyped twin.</summary>
    public string? MisplacedFolder { get; set; }

    public bool Has(string rule, int variant = -1) => Defect is { } d && d.Rule == rule && (variant < 0 || d.Variant == variant);

    public bool IsClosed => State is IssueState.Resolved or IssueState.Abandoned or IssueState.Superseded;

    public AttemptPlan Last => Attempts[^1];
}

internal sealed class AttemptPlan
{
    public required int Number { get; set; }

    public required string Slug { get; init; }

    public required Outcome Outcome { get; set; }

    public bool HasApproach { get; set; } = true;

    public bool HasResults { get; set; } = true;

    public string FolderName => $"{Number:000}-{Slug}";

    public string Label => Number.ToString("000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Finished: the attempt's results say how it ended.</summary>
    public bool IsCompleted => HasResults && Outcome is not Outcome.InProgress;
}

internal sealed record LessonPlan(string Category, string FileName, string Title, int? SiblingLesson);
