using MetaIssue.Diagnostics;
using MetaIssue.Edits;
using MetaIssue.Fixes;
using MetaIssue.IO;
using MetaIssue.Links;
using MetaIssue.Markdown;
using MetaIssue.Model;

namespace MetaIssue.Rules;

/// <summary>MI021: when a lesson links to a meta-issue, the meta-issue's README links back to that lesson.</summary>
internal sealed class LessonBacklinkRule : MetaIssueRule
{
    /// <summary>MI021's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI021", "LessonBacklink", "The README does not link to a lesson about it",
        "When a lesson links to a meta-issue, the meta-issue's README links back to the lesson.",
        MessageFormat: "{0}; {1}");

    public override RuleDescriptor Descriptor => Definition;

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        if (issue.Readme is not { Facts: { } facts } readme)
        {
            return;
        }

        var lessons = context.Links.LessonsLinkingTo(issue);
        if (lessons.Count == 0)
        {
            return;
        }

        var linked = new HashSet<string>(
            context.Links.Of(readme)
                .Where(link => link.Target.Kind == LinkTargetKind.Local)
                .Select(link => link.Target.Path),
            StringComparer.Ordinal);

        foreach (var lesson in lessons.Where(l => !linked.Contains(l.FullPath)))
        {
            var title = lesson.Facts?.Title?.Text is { Length: > 0 } heading ? heading : Path.GetFileNameWithoutExtension(lesson.FileName).Replace('_', ' ');
            var relative = LinkDestination.Format(PathText.RelativeLink(issue.FullPath, lesson.FullPath));
            var fix = IssueEdits.LessonLink(readme.FullPath, issue.FullPath, lesson.FullPath, title) is { } edit
                ? new Fix($"Link the lesson {lesson.RelativePath} from README.md", FixApplicability.Safe, new FileChange[] { edit })
                : null;
            RuleFixes.Report(report, readme.FullPath, Where.Section(readme, "lesson"), fix, context,
                $"lesson {lesson.RelativePath} links to this meta-issue but README.md does not link back", $"add '- [{IssueEdits.LinkLabel(title)}]({relative})' under '## Lessons Learned'");
        }
    }
}
