using System.Security.Cryptography;

namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>
/// Every folder and a SHA-256 of every file below a root, by relative path ('/' separated, folders end with '/').
/// Taken before and after a command, it proves the command changed nothing, or tells exactly what it added.
/// </summary>
public sealed class DirectoryFingerprint
{
    private const string FolderMarker = "<folder>";

    private readonly IReadOnlyDictionary<string, string> entries;

    private DirectoryFingerprint(string root, IReadOnlyDictionary<string, string> entries)
    {
        Root = root;
        this.entries = entries;
    }

    public string Root { get; }

    public static DirectoryFingerprint Take(string root)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(root))
        {
            Walk(root, new DirectoryInfo(root), entries);
        }

        return new DirectoryFingerprint(root, entries);
    }

    /// <summary>
    /// Safe on hostile trees: links are recorded by their target and never followed (loops, /dev/zero), files of
    /// length 0 are never opened (pipes block), unreadable files are recorded as such.
    /// </summary>
    private static void Walk(string root, DirectoryInfo folder, IDictionary<string, string> entries)
    {
        foreach (var entry in folder.EnumerateFileSystemInfos())
        {
            var path = RelativePath(root, entry.FullName);
            if (entry.LinkTarget is { } target)
            {
                entries[path] = "<link to " + target + ">";
            }
            else if (entry is DirectoryInfo subfolder)
            {
                entries[path + "/"] = FolderMarker;
                Walk(root, subfolder, entries);
            }
            else
            {
                entries[path] = Hash((FileInfo)entry);
            }
        }
    }

    private static string Hash(FileInfo file)
    {
        if (file.Length == 0)
        {
            return "<empty>";
        }

        try
        {
            using var stream = file.OpenRead();
            return Convert.ToHexString(SHA256.HashData(stream));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "<unreadable: " + file.Length + " bytes, " + File.GetLastWriteTimeUtc(file.FullName).Ticks + ">";
        }
    }

    public Difference DiffFrom(DirectoryFingerprint before) => new(
        Added: entries.Keys.Except(before.entries.Keys).ToList(),
        Removed: before.entries.Keys.Except(entries.Keys).ToList(),
        Changed: entries.Where(entry => before.entries.TryGetValue(entry.Key, out var hash) && hash != entry.Value)
            .Select(entry => entry.Key)
            .ToList());

    public void AssertUnchangedSince(DirectoryFingerprint before, string context = "")
    {
        var difference = DiffFrom(before);
        Assert.True(difference.IsEmpty, $"Expected no change below {Root}, found:\n{difference}\n{context}");
    }

    private static string RelativePath(string root, string path) =>
        Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>Relative paths (sorted, folders ending with '/') that appeared, disappeared or changed content.</summary>
    public sealed record Difference(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed)
    {
        public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;

        public IReadOnlyList<string> AddedFiles => Added.Where(path => !path.EndsWith('/')).ToList();

        public override string ToString() => string.Join('\n',
            Added.Select(path => $"added   {path}")
                .Concat(Removed.Select(path => $"removed {path}"))
                .Concat(Changed.Select(path => $"changed {path}")));
    }
}
