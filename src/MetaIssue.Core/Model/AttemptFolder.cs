using MetaIssue.Markdown;
using MetaIssue.Conventions;

namespace MetaIssue.Model;

/// <summary>One <c>attempts/NNN-slug/</c> folder: what was tried (solution-approach.md) and what happened (attempt-results.md).</summary>
public sealed class AttemptFolder
{
    public const string SolutionApproachFile = "solution-approach.md";
    public const string AttemptResultsFile = "attempt-results.md";

    /// <param name="issue">The meta-issue holding the folder (its constructor makes its attempts), or null for a folder on its own.</param>
    /// <param name="files">The folder's path and its two loaded files.</param>
    internal AttemptFolder(MetaIssueFolder? issue, AttemptFiles files)
    {
        Issue = issue;
        FullPath = files.FullPath;
        _relativePath = files.RelativePath;
        Name = Path.GetFileName(files.FullPath);
        SolutionApproach = files.SolutionApproach;
        AttemptResults = files.AttemptResults;

        if (AttemptNumber.TryParseFolderName(Name, out var number, out var slug))
        {
            Number = number;
            Slug = slug;
        }
        else
        {
            // A misnamed folder ("3-pooling", "0003-pooling", "ENH-003", "attempt-3") still tells which attempt it meant to be.
            IntendedNumber = AttemptNumber.IntendedBy(Name, out var start, out var length);
            var rest = (Name.Substring(0, start) + " " + Name.Substring(start + length)).Trim(' ', '-', '_', '.');
            IntendedSlug = rest.Length == 0 || rest.Equals("attempt", StringComparison.OrdinalIgnoreCase)
                ? null
                : string.Join("-", rest.ToLowerInvariant().Split(new[] { ' ', '-', '_', '.' }, StringSplitOptions.RemoveEmptyEntries));
        }
    }

    public string Name { get; }

    public string FullPath { get; }

    public string RelativePath => _relativePath.Of(FullPath);

    private readonly RelativePathText _relativePath;

    /// <summary>The attempt number when the folder is named <c>NNN-slug</c>; null otherwise (MI002).</summary>
    public int? Number { get; }

    /// <summary>The number a misnamed folder meant (<c>01-caching</c> → 1, <c>ENH-003</c> → 3), or null.</summary>
    public int? IntendedNumber { get; }

    /// <summary>What is left of a misnamed folder's name as a slug (<c>01-caching</c> → caching), or null when nothing is.</summary>
    public string? IntendedSlug { get; }

    public string? Slug { get; }

    public bool IsWellNamed => Number is not null;

    internal DocumentFile? SolutionApproach { get; }

    internal DocumentFile? AttemptResults { get; }

    private (FieldFact? Field, OutcomeCopy? Copy)? _outcome;

    /// <summary>The meta-issue holding this folder, whose log and README hold copies of the outcome; null for a folder on its own.</summary>
    internal MetaIssueFolder? Issue { get; }

    /// <summary>The field of attempt-results.md that carries the outcome (Status, Outcome, Result, Verdict or Assessment).</summary>
    internal FieldFact? OutcomeField => ReadOutcome().Field;

    /// <summary>
    /// The copy the outcome is taken from: the first one recording how the attempt ended (Success, Failed, Partial,
    /// Abandoned) in the order attempt-results.md's outcome field, then the log entry's <c>**Result:**</c>, then the
    /// README timeline row (the order of <see cref="OutcomeSource"/>; docs/rules/MI017.md); failing that, the first
    /// that says In Progress. Null when no copy states a recognised outcome.
    /// </summary>
    internal OutcomeCopy? OutcomeCopy => ReadOutcome().Copy;

    /// <summary>The recognised outcome; read on first use and kept (every rule asks for it).</summary>
    public AttemptOutcome Outcome => OutcomeCopy?.Outcome ?? AttemptOutcome.Unknown;

    /// <summary>Read on first use; every file it reads was loaded before this folder was made.</summary>
    private (FieldFact? Field, OutcomeCopy? Copy) ReadOutcome() => _outcome ??= OutcomeOf();

    private (FieldFact? Field, OutcomeCopy? Copy) OutcomeOf()
    {
        var field = AttemptResults?.Facts?.FindField(OutcomeVocabulary.FieldNames);
        OutcomeCopy? copy = field is { } f && OutcomeVocabulary.Parse(f.Value, Issue?.Words) is var parsed && parsed != AttemptOutcome.Unknown
            ? new OutcomeCopy(OutcomeSource.AttemptResults, AttemptResults!, f.Value, parsed, f.ValueRange)
            : null;
        if (copy is not { Outcome: not AttemptOutcome.InProgress } && Issue is { } issue && Number is int number)
        {
            // A copy that records how the attempt ended outranks one that still says In Progress.
            var copies = new[] { copy, OutcomeCopies.InLog(issue, number), OutcomeCopies.InTimeline(issue, number) };
            copy = copies.FirstOrDefault(c => c is not null && c.Outcome.IsCompleted())
                ?? copies.FirstOrDefault(c => c is not null && c.Outcome != AttemptOutcome.Unknown);
        }

        return (field, copy);
    }

    public bool IsCompleted => Outcome.IsCompleted();

    /// <summary>
    /// Under way: its plan is written (solution-approach.md holds no template prompt) or it has an outcome. A folder
    /// just scaffolded by <c>dotnet new metaattempt</c> has not started.
    /// </summary>
    public bool HasStarted => IsCompleted || (SolutionApproach?.Facts is { } plan && plan.Placeholders.Count == 0);

    public string Label => Number is int n ? "attempt " + AttemptReferences.Format(n) : "attempt folder '" + Name + "'";

    public override string ToString() => RelativePath;
}

/// <summary>What an attempt folder is made from: its path and its two files (each null when absent), already loaded.</summary>
internal readonly record struct AttemptFiles(string FullPath, RelativePathText RelativePath, DocumentFile? SolutionApproach, DocumentFile? AttemptResults);
