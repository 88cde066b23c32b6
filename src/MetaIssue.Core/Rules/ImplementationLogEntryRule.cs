using MetaIssue.Diagnostics;
using MetaIssue.Edits;
using MetaIssue.Fixes;
using MetaIssue.Model;
using MetaIssue.Conventions;

namespace MetaIssue.Rules;

/// <summary>
/// MI014: implementation-log.md has an entry (a heading, a table row or a line that starts with the attempt) for every
/// completed attempt. An attempt still in progress is not yet due: templates cannot append to the log.
/// </summary>
internal sealed class ImplementationLogEntryRule : MetaIssueRule
{
    /// <summary>MI014's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI014", "ImplementationLogEntry", "The implementation log has no entry for an attempt",
        "implementation-log.md has an entry (a heading, row or line naming the attempt) for every completed attempt.",
        MessageFormat: "{0}; {1}");

    public override RuleDescriptor Descriptor => Definition;

    /// <summary>The log section <c>metaissue attempt</c> appends (the template's), with the outcome the attempt records; its prompts are declared.</summary>
    internal static Fix? LogSectionFix(string logPath, AttemptFolder attempt)
    {
        var label = AttemptReferences.Format(attempt.Number!.Value);
        var title = Titles.FromSlug(attempt.Slug!);
        var edits = new AttemptEdits().LogSection(logPath, label, title, AttemptListRule.UnknownDate).ToList();
        if (edits.Count != 1)
        {
            return null;
        }

        var section = edits[0] with { NewText = AttemptListRule.WithOutcome(edits[0].NewText, attempt.Outcome) };
        return new Fix($"Add the log section of attempt {label}", FixApplicability.Safe, new FileChange[] { section })
        {
            InsertedPrompts = RuleFixes.Prompts(section.NewText),
        };
    }

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        if (issue.ImplementationLog is not { Facts: { } facts } log)
        {
            return;
        }

        var entries = new HashSet<int>(facts.AttemptMentions.Where(m => m.IsEntry).Select(m => m.Number));
        foreach (var attempt in issue.NumberedAttempts.Where(a => a.IsCompleted && !entries.Contains(a.Number!.Value)))
        {
            var label = AttemptReferences.Format(attempt.Number!.Value);
            RuleFixes.Report(report, log.FullPath, Where.Title(log), LogSectionFix(log.FullPath, attempt), context,
                $"implementation-log.md has no entry for attempt {label} ({attempt.Outcome.DisplayName()})", $"add a section '## Attempt {label}: {Titles.FromSlug(attempt.Slug!)}' with its dates, hypothesis, result and learning");
        }
    }
}
