namespace MetaIssue.Model;

/// <summary>The repository's meta-issues and lessons, read and parsed, plus anything that could not be read.</summary>
public sealed class DocsTree
{
    /// <summary>Makes the tree from meta-issues and lessons already loaded; nothing is added or changed later.</summary>
    /// <param name="repositoryRoot">The repository root, a full path.</param>
    /// <param name="metaIssueRoots">Full paths of the meta-issue roots that exist.</param>
    /// <param name="lessonsRoot">The lessons folder, a full path (it need not exist).</param>
    /// <param name="problems">Paths the scan could not use.</param>
    /// <param name="configProblems">What is wrong with <c>.metaissue.json</c>.</param>
    /// <param name="strayFolders">Meta-issue look-alikes outside the roots (full paths).</param>
    /// <param name="twins">Folders of attempts only, named a near miss of a meta-issue; not among <paramref name="metaIssues"/>.</param>
    internal DocsTree(
        string repositoryRoot,
        IReadOnlyList<string> metaIssueRoots,
        string lessonsRoot,
        IReadOnlyList<MetaIssueFolder> metaIssues,
        IReadOnlyList<DocumentFile> lessons,
        IReadOnlyList<ScanProblem> problems,
        IReadOnlyList<ConfigProblem> configProblems,
        IReadOnlyList<string> strayFolders,
        IReadOnlyList<TwinFolder> twins)
    {
        RepositoryRoot = repositoryRoot;
        MetaIssueRoots = metaIssueRoots;
        LessonsRoot = lessonsRoot;
        MetaIssues = metaIssues;
        Lessons = lessons;
        Problems = problems;
        ConfigProblems = configProblems;
        StrayFolders = strayFolders;
        Twins = twins;
        _metaIssuesByPath = new Lazy<Dictionary<string, MetaIssueFolder>>(() => MetaIssues.ToDictionary(m => m.FullPath, StringComparer.Ordinal));
    }

    private readonly Lazy<Dictionary<string, MetaIssueFolder>> _metaIssuesByPath;

    public string RepositoryRoot { get; }

    /// <summary>Full paths of the meta-issue roots that exist.</summary>
    public IReadOnlyList<string> MetaIssueRoots { get; }

    public string LessonsRoot { get; }

    public IReadOnlyList<MetaIssueFolder> MetaIssues { get; }

    internal IReadOnlyList<DocumentFile> Lessons { get; }

    /// <summary>What is wrong with <c>.metaissue.json</c> (MI900 at its line and column).</summary>
    internal IReadOnlyList<ConfigProblem> ConfigProblems { get; }

    /// <summary>
    /// Folders outside the meta-issue roots that look like meta-issues (full paths): never checked until moved under
    /// a root. Found by a bounded search, see <c>Scanning.StrayMetaIssueFinder</c>.
    /// </summary>
    public IReadOnlyList<string> StrayFolders { get; }

    /// <summary>
    /// Folders under a root that hold only <c>attempts/</c> and are named one or two edits away from a meta-issue:
    /// a mistyped <c>--issue</c>. They are not in <see cref="MetaIssues"/>, so their one finding is the name.
    /// </summary>
    internal IReadOnlyList<TwinFolder> Twins { get; }

    /// <summary>Folders or entries that could not be read or were deliberately not followed.</summary>
    internal IReadOnlyList<ScanProblem> Problems { get; }

    /// <summary>The meta-issue a full path lies in (its folder or anything below it), or null. Thread-safe.</summary>
    public MetaIssueFolder? MetaIssueContaining(string fullPath)
    {
        var byPath = _metaIssuesByPath.Value;
        for (var path = fullPath; !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
        {
            if (byPath.TryGetValue(path, out var issue))
            {
                return issue;
            }

            if (path.Length <= RepositoryRoot.Length)
            {
                break;
            }
        }

        return null;
    }

    internal IEnumerable<DocumentFile> Documents => MetaIssues.SelectMany(m => m.Documents).Concat(Lessons);

    /// <summary>Some file or folder could not be read for a reason that may pass without the tree changing.</summary>
    public bool HasProblemsThatMayPass => Problems.Any(p => p.MayPass) || Documents.Any(d => d.ProblemMayPass);
}

/// <summary>A path the scan could not use, and why (reported as MI900).</summary>
/// <param name="MayPass">What went wrong may go away with nothing in the tree changing (a folder's permissions).</param>
internal sealed record ScanProblem(string FullPath, string Message, bool MayPass = false);

/// <summary>What is wrong with the configuration file, where: reported as MI900, and the defaults apply.</summary>
internal sealed record ConfigProblem(string FullPath, MetaIssue.Text.SourceRange Range, string Message);

/// <summary>A folder holding only attempts (<see cref="Twin"/>) whose name is a near miss of <see cref="Original"/>'s.</summary>
internal sealed record TwinFolder(MetaIssueFolder Twin, MetaIssueFolder Original);
