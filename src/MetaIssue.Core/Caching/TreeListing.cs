namespace MetaIssue.Caching;

/// <summary>
/// One folder's entries as the fingerprint needs them, each from the listing's own entry data: one status call per
/// entry (none for hidden entries, which the fingerprint skips), no second look at a path.
/// </summary>
internal static class TreeListing
{
    /// <summary>An entry: its name, kind, and for one not hidden its size (bytes), last write time (UTC) and mode.</summary>
    internal sealed class Entry
    {
        public Entry(string name, bool isFolder)
        {
            Name = name;
            IsFolder = isFolder;
        }

        public string Name { get; }

        public bool IsFolder { get; }

        /// <summary>A link (symbolic link, junction); a folder that is one is listed as such, never entered.</summary>
        public bool IsLink { get; set; }

        public long Length { get; set; }

        public DateTime LastWriteUtc { get; set; }

        /// <summary>Unix permission bits; -1 where the runtime does not tell them (Windows, netstandard2.0).</summary>
        public int Mode { get; set; } = -1;

        /// <summary>Gone between the listing and its status (deleted meanwhile).</summary>
        public bool Absent { get; set; }

        /// <summary>Its status could not be read (permissions, I/O error).</summary>
        public bool Unknown { get; set; }
    }

    /// <summary>The entries of <paramref name="folder"/> (a full path) in ordinal order of name; null when it cannot be listed or is absent.</summary>
    public static List<Entry>? List(string folder)
    {
        List<Entry> entries;
        try
        {
#if NET
            var options = new EnumerationOptions { IgnoreInaccessible = false, AttributesToSkip = 0, RecurseSubdirectories = false };
            entries = new System.IO.Enumeration.FileSystemEnumerable<Entry>(folder, (ref System.IO.Enumeration.FileSystemEntry entry) =>
                entry.FileName.Length > 0 && entry.FileName[0] == '.'
                    ? new Entry(entry.FileName.ToString(), entry.IsDirectory)
                    : Describe(entry.ToFileSystemInfo()), options).ToList();
#else
            entries = new DirectoryInfo(folder).GetFileSystemInfos()
                .Select(info => info.Name.StartsWith(".", StringComparison.Ordinal) ? new Entry(info.Name, info is DirectoryInfo) : Describe(info))
                .ToList();
#endif
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return null;
        }

        entries.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return entries;
    }

    /// <summary>
    /// The entries named in <paramref name="listing"/>, each looked up by path (one status call each, as in a
    /// listing), in its order; for a folder whose entries are known not to have changed since they were listed.
    /// </summary>
    public static List<Entry> Known(string folder, FolderListing listing)
    {
        var entries = new List<Entry>(listing.Names.Length);
        for (var i = 0; i < listing.Names.Length; i++)
        {
            var path = folder + Path.DirectorySeparatorChar + listing.Names[i];
            entries.Add(Describe(listing.IsFolder[i] ? new DirectoryInfo(path) : new FileInfo(path)));
        }

        return entries;
    }

    /// <summary>The entry of <paramref name="info"/>, whose status is read once (the listing's own, on .NET).</summary>
    private static Entry Describe(FileSystemInfo info)
    {
        var entry = new Entry(info.Name, info is DirectoryInfo);
        try
        {
            if (!info.Exists)
            {
                entry.Absent = true;
                return entry;
            }

            entry.IsLink = (info.Attributes & FileAttributes.ReparsePoint) != 0;
            entry.LastWriteUtc = info.LastWriteTimeUtc;
            if (info is FileInfo file)
            {
                entry.Length = file.Length;
            }

#if NET7_0_OR_GREATER
            entry.Mode = OperatingSystem.IsWindows() ? -1 : (int)info.UnixFileMode;
#endif
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            entry.Unknown = true;
        }

        return entry;
    }
}
