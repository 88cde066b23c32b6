using MetaIssue.Diagnostics;
using MetaIssue.Links;
using MetaIssue.Model;
using MetaIssue.Conventions;

namespace MetaIssue.Rules;

/// <summary>MI022: a Superseded meta-issue's README links to the meta-issue that supersedes it.</summary>
internal sealed class SupersededLinkRule : MetaIssueRule
{
    /// <summary>MI022's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI022", "SupersededLink", "A superseded meta-issue does not link to its successor",
        "A Superseded meta-issue links to the meta-issue that supersedes it.",
        MessageFormat: "README says Superseded but links to no other meta-issue; write '**Status:** Superseded by [new-issue](../new-issue/)'");

    public override RuleDescriptor Descriptor => Definition;

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        if (issue.Status is not { State: StatusState.Superseded } || issue.Readme is not { Facts: { } facts } readme || issue.StatusField is not { } field)
        {
            return;
        }

        var linksElsewhere = context.Links.Of(readme)
            .Select(link => link.Target)
            .Any(target => target.Kind == LinkTargetKind.Local && target.Exists
                && context.Tree.MetaIssueContaining(target.Path) is { } other && other != issue);

        if (!linksElsewhere)
        {
            report.At(readme.FullPath, field.ValueRange);
        }
    }
}
