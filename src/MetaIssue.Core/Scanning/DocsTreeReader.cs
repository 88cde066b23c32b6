using MetaIssue.Conventions;
using MetaIssue.IO;
using MetaIssue.Model;
using MetaIssue.Text;

namespace MetaIssue.Scanning;

/// <summary>
/// Finds the meta-issues and lessons under a repository and parses every Markdown file once, in parallel.
/// It never follows folder links (a link loop cannot trap it), never writes, and turns every I/O failure into a
/// <see cref="ScanProblem"/> so the rest of the tree is still checked.
/// </summary>
internal static class DocsTreeReader
{
    private const int MaxFolderDepth = 24;

    public static DocsTree Read(CheckerOptions options, IFactsCache? cache = null, CancellationToken cancellationToken = default)
    {
        var root = PathText.Normalize(options.RepositoryRoot);
        var problems = new List<ScanProblem>();
        var metaIssues = new List<MetaIssueFolder>();
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

                if (ReadMetaIssue(root, folder, entry, problems) is { } issue)
                {
                    metaIssues.Add(issue);
                }
            }
        }

        var lessonsRoot = PathText.Normalize(Path.Combine(root, options.LessonsRoot.Trim()));
        var lessons = Directory.Exists(lessonsRoot)
            ? MarkdownBelow(root, new DirectoryInfo(lessonsRoot), problems, 0).ToList()
            : new List<DocumentFile>();

        var twins = TwinsAmong(metaIssues);
        metaIssues.RemoveAll(m => twins.Any(t => t.Twin == m));
        var distinctProblems = problems.GroupBy(p => (p.FullPath, p.Message)).Select(g => g.First()).ToList();
        var tree = new DocsTree(root, roots, lessonsRoot, metaIssues, lessons, distinctProblems)
        {
            StrayFolders = StrayMetaIssueFinder.Find(root, roots, lessonsRoot),
            Twins = twins,
        };
        DocumentLoader.LoadAll(tree.Documents.ToList(), options, cache, cancellationToken);
        return tree;
    }

    /// <summary>
    /// Folders holding nothing but <c>attempts/</c> whose name is within <see cref="TwinDistance"/> edits of a
    /// meta-issue that has its core files; the closest such meta-issue is the one meant.
    /// </summary>
    private static List<TwinFolder> TwinsAmong(IReadOnlyList<MetaIssueFolder> metaIssues)
    {
        var twins = new List<TwinFolder>();
        var complete = metaIssues.Where(m => m.CoreDocuments.Count > 0).ToList();
        foreach (var candidate in metaIssues.Where(m => m.CoreDocuments.Count == 0 && m.OtherDocuments.All(d => d.FullPath.StartsWith(Path.Combine(m.FullPath, MetaIssueFolder.AttemptsFolder), StringComparison.Ordinal))))
        {
            var limit = TwinDistance(candidate.Name) + 1;
            var closest = complete
                .Select(m => (Issue: m, Distance: EditDistance.Between(candidate.Name.ToLowerInvariant(), m.Name.ToLowerInvariant(), limit)))
                .Where(c => c.Distance < limit)
                .OrderBy(c => c.Distance)
                .ThenBy(c => c.Issue.Name, StringComparer.Ordinal)
                .FirstOrDefault();
            if (closest.Issue is not null)
            {
                twins.Add(new TwinFolder(candidate, closest.Issue));
            }
        }

        return twins;
    }

    /// <summary>Edits that still make a near miss: one, or two for names of 12 characters or more.</summary>
    internal static int TwinDistance(string name) => name.Length >= 12 ? 2 : 1;

    /// <summary>
    /// Reads one meta-issue, listing each of its folders once. A subfolder of a root is a meta-issue when it holds a
    /// core file or an attempts folder; others (images/, assets/) are not, so they are neither checked nor reported
    /// as meta-issues missing every file.
    /// </summary>
    private static MetaIssueFolder? ReadMetaIssue(string root, string metaIssuesRoot, DirectoryInfo folder, List<ScanProblem> problems)
    {
        var entries = Entries(folder.FullName, problems);
        var attemptsFolder = entries.OfType<DirectoryInfo>().FirstOrDefault(d => d.Name == MetaIssueFolder.AttemptsFolder);
        var core = new Dictionary<string, DocumentFile>(StringComparer.Ordinal);
        foreach (var name in MetaIssueFolder.CoreFiles)
        {
            var match = entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                core[name] = new DocumentFile(match.FullName, PathText.FromRoot(root, match.FullName), isFolder: match is DirectoryInfo);
            }
        }

        if (core.Count == 0 && attemptsFolder is null && !entries.Any(e => e.Name == MetaIssueFolder.AttemptsFolder))
        {
            return null;
        }

        var misplaced = new List<MisplacedEntry>();

        var attempts = new List<AttemptFolder>();
        var others = new List<DocumentFile>();
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
                        attempts.Add(ReadAttempt(root, attemptFolder, problems, others));
                    }
                }
                else if (entry.Name.Length > 0 && AttemptNumber.IsDigit(entry.Name[0]))
                {
                    misplaced.Add(new MisplacedEntry(entry.FullName, "is a file where an attempt folder is expected"));
                }
                else if (IsMarkdown(entry.Name))
                {
                    others.Add(Document(root, entry.FullName));
                }
            }
        }
        else if (attemptsFolder is null && entries.Any(e => e is FileInfo && e.Name == MetaIssueFolder.AttemptsFolder))
        {
            misplaced.Add(new MisplacedEntry(Path.Combine(folder.FullName, MetaIssueFolder.AttemptsFolder), "is a file where the attempts folder is expected"));
        }

        attempts.Sort((a, b) => (a.Number ?? int.MaxValue).CompareTo(b.Number ?? int.MaxValue) is var byNumber and not 0
            ? byNumber
            : string.CompareOrdinal(a.Name, b.Name));

        // Everything else below the meta-issue (analysis notes, profiling write-ups) is checked for links too.
        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (IsHidden(entry) || entry == attemptsFolder || core.Values.Any(c => c.FullPath == entry.FullName))
            {
                continue;
            }

            if (entry is DirectoryInfo sub)
            {
                if (!IsLinkedFolder(sub, problems))
                {
                    others.AddRange(MarkdownBelow(root, sub, problems, 1));
                }
            }
            else if (IsMarkdown(entry.Name))
            {
                others.Add(Document(root, entry.FullName));
            }
        }

        return new MetaIssueFolder(
            folder.FullName,
            PathText.FromRoot(root, folder.FullName),
            PathText.FromRoot(root, metaIssuesRoot),
            core,
            attempts,
            others,
            misplaced);
    }

    /// <summary>An attempt folder: its two files, and any other Markdown in it (added to <paramref name="others"/>).</summary>
    private static AttemptFolder ReadAttempt(string root, DirectoryInfo folder, List<ScanProblem> problems, List<DocumentFile> others)
    {
        DocumentFile? approach = null;
        DocumentFile? results = null;
        foreach (var entry in Entries(folder.FullName, problems).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (IsHidden(entry))
            {
                continue;
            }

            if (string.Equals(entry.Name, AttemptFolder.SolutionApproachFile, StringComparison.OrdinalIgnoreCase))
            {
                approach = Document(root, entry.FullName);
            }
            else if (string.Equals(entry.Name, AttemptFolder.AttemptResultsFile, StringComparison.OrdinalIgnoreCase))
            {
                results = Document(root, entry.FullName);
            }
            else if (entry is DirectoryInfo sub)
            {
                if (!IsLinkedFolder(sub, problems))
                {
                    others.AddRange(MarkdownBelow(root, sub, problems, 2));
                }
            }
            else if (IsMarkdown(entry.Name))
            {
                others.Add(Document(root, entry.FullName));
            }
        }

        return new AttemptFolder(folder.FullName, PathText.FromRoot(root, folder.FullName), approach, results);
    }

    /// <summary>Every Markdown file below a folder, not following folder links, to a bounded depth.</summary>
    private static IEnumerable<DocumentFile> MarkdownBelow(string root, DirectoryInfo folder, List<ScanProblem> problems, int depth)
    {
        if (depth > MaxFolderDepth)
        {
            problems.Add(new ScanProblem(folder.FullName, $"is nested more than {MaxFolderDepth} folders deep; deeper files were not checked"));
            yield break;
        }

        foreach (var entry in Entries(folder.FullName, problems).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (IsHidden(entry))
            {
                continue;
            }

            if (entry is DirectoryInfo sub)
            {
                if (IsLinkedFolder(sub, problems))
                {
                    continue;
                }

                foreach (var document in MarkdownBelow(root, sub, problems, depth + 1))
                {
                    yield return document;
                }
            }
            else if (IsMarkdown(entry.Name))
            {
                yield return Document(root, entry.FullName);
            }
        }
    }

    private static DocumentFile Document(string root, string fullPath) => new(fullPath, PathText.FromRoot(root, fullPath));

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
