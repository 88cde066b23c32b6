namespace MetaIssue.Testing;

/// <summary>
/// Where the unit tests put their throw-away trees. The suite creates and deletes tens of thousands of small files;
/// on ext4 each new inode is checked against recently deleted ones, which cost the suite about 6 s of kernel time on
/// a 2-core machine. A memory-backed filesystem (Linux's <c>/dev/shm</c>, tmpfs) has the file semantics the unit
/// tests rely on (symbolic links, Unix modes, nanosecond write times) without that cost. The end-to-end tests keep
/// their trees on the disk's temporary folder, where users' repositories are.
/// </summary>
public static class ScratchFolder
{
    /// <summary>The variable that names the base folder explicitly (it is created when missing).</summary>
    public const string Variable = "METAISSUE_TEST_SCRATCH";

    private const string MemoryBacked = "/dev/shm";

    private static readonly Lazy<string> Found = new(Choose);

    /// <summary>
    /// The absolute base folder: <see cref="Variable"/> when set, else <c>/dev/shm/metaissue-tests</c> when that
    /// folder can be written, else <c>metaissue-tests</c> in <see cref="Path.GetTempPath"/>.
    /// </summary>
    public static string Base => Found.Value;

    /// <summary>A new, empty, uniquely named folder below <see cref="Base"/> (<paramref name="prefix"/> then 32 hex digits); the caller deletes it.</summary>
    public static string Create(string prefix) =>
        Directory.CreateDirectory(Path.Combine(Base, prefix + Guid.NewGuid().ToString("N"))).FullName;

    private static string Choose()
    {
        var named = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(named))
        {
            return Directory.CreateDirectory(named).FullName;
        }

        if (Directory.Exists(MemoryBacked))
        {
            try
            {
                var folder = Directory.CreateDirectory(Path.Combine(MemoryBacked, "metaissue-tests")).FullName;
                var probe = Path.Combine(folder, ".probe-" + Guid.NewGuid().ToString("N"));
                File.WriteAllBytes(probe, Array.Empty<byte>());
                File.Delete(probe);
                return folder;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Not writable here (a container without /dev/shm rights): the disk's temporary folder will do.
            }
        }

        return Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "metaissue-tests")).FullName;
    }
}
