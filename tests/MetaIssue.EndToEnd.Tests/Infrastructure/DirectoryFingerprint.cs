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
            foreach (var folder in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories))
            {
                entries[RelativePath(root, folder) + "/"] = FolderMarker;
            }

            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                entries[RelativePath(root, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
            }
        }

        return new DirectoryFingerprint(root, entries);
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
