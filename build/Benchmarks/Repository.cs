namespace MetaIssue.Benchmarks;

internal static class Repository
{
    /// <summary>This repository's root: the first folder above the program that holds src/MetaIssue.Build.</summary>
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "src", "MetaIssue.Build", "MetaIssue.Build.csproj")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException("cannot find the MetaIssue repository (src/MetaIssue.Build) above the program or the current folder");
    }

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
