using MetaIssue.Conventions;
using MetaIssue.IO;
using MetaIssue.Model;
using MetaIssue.Text;

namespace MetaIssue.Scanning;

/// <summary>
/// Finds the meta-issues and lessons under a repository and parses every Markdown file once, in parallel, in three
/// steps: list the folders (paths only, a <see cref="DocsTreeListing"/>), load every listed file into an immutable
/// <see cref="DocumentFile"/> (<see cref="DocumentLoader"/>), then build the model from those documents.
/// It never follows folder links (a link loop cannot trap it), never writes, and turns every I/O failure into a
/// <see cref="ScanProblem"/> so the rest of the tree is still checked.
/// </summary>
internal static class DocsTreeReader
{
    private const int MaxFolderDepth = 24;

    /// <summary>Lists, loads and builds the docs tree <paramref name="options"/> describe.</summary>
    /// <param name="config"><c>.metaissue.json</c> as read before the roots were settled: its words and problems go into the model (none when null).</param>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled while files are loaded.</exception>
    public static DocsTree Read(CheckerOptions options, IFactsCache? cache = null, RepositoryConfig? config = null, CancellationToken cancellationToken = default)
    {
        var listing = List(options);
        var documents = DocumentLoader.LoadAll(listing.RepositoryRoot, listing.Files, listing.Unread, options, cache, cancellationToken);
        return listing.Build(documents, config?.Words ?? ExtraWords.None, config?.Problems ?? Array.Empty<ConfigProblem>());
    }

    /// <summary>Lists the meta-issue roots and the lessons folder: every folder once, no file read.</summary>
    internal static DocsTreeListing List(CheckerOptions options)
    {
        var root = PathText.Normalize(options.RepositoryRoot);
        var problems = new List<ScanProblem>();
        var files = new List<ListedFile>();
        var metaIssues = new List<ListedMetaIssue>();
        var roots = new List<string>();

        foreach (var relative in options.MetaIssueRoots.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct())
        {
            var folder = PathText.Normalize(Path.Combine(root, relative.Trim()));
            if (!Directory.Exists(folder) || roots.Contains(folder))
            {
                continue;
            }

            roots.Add(folder);
            foreach (var entry in Entries(folder, problems).OfType<DirectoryInfo>().OrderBy(d => d.Name, StringComparer.Ordinal))
            {
                if (IsHidden(entry) || IsLinkedFolder(entry, problems))
                {
                    continue;
                }

                if (ListMetaIssue(new Lister(root, files, problems), folder, entry) is { } issue)
                {
                    metaIssues.Add(issue);
                }
            }
        }

        var lessonsRoot = PathText.Normalize(Path.Combine(root, options.LessonsRoot.Trim()));
        var lessons = new List<int>();
        if (Directory.Exists(lessonsRoot))
        {
            MarkdownBelow(new Lister(root, files, problems), new DirectoryInfo(lessonsRoot), 0, lessons);
        }

        var twins = DocsTreeListing.TwinsAmong(metaIssues, files);
        metaIssues.RemoveAll(m => twins.Any(t => t.Twin == m));
        return new DocsTreeListing(
            root,
            roots,
            lessonsRoot,
            files,
            metaIssues,
            lessons,
            problems.GroupBy(p => (p.FullPath, p.Message)).Select(g => g.First()).ToList(),
            StrayMetaIssueFinder.Find(root, roots, lessonsRoot),
            twins,
            new HashSet<int>(twins.SelectMany(t => t.Twin.Files)));
    }

    /// <summary>Where listed files and problems go, and the root their relative paths start from.</summary>
    private readonly record struct Lister(string Root, List<ListedFile> Files, List<ScanProblem> Problems)
    {
        /// <summary>Lists one file (or a folder standing for one) and returns its index.</summary>
        public int Add(string fullPath, bool isFolder = false)
        {
            Files.Add(new ListedFile(fullPath, isFolder));
            return Files.Count - 1;
        }
    }

