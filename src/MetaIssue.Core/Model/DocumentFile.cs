using MetaIssue.Markdown;

namespace MetaIssue.Model;

/// <summary>A Markdown file of the docs tree: its facts once read and parsed, or the problem that stopped it (MI900).</summary>
internal sealed class DocumentFile
{
    public DocumentFile(string fullPath, string relativePath, bool isFolder = false)
    {
        FullPath = fullPath;
        _relativePath = new RelativePathText(fullPath, relativePath);
        IsFolder = isFolder;
    }

    private readonly RelativePathText _relativePath;

    /// <summary>A folder found where a Markdown file was expected (a README.md folder): reported, never read.</summary>
    public bool IsFolder { get; }

    public string FullPath { get; }

    /// <summary>'/'-separated, relative to the repository root.</summary>
    public string RelativePath => _relativePath.Of(FullPath);

    public string FileName => Path.GetFileName(FullPath);

    public MarkdownFacts? Facts { get; private set; }

    /// <summary>Why the file could not be checked (unreadable, not UTF-8, too large, unparsable), or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>The <see cref="Problem"/> may go away without the file changing (a locked or unreadable file, say).</summary>
    public bool ProblemMayPass { get; private set; }

    /// <summary>Size in bytes and last write time (UTC ticks) seen just before the facts were read, or null when not looked at.</summary>
    public (long Length, long Ticks)? Stamp { get; internal set; }

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

/// <summary>
/// A path relative to the repository root, kept as where it starts in the full path when the full path ends with it
/// (the usual case): a tree of 170,000 files would otherwise hold ~25 MB of second copies that only messages read.
/// </summary>
internal readonly struct RelativePathText
{
    private readonly string? _text;
    private readonly int _start;

    public RelativePathText(string fullPath, string relativePath)
    {
        if (relativePath.Length <= fullPath.Length && fullPath.EndsWith(relativePath, StringComparison.Ordinal))
        {
            _text = null;
            _start = fullPath.Length - relativePath.Length;
        }
        else
        {
            _text = relativePath;
            _start = 0;
        }
    }

    /// <summary>The relative path, given the full path it was made with.</summary>
    public string Of(string fullPath) => _text ?? fullPath.Substring(_start);
}
