using System.Text;
using MetaIssue.IO;
using MetaIssue.Scanning;
using MetaIssue.Text;

namespace MetaIssue.Caching;

/// <summary>
/// Hashes of what a check reads, taken without reading any file's content: every entry below the meta-issue roots
/// and the lessons folder (relative path, file or folder, size, last write time), and the state of the paths outside
/// them that the check consulted (link targets elsewhere in the repository, an overview file), and the verdicts of the
/// bounded search for meta-issues outside the roots. When both hashes equal
/// those of the last check, that check's findings are still the findings.
/// </summary>
public static partial class InputFingerprint
{
    /// <summary>
    /// How close to "now" a last write time may be before size and time stop proving a file unchanged: git's racy-clean
    /// rule (Documentation/technical/racy-git.txt), with a margin for file systems that keep times to 1 s (HFS+, ext3)
    /// or 2 s (FAT). A file written within this window of a fingerprint, or later, may be rewritten in the same clock
    /// tick without any visible change, so it is never trusted: it makes the fingerprint unique (no replay) and is
    /// not kept in the facts cache, and the next build, once the window has passed, checks it and trusts it again.
    /// </summary>
    public static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    /// <summary>Whether a file last written at <paramref name="lastWriteUtc"/> cannot be trusted by size and time at <paramref name="nowUtc"/>.</summary>
    public static bool IsRacy(DateTime lastWriteUtc, DateTime nowUtc) => lastWriteUtc >= nowUtc - RacyWindow;

    // Deeper than the tree reader goes (it stops at 24 levels below a meta-issue), so whatever it reads is covered.
    private const int MaxDepth = 40;

    /// <summary>The entries below the folders the tree reader lists; hidden entries are skipped, as the reader skips them.</summary>
    public static string OfTree(CheckerOptions options)
    {
        // Every folder listed afresh: a check reads the tree from this walk (WalkOf), and keeps its listings.
        var walked = new TreeWalk(new FolderListings(), new TreeSnapshot(), ScopeOf(options), new Dictionary<string, string>(StringComparer.Ordinal));
        var fingerprint = OfTree(options, known: null, walked.Listings, walked.Snapshot, expectedSubtrees: null, walked.Subtrees)!;
        Walks.Add(fingerprint, walked); // a new string on every call: never added twice
        return fingerprint;
    }

    /// <summary>
    /// What the <see cref="OfTree(CheckerOptions)"/> call that returned this very string (compared by reference) saw:
    /// the folder listings a <see cref="LastCheck"/> keeps and the snapshot the tree reader can read instead of the
    /// disk; null for any other string.
    /// </summary>
    internal static TreeWalk? WalkOf(string treeFingerprint) =>
        Walks.TryGetValue(treeFingerprint, out var walked) ? walked : null;

    /// <summary>Whether <paramref name="walked"/> walked exactly the folders <paramref name="options"/> name (so it fingerprints a check with them).</summary>
    internal static bool Covers(TreeWalk walked, CheckerOptions options) => walked.Scope == ScopeOf(options);

    // Keyed by the fingerprint string's identity and held no longer than the string itself.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, TreeWalk> Walks = new();

