using MetaIssue.Diagnostics;
using MetaIssue.Edits;
using MetaIssue.Fixes;
using MetaIssue.Model;
using MetaIssue.Conventions;

namespace MetaIssue.Rules;

/// <summary>
/// MI015: test-cases.md records a result for every completed attempt: an entry naming the attempt that says more
/// than an unfilled prompt (<c>- Attempt 002: [Result]</c> does not count yet).
/// </summary>
internal sealed class TestResultsRecordedRule : MetaIssueRule
{
    /// <summary>MI015's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI015", "TestResultsRecorded", "The test cases record no result for a completed attempt",
        "test-cases.md records a result for every completed attempt, so attempts can be compared.",
        MessageFormat: "{0}; {1}");

    public override RuleDescriptor Descriptor => Definition;

    /// <summary>
    /// The result line <c>metaissue attempt</c> writes (the template's, with its prompt), after the last result entry
    /// of every test case; a test case whose results hold only a bracketed prompt line gets it in that line's place.
    /// </summary>
    internal static Fix? ResultLinesFix(string testCasesPath, string label)
    {
        var line = TemplateSnippets.ResultLine(label);
        var edits = new AttemptEdits().ResultLines(testCasesPath, label).ToList();
        if (edits.Count == 0 && RuleFixes.ReplaceLine(testCasesPath, IsPromptOnlyLine, line) is { } replaced)
        {
            edits.Add(replaced);
        }

        return edits.Count == 0 ? null : new Fix($"Add a result line for attempt {label} to the test cases", FixApplicability.Safe, edits.ToArray())
        {
            InsertedPrompts = AttemptEdits.Prompts(new[] { line }),
        };
    }

    /// <summary>A list item or line that is only a bracketed prompt, e.g. "- [Results per attempt]", right under a "Results" label.</summary>
    private static bool IsPromptOnlyLine(string line, string previous)
    {
        if (previous.IndexOf("result", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return false;
        }

        var text = line.Trim().TrimStart('-', '*', '+').Trim();
        return text.Length > 2 && text[0] == '[' && text[text.Length - 1] == ']' && text.IndexOf(']') == text.Length - 1
            && PromptStyle.IsPrompt(text.Substring(1, text.Length - 2));
    }

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        if (issue.TestCases is not { Facts: { } facts } testCases)
        {
            return;
        }

        foreach (var attempt in issue.NumberedAttempts.Where(a => a.IsCompleted))
        {
            var number = attempt.Number!.Value;
            var entries = facts.AttemptMentions.Where(m => m.IsEntry && m.Number == number).ToList();
            if (entries.Any(e => e.HasContent))
            {
                continue;
            }

            var label = AttemptReferences.Format(number);
            var what = $"test-cases.md records {(entries.Count > 0 ? "only an unfilled prompt" : "no result")} for attempt {label} ({attempt.Outcome.DisplayName()})";
            if (entries.Count > 0)
            {
                // The prompt is in place: what is left is the measurement, which only a person can write.
                report.At(testCases.FullPath, entries[0].Range, what, $"replace the bracketed prompt after 'Attempt {label}:' with the measured result and PASS or FAIL");
                continue;
            }

            RuleFixes.Report(report, testCases.FullPath, Where.Section(testCases, "result"), ResultLinesFix(testCases.FullPath, label), context,
                what, $"add '{TemplateSnippets.ResultLine(label)}' to the results of the test cases it ran");
        }
    }
}
