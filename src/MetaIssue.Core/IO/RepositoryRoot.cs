namespace MetaIssue.IO;

/// <summary>Where a git repository starts: the nearest folder, at or above a start folder, that holds <c>.git</c>.</summary>
public static class RepositoryRoot
{
    /// <summary>
    /// The nearest folder at or above <paramref name="startDirectory"/> (absolute, or relative to the current
    /// directory) holding a <c>.git</c> folder, or a <c>.git</c> file as worktrees and submodules have; null when there
    /// is none. The same test the build's targets use to find the root. Reads only folder listings; never throws for a
    /// missing start folder.
    /// </summary>
    public static string? Find(string startDirectory)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(startDirectory)); folder is not null; folder = folder.Parent)
        {
            var git = Path.Combine(folder.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
