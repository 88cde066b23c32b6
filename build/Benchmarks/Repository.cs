using MetaIssue.Testing;

namespace MetaIssue.Benchmarks;

internal static class Repository
{
    /// <summary>This repository's root, above the program or the current folder (see <see cref="RepositoryRoot"/>).</summary>
    public static string Find() => RepositoryRoot.Path;

    public static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.WriteLine($"  could not remove {folder}: {exception.Message}");
        }
    }
}
