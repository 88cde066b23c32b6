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
public static class InputFingerprint
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
        var walked = new TreeWalk(new FolderListings(), new TreeSnapshot(), ScopeOf(options));
        var fingerprint = OfTree(options, known: null, walked.Listings, walked.Snapshot);
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
    /// every folder's entries to <paramref name="snapshot"/>.
    /// </summary>
    internal static string OfTree(CheckerOptions options, FolderListings? known, FolderListings? record, TreeSnapshot? snapshot = null)
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
        using var hash = new Sha256Hex.Incremental();
        var walk = new WalkState(DateTime.UtcNow, known, Collect: record is not null || snapshot is not null, hash);
        var output = new Subtree(text);
        foreach (var folder in folders)
        {
            text.Append("root ").Append(folder).Append('\n');
            var isLessons = string.Equals(folder, lessons, StringComparison.Ordinal);
            Walk(folder, WriteTimeOf(folder), string.Empty, 0, walk, output, isLessons ? null : name => metaIssues.Add(name));
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
        hash.Append(text);
        if (snapshot is not null)
        {
            snapshot.StrayFolders = strays;
        }

        return hash.Finish();
    }

    /// <summary>Whether each path exists, and its size and last write time when it is a file.</summary>
    public static string OfPaths(IEnumerable<string> fullPaths)
    {
        var text = new StringBuilder(1024);
        foreach (var path in fullPaths.Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal))
        {
            text.Append(path).Append('|').Append(Describe(path)).Append('\n');
        }

        return Sha256Hex.Of(text);
    }

    /// <summary>
    /// Appends every entry below <paramref name="folder"/>: name, kind, and for files size, last write time and mode,
    /// from one status call per entry. Every file's status is read on every call: a folder's last write time changes
    /// when an entry is added, removed or renamed in it, but not when a file in it is rewritten in place, so an
    /// unchanged folder time vouches for the folder's names only, never for the contents of its files (trusting it
    /// for those would replay stale findings after an edit). So a folder whose names are known at its current last
    /// write time (<paramref name="writtenUtc"/>; see <see cref="FolderListing"/>) is not listed again, and its
    /// entries are looked up by name. Subfolders of a root (depth 1) that are meta-issues go to
    /// <paramref name="foundMetaIssue"/> when it is given. The subfolders of a root are walked in parallel (the walk
    /// waits on one status call after another), each into its own text, appended in the listing's order, so the text
    /// is the same as a walk on one thread.
    /// </summary>
    private static void Walk(string folder, DateTime writtenUtc, string relative, int depth, WalkState walk, Subtree output, Action<string>? foundMetaIssue)
    {
        var text = output.Text;
        var known = writtenUtc.Ticks > 0 ? walk.Known?.Find(folder, writtenUtc) : null;
        var entries = known is not null ? TreeListing.Known(folder, known.Names, known.IsFolder) : TreeListing.List(folder);
        if (entries is null)
        {
            text.Append(relative).Append(Directory.Exists(folder) ? "|unlistable\n" : "|absent\n");
            return;
        }

        if (walk.Collect)
        {
            output.Folders.Add(new ListedFolder(folder, entries, ToKeep(writtenUtc, known, entries, walk)));
        }
        if (depth == 1 && foundMetaIssue is not null && StrayMetaIssueFinder.IsMetaIssueFolder(NamesOf(entries)))
        {
            foundMetaIssue(folder);
        }

        var subtrees = depth == 0 ? WalkSubfolders(folder, entries, walk, foundMetaIssue) : null;
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (entry.Name.StartsWith(".", StringComparison.Ordinal))
            {
                continue;
            }

            // The relative path is appended in pieces: a string of it is made only for a folder walked into.
            if (relative.Length > 0)
            {
                text.Append(relative).Append('/');
            }

            text.Append(entry.Name);
            if (entry.IsFolder)
            {
                AppendMode(text.Append(entry.IsLink ? "|linked folder" : "/"), entry).Append('\n');
                if (subtrees?[i] is { } subtree)
                {
                    // Hashed as it comes, in order: the whole text of a large tree is never held at once.
                    walk.Hash.Append(text);
                    text.Clear();
                    walk.Hash.Append(subtree.Text);
                    output.Folders.AddRange(subtree.Folders);
                }
                else if (!entry.IsLink && depth < MaxDepth)
                {
                    var path = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                    Walk(folder + Path.DirectorySeparatorChar + entry.Name, WriteTimeOf(entry), path, depth + 1, walk, output, foundMetaIssue);
                }
            }
            else if (entry.Absent || entry.Unknown)
            {
                text.Append(entry.Absent ? "|absent\n" : "|unknown\n");
            }
            else
            {
                AppendMode(text.Append('|').Append(entry.Length).Append('|').Append(entry.LastWriteUtc.Ticks), entry);
                if (IsRacy(entry.LastWriteUtc, walk.NowUtc))
                {
                    text.Append("|racy ").Append(Guid.NewGuid().ToString("N"));
                }

                text.Append('\n');
            }
        }
    }

    /// <summary>The output of each subfolder of a root that <see cref="Walk"/> enters (null for other entries), walked in parallel.</summary>
    private static Subtree?[] WalkSubfolders(string root, TreeListing.Entry[] entries, WalkState walk, Action<string>? foundMetaIssue)
    {
        var subtrees = new Subtree?[entries.Length];
        var found = new object();
        Action<string>? report = foundMetaIssue is null ? null : folder =>
        {
            lock (found)
            {
                foundMetaIssue(folder);
            }
        };

        Parallel.For(0, entries.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var entry = entries[i];
            if (entry.IsFolder && !entry.IsLink && !entry.Name.StartsWith(".", StringComparison.Ordinal))
            {
                var subtree = new Subtree(new StringBuilder(2048));
                Walk(root + Path.DirectorySeparatorChar + entry.Name, WriteTimeOf(entry), entry.Name, 1, walk, subtree, report);
                subtrees[i] = subtree;
            }
        });

        return subtrees;
    }

    /// <summary>
    /// The names of a folder to keep for the next walk: those it was known by, or those just listed when its last
    /// write time lies before the racy window (a later change then gives it another time) and no entry is a link or
    /// could not be looked at; else null.
    /// </summary>
    private static FolderListing? ToKeep(DateTime writtenUtc, FolderListing? known, TreeListing.Entry[] entries, WalkState walk)
    {
        if (writtenUtc.Ticks == 0)
        {
            return null;
        }

        if (known is not null)
        {
            return known;
        }

        if (IsRacy(writtenUtc, walk.NowUtc))
        {
            return null;
        }

        // Counted first, then copied into arrays of the exact size: one folder of thousands costs no list growth.
        var kept = 0;
        foreach (var entry in entries) // a loop, not LINQ: see TreeListing.Entry
        {
            if (entry.Name.StartsWith(".", StringComparison.Ordinal))
            {
                continue;
            }

            if (entry.IsLink || entry.Absent || entry.Unknown)
            {
                return null;
            }

            kept++;
        }

        var names = new string[kept];
        var isFolder = new bool[kept];
        kept = 0;
        foreach (var entry in entries)
        {
            if (!entry.Name.StartsWith(".", StringComparison.Ordinal))
            {
                names[kept] = entry.Name;
                isFolder[kept++] = entry.IsFolder;
            }
        }

        return new FolderListing(writtenUtc.Ticks, names, isFolder);
    }

    private static string[] NamesOf(TreeListing.Entry[] entries)
    {
        var names = new string[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            names[i] = entries[i].Name;
        }

        return names;
    }

    /// <summary>A folder's last write time from its entry; none (never matched or kept) when it could not be read.</summary>
    private static DateTime WriteTimeOf(TreeListing.Entry folder) => folder.Absent || folder.Unknown ? default : folder.LastWriteUtc;

    private static DateTime WriteTimeOf(string folder)
    {
        try
        {
            return Directory.Exists(folder) ? Directory.GetLastWriteTimeUtc(folder) : default;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return default;
        }
    }

    /// <summary>
    /// What every folder of one walk shares: when it began (racy times are judged against it), the listings known from
    /// the last walk, and whether each folder's entries are collected (for the listings to keep and the snapshot).
    /// </summary>
    /// <remarks><see cref="Hash"/> takes the text of the walk so far whenever a root's subfolder has been walked (on the walk's own thread).</remarks>
    private sealed record WalkState(DateTime NowUtc, FolderListings? Known, bool Collect, Sha256Hex.Incremental Hash);

    /// <summary>A folder a walk listed, with its entries and the listing to keep for the next walk (or null).</summary>
    private sealed record ListedFolder(string Folder, TreeListing.Entry[] Entries, FolderListing? Keep);

    /// <summary>What the walk of one subtree produced: its fingerprint text, and the folders it listed with their entries and the listing to keep (or null).</summary>
    private sealed class Subtree(StringBuilder text)
    {
        public StringBuilder Text { get; } = text;

        public List<ListedFolder> Folders { get; } = new();
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

    /// <summary>Appends the entry's mode as <c>|</c> and its decimal digits (nothing where unknown to the runtime, <c>|unknown</c> where unreadable).</summary>
    private static StringBuilder AppendMode(StringBuilder text, TreeListing.Entry entry) =>
        entry.Unknown ? text.Append("|unknown") : entry.Mode < 0 ? text : text.Append('|').Append(entry.Mode);
}

/// <summary>What one fingerprint walk saw: the listings worth keeping, every folder's entries, and the folders it covered.</summary>
internal sealed record TreeWalk(FolderListings Listings, TreeSnapshot Snapshot, string Scope);
