using MetaIssue.Diagnostics;
using MetaIssue.Model;
using MetaIssue.Conventions;

namespace MetaIssue.Rules;

/// <summary>MI012: a README that still says the meta-issue is open although its latest attempt succeeded.</summary>
public sealed class StaleStatusRule : MetaIssueRule
{
    /// <summary>MI012's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI012", "StaleStatus", "The README status is open although the latest attempt succeeded",
        "When the latest attempt succeeded, the README says so: Resolved (Attempt NNN).",
        MessageFormat: "README status is '{0}' but attempt {1} ({2}) succeeded; write '**Status:** Resolved (Attempt {1})'");

    public override RuleDescriptor Descriptor => Definition;

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        if (issue.Status is not { IsOpen: true } status || issue.StatusField is not { } field || issue.Readme is not { } readme)
        {
            return;
        }

        if (issue.LatestAttempt is { Outcome: AttemptOutcome.Success, Number: int number } latest)
        {
            var label = AttemptReferences.Format(number);
            report.At(readme.FullPath, field.ValueRange,
                status.Name, label, latest.Name);
        }
    }
}
