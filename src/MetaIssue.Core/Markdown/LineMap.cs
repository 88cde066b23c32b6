using Markdig.Syntax;
using MetaIssue.Text;
namespace MetaIssue.Markdown;

/// <summary>
/// Maps character offsets of a text to 1-based lines and columns (\n, \r\n and lone \r all end a line), over the line
/// starts Markdig records while parsing (<see cref="Markdig.Syntax.MarkdownDocument.LineStartIndexes"/>, filled with
/// precise source locations on), so the text is not scanned a second time.
/// </summary>
internal sealed class LineMap
{
    private readonly List<int> _lineStarts;
    private readonly int _length;

    private LineMap(List<int> lineStarts, int length)
    {
        _lineStarts = lineStarts;
        _length = length;
    }

    /// <summary>The map of <paramref name="text"/>, from the line starts Markdig recorded parsing it into <paramref name="document"/> (which it takes over).</summary>
    public static LineMap Of(MarkdownDocument document, string text)
    {
        var starts = document.LineStartIndexes ?? new List<int>();
        if (starts.Count == 0)
        {
            starts.Add(0);
        }

        // Markdig records no start for the empty line after a final line break; positions and LineCount include it.
        if (text.Length > 0 && (text[text.Length - 1] == '\n' || text[text.Length - 1] == '\r') && starts[starts.Count - 1] != text.Length)
        {
            starts.Add(text.Length);
        }

        return new LineMap(starts, text.Length);
    }

    /// <summary>Where each line starts, ascending, the first 0.</summary>
    public IReadOnlyList<int> LineStarts => _lineStarts;

    public int LineCount => _lineStarts.Count;

    /// <summary>1-based line and column of an offset; offsets outside the text are clamped into it.</summary>
    public (int Line, int Column) Locate(int offset)
    {
        if (offset < 0)
        {
            offset = 0;
        }
        else if (offset > _length)
        {
            offset = _length;
        }

        var index = _lineStarts.BinarySearch(offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, offset - _lineStarts[index] + 1);
    }

    /// <summary>The offset where the line holding <paramref name="offset"/> starts.</summary>
    public int LineStart(int offset) => _lineStarts[Locate(offset).Line - 1];

    /// <summary>The range from <paramref name="start"/> to <paramref name="end"/> (both inclusive offsets).</summary>
    public SourceRange Range(int start, int end)
    {
        if (end < start)
        {
            end = start;
        }

        var (line, column) = Locate(start);
        var (endLine, endColumn) = Locate(end);
        return new SourceRange(line, column, endLine, endColumn);
    }
}
