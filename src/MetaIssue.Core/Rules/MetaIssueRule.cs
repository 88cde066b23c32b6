using MetaIssue.Model;

namespace MetaIssue.Rules;

/// <summary>A rule that looks at one meta-issue at a time.</summary>
internal abstract class MetaIssueRule : Rule
{
    public sealed override void Check(CheckContext context, RuleSink report)
    {
        foreach (var issue in context.Tree.MetaIssues)
        {
            Check(issue, context, report);
        }
    }

    protected abstract void Check(MetaIssueFolder issue, CheckContext context, RuleSink report);
}
