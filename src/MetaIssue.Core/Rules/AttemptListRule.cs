using MetaIssue.Diagnostics;
using MetaIssue.Edits;
using MetaIssue.Fixes;
using MetaIssue.Markdown;
using MetaIssue.Model;
using MetaIssue.Conventions;

namespace MetaIssue.Rules;

/// <summary>
/// MI013: the README's attempt list (a table whose rows start with attempt numbers) lists every completed attempt,
/// no attempt that does not exist, and no outcome that contradicts the attempt's own results. Attempts still in
/// progress may be listed or not: templates cannot add rows, and the row is due once the outcome is known.
/// </summary>
public sealed class AttemptListRule : MetaIssueRule
{
    private static readonly string[] OutcomeColumns = { "result", "outcome", "status", "verdict" };

    /// <summary>MI013's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI013", "AttemptList", "The README's attempt list disagrees with the attempts",
        "The README's timeline lists every completed attempt, no attempt that does not exist, and outcomes that match each attempt's results.",
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
        var listed = new HashSet<int>();
        foreach (var table in tables)
        {
            var outcomeColumn = FindOutcomeColumn(table.Header);
            foreach (var row in table.Rows.Where(r => r.Attempt is not null))
            {
                var number = row.Attempt!.Value;
                listed.Add(number);
                var label = AttemptReferences.Format(number);
                if (!attempts.TryGetValue(number, out var attempt))
                {
                    report.At(readme.FullPath, row.Range,
                        $"README lists attempt {label}, but there is no attempts/{label}-* folder", $"remove the row or add the attempt");
                    continue;
                }

                if (outcomeColumn < 0 || outcomeColumn >= row.Cells.Count)
                {
                    continue;
                }

                var cell = row.Cells[outcomeColumn];
                var shown = OutcomeVocabulary.Parse(cell.Text);
                if (shown != AttemptOutcome.Unknown && attempt.Outcome != AttemptOutcome.Unknown && shown != attempt.Outcome)
                {
                    // The attempt's own results are the record; the row shows them (safe: derived, nothing invented).
                    var value = AttemptEdits.OutcomeText(attempt.Outcome);
                    var fix = RuleFixes.Safe($"Show attempt {label} as {value} in the timeline", RuleFixes.ReplaceTrimmed(readme.FullPath, cell.Range, value));
                    RuleFixes.Report(report, readme.FullPath, cell.Range, fix, context,
                        $"README shows attempt {label} as '{shown.DisplayName()}' but {attempt.RelativePath}/{AttemptFolder.AttemptResultsFile} says '{attempt.Outcome.DisplayName()}'", $"update the row or the results");
                }
            }
        }

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

    private static int FindOutcomeColumn(TableRowFact header)
    {
        for (var i = 1; i < header.Cells.Count; i++)
        {
            var text = header.Cells[i].Text;
            if (OutcomeColumns.Any(word => text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0))
            {
                return i;
            }
        }

        return -1;
    }
}
