using MetaIssue.Diagnostics;
using MetaIssue.Edits;
using MetaIssue.Fixes;
using MetaIssue.Model;
using MetaIssue.Conventions;

namespace MetaIssue.Rules;

/// <summary>MI012: a README that still says the meta-issue is open although its latest attempt succeeded.</summary>
internal sealed class StaleStatusRule : MetaIssueRule
{
    /// <summary>MI012's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI012", "StaleStatus", "The README status is open although the latest attempt succeeded",
        "When the latest attempt succeeded, the README says so: Resolved (Attempt NNN).",
        MessageFormat: "README status is '{0}' but attempt {1} ({2}) succeeded; {3}");

    public override RuleDescriptor Descriptor => Definition;

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        if (issue.Status is not { IsOpen: true } status || issue.StatusField is not { } field || issue.Readme is not { } readme)
        {
            return;
        }

        if (issue.LatestAttempt is { Outcome: AttemptOutcome.Success, Number: int number } latest)
        {
            // The status computed from the recorded outcome, in the syntax of the spot that holds it (safe: it only
            // writes down what attempt-results.md already says).
            var label = AttemptReferences.Format(number);
            var value = IssueEdits.StatusText(StatusState.Resolved, number, null, null);
            var fix = RuleFixes.Safe($"Set the status to {value}", RuleFixes.Replace(readme.FullPath, field.ValueRange, RuleFixes.FieldValue(field, value)));
            var prose = $"write {RuleFixes.FieldValue(field, value)} as the status";
            if (fix is null)
            {
                report.At(readme.FullPath, field.ValueRange, status.Name, label, latest.Name, prose);
            }
            else
            {
                report.At(readme.FullPath, field.ValueRange, fix, status.Name, label, latest.Name, FixAdvice.Of(fix, context.Display));
            }
        }
    }
}
