using MetaIssue.Markdown;
using MetaIssue.Conventions;

namespace MetaIssue.Model;

/// <summary>One <c>attempts/NNN-slug/</c> folder: what was tried (solution-approach.md) and what happened (attempt-results.md).</summary>
public sealed class AttemptFolder
{
    public const string SolutionApproachFile = "solution-approach.md";
    public const string AttemptResultsFile = "attempt-results.md";

    public AttemptFolder(string fullPath, string relativePath, DocumentFile? solutionApproach, DocumentFile? attemptResults)
    {
        FullPath = fullPath;
        RelativePath = relativePath;
        Name = Path.GetFileName(fullPath);
        SolutionApproach = solutionApproach;
        AttemptResults = attemptResults;

        if (AttemptNumber.TryParseFolderName(Name, out var number, out var slug))
        {
            Number = number;
            Slug = slug;
        }
        else
        {
            // A misnamed folder ("3-pooling", "0003-pooling") still tells which attempt it meant to be.
            IntendedNumber = AttemptNumber.IntendedBy(Name);
        }
    }

    public string Name { get; }

    public string FullPath { get; }

    public string RelativePath { get; }

    /// <summary>The attempt number when the folder is named <c>NNN-slug</c>; null otherwise (MI002).</summary>
    public int? Number { get; }

    public int? IntendedNumber { get; }

    public string? Slug { get; }

    public bool IsWellNamed => Number is not null;

    public DocumentFile? SolutionApproach { get; }

    public DocumentFile? AttemptResults { get; }

    private (FieldFact? Field, AttemptOutcome Outcome)? _outcome;

    /// <summary>The field of attempt-results.md that carries the outcome (Status, Outcome, Result, Verdict or Assessment).</summary>
    public FieldFact? OutcomeField => ReadOutcome().Field;

    /// <summary>The recognised outcome; read once, after the files are loaded (every rule asks for it).</summary>
    public AttemptOutcome Outcome => ReadOutcome().Outcome;

    private (FieldFact? Field, AttemptOutcome Outcome) ReadOutcome()
    {
        if (_outcome is { } known)
        {
            return known;
        }

        var field = AttemptResults?.Facts?.FindField(OutcomeVocabulary.FieldNames);
        var read = (field, field is { } outcome ? OutcomeVocabulary.Parse(outcome.Value) : AttemptOutcome.Unknown);
        if (AttemptResults is null || AttemptResults.Facts is not null || AttemptResults.Problem is not null)
        {
            _outcome = read;
        }

        return read;
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
