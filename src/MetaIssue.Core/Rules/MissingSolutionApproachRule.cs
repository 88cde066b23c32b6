using MetaIssue.Diagnostics;
using MetaIssue.Model;

namespace MetaIssue.Rules;

/// <summary>MI004: every attempt folder has a solution-approach.md.</summary>
public sealed class MissingSolutionApproachRule : MetaIssueRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.MissingSolutionApproach;

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        foreach (var attempt in issue.Attempts.Where(a => a.SolutionApproach is null))
        {
            report.At(attempt.FullPath, null,
                $"{attempt.Label} has no {AttemptFolder.SolutionApproachFile}; create it with the hypothesis, expected outcome and plan");
        }
    }
}
