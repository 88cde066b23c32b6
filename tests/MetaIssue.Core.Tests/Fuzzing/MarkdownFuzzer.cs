using System.Text;

namespace MetaIssue.Tests.Fuzzing;

/// <summary>
/// A seeded generator of plausible and broken meta-issue Markdown: headings, field lines with status and outcome
/// words (emoji included), tables of random shape, every link form with good and bad targets, prompts, code, and
/// broken syntax (unclosed brackets, stray backticks and asterisks, odd line endings).
/// </summary>
internal sealed class MarkdownFuzzer
{
    private static readonly string[] Words =
    {
        "Status", "Result", "Outcome", "Attempt", "attempt 2", "Attempt #3", "Attempt 003", "Resolved", "Resolved (Attempt 002)",
        "Investigating", "In Progress", "✅", "❌", "⚠️", "🔄", "⏸️", "✓", "✗", "PASS", "FAIL", "Partial Success", "Never implemented",
        "Superseded", "Abandoned", "[What happened]", "[ATTEMPT_ID]", "YYYY-MM-DD", "2024-09-01", "to", "the", "pool", "über",
        "**bold**", "*em*", "`code`", "~~x~~", "[", "]", "(", ")", "**", "`", "|", "#", ":", "\\[", "&amp;", "<a id=\"x\">", "</a>",

        // Digits outside ASCII (Arabic-Indic, Devanagari, fullwidth) where an attempt number is expected.
        "Attempt ١٢", "attempt ٠٠٣", "Attempt #०७", "Attempt १२३", "Attempt ３", "Resolved (Attempt ００２)", "٤٢", "७", "１２",

        // Inline HTML, footnote references, invisible characters and image alt text in headings.
        "<img src=\"x.png\">", "<a href=\"./README.md\">", "<a href='#top'>", "<a name=y>", "<span data-id=\"z\">", "<!--", "-->",
        "[^1]", "[^note]", "\uFE0F", "\u200D", "⚠️", "![alt](badge.svg)", "www.example.com",
    };

    private static readonly string[] Targets =
    {
        "./README.md", "../README.md", "../../test-cases.md", "./attempts/", "./attempts/001-a/", "attempts/002-b/attempt-results.md",
        "missing.md", "#top", "#attempt-001-a", "./description.md#current", "/docs/meta-issues/", "https://example.com",
        "../../../../../../outside.md", "a%20b.md", "<./spaced name.md>", "", "mailto:x@y.z", "./README.md?x=1#y", "\\..\\win.md",
        "./attempts/٠٠١-a/", "#attempt-١٢", "attempts/００２-b/attempt-results.md",
    };

    private readonly Random _random;

    public MarkdownFuzzer(int seed) => _random = new Random(seed);

    public string Document()
    {
        var builder = new StringBuilder();
        var newline = Pick(new[] { "\n", "\n", "\n", "\r\n", "\r" });
        if (_random.Next(10) == 0)
        {
            builder.Append("---").Append(newline).Append("status: ").Append(Pick(Words)).Append(newline).Append("---").Append(newline);
        }

        var blocks = _random.Next(1, 25);
        for (var i = 0; i < blocks; i++)
        {
            builder.Append(Block(newline)).Append(newline);
        }

        return builder.ToString();
    }

    public byte[] Bytes()
    {
        var bytes = Encoding.UTF8.GetBytes(Document());
        switch (_random.Next(20))
        {
            case 0:
                return Encoding.UTF8.GetPreamble().Concat(bytes).ToArray();
            case 1 when bytes.Length > 0:
                bytes[_random.Next(bytes.Length)] = 0xC3; // likely invalid UTF-8
                return bytes;
            default:
                return bytes;
        }
    }

    private string Block(string newline) => _random.Next(11) switch
    {
        9 => $"[^{Pick(new[] { "1", "note", "2024-09-03" })}]: {Line()}",
        10 => "<div>" + newline + $"<a href=\"{Pick(Targets)}\">{Pick(Words)}</a> <img src='{Pick(Targets)}'>" + newline + "</div>",
        0 => new string('#', _random.Next(1, 7)) + " " + Line(),
        1 => Table(newline),
        2 => "**" + Pick(new[] { "Status", "Result", "Outcome", "Verdict", "Date" }) + ":** " + Line(),
        3 => Pick(new[] { "- ", "* ", "1. ", "> ", "- [ ] ", "- [x] " }) + Line(),
        4 => "```" + newline + Line() + newline + (_random.Next(4) == 0 ? string.Empty : "```"),
        5 => $"[{Pick(Words)}]: {Pick(Targets)}",
        6 => new string('>', _random.Next(1, 40)) + " " + Line(),
        _ => Line(),
    };

    private string Table(string newline)
    {
        var columns = _random.Next(1, 8);
        var rows = _random.Next(0, 6);
        var builder = new StringBuilder();
        builder.Append('|').Append(string.Concat(Enumerable.Range(0, columns).Select(_ => " " + Pick(Words) + " |"))).Append(newline);
        builder.Append('|').Append(string.Concat(Enumerable.Repeat("---|", _random.Next(2) == 0 ? columns : _random.Next(1, 9)))).Append(newline);
        for (var r = 0; r < rows; r++)
        {
            var first = _random.Next(3) == 0 ? $"[{_random.Next(0, 5):000}]({Pick(Targets)})" : Pick(Words);
            builder.Append("| ").Append(first).Append(" |").Append(string.Concat(Enumerable.Range(1, columns).Select(_ => " " + Line() + " |"))).Append(newline);
        }

        return builder.ToString();
    }

    private string Line()
    {
        var builder = new StringBuilder();
        var parts = _random.Next(1, 14);
        for (var i = 0; i < parts; i++)
        {
            builder.Append(_random.Next(6) switch
            {
                0 => $"[{Pick(Words)}]({Pick(Targets)})",
                1 => $"![img]({Pick(Targets)})",
                2 => $"[[{Pick(Targets)}{(_random.Next(2) == 0 ? "|label" : string.Empty)}]]",
                3 => $"[{Pick(Words)}][{Pick(Words)}]",
                _ => Pick(Words),
            });
            builder.Append(_random.Next(5) == 0 ? "  " : " ");
        }

        if (_random.Next(50) == 0)
        {
            builder.Append(new string('x', _random.Next(1000, 20000)));
        }

        return builder.ToString();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
