using MetaIssue.Diagnostics;
using MetaIssue.Edits;
using MetaIssue.Fixes;
using MetaIssue.Markdown;
using MetaIssue.Model;
using MetaIssue.Conventions;

namespace MetaIssue.Rules;

/// <summary>
/// MI013: the README's attempt list (a table whose rows start with attempt numbers) lists every completed attempt,
/// and no attempt that does not exist (an outcome that disagrees is MI017). Attempts still in
/// progress may be listed or not: templates cannot add rows, and the row is due once the outcome is known.
/// </summary>
internal sealed class AttemptListRule : MetaIssueRule
{
    /// <summary>MI013's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI013", "AttemptList", "The README's attempt list disagrees with the attempts",
        "The README's timeline lists every completed attempt, and no attempt that does not exist.",
        MessageFormat: "{0}; {1}");

    public override RuleDescriptor Descriptor => Definition;

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        if (issue.Readme is not { Facts: { } facts } readme)
        {
            return;
        }

        var tables = facts.AttemptTables;
        if (tables.Count == 0)
        {
            return;
        }

        var attempts = issue.NumberedAttempts.GroupBy(a => a.Number!.Value).ToDictionary(g => g.Key, g => g.First());
        // A row for an attempt without a folder is MI003's (or MI002's, for a misnamed folder): one finding per cause.
        var listed = new HashSet<int>(tables.SelectMany(t => t.Rows).Select(r => r.Attempt).OfType<int>());

        foreach (var attempt in attempts.Values.Where(a => a.IsCompleted && !listed.Contains(a.Number!.Value)).OrderBy(a => a.Number))
        {
            var label = AttemptReferences.Format(attempt.Number!.Value);
            RuleFixes.Report(report, readme.FullPath, tables[0].Header.Range, TimelineRowFix(readme.FullPath, attempt), context,
                $"README's attempt list has no row for attempt {label} ({attempt.Outcome.DisplayName()})", $"add a row starting '| [{label}](./attempts/{attempt.Name}/) |'");
        }
    }

    /// <summary>
    /// The row <c>metaissue attempt</c> writes (the template's), with the outcome the attempt records; its dates stay
    /// the template's YYYY-MM-DD for a person to fill, since no file says when the attempt ran.
    /// </summary>
    internal static Fix? TimelineRowFix(string readmePath, AttemptFolder attempt)
    {
        var label = AttemptReferences.Format(attempt.Number!.Value);
        var edits = new AttemptEdits().TimelineRow(readmePath, label, attempt.Slug!, Titles.FromSlug(attempt.Slug!), UnknownDate).ToList();
        if (edits.Count != 1)
        {
            return null;
        }

        var row = edits[0] with { NewText = WithOutcome(edits[0].NewText, attempt.Outcome) };
        return new Fix($"Add attempt {label} to the timeline", FixApplicability.Safe, new FileChange[] { row }) { InsertedPrompts = RuleFixes.Prompts(row.NewText) };
    }

    /// <summary>The template's placeholder date, kept where no date is known.</summary>
    internal const string UnknownDate = "YYYY-MM-DD";

    /// <summary>The template's in-progress outcome in <paramref name="text"/> replaced by the attempt's recorded one.</summary>
    internal static string WithOutcome(string text, AttemptOutcome outcome) =>
        text.Replace(AttemptEdits.OutcomeText(AttemptOutcome.InProgress), AttemptEdits.OutcomeText(outcome));
}
