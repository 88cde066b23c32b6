using System.Globalization;
using System.Text.RegularExpressions;
using MetaIssue.Fixes;
using MetaIssue.Model;
using MetaIssue.Templates;
using MetaIssue.Conventions;

namespace MetaIssue.Edits;

/// <summary>
/// The edits that record an attempt in a meta-issue's files: its folder (from the metaattempt template), its README
/// timeline row, its implementation-log section and its result line under every test case (the lines
/// <c>dotnet new metaissue</c> writes for attempt 001); and, when it ends, its outcome in attempt-results.md, the log
/// entry and the README row. <see cref="Notes"/> collects what could not be placed and must be added by hand.
/// </summary>
public sealed partial class AttemptEdits
{
    // Source-generated where the framework has the generator (net8.0): a fresh build process then parses no
    // pattern and JIT-compiles no interpreter for it; netstandard2.0 builds them once, at first use.
    private const string ResultEntryText = @"^\s*[-*+]\s+Attempt\s+\d+\s*:";
    private const string AttemptDigitsText = @"\d{3,}";
    private const string BracketedPromptText = @"\[[^\]\[]+\](?!\()";

#if NET7_0_OR_GREATER
    [GeneratedRegex(ResultEntryText, RegexOptions.CultureInvariant)]
    private static partial Regex ResultEntry();
    [GeneratedRegex(AttemptDigitsText, RegexOptions.None)]
    private static partial Regex AttemptDigits();
    [GeneratedRegex(BracketedPromptText, RegexOptions.None)]
    private static partial Regex BracketedPrompt();
#else
    private static readonly Regex ResultEntryInstance = new(ResultEntryText, RegexOptions.CultureInvariant);
    private static readonly Regex AttemptDigitsInstance = new(AttemptDigitsText, RegexOptions.None);
    private static readonly Regex BracketedPromptInstance = new(BracketedPromptText, RegexOptions.None);

    private static Regex ResultEntry() => ResultEntryInstance;
    private static Regex AttemptDigits() => AttemptDigitsInstance;
    private static Regex BracketedPrompt() => BracketedPromptInstance;
#endif

    private readonly List<string> _notes = new();

    public IReadOnlyList<string> Notes => _notes;

    /// <summary>
    /// A new attempt <paramref name="number"/> with <paramref name="slug"/> in the meta-issue at <paramref name="issueFolder"/>
    /// (full path), dated <paramref name="today"/>. The fix declares the template prompts it inserts.
    /// </summary>
    public Fix NewAttempt(string issueFolder, int number, string slug, string? title, DateTime today)
    {
        var label = AttemptReferences.Format(number);
        var date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var issueName = Path.GetFileName(issueFolder);
        var parameters = new Dictionary<string, string>
        {
            ["number"] = number.ToString(CultureInfo.InvariantCulture),
            ["issue"] = issueName,
            ["title"] = title ?? string.Empty,
        };
        var files = TemplateRenderer.Render("metaattempt", slug, parameters, today);
        var changes = new List<FileChange>();
        foreach (var file in files)
        {
            changes.Add(new FileCreation(Path.Combine(Path.GetDirectoryName(issueFolder)!, file.Path.Replace('/', Path.DirectorySeparatorChar)), file.Content));
        }

        // The title as the template computed it (its slug-to-title form), read back from the heading it wrote.
        var heading = files.Select(f => f.Content).First().Split('\n')[0];
        var attemptTitle = heading.Substring(heading.IndexOf(':') + 1).Trim();

        changes.AddRange(TimelineRow(Path.Combine(issueFolder, MetaIssueFolder.ReadmeFile), label, slug, attemptTitle, date));
        changes.AddRange(LogSection(Path.Combine(issueFolder, MetaIssueFolder.ImplementationLogFile), label, attemptTitle, date));
        changes.AddRange(ResultLines(Path.Combine(issueFolder, MetaIssueFolder.TestCasesFile), label));
        return new Fix($"Add attempt {label} ({slug}) with its timeline row, log section and test-case result lines", FixApplicability.Safe, changes)
        {
            InsertedPrompts = Prompts(files.Select(f => f.Content)
                .Append(TemplateSnippets.LogSection(label, attemptTitle, date))
                .Append(TemplateSnippets.ResultLine(label))),
        };
    }

