using MetaIssue.Diagnostics;
using MetaIssue.Model;

namespace MetaIssue.Rules;

/// <summary>MI001: README.md, description.md, implementation-log.md and test-cases.md all exist.</summary>
internal sealed class MissingCoreFileRule : MetaIssueRule
{
    /// <summary>MI001's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI001", "MissingCoreFile", "A core file of the meta-issue is missing",
        "Every meta-issue has README.md, description.md, implementation-log.md and test-cases.md.",
        MessageFormat: "meta-issue '{0}' has no {1} ({2}); {3}");

    public override RuleDescriptor Descriptor => Definition;

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        var missing = MetaIssueFolder.CoreFiles.Where(name => !issue.CoreDocuments.ContainsKey(name)).ToList();
        foreach (var name in missing)
        {
            var fix = TemplateFiles.CoreFile(issue, name);
            var advice = RuleFixes.Advice(fix, context, $"create {issue.RelativePath}/{name}");
            var (path, range) = issue.Readme is { } readme ? (readme.FullPath, (Text.SourceRange?)Where.Title(readme)) : (issue.FullPath, null);
            if (fix is null)
            {
                report.At(path, range, issue.Name, name, Purpose(name), advice);
            }
            else
            {
                report.At(path, range, fix, issue.Name, name, Purpose(name), advice);
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
