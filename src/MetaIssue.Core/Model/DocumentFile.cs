using MetaIssue.IO;
using MetaIssue.Markdown;

namespace MetaIssue.Model;

/// <summary>A Markdown file of the docs tree: its facts once read and parsed, or the problem that stopped it (MI900).</summary>
public sealed class DocumentFile
{
    public DocumentFile(string fullPath, string relativePath, bool isFolder = false)
    {
        FullPath = fullPath;
        RelativePath = relativePath;
        IsFolder = isFolder;
    }

    /// <summary>A folder found where a Markdown file was expected (a README.md folder): reported, never read.</summary>
    public bool IsFolder { get; }

    public string FullPath { get; }

    /// <summary>'/'-separated, relative to the repository root.</summary>
    public string RelativePath { get; }

    public string Folder => Path.GetDirectoryName(FullPath) ?? FullPath;

    public string FileName => Path.GetFileName(FullPath);

    public MarkdownFacts? Facts { get; private set; }

    /// <summary>Why the file could not be checked (unreadable, not UTF-8, too large, unparsable), or null.</summary>
    public string? Problem { get; private set; }

    public bool IsReadable => Facts is not null;

    /// <summary>The <see cref="Problem"/> may go away without the file changing (see <see cref="IO.FileRead.ProblemMayPass"/>).</summary>
    public bool ProblemMayPass { get; private set; }

    internal void Load(long maxBytes)
    {
        if (IsFolder)
        {
            Problem = "is a folder where a Markdown file is expected; rename or remove it";
            return;
        }

        var read = FileContent.Read(FullPath, maxBytes);
        if (read.Text is null)
        {
            Problem = read.Problem;
            ProblemMayPass = read.ProblemMayPass;
            return;
        }

        Parse(read.Text);
    }

    internal void Parse(string text)
    {
        try
        {
            Facts = MarkdownFactsReader.Read(text);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Markdig should never throw, but a build must not fail because one file surprised it.
            Problem = $"could not be parsed as Markdown ({exception.GetType().Name}: {FileContent.OneLine(exception.Message)})";
        }
    }

    internal void Restore(MarkdownFacts facts) => Facts = facts;

    /// <summary>The loader could not check the file (it ran out of stack, say): worth trying again next time.</summary>
    internal void Fail(string problem)
    {
        Facts = null;
        Problem = problem;
        ProblemMayPass = true;
    }

    public override string ToString() => RelativePath;
}
