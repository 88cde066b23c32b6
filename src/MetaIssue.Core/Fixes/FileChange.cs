using MetaIssue.Text;

namespace MetaIssue.Fixes;

/// <summary>One change a fix makes to the file system: a <see cref="TextEdit"/>, a <see cref="FileCreation"/> or a <see cref="FolderRename"/>.</summary>
public abstract record FileChange;

/// <summary>
/// Replaces the text from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive) of an existing file with
/// <see cref="NewText"/>; an insertion when both are the same point. <see cref="ExpectedHash"/> is the
/// <see cref="ContentHash"/> of the text the edit was computed from: the edit is refused when the file has changed
/// since. Line breaks in <see cref="NewText"/> are written as the file's own (CRLF stays CRLF).
/// </summary>
internal sealed record TextEdit(string Path, string ExpectedHash, TextPoint Start, TextPoint End, string NewText) : FileChange
{
    /// <summary>Replaces a checker range, whose end column is inclusive (the last character replaced).</summary>
    public static TextEdit Replace(string path, string expectedHash, SourceRange range, string newText) =>
        new(path, expectedHash, TextPoint.At(range.Line, range.Column), TextPoint.At(range.EndLine, range.EndColumn + 1), newText);

    /// <summary>Replaces <paramref name="length"/> characters from 0-based <paramref name="offset"/>.</summary>
    public static TextEdit Replace(string path, string expectedHash, int offset, int length, string newText) =>
        new(path, expectedHash, TextPoint.AtOffset(offset), TextPoint.AtOffset(offset + length), newText);

    public static TextEdit Insert(string path, string expectedHash, TextPoint at, string newText) =>
        new(path, expectedHash, at, at, newText);

    public bool IsInsertion => Start == End;
}

/// <summary>Creates a new file with <see cref="Content"/> (UTF-8, no BOM, '\n' line breaks); refused when anything exists at the path.</summary>
public sealed record FileCreation(string Path, string Content) : FileChange;

/// <summary>
/// Renames a folder. <see cref="LinkEdits"/> are the caller's edits that update every link naming the folder; they
/// address files by their paths before the rename (also files inside the renamed folder) and are applied first.
/// </summary>
internal sealed record FolderRename(string OldPath, string NewPath, IReadOnlyList<TextEdit> LinkEdits) : FileChange;
