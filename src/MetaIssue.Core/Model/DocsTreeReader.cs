using MetaIssue.IO;

namespace MetaIssue.Model;

/// <summary>
/// Finds the meta-issues and lessons under a repository and parses every Markdown file once, in parallel.
/// It never follows folder links (a link loop cannot trap it), never writes, and turns every I/O failure into a
/// <see cref="ScanProblem"/> so the rest of the tree is still checked.
/// </summary>
public static class DocsTreeReader
{
    private const int MaxFolderDepth = 24;

    public static DocsTree Read(CheckerOptions options, IFactsCache? cache = null)
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
                if (IsHidden(entry) || IsLinkedFolder(entry, problems) || !LooksLikeMetaIssue(entry, problems))
                {
                    continue;
                }

                metaIssues.Add(ReadMetaIssue(root, folder, entry, problems));
            }
        }

        var lessonsRoot = PathText.Normalize(Path.Combine(root, options.LessonsRoot.Trim()));
        var lessons = Directory.Exists(lessonsRoot)
            ? MarkdownBelow(root, new DirectoryInfo(lessonsRoot), problems, 0).ToList()
            : new List<DocumentFile>();

        var distinctProblems = problems.GroupBy(p => (p.FullPath, p.Message)).Select(g => g.First()).ToList();
        var tree = new DocsTree(root, roots, lessonsRoot, metaIssues, lessons, distinctProblems);
        DocumentLoader.LoadAll(tree.Documents.ToList(), options, cache);
        return tree;
    }

    /// <summary>
    /// A subfolder is a meta-issue when it holds a core file or an attempts folder; others (images/, assets/) are
    /// not, so they are neither checked nor reported as meta-issues missing every file.
    /// </summary>
    private static bool LooksLikeMetaIssue(DirectoryInfo folder, List<ScanProblem> problems) =>
        Entries(folder.FullName, problems).Any(e =>
            e.Name == MetaIssueFolder.AttemptsFolder
            || MetaIssueFolder.CoreFiles.Any(core => string.Equals(core, e.Name, StringComparison.OrdinalIgnoreCase)));

    private static MetaIssueFolder ReadMetaIssue(string root, string metaIssuesRoot, DirectoryInfo folder, List<ScanProblem> problems)
    {
        var entries = Entries(folder.FullName, problems);
        var core = new Dictionary<string, DocumentFile>(StringComparer.Ordinal);
        foreach (var name in MetaIssueFolder.CoreFiles)
        {
            var match = entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                core[name] = Document(root, match.FullName);
            }
        }

        var attempts = new List<AttemptFolder>();
        var attemptsFolder = entries.OfType<DirectoryInfo>().FirstOrDefault(d => d.Name == MetaIssueFolder.AttemptsFolder);
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
                        attempts.Add(ReadAttempt(root, attemptFolder, problems));
                    }
                }
                else if (entry.Name.Length > 0 && char.IsDigit(entry.Name[0]))
                {
                    problems.Add(new ScanProblem(entry.FullName, "is a file where an attempt folder is expected", IsMisplacedAttemptFile: true));
                }
            }
        }
        else if (entries.Any(e => e is FileInfo && e.Name == MetaIssueFolder.AttemptsFolder))
        {
            problems.Add(new ScanProblem(Path.Combine(folder.FullName, MetaIssueFolder.AttemptsFolder), "is a file where the attempts folder is expected", IsMisplacedAttemptFile: true));
        }

        attempts.Sort((a, b) => (a.Number ?? int.MaxValue).CompareTo(b.Number ?? int.MaxValue) is var byNumber and not 0
            ? byNumber
            : string.CompareOrdinal(a.Name, b.Name));

        // Everything else below the meta-issue (analysis notes, extra files in attempt folders) is checked for links.
        var known = new HashSet<string>(
            core.Values.Select(d => d.FullPath)
                .Concat(attempts.SelectMany(a => new[] { a.SolutionApproach?.FullPath, a.AttemptResults?.FullPath }).OfType<string>()),
            StringComparer.Ordinal);
        var others = MarkdownBelow(root, folder, problems, 0)
            .Where(d => !known.Contains(d.FullPath))
            .ToList();

        return new MetaIssueFolder(
            folder.FullName,
            PathText.FromRoot(root, folder.FullName),
            PathText.FromRoot(root, metaIssuesRoot),
            core,
            attempts,
            others);
    }

    private static AttemptFolder ReadAttempt(string root, DirectoryInfo folder, List<ScanProblem> problems)
    {
        var entries = Entries(folder.FullName, problems);
        DocumentFile? Find(string name) =>
            entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)) is { } entry
                ? Document(root, entry.FullName)
                : null;

        return new AttemptFolder(
            folder.FullName,
            PathText.FromRoot(root, folder.FullName),
            Find(AttemptFolder.SolutionApproachFile),
            Find(AttemptFolder.AttemptResultsFile));
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
            problems.Add(new ScanProblem(folder, $"cannot be listed ({exception.GetType().Name}: {FileContent.OneLine(exception.Message)}); check its permissions"));
            return Array.Empty<FileSystemInfo>();
        }
    }
}
