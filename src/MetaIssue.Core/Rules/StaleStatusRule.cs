using MetaIssue.Diagnostics;
using MetaIssue.Model;
using MetaIssue.Vocabulary;

namespace MetaIssue.Rules;

/// <summary>MI012: a README that still says the meta-issue is open although its latest attempt succeeded.</summary>
public sealed class StaleStatusRule : MetaIssueRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.StaleStatus;

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
                $"README status is '{status.Name}' but attempt {label} ({latest.Name}) succeeded; write '**Status:** Resolved (Attempt {label})'");
        }
    }
}
