namespace MetaIssue.Testing;

/// <summary>Finds the root of the MetaIssue checkout that the running tests or benchmark were built from.</summary>
public static class RepositoryRoot
{
    /// <summary>The file that marks the root: the solution every project of the repository belongs to.</summary>
    public const string Marker = "MetaIssue.slnx";

    private static readonly Lazy<string> Found = new(() => Find(AppContext.BaseDirectory, Directory.GetCurrentDirectory()));

    /// <summary>
    /// The absolute path of the first folder holding <see cref="Marker"/> above the running program, else above the
    /// current folder. Throws <see cref="DirectoryNotFoundException"/> (on first use) when neither has one.
    /// </summary>
    public static string Path => Found.Value;

    /// <summary>The absolute path of <paramref name="relativePath"/> ('/'-separated) below the root.</summary>
    public static string PathTo(string relativePath) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relativePath));

    /// <summary>The first folder, from each start folder upwards, that holds <see cref="Marker"/>.</summary>
    public static string Find(params string[] startFolders)
    {
        foreach (var start in startFolders)
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(folder.FullName, Marker)))
                {
                    return folder.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder above {string.Join(" or ", startFolders)} holds {Marker}: run from inside the MetaIssue checkout.");
    }
}
