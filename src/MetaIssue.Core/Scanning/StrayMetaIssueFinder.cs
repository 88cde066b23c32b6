using System.Text;
using MetaIssue.Conventions;
using MetaIssue.IO;
using MetaIssue.Model;

namespace MetaIssue.Scanning;

/// <summary>
/// Finds folders outside the meta-issue roots that look like meta-issues: a README.md next to an <c>attempts/</c>
/// folder holding an <c>NNN-…</c> entry, or all four core files. These are what <c>dotnet new metaissue</c> writes
/// when run in the wrong folder (<c>docs/docs/meta-issues/x</c>, <c>src/App/docs/meta-issues/x</c>,
/// <c>docs/meta-issues/docs/meta-issues/x</c>), and the check would otherwise never see them.
/// The search is bounded so every build can afford it: folders only (no file is read), from the repository root
/// down to <see cref="MaxDepth"/> levels, at most <see cref="MaxFolders"/> folders, never into hidden folders,
/// folder links, build output or dependency folders (<see cref="SkippedNames"/>), template sources (a folder holding
/// <see cref="TemplateConfigFolder"/>), the lessons root, or the meta-issues the tree reader already reads.
/// </summary>
internal static class StrayMetaIssueFinder
{
    /// <summary>Deepest folder looked at, the repository root being 0: <c>docs/meta-issues/docs/meta-issues/x</c> is 5.</summary>
    public const int MaxDepth = 6;

    /// <summary>Most folders listed in one search; a repository with more stops there (the rest is not searched).</summary>
    public const int MaxFolders = 20000;

    /// <summary>The folder that marks a <c>dotnet new</c> template's source; nothing below such a folder is searched.</summary>
    public const string TemplateConfigFolder = ".template.config";

    /// <summary>Folder names never entered: build output, dependencies and test output, at any depth.</summary>
    public static readonly IReadOnlyCollection<string> SkippedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", "node_modules", "artifacts", "packages", "TestResults",
    };

    /// <summary>
    /// The full paths of folders that look like meta-issues outside <paramref name="metaIssueRoots"/> (full paths),
    /// in ordinal order. When <paramref name="signature"/> is given, the answer is appended to it, so a fingerprint
    /// changes exactly when the answer does (and not when unrelated folders come and go).
    /// </summary>
    /// <param name="listedMetaIssues">
    /// Full paths of subfolders of the roots the caller has listed and found to be meta-issues
    /// (<see cref="IsMetaIssueFolder"/>); they are not listed again. Null: every folder is listed here.
    /// </param>
    public static IReadOnlyList<string> Find(
        string repositoryRoot,
        IReadOnlyCollection<string> metaIssueRoots,
        string lessonsRoot,
        StringBuilder? signature = null,
        IReadOnlyCollection<string>? listedMetaIssues = null)
    {
        var root = PathText.Normalize(repositoryRoot);
        var roots = new HashSet<string>(metaIssueRoots.Select(PathText.Normalize), StringComparer.Ordinal);
        var lessons = PathText.Normalize(lessonsRoot);
        var found = new List<string>();
        var queue = new Queue<(string Path, int Depth)>();
        queue.Enqueue((root, 0));
        var listed = 0;
        while (queue.Count > 0 && listed < MaxFolders)
        {
            var (folder, depth) = queue.Dequeue();
            listed++;
            var parentIsRoot = roots.Contains(Path.GetDirectoryName(folder) ?? string.Empty);
            if (parentIsRoot && listedMetaIssues?.Contains(folder) == true)
            {
                continue; // read and checked by the tree reader, and already listed by the caller
            }

            var entries = Entries(folder);
            if (parentIsRoot && IsMetaIssueFolder(entries.Select(e => e.Name)))
            {
                continue; // read and checked by the tree reader
            }

            var looksLike = depth > 0 && !roots.Contains(folder) && LooksLikeMetaIssue(folder, entries);
            if (looksLike)
            {
                found.Add(folder);
                continue;
            }

            if (depth >= MaxDepth || entries.Any(e => e.IsFolder && e.Name == TemplateConfigFolder))
            {
                continue; // a dotnet new template's source holds meta-issue-shaped content by design
            }

            foreach (var sub in entries.Where(e => e.IsFolder).OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var path = PathText.Normalize(Path.Combine(folder, sub.Name));
                if (sub.Name.StartsWith(".", StringComparison.Ordinal) || SkippedNames.Contains(sub.Name)
                    || sub.IsLink || string.Equals(path, lessons, StringComparison.Ordinal))
                {
                    continue;
                }

                queue.Enqueue((path, depth + 1));
            }
        }

        found.Sort(StringComparer.Ordinal);
        foreach (var folder in found)
        {
            signature?.Append("stray ").Append(PathText.FromRoot(root, folder)).Append('\n');
        }

        return found;
    }

    /// <summary>
    /// What makes a subfolder of a root a meta-issue for the tree reader, given the names of its entries: a core file
    /// (case ignored) or an attempts folder.
    /// </summary>
    public static bool IsMetaIssueFolder(IEnumerable<string> entryNames) =>
        entryNames.Any(name => name == MetaIssueFolder.AttemptsFolder
            || MetaIssueFolder.CoreFiles.Any(core => string.Equals(core, name, StringComparison.OrdinalIgnoreCase)));

    private static bool LooksLikeMetaIssue(string folder, IReadOnlyList<Entry> entries)
    {
        bool Has(string name) => entries.Any(e => !e.IsFolder && string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        if (MetaIssueFolder.CoreFiles.All(Has))
        {
            return true;
        }

        return Has(MetaIssueFolder.ReadmeFile)
            && entries.Any(e => e.IsFolder && e.Name == MetaIssueFolder.AttemptsFolder)
            && Entries(Path.Combine(folder, MetaIssueFolder.AttemptsFolder)).Any(e => AttemptNumber.CountDigits(e.Name) is > 0 and var digits && digits < e.Name.Length && e.Name[digits] == '-');
    }

    /// <summary>
    /// A folder entry: its name, whether it is a folder (a link to one counts), and whether it is such a link. A class:
    /// collections of it then share the runtime's precompiled code, where a struct's would be JIT-compiled in every build.
    /// </summary>
    private sealed record Entry(string Name, bool IsFolder, bool IsLink);

    /// <summary>
    /// The folder's entries. On .NET the names and kinds come from the directory listing itself (no per-file stat):
    /// the search reads names only, so a large source tree costs one listing per folder, not a stat per file.
    /// </summary>
    private static IReadOnlyList<Entry> Entries(string folder)
    {
        try
        {
#if NET
            var options = new EnumerationOptions { IgnoreInaccessible = false, AttributesToSkip = 0, RecurseSubdirectories = false };
            return new System.IO.Enumeration.FileSystemEnumerable<Entry>(
                folder,
                (ref System.IO.Enumeration.FileSystemEntry entry) => new Entry(
                    entry.FileName.ToString(),
                    entry.IsDirectory,
                    entry.IsDirectory && (entry.Attributes & FileAttributes.ReparsePoint) != 0),
                options).ToList();
#else
            return new DirectoryInfo(folder).GetFileSystemInfos()
                .Select(e => new Entry(e.Name, e is DirectoryInfo, e is DirectoryInfo && (e.Attributes & FileAttributes.ReparsePoint) != 0))
                .ToList();
#endif
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return Array.Empty<Entry>(); // folders that cannot be listed are the tree reader's to report
        }
    }
}
