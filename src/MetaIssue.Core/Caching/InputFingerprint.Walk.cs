using System.Text;
using MetaIssue.IO;
using MetaIssue.Scanning;
using MetaIssue.Text;

namespace MetaIssue.Caching;

/// <summary>The walk itself: one folder at a time, the subfolders of each root in parallel, each hashed on its own.</summary>
public static partial class InputFingerprint
{
    /// <summary>
    /// Appends every entry below <paramref name="folder"/>: name, kind, and for files size, last write time and mode,
    /// from one status call per entry. Every file's status is read on every call: a folder's last write time changes
    /// when an entry is added, removed or renamed in it, but not when a file in it is rewritten in place, so an
    /// unchanged folder time vouches for the folder's names only, never for the contents of its files (trusting it
    /// for those would replay stale findings after an edit). So a folder whose names are known at its current last
    /// write time (<paramref name="writtenUtc"/>; see <see cref="FolderListing"/>) is not listed again, and its
    /// entries are looked up by name. Subfolders of a root (depth 1) that are meta-issues go to
    /// <paramref name="foundMetaIssue"/> when it is given. The subfolders of a root are walked in parallel (the walk
    /// waits on one status call after another), each into its own text hashed into a digest; the digests are appended
    /// in the listing's order, so the fingerprint is the same as a walk on one thread.
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
        if (walk.Changed)
        {
            return; // a subfolder differs from its expected digest: nothing more is needed
        }

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
                    // The subfolder's digest stands for its text, which its walk has already dropped.
                    text.Append("= ").Append(subtree.Digest).Append('\n');
                    if (walk.Digests is not null)
                    {
                        walk.Digests[folder + Path.DirectorySeparatorChar + entry.Name] = subtree.Digest!;
                    }
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

        // Each worker hashes its subtrees with one hasher into one reused text: a subtree's text is dropped once hashed.
        Parallel.For(
            0,
            entries.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new Worker(),
            (i, loop, worker) =>
            {
                var entry = entries[i];
                if (walk.Changed)
                {
                    loop.Stop();
                    return worker;
                }

                if (entry.IsFolder && !entry.IsLink && !entry.Name.StartsWith(".", StringComparison.Ordinal))
                {
                    var path = root + Path.DirectorySeparatorChar + entry.Name;
                    var subtree = new Subtree(worker.Text);
                    Walk(path, WriteTimeOf(entry), entry.Name, 1, walk, subtree, report);
                    subtree.Seal(worker.Hash);
                    subtrees[i] = subtree;
                    if (walk.Expected is { } expected && !(expected.TryGetValue(path, out var digest) && digest == subtree.Digest))
                    {
                        walk.Changed = true;
                        loop.Stop();
                    }
                }

                return worker;
            },
            worker => worker.Hash.Dispose());

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
    /// <remarks>
    /// <see cref="Expected"/>: the digests of an earlier walk's subfolders of the roots, which this walk stops at the first
    /// difference from (<see cref="Changed"/>); <see cref="Digests"/> takes this walk's, on the walk's own thread.
    /// </remarks>
    private sealed record WalkState(DateTime NowUtc, FolderListings? Known, bool Collect, IReadOnlyDictionary<string, string>? Expected, Dictionary<string, string>? Digests)
    {
        private volatile bool _changed;

        /// <summary>A subfolder's digest differs from (or is missing in) <see cref="Expected"/>. Set by any walking thread.</summary>
        public bool Changed
        {
            get => _changed;
            set => _changed = value;
        }
    }

    /// <summary>A folder a walk listed, with its entries and the listing to keep for the next walk (or null).</summary>
    private sealed record ListedFolder(string Folder, TreeListing.Entry[] Entries, FolderListing? Keep);

    /// <summary>
    /// What the walk of one subtree produced: its fingerprint text (until <see cref="Seal"/> turns it into
    /// <see cref="Digest"/>), and the folders it listed with their entries and the listing to keep (or null).
    /// </summary>
    private sealed class Subtree(StringBuilder text)
    {
        public StringBuilder Text { get; } = text;

        /// <summary>The SHA-256 of the text (lowercase hex), once sealed.</summary>
        public string? Digest { get; private set; }

        public List<ListedFolder> Folders { get; } = new();

        /// <summary>
        /// Hashes the text into <see cref="Digest"/> with <paramref name="hash"/> (left ready for the next) and clears it
        /// for the next subtree: a large tree's text is never held at once, and <see cref="Text"/> is not read again.
        /// </summary>
        public void Seal(Sha256Hex.Incremental hash)
        {
            hash.Append(Text);
            Digest = hash.Finish();
            Text.Clear();
        }
    }

    /// <summary>What one thread of <see cref="WalkSubfolders"/> reuses from one subtree to the next.</summary>
    private sealed class Worker
    {
        public Sha256Hex.Incremental Hash { get; } = new();

        public StringBuilder Text { get; } = new(4096);
    }

    /// <summary>Appends the entry's mode as <c>|</c> and its decimal digits (nothing where unknown to the runtime, <c>|unknown</c> where unreadable).</summary>
    private static StringBuilder AppendMode(StringBuilder text, TreeListing.Entry entry) =>
        entry.Unknown ? text.Append("|unknown") : entry.Mode < 0 ? text : text.Append('|').Append(entry.Mode);
}
