namespace MetaIssue.IO;

/// <summary>
/// One folder's entries, in ordinal order of name. <see cref="List"/> gives what the build's fingerprint needs, each
/// from the listing's own entry data: one status call per entry (none for hidden entries, which every walk skips), no
/// second look at a path. <see cref="Names"/> gives names and kinds only, for a walk that reads no status.
/// </summary>
internal static class TreeListing
{
    /// <summary>
    /// An entry: its name, kind, and (when <see cref="HasStatus"/>) its size (bytes), last write time (UTC) and mode.
    /// A value, so a folder's entries are one array: a build keeps a tree's (<see cref="TreeSnapshot"/>) at the cost
    /// of one object per folder, not several per file, for the garbage collector to move. Kept in plain arrays and
    /// walked with loops: generic framework code over a value type of this assembly is not precompiled.
    /// </summary>
    internal struct Entry
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

        /// <summary>Whether <see cref="Length"/>, <see cref="LastWriteUtc"/> and <see cref="Mode"/> were read: not for hidden entries, nor in <see cref="Names"/>.</summary>
        public bool HasStatus { get; set; }
    }

    /// <summary>
    /// The names and kinds of <paramref name="folder"/>'s entries, without a status call per file; folders are looked
    /// at once, to tell a folder link (<see cref="Entry.IsLink"/>).
    /// </summary>
    /// <exception cref="IOException">The folder cannot be listed (also <see cref="UnauthorizedAccessException"/>, <see cref="System.Security.SecurityException"/>).</exception>
    public static Entry[] Names(string folder)
    {
        var infos = Sorted(new DirectoryInfo(folder).GetFileSystemInfos());
        var entries = new Entry[infos.Length];
        for (var i = 0; i < infos.Length; i++)
        {
            var isFolder = infos[i] is DirectoryInfo;
            entries[i] = new Entry(infos[i].Name, isFolder) { IsLink = isFolder && (infos[i].Attributes & FileAttributes.ReparsePoint) != 0 };
        }

        return entries;
    }

    /// <summary>The entries of <paramref name="folder"/> (a full path) in ordinal order of name; null when it cannot be listed or is absent.</summary>
    public static Entry[]? List(string folder)
    {
        FileSystemInfo[] infos;
        try
        {
            infos = Sorted(new DirectoryInfo(folder).GetFileSystemInfos());
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return null;
        }

        var entries = new Entry[infos.Length];
        for (var i = 0; i < infos.Length; i++)
        {
            // On .NET the listing's entries carry their status: one status call each, none for hidden ones.
            entries[i] = infos[i].Name.StartsWith(".", StringComparison.Ordinal)
                ? new Entry(infos[i].Name, infos[i] is DirectoryInfo)
                : Describe(infos[i], name: null);
        }

        return entries;
    }

    /// <summary>
    /// The entries <paramref name="names"/> (each a folder where <paramref name="isFolder"/> says so), each looked up
    /// by path (one status call each, as in a listing), in their order; for a folder whose entries are known not to
    /// have changed since they were listed.
    /// </summary>
    public static Entry[] Known(string folder, string[] names, bool[] isFolder)
    {
        var entries = new Entry[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var path = folder + Path.DirectorySeparatorChar + names[i];
            entries[i] = Describe(isFolder[i] ? new DirectoryInfo(path) : new FileInfo(path), names[i]);
        }

        return entries;
    }

    /// <summary>
    /// <paramref name="infos"/> in ordinal order of name. Sorted as objects, not as <see cref="Entry"/> values: the
    /// framework's collections over this value type have no precompiled code, and a fresh build process would
    /// JIT-compile a sort, a list and an enumerator for it (about 100 methods).
    /// </summary>
    private static FileSystemInfo[] Sorted(FileSystemInfo[] infos)
    {
        Array.Sort(infos, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return infos;
    }

    /// <summary>The entry of <paramref name="info"/>, whose status is read once (the listing's own, on .NET), named <paramref name="name"/> when given (a string already kept), else by <paramref name="info"/>.</summary>
    private static Entry Describe(FileSystemInfo info, string? name)
    {
        var entry = new Entry(name ?? info.Name, info is DirectoryInfo);
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
            entry.HasStatus = true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            entry.Unknown = true;
        }

        return entry;
    }
}
