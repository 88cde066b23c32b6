using MetaIssue.Diagnostics;
using MetaIssue.Model;

namespace MetaIssue.Rules;

/// <summary>A rule that looks at one meta-issue at a time.</summary>
public abstract class MetaIssueRule : IRule
{
    public abstract RuleDescriptor Descriptor { get; }

    public void Check(CheckContext context, DiagnosticSink sink)
    {
        foreach (var issue in context.Tree.MetaIssues)
        {
            Check(issue, context, new RuleSink(Descriptor, sink));
        }
    }

    protected abstract void Check(MetaIssueFolder issue, CheckContext context, RuleSink report);
}