    /// <summary>The README timeline row of an attempt, after the last row of the table under "Timeline".</summary>
    internal IEnumerable<TextEdit> TimelineRow(string readmePath, string label, string slug, string title, string date)
    {
        var file = Read(readmePath);
        var row = TemplateSnippets.TimelineRow(label, slug, title, date);
        var heading = file?.Lines.FindHeading("Timeline") ?? -1;
        var last = heading < 0 ? -1 : LastLine(file!.Lines, heading + 1, file.Lines.SectionEnd(heading), l => l.Content.TrimStart().StartsWith("|", StringComparison.Ordinal));
        if (last < 0)
        {
            _notes.Add($"{readmePath} has no Timeline table; add this row by hand: {row}");
            return Array.Empty<TextEdit>();
        }

        return new[] { file!.InsertLinesAfter(last, new[] { row }) };
    }

    /// <summary>The attempt's implementation-log section, appended at the end (the log is chronological, newest last).</summary>
    internal IEnumerable<TextEdit> LogSection(string logPath, string label, string title, string date)
    {
        var file = Read(logPath);
        return file is null ? Array.Empty<TextEdit>() : new[] { file.AppendBlock(TemplateSnippets.LogSection(label, title, date)) };
    }

    /// <summary>A result line with its prompt after the last result entry of every test case that has one.</summary>
    internal IEnumerable<TextEdit> ResultLines(string testCasesPath, string label)
    {
        var file = Read(testCasesPath);
        if (file is null)
        {
            return Array.Empty<TextEdit>();
        }

        var edits = new List<TextEdit>();
        var lines = file.Lines;
        for (var i = 0; i < lines.Lines.Count; i++)
        {
            if (lines.HeadingLevel(i) == 0)
            {
                continue;
            }

            var next = NextHeading(lines, i);
            var last = LastLine(lines, i + 1, next, l => ResultEntry().IsMatch(l.Content));
            if (last >= 0)
            {
                edits.Add(file.InsertLinesAfter(last, new[] { TemplateSnippets.ResultLine(label) }));
            }
        }

        if (edits.Count == 0)
        {
            _notes.Add($"{testCasesPath} has no '- Attempt NNN:' result list; add '{TemplateSnippets.ResultLine(label)}' under each test case by hand");
        }

        return edits;
    }

    /// <summary>
    /// Records an attempt's outcome: the Status of its attempt-results.md, the Result (and an open end date) of its
    /// log section, and the result cell (and open end date) of its README timeline row.
    /// </summary>
    public Fix Outcome(MetaIssueFolder issue, AttemptFolder attempt, AttemptOutcome outcome, string? note, DateTime today)
    {
        var label = AttemptReferences.Format(attempt.Number!.Value);
        var date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var value = OutcomeText(outcome);
        var changes = new List<FileChange>();

        var results = Read(Path.Combine(attempt.FullPath, AttemptFolder.AttemptResultsFile));
        if (results is not null && FieldLine.Find(results.Lines, "Status") is { } status)
        {
            changes.Add(results.Replace(status.ValueStart, status.ValueEnd, value));
        }
        else
        {
            _notes.Add($"{attempt.FullPath}/{AttemptFolder.AttemptResultsFile} has no **Status:** line; write '**Status:** {value}' there");
        }

        var log = Read(Path.Combine(issue.FullPath, MetaIssueFolder.ImplementationLogFile));
        var section = log?.Lines.FindHeading("Attempt " + label) ?? -1;
        if (section >= 0)
        {
            var end = log!.Lines.SectionEnd(section);
            if (FieldLine.Find(log.Lines, "Result", section + 1, end) is { } result)
            {
                changes.Add(log.Replace(result.ValueStart, result.ValueEnd, note is null ? value : value + " - " + note));
            }

            if (FieldLine.Find(log.Lines, "Date", section + 1, end) is { } dates && OpenEnd(log.Text, dates) is { } open)
            {
                changes.Add(log.Replace(open, open + "YYYY-MM-DD".Length, date));
            }
        }
        else
        {
            _notes.Add($"implementation-log.md has no '## Attempt {label}' section; add one with '**Result:** {value}'");
        }

        changes.AddRange(TimelineOutcome(Path.Combine(issue.FullPath, MetaIssueFolder.ReadmeFile), attempt.Number!.Value, value, date));
        return new Fix($"Record attempt {label} as {value}", FixApplicability.Safe, changes);
    }

