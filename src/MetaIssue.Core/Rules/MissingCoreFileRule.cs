using MetaIssue.Diagnostics;
using MetaIssue.Model;

namespace MetaIssue.Rules;

/// <summary>MI001: README.md, description.md, implementation-log.md and test-cases.md all exist.</summary>
public sealed class MissingCoreFileRule : MetaIssueRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.MissingCoreFile;

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        var missing = MetaIssueFolder.CoreFiles.Where(name => !issue.CoreDocuments.ContainsKey(name)).ToList();
        foreach (var name in missing)
        {
            var message = $"meta-issue '{issue.Name}' has no {name}; create {issue.RelativePath}/{name} ({Purpose(name)})";
            if (issue.Readme is { } readme)
            {
                report.At(readme.FullPath, Where.Title(readme), message);
            }
            else
            {
                report.At(issue.FullPath, null, message);
            }
        }
    }

    private static string Purpose(string name) => name switch
    {
        MetaIssueFolder.ReadmeFile => "the navigation hub with the status",
        MetaIssueFolder.DescriptionFile => "how the understanding of the problem evolved",
        MetaIssueFolder.ImplementationLogFile => "the timeline of every attempt",
        _ => "the success criteria and each attempt's results",
    };
}
