using MetaIssue.Conventions;
using MetaIssue.Diagnostics;
using MetaIssue.Edits;
using MetaIssue.Fixes;
using MetaIssue.Model;

namespace MetaIssue.Rules;

/// <summary>
/// MI017: the copies of an attempt's outcome agree. The outcome is read from attempt-results.md's outcome field, then
/// the log entry's <c>**Result:**</c>, then the README timeline row (<see cref="AttemptFolder.OutcomeCopy"/>); a
/// lower copy that states another outcome, or still says In Progress once the outcome is known, is reported where it
/// stands with the value to write. Test-case verdicts contradict the outcome only when all of them do: a success whose
/// every verdict is FAIL, or a failure whose every verdict is PASS (one failing test of a success is a known limit).
/// </summary>
internal sealed class OutcomeCopyRule : MetaIssueRule
{
    /// <summary>MI017's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI017", "OutcomeCopy", "Copies of an attempt's outcome disagree",
        "The implementation log's Result, the README timeline row and the test-case verdicts agree with the attempt's outcome.",
        MessageFormat: "{0}; {1}");

    public override RuleDescriptor Descriptor => Definition;

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        IReadOnlyDictionary<int, List<TestVerdict>>? verdicts = null;
        foreach (var attempt in issue.NumberedAttempts)
        {
            if (attempt.OutcomeCopy is not { } truth)
            {
                continue;
            }

            var number = attempt.Number!.Value;
            var label = AttemptReferences.Format(number);
            foreach (var copy in new[] { OutcomeCopies.InLog(issue, number), OutcomeCopies.InTimeline(issue, number) })
            {
                if (copy is null || copy.Source == truth.Source || copy.Outcome == AttemptOutcome.Unknown || copy.Outcome == truth.Outcome)
                {
                    continue;
                }

                var says = copy.Outcome == AttemptOutcome.InProgress ? "still says" : "says";
                // A timeline cell that disagrees with the attempt's own results, or a log Result still In Progress, shows
                // them (safe: derived, nothing invented). A log Result stating another outcome may hold prose: no fix.
                var fix = truth.Source == OutcomeSource.AttemptResults
                    && (copy.Source == OutcomeSource.ReadmeTimeline || copy.Outcome == AttemptOutcome.InProgress)
                    ? RuleFixes.Safe($"Show attempt {label} as {AttemptEdits.OutcomeText(truth.Outcome)} in the timeline",
                        RuleFixes.ReplaceTrimmed(copy.File.FullPath, copy.Range, AttemptEdits.OutcomeText(truth.Outcome)))
                    : null;
                RuleFixes.Report(report, copy.File.FullPath, copy.Range, fix, context,
                    $"{copy.Place} {says} {LeadingWords.Quote(copy.Value)} for attempt {label}, but {truth.Place} records '{truth.Outcome.DisplayName()}'",
                    $"write '{truth.Outcome.Written()}'");
            }

            // attempt-results.md itself may be the stale copy: it still says In Progress while another copy records the end.
            if (attempt.OutcomeField is { } field && attempt.AttemptResults is { } results && truth.Source != OutcomeSource.AttemptResults
                && OutcomeVocabulary.Parse(field.Value, issue.Words) == AttemptOutcome.InProgress)
            {
                report.At(results.FullPath, field.ValueRange,
                    $"{AttemptFolder.AttemptResultsFile} still says {LeadingWords.Quote(field.Value)} for attempt {label}, but {truth.Place} records '{truth.Outcome.DisplayName()}'",
                    $"write '{truth.Outcome.Written()}'");
            }

            verdicts ??= OutcomeCopies.Verdicts(issue);
            if (verdicts.TryGetValue(number, out var given))
            {
                CheckVerdicts(issue, attempt, truth, given, report);
            }
        }
    }

    private static void CheckVerdicts(MetaIssueFolder issue, AttemptFolder attempt, OutcomeCopy truth, IReadOnlyList<TestVerdict> verdicts, RuleSink report)
    {
        if (verdicts.Count == 0 || issue.TestCases is not { } testCases)
        {
            return;
        }

        var contradicted = truth.Outcome switch
        {
            AttemptOutcome.Success => verdicts.All(v => !v.Passed) ? "FAIL" : null,
            AttemptOutcome.Failure => verdicts.All(v => v.Passed) ? "PASS" : null,
            _ => null,
        };
        if (contradicted is not null)
        {
            var label = AttemptReferences.Format(attempt.Number!.Value);
            var every = verdicts.Count == 1 ? "the only verdict" : $"all {verdicts.Count} verdicts";
            report.At(testCases.FullPath, verdicts[0].Range,
                $"test-cases.md gives attempt {label} {contradicted} in {every}, but {truth.Place} records '{truth.Outcome.DisplayName()}'",
                $"correct the verdicts, or write '{(contradicted == "FAIL" ? AttemptOutcome.Failure : AttemptOutcome.Success).Written()}' in {truth.Place}");
        }
    }
}
