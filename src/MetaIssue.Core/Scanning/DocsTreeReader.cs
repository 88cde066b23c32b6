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
    /// <param name="snapshot">The folders a walk just listed, with their entries' sizes and times, read instead of the disk (see <see cref="List"/>).</param>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled while files are loaded.</exception>
    public static DocsTree Read(
        CheckerOptions options, IFactsCache? cache = null, RepositoryConfig? config = null, TreeSnapshot? snapshot = null, CancellationToken cancellationToken = default)
    {
        var listing = List(options, snapshot);
        var documents = DocumentLoader.LoadAll(listing.RepositoryRoot, listing.Files, listing.Unread, options, cache, cancellationToken);
        return listing.Build(documents, config?.Words ?? ExtraWords.None, config?.Problems ?? Array.Empty<ConfigProblem>());
    }

    /// <summary>
    /// Lists the meta-issue roots and the lessons folder: every folder once, no file read. A folder in
    /// <paramref name="snapshot"/> is not listed again, and its files keep the size and time the snapshot saw (the
    /// loader then looks at no file it finds in the facts cache).
    /// </summary>
    internal static DocsTreeListing List(CheckerOptions options, TreeSnapshot? snapshot = null)
    {
        var root = PathText.Normalize(options.RepositoryRoot);
        var problems = new List<ScanProblem>();
        var files = new List<ListedFile>();
        var metaIssues = new List<ListedMetaIssue>();
        var roots = new List<string>();

        var lister = new Lister(root, files, problems, snapshot);
        foreach (var relative in options.MetaIssueRoots.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct())
        {
            var folder = PathText.Normalize(Path.Combine(root, relative.Trim()));
            if (!Directory.Exists(folder) || roots.Contains(folder))
            {
                continue;
            }

            roots.Add(folder);
            foreach (var entry in lister.Entries(folder))
            {
                if (!entry.IsFolder || IsHidden(entry) || IsLinkedFolder(folder, entry, problems))
                {
                    continue;
                }

                if (ListMetaIssue(lister, folder, Path.Combine(folder, entry.Name)) is { } issue)
                {
                    metaIssues.Add(issue);
                }
            }
        }

        var lessonsRoot = PathText.Normalize(Path.Combine(root, options.LessonsRoot.Trim()));
        var lessons = new List<int>();
        if (Directory.Exists(lessonsRoot))
        {
            MarkdownBelow(lister, lessonsRoot, 0, lessons);
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
            snapshot?.StrayFolders ?? StrayMetaIssueFinder.Find(root, roots, lessonsRoot),
            twins,
            new HashSet<int>(twins.SelectMany(t => t.Twin.Files)));
    }

    /// <summary>Where listed files and problems go, the root their relative paths start from, and the walk read instead of the disk.</summary>
    private readonly record struct Lister(string Root, List<ListedFile> Files, List<ScanProblem> Problems, TreeSnapshot? Snapshot)
    {
        /// <summary>Lists one file (or a folder standing for one), with its size and time when the entry has them, and returns its index.</summary>
        public int Add(string folder, TreeListing.Entry entry)
        {
            var stamp = entry.HasStatus && !entry.IsFolder && !entry.IsLink && !entry.Absent && !entry.Unknown
                ? (entry.Length, entry.LastWriteUtc.Ticks)
                : ((long Length, long Ticks)?)null;
            Files.Add(new ListedFile(Path.Combine(folder, entry.Name), entry.IsFolder, stamp));
            return Files.Count - 1;
        }

        /// <summary>A folder's entries in ordinal order of name (from the snapshot when it holds the folder), or none (and a problem) when it cannot be listed.</summary>
        public TreeListing.Entry[] Entries(string folder)
        {
            if (Snapshot?.EntriesOf(folder) is { } walked)
            {
                return walked;
            }

            try
            {
                return TreeListing.Names(folder);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                Problems.Add(new ScanProblem(folder, $"cannot be listed ({exception.GetType().Name}: {FileContent.OneLine(exception.Message)}); check its permissions", MayPass: true));
                return new TreeListing.Entry[0];
            }
        }
    }

    /// <summary>
    /// Reads one meta-issue, listing each of its folders once. A subfolder of a root is a meta-issue when it holds a
    /// core file or an attempts folder; others (images/, assets/) are not, so they are neither checked nor reported
    /// as meta-issues missing every file.
    /// </summary>
    private static ListedMetaIssue? ListMetaIssue(Lister lister, string metaIssuesRoot, string folder)
    {
        var (root, problems) = (lister.Root, lister.Problems);
        var entries = lister.Entries(folder);
        // Loops over the entries, not LINQ: see TreeListing.Entry.
        var attemptsFolder = Find(entries, MetaIssueFolder.AttemptsFolder, StringComparison.Ordinal, folders: true);
        var core = new TreeListing.Entry?[MetaIssueFolder.CoreFiles.Count];
        var anyCore = false;
        for (var i = 0; i < core.Length; i++)
        {
            core[i] = Find(entries, MetaIssueFolder.CoreFiles[i], StringComparison.OrdinalIgnoreCase, folders: null);
            anyCore |= core[i] is not null;
        }

        var attemptsFile = Find(entries, MetaIssueFolder.AttemptsFolder, StringComparison.Ordinal, folders: false);
        if (!anyCore && attemptsFolder is null && attemptsFile is null)
        {
            return null;
        }

        var issue = new ListedMetaIssue(folder, PathText.FromRoot(root, folder), PathText.FromRoot(root, metaIssuesRoot));
        for (var i = 0; i < core.Length; i++)
        {
            if (core[i] is { } match)
            {
                issue.Core.Add((MetaIssueFolder.CoreFiles[i], lister.Add(folder, match)));
            }
        }

        var attempts = Path.Combine(folder, MetaIssueFolder.AttemptsFolder);
        if (attemptsFolder is { } attemptsEntry && !IsLinkedFolder(folder, attemptsEntry, problems))
        {
            foreach (var entry in lister.Entries(attempts))
            {
                if (IsHidden(entry))
                {
                    continue;
                }

                if (entry.IsFolder)
                {
                    if (!IsLinkedFolder(attempts, entry, problems))
                    {
                        issue.Attempts.Add(ListAttempt(lister, Path.Combine(attempts, entry.Name), issue.Others));
                    }
                }
                else if (entry.Name.Length > 0 && AttemptNumber.IsDigit(entry.Name[0]))
                {
                    issue.Misplaced.Add(new MisplacedEntry(Path.Combine(attempts, entry.Name), "is a file where an attempt folder is expected"));
                }
                else if (IsMarkdown(entry.Name))
                {
                    issue.Others.Add(lister.Add(attempts, entry));
                }
            }
        }
        else if (attemptsFolder is null && attemptsFile is not null)
        {
            issue.Misplaced.Add(new MisplacedEntry(attempts, "is a file where the attempts folder is expected"));
        }

        // Everything else below the meta-issue (analysis notes, profiling write-ups) is checked for links too.
        foreach (var entry in entries)
        {
            // Names are unique within a folder: an entry is the attempts folder or a core file when its name is.
            if (IsHidden(entry) || entry.Name == attemptsFolder?.Name || IsCore(entry, core))
            {
                continue;
            }

            if (entry.IsFolder)
            {
                if (!IsLinkedFolder(folder, entry, problems))
                {
                    MarkdownBelow(lister, Path.Combine(folder, entry.Name), 1, issue.Others);
                }
            }
            else if (IsMarkdown(entry.Name))
            {
                issue.Others.Add(lister.Add(folder, entry));
            }
        }

        return issue;
    }

    /// <summary>An attempt folder: its two files, and any other Markdown in it (added to <paramref name="others"/>).</summary>
    private static ListedAttempt ListAttempt(Lister lister, string folder, List<int> others)
    {
        var approach = -1;
        var results = -1;
        foreach (var entry in lister.Entries(folder))
        {
            if (IsHidden(entry))
            {
                continue;
            }

            if (string.Equals(entry.Name, AttemptFolder.SolutionApproachFile, StringComparison.OrdinalIgnoreCase))
            {
                approach = lister.Add(folder, entry);
            }
            else if (string.Equals(entry.Name, AttemptFolder.AttemptResultsFile, StringComparison.OrdinalIgnoreCase))
            {
                results = lister.Add(folder, entry);
            }
            else if (entry.IsFolder)
            {
                if (!IsLinkedFolder(folder, entry, lister.Problems))
                {
                    MarkdownBelow(lister, Path.Combine(folder, entry.Name), 2, others);
                }
            }
            else if (IsMarkdown(entry.Name))
            {
                others.Add(lister.Add(folder, entry));
            }
        }

        return new ListedAttempt(folder, new RelativePathText(folder, PathText.FromRoot(lister.Root, folder)), approach, results);
    }

    /// <summary>Lists every Markdown file below a folder into <paramref name="found"/>, not following folder links, to a bounded depth.</summary>
    private static void MarkdownBelow(Lister lister, string folder, int depth, List<int> found)
    {
        if (depth > MaxFolderDepth)
        {
            lister.Problems.Add(new ScanProblem(folder, $"is nested more than {MaxFolderDepth} folders deep; deeper files were not checked"));
            return;
        }

        foreach (var entry in lister.Entries(folder))
        {
            if (IsHidden(entry))
            {
                continue;
            }

            if (entry.IsFolder)
            {
                if (!IsLinkedFolder(folder, entry, lister.Problems))
                {
                    MarkdownBelow(lister, Path.Combine(folder, entry.Name), depth + 1, found);
                }
            }
            else if (IsMarkdown(entry.Name))
            {
                found.Add(lister.Add(folder, entry));
            }
        }
    }

    /// <summary>The first entry named <paramref name="name"/> (compared as <paramref name="comparison"/> says) that is a folder, a file, or either (<paramref name="folders"/> null), or null.</summary>
    private static TreeListing.Entry? Find(TreeListing.Entry[] entries, string name, StringComparison comparison, bool? folders)
    {
        foreach (var entry in entries)
        {
            if (string.Equals(entry.Name, name, comparison) && (folders is null || entry.IsFolder == folders))
            {
                return entry;
            }
        }

        return null;
    }

    private static bool IsCore(TreeListing.Entry entry, TreeListing.Entry?[] core)
    {
        foreach (var match in core)
        {
            if (match is { } found && found.Name == entry.Name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMarkdown(string name) =>
        name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    private static bool IsHidden(TreeListing.Entry entry) => entry.Name.StartsWith(".", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="entry"/> of <paramref name="parent"/> is a folder link (then a problem says nothing below it was checked).</summary>
    private static bool IsLinkedFolder(string parent, TreeListing.Entry entry, List<ScanProblem> problems)
    {
        if (!entry.IsLink)
        {
            return false;
        }

        problems.Add(new ScanProblem(Path.Combine(parent, entry.Name), "is a link to a folder; MetaIssue does not follow folder links (they can loop), so nothing below it was checked"));
        return true;
    }
}
