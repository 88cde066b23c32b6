namespace MetaIssue.Fixes;

/// <summary>
/// A position between two characters of a file's text (the text as the checker reads it: UTF-8 decoded, BOM
/// dropped). Either a 1-based line and column, where column <c>n</c> is just before the line's n-th UTF-16 character
/// and one past the line's length is its end (before the line break), or a 0-based character offset.
/// </summary>
internal readonly record struct TextPoint
{
    private TextPoint(int line, int column, int offset)
    {
        Line = line;
        Column = column;
        Offset = offset;
    }

    /// <summary>1-based line, or 0 when the point is an offset.</summary>
    public int Line { get; }

    /// <summary>1-based column, or 0 when the point is an offset.</summary>
    public int Column { get; }

    /// <summary>0-based UTF-16 offset into the text, or -1 for the end of the text; unused when <see cref="Line"/> is set.</summary>
    public int Offset { get; }

    public bool IsOffset => Line == 0;

    /// <summary>The end of the text, wherever it is when the fix is applied.</summary>
    public static TextPoint EndOfText { get; } = new(0, 0, -1);

    /// <exception cref="ArgumentOutOfRangeException">line or column below 1.</exception>
    public static TextPoint At(int line, int column)
    {
        if (line < 1 || column < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(line), $"({line},{column}): lines and columns are 1-based");
        }

        return new TextPoint(line, column, 0);
    }

    /// <exception cref="ArgumentOutOfRangeException">offset below 0.</exception>
    public static TextPoint AtOffset(int offset) =>
        offset < 0 ? throw new ArgumentOutOfRangeException(nameof(offset), offset, "offsets are 0-based") : new TextPoint(0, 0, offset);

    public override string ToString() => IsOffset ? (Offset < 0 ? "end" : "@" + Offset) : $"({Line},{Column})";
}
