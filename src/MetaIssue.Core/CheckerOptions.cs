namespace MetaIssue;

/// <summary>Where the docs are and how to check them. Paths in <see cref="MetaIssueRoots"/> and <see cref="LessonsRoot"/> are relative to <see cref="RepositoryRoot"/>.</summary>
public sealed class CheckerOptions
{
    /// <summary>The default of <see cref="MaxFileBytes"/>: 2 MiB.</summary>
    public const long DefaultMaxFileBytes = 2 * 1024 * 1024;
    /// <summary>The default meta-issue root, relative to the repository root (the templates scaffold there).</summary>
    public const string DefaultMetaIssueRoot = "docs/meta-issues";
    /// <summary>The default lessons root, relative to the repository root.</summary>
    public const string DefaultLessonsRoot = "docs/lessons-learned";

    /// <summary>Options for the repository at <paramref name="repositoryRoot"/>, every other option at its default. Options are
    /// plain settable properties: not thread-safe while being changed, safe to share once filled.</summary>
    public CheckerOptions(string repositoryRoot) => RepositoryRoot = repositoryRoot;

    /// <summary>The repository root; a relative path is taken against the current directory.</summary>
    public string RepositoryRoot { get; }

    /// <summary>Folders whose immediate subfolders are meta-issues.</summary>
    public IReadOnlyList<string> MetaIssueRoots { get; set; } = new[] { DefaultMetaIssueRoot };

    /// <summary>The folder holding the lessons-learned files, relative to <see cref="RepositoryRoot"/>.</summary>
    public string LessonsRoot { get; set; } = DefaultLessonsRoot;

    /// <summary>Files larger than this are reported (MI900) instead of parsed, so one giant file cannot slow every build.</summary>
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>Where parsed facts are cached between runs (e.g. under obj/); null to parse everything every time.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>How many files are parsed at once; 0 means one per processor.</summary>
    public int MaxParallelism { get; set; }
}