    /// <summary>The words an outcome is written in, as the templates' status comment lists them.</summary>
    public static string OutcomeText(AttemptOutcome outcome) => outcome switch
    {
        AttemptOutcome.Success => "✅ Success",
        AttemptOutcome.Failure => "❌ Failed",
        AttemptOutcome.Partial => "⚠️ Partial",
        AttemptOutcome.Abandoned => "Abandoned",
        _ => "🔄 In Progress",
    };

    private IEnumerable<TextEdit> TimelineOutcome(string readmePath, int number, string value, string date)
    {
        var readme = Read(readmePath);
        var heading = readme?.Lines.FindHeading("Timeline") ?? -1;
        if (heading < 0)
        {
            yield break;
        }

        var end = readme!.Lines.SectionEnd(heading);
        for (var i = heading + 1; i < end; i++)
        {
            var line = readme.Lines.Lines[i];
            var cells = line.Content.Split('|');
            if (cells.Length < 4 || AttemptReferences.Format(number) != LeadingNumber(cells[1]))
            {
                continue;
            }

            // The last cell is the result; an open end date ("to YYYY-MM-DD") is closed today.
            var lastBar = line.Content.TrimEnd().LastIndexOf('|');
            var previousBar = line.Content.LastIndexOf('|', lastBar - 1);
            var cell = line.Content.Substring(previousBar + 1, lastBar - previousBar - 1);
            var cellStart = line.Start + previousBar + 1 + (cell.Length - cell.TrimStart().Length);
            yield return readme.Replace(cellStart, cellStart + cell.Trim().Length, value);
            var open = line.Content.IndexOf("YYYY-MM-DD", StringComparison.Ordinal);
            if (open >= 0 && open < previousBar)
            {
                yield return readme.Replace(line.Start + open, line.Start + open + "YYYY-MM-DD".Length, date);
            }

            yield break;
        }

        _notes.Add($"{readmePath} has no timeline row for attempt {AttemptReferences.Format(number)}; its result is {value}");
    }

    private static string? LeadingNumber(string cell)
    {
        var match = AttemptDigits().Match(cell);
        return match.Success ? match.Value : null;
    }

    private static int? OpenEnd(string text, FieldLine field)
    {
        var index = field.Value.IndexOf("YYYY-MM-DD", StringComparison.Ordinal);
        return index < 0 ? null : field.ValueStart + index;
    }

    private static int NextHeading(TextLines lines, int heading)
    {
        for (var i = heading + 1; i < lines.Lines.Count; i++)
        {
            if (lines.HeadingLevel(i) > 0)
            {
                return i;
            }
        }

        return lines.Lines.Count;
    }

    private static int LastLine(TextLines lines, int from, int to, Func<TextLines.Line, bool> match)
    {
        var last = -1;
        for (var i = from; i < to; i++)
        {
            if (!lines.Lines[i].InFence && match(lines.Lines[i]))
            {
                last = i;
            }
        }

        return last;
    }

    internal static IReadOnlyList<string> Prompts(IEnumerable<string> texts) =>
        texts.SelectMany(t => BracketedPrompt().Matches(t).Cast<Match>().Select(m => m.Value)).Distinct().ToArray();

    private SourceFile? Read(string path)
    {
        var file = SourceFile.Read(path, out var problem);
        if (file is null)
        {
            _notes.Add($"{path} {problem}");
        }

        return file;
    }
}
