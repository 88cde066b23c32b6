using MetaIssue.Markdown;

namespace MetaIssue.Model;

/// <summary>A Markdown file of the docs tree: its facts once read and parsed, or the problem that stopped it (MI900).</summary>
internal sealed class DocumentFile
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

    public string FileName => Path.GetFileName(FullPath);

    public MarkdownFacts? Facts { get; private set; }

    /// <summary>Why the file could not be checked (unreadable, not UTF-8, too large, unparsable), or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>The <see cref="Problem"/> may go away without the file changing (a locked or unreadable file, say).</summary>
    public bool ProblemMayPass { get; private set; }

    /// <summary>Set once, by the loader, when the file's facts are known (read and parsed, or taken from the cache).</summary>
    internal void Restore(MarkdownFacts facts) => Facts = facts;

    /// <summary>Set once, by the loader, when the file could not be read or parsed.</summary>
    internal void Reject(string problem, bool mayPass)
    {
        Problem = problem;
        ProblemMayPass = mayPass;
    }

    /// <summary>The loader could not check the file (it ran out of stack, say): worth trying again next time.</summary>
    internal void Fail(string problem)
    {
        Facts = null;
        Reject(problem, mayPass: true);
    }

    public override string ToString() => RelativePath;
}
