using MetaIssue.Model;

namespace MetaIssue.Rules;

/// <summary>
/// A rule that looks at one meta-issue at a time: its findings for a meta-issue depend only on that meta-issue's files,
/// the lessons linking to it and what its own links resolve to, so an incremental check may reuse them while those
/// are unchanged (see <see cref="CheckContext.Scope"/>).
/// </summary>
internal abstract class MetaIssueRule : Rule
{
    public sealed override void Check(CheckContext context, RuleSink report)
    {
        foreach (var issue in context.MetaIssuesInScope)
        {
            report.Producer = issue;
            Check(issue, context, report);
        }

        report.Producer = null;
    }

    protected abstract void Check(MetaIssueFolder issue, CheckContext context, RuleSink report);
}
