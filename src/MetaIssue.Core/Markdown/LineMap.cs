using MetaIssue.Text;
namespace MetaIssue.Markdown;

/// <summary>Maps character offsets of a text to 1-based lines and columns (\n, \r\n and lone \r all end a line).</summary>
internal sealed class LineMap
{
    private readonly int[] _lineStarts;
    private readonly int _length;

    public LineMap(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = starts.ToArray();
        _length = text.Length;
    }

    public int LineCount => _lineStarts.Length;

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

        var index = Array.BinarySearch(_lineStarts, offset);
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
