using MetaIssue.Markdown;

namespace MetaIssue.Tests.Markdown;

/// <summary>
/// Positions come from Markdig's own line starts; the specification is the scan this replaced: \n, \r\n and a lone
/// \r each end a line, and a text ending in a line break has an empty last line.
/// </summary>
public sealed class LineMapTests
{
    [Theory]
    [InlineData("")]
    [InlineData("one line")]
    [InlineData("a\nb\n")]
    [InlineData("a\r\nb\r\n\r\nc")]
    [InlineData("a\rb\r\rc\r")]
    [InlineData("# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\r\n\n```\ncode\r```\n")]
    [InlineData("mixed\r\n\n\r\rend")]
    public void Markdigs_line_starts_plus_the_empty_last_line_are_the_line_starts_of_the_text(string text)
    {
        var facts = MarkdownFactsReader.Read(text);
        Assert.Equal(Scan(text).Count, facts.LineCount);
        var document = Markdig.Markdown.Parse(text, MarkdownFactsReader.Pipeline);
        Assert.Equal(Scan(text), LineMap.Of(document, text).LineStarts);
    }

    private static List<int> Scan(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }
}
