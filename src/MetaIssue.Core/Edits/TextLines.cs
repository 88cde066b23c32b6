namespace MetaIssue.Edits;

/// <summary>
/// The lines of a Markdown text with their offsets, and which are ATX headings outside fenced code: enough to find
/// the spot an edit goes (a section's end, a table's last row) without re-parsing the document.
/// </summary>
internal sealed class TextLines
{
    public TextLines(string text)
    {
        Text = text;
        var lines = new List<Line>();
        var start = 0;
        string? fence = null;
        while (start < text.Length || (start == text.Length && (text.Length == 0 || lines.Count == 0)))
        {
            var next = start;
            while (next < text.Length && text[next] != '\n' && text[next] != '\r')
            {
                next++;
            }

            var end = next;
            if (next < text.Length)
            {
                next += text[next] == '\r' && next + 1 < text.Length && text[next + 1] == '\n' ? 2 : 1;
            }

            var content = text.Substring(start, end - start);
            var trimmed = content.TrimStart(' ');
            var inFence = fence is not null;
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                var marker = trimmed.Substring(0, 3);
                fence = fence is null ? marker : fence == marker ? null : fence;
                inFence = true;
            }

            lines.Add(new Line(lines.Count, start, end, next, content, inFence));
            if (next == start)
            {
                break;
            }

            start = next;
        }

        Lines = lines;
    }

    public string Text { get; }

    public IReadOnlyList<Line> Lines { get; }

    /// <summary>The level (1-6) of an ATX heading line outside code, else 0.</summary>
    public int HeadingLevel(int index)
    {
        var line = Lines[index];
        if (line.InFence)
        {
            return 0;
        }

        var text = line.Content.TrimStart(' ');
        if (line.Content.Length - text.Length > 3)
        {
            return 0;
        }

        var level = 0;
        while (level < text.Length && text[level] == '#')
        {
            level++;
        }

        return level is >= 1 and <= 6 && (level == text.Length || text[level] == ' ' || text[level] == '\t') ? level : 0;
    }

    /// <summary>The heading's text without the marker and closing hashes.</summary>
    public string HeadingText(int index) => Lines[index].Content.Trim().TrimStart('#').Trim().TrimEnd('#').Trim();

    /// <summary>The first heading whose text starts with <paramref name="prefix"/> (case-insensitive), or -1.</summary>
    public int FindHeading(string prefix, int level = 0)
    {
        for (var i = 0; i < Lines.Count; i++)
        {
            var found = HeadingLevel(i);
            if (found > 0 && (level == 0 || found == level) && HeadingText(i).StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of the first line after the section a heading opens (the next heading of its level or higher, or the end).</summary>
    public int SectionEnd(int headingIndex)
    {
        var level = HeadingLevel(headingIndex);
        for (var i = headingIndex + 1; i < Lines.Count; i++)
        {
            var other = HeadingLevel(i);
            if (other > 0 && other <= level)
            {
                return i;
            }
        }

        return Lines.Count;
    }

    /// <summary>Where text inserted after line <paramref name="index"/> starts; with the line break to add first when that line has none.</summary>
    public (int Offset, string Prefix) After(int index)
    {
        var line = Lines[index];
        return line.Next > line.End ? (line.Next, string.Empty) : (line.End, "\n");
    }

    internal readonly record struct Line(int Index, int Start, int End, int Next, string Content, bool InFence)
    {
        public bool IsBlank => Content.Trim().Length == 0;
    }
}
