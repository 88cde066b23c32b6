namespace MetaIssue.IO;

/// <summary>Path arithmetic the checker needs on every target framework (netstandard2.0 has no Path.GetRelativePath).</summary>
public static class PathText
{
    private static readonly StringComparison Comparison =
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>A full path without a trailing separator (except for a file system root).</summary>
    public static string Normalize(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        return full.Length > root.Length ? full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : full;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies below it.</summary>
    public static bool IsUnder(string folder, string path)
    {
        if (!path.StartsWith(folder, Comparison))
        {
            return false;
        }

        return path.Length == folder.Length
            || path[folder.Length] == Path.DirectorySeparatorChar
            || folder.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The path from <paramref name="fromFolder"/> to <paramref name="toPath"/>, '/'-separated, as a Markdown link wants it.</summary>
    public static string RelativeLink(string fromFolder, string toPath)
    {
        var from = Split(Normalize(fromFolder));
        var to = Split(Normalize(toPath));
        var common = 0;
        while (common < from.Length && common < to.Length && string.Equals(from[common], to[common], Comparison))
        {
            common++;
        }

        if (common == 0)
        {
            return toPath.Replace('\\', '/');
        }

        var parts = Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common)).ToArray();
        return parts.Length == 0 ? "." : string.Join("/", parts);
    }

    /// <summary>The repository-relative, '/'-separated form of a path, for messages and SARIF.</summary>
    public static string FromRoot(string root, string path) =>
        IsUnder(root, path) ? path.Substring(root.Length).TrimStart('/', '\\').Replace('\\', '/') : path.Replace('\\', '/');

    private static string[] Split(string path) =>
        path.Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);
}
