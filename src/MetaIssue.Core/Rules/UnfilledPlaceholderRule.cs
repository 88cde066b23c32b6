using MetaIssue.Diagnostics;
using MetaIssue.Model;
using MetaIssue.Conventions;

namespace MetaIssue.Rules;

/// <summary>
/// MI016: documents that should be finished hold no template prompts: a completed attempt's attempt-results.md, and
/// every core file of a closed meta-issue and each lesson that links to it. Open work may keep its prompts.
/// </summary>
internal sealed class UnfilledPlaceholderRule : MetaIssueRule
{
    /// <summary>MI016's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI016", "UnfilledPlaceholder", "A finished document still holds a template prompt",
        "Completed attempts' results, every core file of a closed meta-issue and its lessons have their [Bracketed prompts] and YYYY-MM-DD filled in.",
        MessageFormat: "{0}; {1}");

    public override RuleDescriptor Descriptor => Definition;

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        foreach (var attempt in issue.Attempts.Where(a => a.IsCompleted && a.AttemptResults?.Facts is not null))
        {
            Report(attempt.AttemptResults!, $"{attempt.Label} is completed ({attempt.Outcome.DisplayName()})", report);
        }

        if (issue.Status is { IsClosed: true } status)
        {
            foreach (var name in MetaIssueFolder.CoreFiles)
            {
                if (issue.CoreDocuments.TryGetValue(name, out var document) && document.Facts is not null)
                {
                    Report(document, $"the meta-issue is {status.Name}", report);
                }
            }

            // The lesson is the meta-issue's last document of the method: closing it means the lesson is written too.
            foreach (var lesson in context.Links.LessonsLinkingTo(issue).Where(l => l.Facts is not null))
            {
                Report(lesson, $"its meta-issue {issue.Name} is {status.Name}", report);
            }
        }
    }

    private static void Report(DocumentFile document, string why, RuleSink report)
    {
        foreach (var placeholder in document.Facts!.Placeholders)
        {
            report.At(document.FullPath, placeholder.Range,
                $"{why} but {document.FileName} still holds the template prompt '{Shorten(placeholder.Text)}'", $"replace it with what happened, or delete it");
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 56) + "...]";
}
