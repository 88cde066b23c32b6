using MetaIssue.Diagnostics;
using MetaIssue.Model;

namespace MetaIssue.Rules;

/// <summary>MI004: every attempt folder has a solution-approach.md.</summary>
internal sealed class MissingSolutionApproachRule : MetaIssueRule
{
    /// <summary>MI004's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI004", "MissingSolutionApproach", "An attempt has no solution-approach.md",
        "Each attempt records what was tried, and why, before it is tried.",
        MessageFormat: "{0} has no {1}; {2}");

    public override RuleDescriptor Descriptor => Definition;

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        foreach (var attempt in issue.Attempts.Where(a => a.SolutionApproach is null))
        {
            var fix = TemplateFiles.AttemptFile(issue, attempt, AttemptFolder.SolutionApproachFile);
            var advice = RuleFixes.Advice(fix, context, "create it with the hypothesis, expected outcome and plan");
            if (fix is null)
            {
                report.At(attempt.FullPath, null, attempt.Label, AttemptFolder.SolutionApproachFile, advice);
            }
            else
            {
                report.At(attempt.FullPath, null, fix, attempt.Label, AttemptFolder.SolutionApproachFile, advice);
            }
        }
    }
}
