using MetaIssue.Diagnostics;
using MetaIssue.Edits;
using MetaIssue.Model;
using MetaIssue.Conventions;

namespace MetaIssue.Rules;

/// <summary>
/// MI005: an attempt that is over has its results. Over means the meta-issue is closed or a later attempt exists
/// (for a missing attempt-results.md) or has started (for results that still record no outcome).
/// </summary>
internal sealed class MissingAttemptResultsRule : MetaIssueRule
{
    /// <summary>MI005's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI005", "MissingAttemptResults", "An attempt that is over has no recorded results",
        "Once a later attempt exists or the meta-issue is closed, each attempt has an attempt-results.md; once a later attempt has started or the meta-issue is closed, that file records the outcome.",
        MessageFormat: "{0}; {1}");

    public override RuleDescriptor Descriptor => Definition;

    /// <summary>The outcome the README's timeline row shows for the attempt (its result column), or Unknown.</summary>
    private static AttemptOutcome TimelineOutcome(MetaIssueFolder issue, AttemptFolder attempt)
    {
        // A number two folders share names neither for sure.
        if (attempt.Number is not int number || issue.Readme?.Facts is not { } facts || issue.NumberedAttempts.Count(a => a.Number == number) > 1)
        {
            return AttemptOutcome.Unknown;
        }

        var shown = facts.AttemptTables.SelectMany(t => t.Rows.Where(r => r.Attempt == number).Select(r => r.Cells.Skip(1).Select(c => OutcomeVocabulary.Parse(c.Text, issue.Words)).LastOrDefault(o => o != AttemptOutcome.Unknown)));
        return shown.FirstOrDefault(o => o != AttemptOutcome.Unknown);
    }

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        var latest = issue.LatestAttempt?.Number ?? 0;
        foreach (var attempt in issue.Attempts.Where(a => a.AttemptResults?.Facts is not null && !a.IsCompleted))
        {
            var started = issue.NumberedAttempts.LastOrDefault(a => a.Number > attempt.Number && a.HasStarted);
            string? why = started is not null
                ? $"attempt {AttemptReferences.Format(started.Number!.Value)} has started"
                : issue.Status is { IsClosed: true } closed ? $"the meta-issue is {closed.Name}" : null;
            if (why is null)
            {
                continue;
            }

            var results = attempt.AttemptResults!;
            var field = attempt.OutcomeField;
            var written = field?.Value.Trim() ?? string.Empty;
            var unrecognised = field is not null && OutcomeVocabulary.Parse(written, issue.Words) == AttemptOutcome.Unknown;
            var recorded = field is not null && attempt.Outcome == AttemptOutcome.InProgress
                ? $"still say '{written}'"
                : unrecognised ? $"say {LeadingWords.Quote(written)}, which is not an outcome word of the method" : "record no outcome";
            var meant = unrecognised ? OutcomeVocabulary.Suggest(written, issue.Words) : null;
            var advice = meant is not null
                ? $"did you mean '**{field!.Value.Name}:** {meant}'? (or add the word to .metaissue.json)"
                : "record how it ended (**Status:** ✅ Success, ❌ Failed, ⚠️ Partial or Abandoned)";
            // Derivable only when the README's timeline already records how the attempt ended.
            var shown = TimelineOutcome(issue, attempt);
            var fix = shown.IsCompleted() && field is { } outcomeField && RuleFixes.ValueRange(outcomeField) is { } valueRange
                ? RuleFixes.Safe($"Record {attempt.Label} as {AttemptEdits.OutcomeText(shown)}, as the timeline shows it",
                    RuleFixes.Replace(results.FullPath, valueRange, RuleFixes.FieldValue(outcomeField, AttemptEdits.OutcomeText(shown))))
                : null;
            RuleFixes.Report(report, results.FullPath, field?.ValueRange ?? Where.Title(results), fix, context,
                $"{attempt.Label}'s results {recorded} although {why}", advice);
        }

        foreach (var attempt in issue.Attempts.Where(a => a.AttemptResults is null))
        {
            string? why = null;
            if (attempt.Number is int number && number < latest)
            {
                why = $"attempt {AttemptReferences.Format(latest)} has started";
            }
            else if (issue.Status is { IsClosed: true } status)
            {
                why = $"the meta-issue is {status.Name}";
            }

            if (why is not null)
            {
                var shown = TimelineOutcome(issue, attempt);
                var fix = shown.IsCompleted() ? TemplateFiles.AttemptFile(issue, attempt, AttemptFolder.AttemptResultsFile, shown) : null;
                RuleFixes.Report(report, attempt.FullPath, null, fix, context,
                    $"{attempt.Label} has no {AttemptFolder.AttemptResultsFile} although {why}", $"record what happened and its outcome (**Status:** ✅ Success, ❌ Failed, ⚠️ Partial or Abandoned)");
            }
        }
    }
}
