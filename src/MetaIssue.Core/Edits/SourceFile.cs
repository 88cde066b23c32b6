using MetaIssue.Fixes;

namespace MetaIssue.Edits;

/// <summary>A file's text as the edit builders read it, with the content hash their edits carry.</summary>
internal sealed class SourceFile
{
    private SourceFile(string path, string text)
    {
        Path = path;
        Lines = new TextLines(text);
        Hash = ContentHash.Of(text);
    }

    public string Path { get; }

    public TextLines Lines { get; }

    public string Text => Lines.Text;

    public string Hash { get; }

    /// <summary>The file, or null (with why) when it is missing or unreadable.</summary>
    public static SourceFile? Read(string path, out string? problem)
    {
        var text = EditableText.Read(path, out problem);
        return text is null ? null : new SourceFile(path, text.Text);
    }

    public TextEdit Insert(int offset, string text) => TextEdit.Replace(Path, Hash, offset, 0, text);

    public TextEdit Replace(int start, int end, string text) => TextEdit.Replace(Path, Hash, start, end - start, text);

    /// <summary>Inserts whole lines after line <paramref name="index"/> (each given without its line break).</summary>
    public TextEdit InsertLinesAfter(int index, IEnumerable<string> lines)
    {
        var (offset, prefix) = Lines.After(index);
        return Insert(offset, prefix + string.Concat(lines.Select(l => l + "\n")));
    }

    /// <summary>Appends a block at the end, after one blank line.</summary>
    public TextEdit AppendBlock(string block)
    {
        var text = Text;
        var separator = text.Length == 0 ? string.Empty
            : text.EndsWith("\n\n", StringComparison.Ordinal) || text.EndsWith("\r\n\r\n", StringComparison.Ordinal) ? string.Empty
            : text.EndsWith("\n", StringComparison.Ordinal) ? "\n"
            : "\n\n";
        return Insert(text.Length, separator + block);
    }
}