    /// <summary>The repository root, the meta-issue roots and the lessons folder, as the walk resolves them.</summary>
    private static string ScopeOf(CheckerOptions options)
    {
        var root = PathText.Normalize(options.RepositoryRoot);
        var roots = options.MetaIssueRoots.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => PathText.Normalize(Path.Combine(root, r.Trim())));
        return string.Join("\n", new[] { root, PathText.Normalize(Path.Combine(root, options.LessonsRoot.Trim())) }.Concat(roots));
    }

    /// <summary>
    /// The fingerprint of <see cref="OfTree(CheckerOptions)"/>, the same text whichever way each folder's names are
    /// learnt: a folder in <paramref name="known"/> at the same last write time is not listed again (its entries'
    /// status is read by path); every other folder is listed. Listings worth keeping go to <paramref name="record"/>,
    /// every folder's entries to <paramref name="snapshot"/>. Each subfolder of a root (a meta-issue, a lesson category)
    /// is hashed on its own; the digests go to <paramref name="subtreeDigests"/> by full path. Given the digests of an
    /// earlier walk (<paramref name="expectedSubtrees"/>), the walk stops at the first subfolder whose digest differs
    /// or is new and returns null: the tree has changed, and the rest of it need not be looked at.
    /// </summary>
    internal static string? OfTree(
        CheckerOptions options,
        FolderListings? known,
        FolderListings? record,
        TreeSnapshot? snapshot = null,
        IReadOnlyDictionary<string, string>? expectedSubtrees = null,
        Dictionary<string, string>? subtreeDigests = null)
    {
        var root = PathText.Normalize(options.RepositoryRoot);
        var folders = options.MetaIssueRoots
            .Where(r => !string.IsNullOrWhiteSpace(r))
            .Select(r => PathText.Normalize(Path.Combine(root, r.Trim())))
            .Concat(new[] { PathText.Normalize(Path.Combine(root, options.LessonsRoot.Trim())) })
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var lessons = PathText.Normalize(Path.Combine(root, options.LessonsRoot.Trim()));
        var text = new StringBuilder(4096);
        text.Append(root).Append('\n');
        var config = Path.Combine(root, Scanning.RepositoryConfig.FileName);
        text.Append("config ").Append(Describe(config)).Append('\n'); // roots and words come from it: an edit re-checks
        var metaIssues = new HashSet<string>(StringComparer.Ordinal);
        var walk = new WalkState(DateTime.UtcNow, known, Collect: record is not null || snapshot is not null, expectedSubtrees, subtreeDigests);
        var output = new Subtree(text);
        foreach (var folder in folders)
        {
            text.Append("root ").Append(folder).Append('\n');
            var isLessons = string.Equals(folder, lessons, StringComparison.Ordinal);
            Walk(folder, WriteTimeOf(folder), string.Empty, 0, walk, output, isLessons ? null : name => metaIssues.Add(name));
            if (walk.Changed)
            {
                return null;
            }
        }

        // Gathered per subtree and handed over here, on one thread: the parallel walks share no lock.
        foreach (var listed in output.Folders)
        {
            if (listed.Keep is not null)
            {
                record?.Add(listed.Folder, listed.Keep);
            }

            snapshot?.Add(listed.Folder, listed.Entries);
        }

        // A meta-issue written outside the roots changes nothing below them, yet must end a replay: the bounded
        // search for such folders is part of the fingerprint. It lists folders only, reads names without a stat per
        // file, and does not list again the meta-issues the walk above has just listed.
        var roots = folders.Where(f => !string.Equals(f, lessons, StringComparison.Ordinal)).ToList();
        var strays = StrayMetaIssueFinder.Find(root, roots, lessons, text, metaIssues);
        if (snapshot is not null)
        {
            snapshot.StrayFolders = strays;
        }

        return Sha256Hex.Of(text);
    }

    /// <summary>
    /// Whether each path exists, and its size and last write time when it is a file; for an input of
    /// <see cref="Git.BranchAttempts.Inputs"/> (not a path), the branches git lists there now.
    /// </summary>
    public static string OfPaths(IEnumerable<string> fullPaths)
    {
        var text = new StringBuilder(1024);
        foreach (var path in fullPaths.Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal))
        {
            var state = path.StartsWith(Git.BranchAttempts.InputPrefix, StringComparison.Ordinal) ? Git.BranchAttempts.DescribeInput(path) : Describe(path);
            text.Append(path).Append('|').Append(state).Append('\n');
        }

        return Sha256Hex.Of(text);
    }

    private static string Describe(string path)
    {
        try
        {
            return Directory.Exists(path) ? "folder" : Describe(new FileInfo(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return "unknown";
        }
    }

    private static string Describe(FileInfo file)
    {
        try
        {
            if (!file.Exists)
            {
                return "absent";
            }

            var written = file.LastWriteTimeUtc;
            var racy = IsRacy(written, DateTime.UtcNow) ? "|racy " + Guid.NewGuid().ToString("N") : string.Empty;
            return file.Length + "|" + written.Ticks + Mode(file) + racy;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    /// <summary>
    /// Permissions, where the runtime tells them: a chmod makes a file unreadable without touching its size or time.
    /// </summary>
    private static string Mode(FileSystemInfo entry)
    {
#if NET7_0_OR_GREATER
        return OperatingSystem.IsWindows() ? string.Empty : "|" + (int)entry.UnixFileMode;
#else
        return string.Empty;
#endif
    }

}

/// <summary>What one fingerprint walk saw: the listings worth keeping, every folder's entries, and the folders it covered.</summary>
/// <remarks><see cref="Subtrees"/>: the digest of each subfolder of a root, by full path, for a later walk to stop at the first difference.</remarks>
internal sealed record TreeWalk(FolderListings Listings, TreeSnapshot Snapshot, string Scope, Dictionary<string, string> Subtrees);
