using MetaIssue.IO;

namespace MetaIssue.Benchmarks;

internal static class Repository
{
    /// <summary>This repository's root: the nearest git root above the program, else above the current folder.</summary>
    public static string Find() =>
        RepositoryRoot.Find(AppContext.BaseDirectory) ?? RepositoryRoot.Find(Directory.GetCurrentDirectory())
        ?? throw new InvalidOperationException("cannot find the MetaIssue repository (a folder holding .git) above the program or the current folder");

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
