using MetaIssue.Diagnostics;
using MetaIssue.IO;
using MetaIssue.Model;

namespace MetaIssue.Rules;

/// <summary>MI020: a closed meta-issue has a lesson under the lessons root that links to it.</summary>
public sealed class MissingLessonRule : MetaIssueRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.MissingLesson;

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        if (issue.Status is not { IsClosed: true } status || issue.StatusField is not { } field || issue.Readme is not { } readme)
        {
            return;
        }

        if (context.LessonsLinkingTo(issue).Count == 0)
        {
            var lessons = context.Display(context.Tree.LessonsRoot);
            report.At(readme.FullPath, field.ValueRange,
                $"the meta-issue is {status.Name} but no lesson under {lessons}/ links to it; extract one: dotnet new metalesson -n <Lesson_Name> --issue {issue.Name}");
        }
    }
}
