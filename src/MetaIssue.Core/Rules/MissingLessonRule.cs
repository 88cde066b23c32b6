using MetaIssue.Diagnostics;
using MetaIssue.IO;
using MetaIssue.Model;
using MetaIssue.Text;

namespace MetaIssue.Rules;

/// <summary>MI020: a closed meta-issue has a lesson under the lessons root that links to it.</summary>
internal sealed class MissingLessonRule : MetaIssueRule
{
    /// <summary>MI020's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI020", "MissingLesson", "A closed meta-issue has no lesson",
        "A closed meta-issue has a lesson under the lessons root that links back to it.",
        MessageFormat: "the meta-issue is {0} but no lesson under {1}/ links to it; extract one: dotnet new metalesson -n <Lesson_Name> --issue {2}");

    public override RuleDescriptor Descriptor => Definition;

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        if (issue.Status is not { IsClosed: true } status || issue.StatusField is not { } field || issue.Readme is not { } readme)
        {
            return;
        }

        if (context.Links.LessonsLinkingTo(issue).Count == 0)
        {
            var lessons = context.Display(context.Tree.LessonsRoot);
            report.At(readme.FullPath, field.ValueRange,
                status.Name, lessons, ShellQuote.Word(issue.Name));
        }
    }
}
