using System.Text;
using MetaIssue.IO;

namespace MetaIssue.Fixes;

/// <summary>
/// A text file as the fix engine edits it: decoded the way the checker decodes it, with what must survive an edit
/// (its BOM and its line break style) kept beside the text, and the line starts that resolve line/column points.
/// </summary>
internal sealed class EditableText
{
    /// <summary>Files larger than this are never edited: Markdown this big is not a meta-issue document.</summary>
    internal const long MaxBytes = 16L * 1024 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly int[] _lineStarts;

    private EditableText(string text, bool hasBom)
    {
        Text = text;
        HasBom = hasBom;
        Hash = ContentHash.Of(text);
        NewLine = DetectNewLine(text);
        _lineStarts = LineStarts(text);
    }

    public string Text { get; }

    public bool HasBom { get; }

    public string Hash { get; }

    /// <summary>The file's first line break ("\r\n", "\n" or "\r"); "\n" when it has none.</summary>
    public string NewLine { get; }

    public int LineCount => _lineStarts.Length;

    public static EditableText FromText(string text, bool hasBom = false) => new(text, hasBom);

    /// <summary>The file, or the reason it cannot be edited (missing, a link, too big, not UTF-8 text).</summary>
    public static EditableText? Read(string path, out string? problem)
    {
        problem = null;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                problem = "does not exist";
                return null;
            }

            if ((info.Attributes & FileAttributes.ReparsePoint) != 0)
            {
                problem = "is a symbolic link; fixes never write through links";
                return null;
            }

            if (info.Length > MaxBytes)
            {
                problem = $"is larger than {MaxBytes / (1024 * 1024)} MB";
                return null;
            }

            var bytes = File.ReadAllBytes(path);
            var read = FileContent.Decode(bytes);
            if (read.Text is null)
            {
                problem = read.Problem;
                return null;
            }

            return new EditableText(read.Text, bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            problem = $"cannot be read ({exception.GetType().Name}: {FileContent.OneLine(exception.Message)})";
            return null;
        }
    }

    /// <summary>The bytes to write for <paramref name="text"/>: UTF-8, with the BOM again when the file had one.</summary>
    public byte[] Encode(string text)
    {
        var body = Utf8.GetBytes(text);
        if (!HasBom)
        {
            return body;
        }

        var bytes = new byte[body.Length + 3];
        bytes[0] = 0xEF;
        bytes[1] = 0xBB;
        bytes[2] = 0xBF;
        Buffer.BlockCopy(body, 0, bytes, 3, body.Length);
        return bytes;
    }

    /// <summary>Text to insert, with every line break turned into the file's own.</summary>
    public string WithFileLineBreaks(string inserted)
    {
        var unified = inserted.Replace("\r\n", "\n").Replace('\r', '\n');
        return NewLine == "\n" ? unified : unified.Replace("\n", NewLine);
    }

    /// <summary>The offset of a point, or -1 when it lies outside the text (or inside a CRLF pair).</summary>
    public int Resolve(TextPoint point)
    {
        if (point.IsOffset)
        {
            return point.Offset < 0 ? Text.Length : point.Offset <= Text.Length ? point.Offset : -1;
        }

        if (point.Line > _lineStarts.Length)
        {
            return -1;
        }

        var start = _lineStarts[point.Line - 1];
        var offset = start + point.Column - 1;
        return offset <= ContentEnd(point.Line - 1) ? offset : -1;
    }

    /// <summary>The 0-based index of the line holding <paramref name="offset"/>.</summary>
    public int LineIndexOf(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        return index >= 0 ? index : ~index - 1;
    }

    public int LineStart(int lineIndex) => lineIndex < _lineStarts.Length ? _lineStarts[lineIndex] : Text.Length;

    /// <summary>Where the line's content ends, before its line break.</summary>
    public int ContentEnd(int lineIndex)
    {
        var start = _lineStarts[lineIndex];
        var end = LineStart(lineIndex + 1);
        if (end > start && Text[end - 1] == '\n')
        {
            end--;
            if (end > start && Text[end - 1] == '\r')
            {
                end--;
            }
        }
        else if (end > start && Text[end - 1] == '\r')
        {
            end--;
        }

        return end;
    }

    private static string DetectNewLine(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                return "\n";
            }

            if (text[i] == '\r')
            {
                return i + 1 < text.Length && text[i + 1] == '\n' ? "\r\n" : "\r";
            }
        }

        return "\n";
    }

    /// <summary>Line starts as the checker counts lines: "\n", "\r\n" and a lone "\r" each end one.</summary>
    private static int[] LineStarts(string text)
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

        return starts.ToArray();
    }
}
