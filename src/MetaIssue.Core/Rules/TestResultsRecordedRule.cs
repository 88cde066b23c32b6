using MetaIssue.Diagnostics;
using MetaIssue.Model;
using MetaIssue.Conventions;

namespace MetaIssue.Rules;

/// <summary>
/// MI015: test-cases.md records a result for every completed attempt: an entry naming the attempt that says more
/// than an unfilled prompt (<c>- Attempt 002: [Result]</c> does not count yet).
/// </summary>
public sealed class TestResultsRecordedRule : MetaIssueRule
{
    /// <summary>MI015's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI015", "TestResultsRecorded", "The test cases record no result for a completed attempt",
        "test-cases.md records a result for every completed attempt, so attempts can be compared.",
        MessageFormat: "{0}; {1}");

    public override RuleDescriptor Descriptor => Definition;

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        if (issue.TestCases is not { Facts: { } facts } testCases)
        {
            return;
        }

        foreach (var attempt in issue.NumberedAttempts.Where(a => a.IsCompleted))
        {
            var number = attempt.Number!.Value;
            var entries = facts.AttemptMentions.Where(m => m.IsEntry && m.Number == number).ToList();
            if (entries.Any(e => e.HasContent))
            {
                continue;
            }

            var label = AttemptReferences.Format(number);
            var range = entries.Count > 0 ? entries[0].Range : Where.Section(testCases, "result");
            var what = entries.Count > 0 ? "only an unfilled prompt" : "no result";
            report.At(testCases.FullPath, range,
                $"test-cases.md records {what} for attempt {label} ({attempt.Outcome.DisplayName()})", $"add '- Attempt {label}: <measured result> (PASS or FAIL)' to the results of the test cases it ran");
        }
    }
}
