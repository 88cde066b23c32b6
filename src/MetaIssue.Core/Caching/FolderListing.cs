using System.Collections.Concurrent;

namespace MetaIssue.Caching;

/// <summary>
/// The names a folder held when it was listed (hidden ones left out, ordinal order, each marked folder or file) and
/// the folder's last write time then (UTC ticks). Creating, deleting or renaming an entry sets a folder's last write
/// time (POSIX, NTFS), so while that time is unchanged the names are still these and the folder need not be listed
/// again; each entry's own status is still read on every walk, since a file rewritten in place leaves its folder's
/// time alone. Kept only for folders whose time was outside <see cref="InputFingerprint.RacyWindow"/> when listed
/// and that held no links (a link's target may turn from file to folder without touching the folder).
/// </summary>
internal sealed class FolderListing
{
    public FolderListing(long lastWriteTicks, string[] names, bool[] isFolder)
    {
        LastWriteTicks = lastWriteTicks;
        Names = names;
        IsFolder = isFolder;
    }

    public long LastWriteTicks { get; }

    public string[] Names { get; }

    public bool[] IsFolder { get; }
}

/// <summary>The <see cref="FolderListing"/>s of one walk, by full folder path; filled from parallel walks.</summary>
internal sealed class FolderListings
{
    private readonly ConcurrentDictionary<string, FolderListing> _byFolder;

    public FolderListings()
        : this(new ConcurrentDictionary<string, FolderListing>(StringComparer.Ordinal))
    {
    }

    private FolderListings(ConcurrentDictionary<string, FolderListing> byFolder) => _byFolder = byFolder;

    public int Count => _byFolder.Count;

    /// <summary>The listing of <paramref name="folder"/> when it was taken at the same last write time, else null.</summary>
    public FolderListing? Find(string folder, DateTime lastWriteUtc) =>
        _byFolder.TryGetValue(folder, out var listing) && listing.LastWriteTicks == lastWriteUtc.Ticks ? listing : null;

    public void Add(string folder, FolderListing listing) => _byFolder[folder] = listing;

    public void Write(BinaryWriter writer)
    {
        writer.Write(_byFolder.Count);
        foreach (var pair in _byFolder)
        {
            writer.Write(pair.Key);
            writer.Write(pair.Value.LastWriteTicks);
            writer.Write(pair.Value.Names.Length);
            for (var i = 0; i < pair.Value.Names.Length; i++)
            {
                writer.Write(pair.Value.Names[i]);
                writer.Write(pair.Value.IsFolder[i]);
            }
        }
    }

    /// <exception cref="InvalidDataException">A count below zero (a corrupt file).</exception>
    public static FolderListings Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0)
        {
            throw new InvalidDataException("negative folder count");
        }

        var byFolder = new ConcurrentDictionary<string, FolderListing>(StringComparer.Ordinal);
        for (var f = 0; f < count; f++)
        {
            var folder = reader.ReadString();
            var ticks = reader.ReadInt64();
            var entries = reader.ReadInt32();
            if (entries < 0)
            {
                throw new InvalidDataException("negative entry count");
            }

            var names = new string[entries];
            var isFolder = new bool[entries];
            for (var i = 0; i < entries; i++)
            {
                names[i] = reader.ReadString();
                isFolder[i] = reader.ReadBoolean();
            }

            byFolder[folder] = new FolderListing(ticks, names, isFolder);
        }

        return new FolderListings(byFolder);
    }
}