    /// <summary>
    /// Reads one meta-issue, listing each of its folders once. A subfolder of a root is a meta-issue when it holds a
    /// core file or an attempts folder; others (images/, assets/) are not, so they are neither checked nor reported
    /// as meta-issues missing every file.
    /// </summary>
    private static ListedMetaIssue? ListMetaIssue(Lister lister, string metaIssuesRoot, DirectoryInfo folder)
    {
        var (root, problems) = (lister.Root, lister.Problems);
        var entries = Entries(folder.FullName, problems);
        var attemptsFolder = entries.OfType<DirectoryInfo>().FirstOrDefault(d => d.Name == MetaIssueFolder.AttemptsFolder);
        var core = new List<FileSystemInfo>();
        foreach (var name in MetaIssueFolder.CoreFiles)
        {
            core.Add(entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))!);
        }

        if (core.All(c => c is null) && attemptsFolder is null && !entries.Any(e => e.Name == MetaIssueFolder.AttemptsFolder))
        {
            return null;
        }

        var issue = new ListedMetaIssue(folder.FullName, PathText.FromRoot(root, folder.FullName), PathText.FromRoot(root, metaIssuesRoot));
        for (var i = 0; i < core.Count; i++)
        {
            if (core[i] is { } match)
            {
                issue.Core.Add((MetaIssueFolder.CoreFiles[i], lister.Add(match.FullName, isFolder: match is DirectoryInfo)));
            }
        }

        if (attemptsFolder is not null && !IsLinkedFolder(attemptsFolder, problems))
        {
            foreach (var entry in Entries(attemptsFolder.FullName, problems).OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                if (IsHidden(entry))
                {
                    continue;
                }

                if (entry is DirectoryInfo attemptFolder)
                {
                    if (!IsLinkedFolder(attemptFolder, problems))
                    {
                        issue.Attempts.Add(ListAttempt(lister, attemptFolder, issue.Others));
                    }
                }
                else if (entry.Name.Length > 0 && AttemptNumber.IsDigit(entry.Name[0]))
                {
                    issue.Misplaced.Add(new MisplacedEntry(entry.FullName, "is a file where an attempt folder is expected"));
                }
                else if (IsMarkdown(entry.Name))
                {
                    issue.Others.Add(lister.Add(entry.FullName));
                }
            }
        }
        else if (attemptsFolder is null && entries.Any(e => e is FileInfo && e.Name == MetaIssueFolder.AttemptsFolder))
        {
            issue.Misplaced.Add(new MisplacedEntry(Path.Combine(folder.FullName, MetaIssueFolder.AttemptsFolder), "is a file where the attempts folder is expected"));
        }

        // Everything else below the meta-issue (analysis notes, profiling write-ups) is checked for links too.
        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (IsHidden(entry) || entry == attemptsFolder || core.Any(c => c is not null && c.FullName == entry.FullName))
            {
                continue;
            }

            if (entry is DirectoryInfo sub)
            {
                if (!IsLinkedFolder(sub, problems))
                {
                    MarkdownBelow(lister, sub, 1, issue.Others);
                }
            }
            else if (IsMarkdown(entry.Name))
            {
                issue.Others.Add(lister.Add(entry.FullName));
            }
        }

        return issue;
    }

    /// <summary>An attempt folder: its two files, and any other Markdown in it (added to <paramref name="others"/>).</summary>
    private static ListedAttempt ListAttempt(Lister lister, DirectoryInfo folder, List<int> others)
    {
        var approach = -1;
        var results = -1;
        foreach (var entry in Entries(folder.FullName, lister.Problems).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (IsHidden(entry))
            {
                continue;
            }

            if (string.Equals(entry.Name, AttemptFolder.SolutionApproachFile, StringComparison.OrdinalIgnoreCase))
            {
                approach = lister.Add(entry.FullName);
            }
            else if (string.Equals(entry.Name, AttemptFolder.AttemptResultsFile, StringComparison.OrdinalIgnoreCase))
            {
                results = lister.Add(entry.FullName);
            }
            else if (entry is DirectoryInfo sub)
            {
                if (!IsLinkedFolder(sub, lister.Problems))
                {
                    MarkdownBelow(lister, sub, 2, others);
                }
            }
            else if (IsMarkdown(entry.Name))
            {
                others.Add(lister.Add(entry.FullName));
            }
        }

        return new ListedAttempt(folder.FullName, new RelativePathText(folder.FullName, PathText.FromRoot(lister.Root, folder.FullName)), approach, results);
    }

    /// <summary>Lists every Markdown file below a folder into <paramref name="found"/>, not following folder links, to a bounded depth.</summary>
    private static void MarkdownBelow(Lister lister, DirectoryInfo folder, int depth, List<int> found)
    {
        if (depth > MaxFolderDepth)
        {
            lister.Problems.Add(new ScanProblem(folder.FullName, $"is nested more than {MaxFolderDepth} folders deep; deeper files were not checked"));
            return;
        }

        foreach (var entry in Entries(folder.FullName, lister.Problems).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (IsHidden(entry))
            {
                continue;
            }

            if (entry is DirectoryInfo sub)
            {
                if (!IsLinkedFolder(sub, lister.Problems))
                {
                    MarkdownBelow(lister, sub, depth + 1, found);
                }
            }
            else if (IsMarkdown(entry.Name))
            {
                found.Add(lister.Add(entry.FullName));
            }
        }
    }

    private static bool IsMarkdown(string name) =>
        name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    private static bool IsHidden(FileSystemInfo entry) => entry.Name.StartsWith(".", StringComparison.Ordinal);

    private static bool IsLinkedFolder(DirectoryInfo folder, List<ScanProblem> problems)
    {
        if ((folder.Attributes & FileAttributes.ReparsePoint) == 0)
        {
            return false;
        }

        problems.Add(new ScanProblem(folder.FullName, "is a link to a folder; MetaIssue does not follow folder links (they can loop), so nothing below it was checked"));
        return true;
    }

    /// <summary>A folder's entries, or none (and a problem) when it cannot be listed.</summary>
    private static IReadOnlyList<FileSystemInfo> Entries(string folder, List<ScanProblem> problems)
    {
        try
        {
            return new DirectoryInfo(folder).GetFileSystemInfos();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            problems.Add(new ScanProblem(folder, $"cannot be listed ({exception.GetType().Name}: {FileContent.OneLine(exception.Message)}); check its permissions", MayPass: true));
            return Array.Empty<FileSystemInfo>();
        }
    }
}
