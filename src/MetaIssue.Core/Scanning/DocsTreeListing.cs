using MetaIssue.Conventions;
using MetaIssue.IO;
using MetaIssue.Model;
using MetaIssue.Text;

namespace MetaIssue.Scanning;

/// <summary>A file the scan found: where it is, nothing of what it holds yet (kept small: a tree lists ~170,000).</summary>
/// <param name="IsFolder">A folder stands where a Markdown file is expected (a README.md folder).</param>
/// <param name="Stamp">Its size (bytes) and last write time (UTC ticks) when the walk that listed it read them, else null.</param>
internal readonly record struct ListedFile(string FullPath, bool IsFolder = false, (long Length, long Ticks)? Stamp = null)
{
    /// <summary>The path relative to <paramref name="repositoryRoot"/>, kept as a suffix of <see cref="FullPath"/> where it is one.</summary>
    public RelativePathText RelativeTo(string repositoryRoot) => new(FullPath, PathText.FromRoot(repositoryRoot, FullPath));
}

/// <summary>An attempt folder as listed: its path and its two files (indexes into <see cref="DocsTreeListing.Files"/>, -1 when absent).</summary>
internal readonly record struct ListedAttempt(string FullPath, RelativePathText RelativePath, int SolutionApproach, int AttemptResults);

/// <summary>A meta-issue folder as listed; its files are indexes into <see cref="DocsTreeListing.Files"/>.</summary>
internal sealed class ListedMetaIssue(string fullPath, string relativePath, string rootRelativePath)
{
    public string FullPath { get; } = fullPath;

    public string RelativePath { get; } = relativePath;

    public string RootRelativePath { get; } = rootRelativePath;

    public string Name => Path.GetFileName(FullPath);

    /// <summary>Core files that exist, in the order of <see cref="MetaIssueFolder.CoreFiles"/>, by that name.</summary>
    public List<(string Name, int File)> Core { get; } = new();

    public List<ListedAttempt> Attempts { get; } = new();

    public List<int> Others { get; } = new();

    public List<MisplacedEntry> Misplaced { get; } = new();

    /// <summary>Every file of the folder (indexes): core files, attempts' files, others.</summary>
    public IEnumerable<int> Files =>
        Core.Select(c => c.File)
            .Concat(Attempts.SelectMany(a => new[] { a.SolutionApproach, a.AttemptResults }).Where(i => i >= 0))
            .Concat(Others);
}

/// <summary>
/// What <see cref="DocsTreeReader"/> found on disk, as paths only: the step between listing the folders and building
/// the model from loaded documents. Each file is listed once, in <see cref="Files"/>, and named elsewhere by its
/// index; the listing is dropped once <see cref="Build"/> has made the <see cref="DocsTree"/>.
/// </summary>
/// <param name="MetaIssues">The meta-issues to check; twins are not among them.</param>
/// <param name="Unread">The files of the twins (by index): named in the model, never read.</param>
/// <param name="Twins">Folders of attempts only named a near miss of a meta-issue (the original is in <paramref name="MetaIssues"/>).</param>
internal sealed record DocsTreeListing(
    string RepositoryRoot,
    IReadOnlyList<string> MetaIssueRoots,
    string LessonsRoot,
    IReadOnlyList<ListedFile> Files,
    IReadOnlyList<ListedMetaIssue> MetaIssues,
    IReadOnlyList<int> Lessons,
    IReadOnlyList<ScanProblem> Problems,
    IReadOnlyList<string> StrayFolders,
    IReadOnlyList<(ListedMetaIssue Twin, ListedMetaIssue Original)> Twins,
    ICollection<int> Unread)
{
    /// <summary>
    /// The docs tree, made once from the documents the loader returned (<paramref name="documents"/>, by index into
    /// <see cref="Files"/>; null for a file not read) and the configuration's words and problems.
    /// </summary>
    public DocsTree Build(IReadOnlyList<DocumentFile?> documents, ExtraWords words, IReadOnlyList<ConfigProblem> configProblems)
    {
        DocumentFile Document(int index)
        {
            var listed = Files[index];
            return documents[index] ?? new DocumentFile(listed.FullPath, listed.RelativeTo(RepositoryRoot), listed.IsFolder);
        }

        MetaIssueFolder Folder(ListedMetaIssue listed)
        {
            var core = new Dictionary<string, DocumentFile>(listed.Core.Count, StringComparer.Ordinal);
            foreach (var (name, file) in listed.Core)
            {
                core[name] = Document(file);
            }

            var attempts = listed.Attempts
                .Select(a => new AttemptFiles(
                    a.FullPath,
                    a.RelativePath,
                    a.SolutionApproach >= 0 ? Document(a.SolutionApproach) : null,
                    a.AttemptResults >= 0 ? Document(a.AttemptResults) : null))
                .ToArray();
            return new MetaIssueFolder(listed.FullPath, listed.RelativePath, listed.RootRelativePath, core, attempts,
                listed.Others.Select(Document).ToArray(), listed.Misplaced, words);
        }

        var folders = MetaIssues.Select(Folder).ToArray();
        var byListing = new Dictionary<ListedMetaIssue, MetaIssueFolder>(folders.Length);
        for (var i = 0; i < folders.Length; i++)
        {
            byListing.Add(MetaIssues[i], folders[i]);
        }

        return new DocsTree(
            RepositoryRoot,
            MetaIssueRoots,
            LessonsRoot,
            folders,
            Lessons.Select(Document).ToArray(),
            Problems,
            configProblems,
            StrayFolders,
            Twins.Select(t => new TwinFolder(Folder(t.Twin), byListing[t.Original])).ToArray());
    }

    /// <summary>
    /// Folders holding nothing but <c>attempts/</c> whose name is within <see cref="TwinDistance"/> edits of a
    /// meta-issue that has its core files; the closest such meta-issue is the one meant.
    /// </summary>
    public static List<(ListedMetaIssue Twin, ListedMetaIssue Original)> TwinsAmong(IReadOnlyList<ListedMetaIssue> metaIssues, IReadOnlyList<ListedFile> files)
    {
        var twins = new List<(ListedMetaIssue, ListedMetaIssue)>();
        var complete = metaIssues.Where(m => m.Core.Count > 0).ToList();
        foreach (var candidate in metaIssues.Where(m => m.Core.Count == 0 && m.Others.All(i => files[i].FullPath.StartsWith(Path.Combine(m.FullPath, MetaIssueFolder.AttemptsFolder), StringComparison.Ordinal))))
        {
            var name = candidate.Name;
            var limit = TwinDistance(name) + 1;
            var closest = complete
                .Select(m => (Issue: m, Distance: EditDistance.Between(name.ToLowerInvariant(), m.Name.ToLowerInvariant(), limit)))
                .Where(c => c.Distance < limit)
                .OrderBy(c => c.Distance)
                .ThenBy(c => c.Issue.Name, StringComparer.Ordinal)
                .FirstOrDefault();
            if (closest.Issue is not null)
            {
                twins.Add((candidate, closest.Issue));
            }
        }

        return twins;
    }

    /// <summary>Edits that still make a near miss: one, or two for names of 12 characters or more.</summary>
    internal static int TwinDistance(string name) => name.Length >= 12 ? 2 : 1;
}
