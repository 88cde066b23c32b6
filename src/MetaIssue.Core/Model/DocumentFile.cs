using MetaIssue.Markdown;

namespace MetaIssue.Model;

/// <summary>
/// A Markdown file of the docs tree as the loader left it: its facts (read and parsed, or taken from the facts cache),
/// or the problem that stopped it (MI900), or neither when it was listed but deliberately not read (the files of a
/// folder that is only a misnamed copy of a meta-issue). Immutable: made once, by <c>Scanning.DocumentLoader</c>;
/// facts taken from the facts cache are decoded on first use, which changes nothing a reader can see.
/// </summary>
internal sealed class DocumentFile
{
    /// <param name="fullPath">The file's full path, as listed.</param>
    /// <param name="relativePath">Its path relative to the repository root, kept as a suffix of <paramref name="fullPath"/> where it is one.</param>
    /// <param name="isFolder">A folder was found where a Markdown file was expected.</param>
    /// <param name="facts">The file's facts, or null when it was not read or could not be.</param>
    /// <param name="problem">Why the file could not be checked, or null; never given together with <paramref name="facts"/>.</param>
    /// <param name="problemMayPass">The problem may go away with the file unchanged.</param>
    /// <param name="stamp">Size in bytes and last write time (UTC ticks) seen just before the facts were read, or null.</param>
    /// <exception cref="ArgumentException">When both <paramref name="facts"/> and <paramref name="problem"/> are given.</exception>
    public DocumentFile(
        string fullPath,
        RelativePathText relativePath,
        bool isFolder = false,
        MarkdownFacts? facts = null,
        string? problem = null,
        bool problemMayPass = false,
        (long Length, long Ticks)? stamp = null)
    {
        if (facts is not null && problem is not null)
        {
            throw new ArgumentException("A document has facts or a problem, not both.", nameof(problem));
        }

        FullPath = fullPath;
        _relativePath = relativePath;
        IsFolder = isFolder;
        _facts = facts;
        Problem = problem;
        ProblemMayPass = problem is not null && problemMayPass;
        Stamp = stamp;
    }

    /// <summary>
    /// A document whose facts come from the facts cache and are decoded when first asked for (<paramref name="facts"/>,
    /// thread-safe), so that a check which reads only a few meta-issues decodes only theirs.
    /// </summary>
    public DocumentFile(string fullPath, RelativePathText relativePath, bool isFolder, Lazy<MarkdownFacts?> facts, (long Length, long Ticks) stamp)
        : this(fullPath, relativePath, isFolder, facts: null, problem: null, problemMayPass: false, stamp)
    {
        _deferredFacts = facts;
    }

    private readonly MarkdownFacts? _facts;
    private readonly Lazy<MarkdownFacts?>? _deferredFacts;

    private readonly RelativePathText _relativePath;

    /// <summary>A folder found where a Markdown file was expected (a README.md folder): reported, never read.</summary>
    public bool IsFolder { get; }

    public string FullPath { get; }

    /// <summary>'/'-separated, relative to the repository root.</summary>
    public string RelativePath => _relativePath.Of(FullPath);

    public string FileName => Path.GetFileName(FullPath);

    /// <summary>The file's facts, or null when it was not read or could not be.</summary>
    public MarkdownFacts? Facts => _facts ?? _deferredFacts?.Value;

    /// <summary>Why the file could not be checked (unreadable, not UTF-8, too large, unparsable), or null.</summary>
    public string? Problem { get; }

    /// <summary>The <see cref="Problem"/> may go away without the file changing (a locked or unreadable file, say).</summary>
    public bool ProblemMayPass { get; }

    /// <summary>Size in bytes and last write time (UTC ticks) seen just before the facts were read, or null when not looked at.</summary>
    public (long Length, long Ticks)? Stamp { get; }

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
