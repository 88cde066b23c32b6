using MetaIssue.Conventions;
using MetaIssue.Markdown;
using MetaIssue.Text;

namespace MetaIssue.Model;

/// <summary>Where the method records an attempt's outcome, in the order the checker trusts them.</summary>
internal enum OutcomeSource
{
    /// <summary>The outcome field of attempt-results.md (<c>**Status:** ❌ Failed</c>).</summary>
    AttemptResults,
    /// <summary>The <c>**Result:**</c> line of the attempt's section in implementation-log.md.</summary>
    ImplementationLog,
    /// <summary>The result cell of the attempt's row in the README timeline.</summary>
    ReadmeTimeline,
}

/// <summary>One place that states an attempt's outcome: the file, the value as written and where it stands.</summary>
internal sealed record OutcomeCopy(OutcomeSource Source, DocumentFile File, string Value, AttemptOutcome Outcome, SourceRange Range)
{
    /// <summary>How a message names this copy, e.g. <c>implementation-log.md</c>.</summary>
    public string Place => Source switch
    {
        OutcomeSource.AttemptResults => AttemptFolder.AttemptResultsFile,
        OutcomeSource.ImplementationLog => MetaIssueFolder.ImplementationLogFile,
        _ => "the README timeline",
    };
}

/// <summary>A PASS or FAIL written for one attempt in test-cases.md (<c>- Attempt 003: 380ms (PASS)</c>).</summary>
internal readonly record struct TestVerdict(int Attempt, bool Passed, SourceRange Range);

/// <summary>
/// Reads the copies of each attempt's outcome that a meta-issue's core files hold. The method's guide records an
/// outcome in the implementation log (<c>**Result:** ❌ Failed (2% improvement)</c>), in the README timeline and as
/// PASS/FAIL lines in test-cases.md; attempt-results.md may add a Status field but the guide's own example has none.
/// </summary>
internal static class OutcomeCopies
{
    private static readonly string[] TimelineColumns = { "result", "outcome", "status", "verdict" };

    /// <summary>The outcome field of the log section headed by this attempt (<c>## Attempt 001: …</c>), or null.</summary>
    public static OutcomeCopy? InLog(MetaIssueFolder issue, int number)
    {
        if (issue.ImplementationLog is not { Facts: { } facts } log)
        {
            return null;
        }

        foreach (var heading in facts.AttemptMentions.Where(m => m.Kind == MentionKind.Heading && m.Number == number))
        {
            // The section runs to the next heading of the same or a higher level: "### Outcome" inside it belongs to it.
            var section = facts.SectionOf(heading.Range.Line);
            var level = section >= 0 ? facts.Headings[section].Level : 1;
            var end = facts.Headings.Skip(section + 1).Where(h => h.Level <= level).Select(h => h.Range.Line).DefaultIfEmpty(int.MaxValue).First();
            foreach (var field in facts.Fields)
            {
                if (field.ValueRange.Line > heading.Range.Line && field.ValueRange.Line < end
                    && OutcomeVocabulary.FieldNames.Contains(field.Name, StringComparer.OrdinalIgnoreCase))
                {
                    return new OutcomeCopy(OutcomeSource.ImplementationLog, log, field.Value, OutcomeVocabulary.Parse(field.Value, issue.Words), field.ValueRange);
                }
            }
        }

        return null;
    }

    /// <summary>The result cell of the README timeline row for this attempt, or null when no row or column has one.</summary>
    public static OutcomeCopy? InTimeline(MetaIssueFolder issue, int number)
    {
        if (issue.Readme is not { Facts: { } facts } readme)
        {
            return null;
        }

        foreach (var table in facts.AttemptTables)
        {
            var column = ResultColumn(table.Header);
            foreach (var row in table.Rows.Where(r => r.Attempt == number && column >= 0 && column < r.Cells.Count))
            {
                var cell = row.Cells[column];
                return new OutcomeCopy(OutcomeSource.ReadmeTimeline, readme, cell.Text, OutcomeVocabulary.Parse(cell.Text, issue.Words), cell.Range);
            }
        }

        return null;
    }

    /// <summary>The index of a timeline's result column (Result, Outcome, Status or Verdict), or -1.</summary>
    public static int ResultColumn(TableRowFact header)
    {
        for (var i = 1; i < header.Cells.Count; i++)
        {
            var text = header.Cells[i].Text;
            if (TimelineColumns.Any(word => text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Every PASS/FAIL verdict test-cases.md gives, by attempt: a field named after an attempt (its first <c>Attempt N</c>)
    /// whose value holds one of the words, in file order. Read in one pass over the fields, not once per attempt (a
    /// test-cases.md names every attempt, so a pass per attempt is quadratic in the attempts).
    /// </summary>
    public static IReadOnlyDictionary<int, List<TestVerdict>> Verdicts(MetaIssueFolder issue)
    {
        var verdicts = new Dictionary<int, List<TestVerdict>>();
        if (issue.TestCases is not { Facts: { } facts })
        {
            return verdicts;
        }

        foreach (var field in facts.Fields)
        {
            if (AttemptReferences.FindInText(field.Name).Select(r => (int?)r.Number).FirstOrDefault() is not int number)
            {
                continue; // not named after an attempt
            }

            var passed = HasWord(field.Value, "PASS") || HasWord(field.Value, "PASSED");
            var failed = HasWord(field.Value, "FAIL") || HasWord(field.Value, "FAILED");
            if (passed != failed)
            {
                if (!verdicts.TryGetValue(number, out var list))
                {
                    verdicts[number] = list = new List<TestVerdict>();
                }

                list.Add(new TestVerdict(number, passed, field.ValueRange));
            }
        }

        return verdicts;
    }

    /// <summary>True when <paramref name="text"/> holds <paramref name="word"/> in capitals as a whole word (a verdict, not prose).</summary>
    private static bool HasWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var after = at + word.Length == text.Length || !char.IsLetterOrDigit(text[at + word.Length]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }
}
