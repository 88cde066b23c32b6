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

    /// <summary>
    /// <c>Normalize(Path.Combine(folder, relative))</c> for a '/'-separated <paramref name="relative"/> path, built in one
    /// pass: '.' and empty segments dropped, '..' taking off the last segment (never the root), one string allocated
    /// where <see cref="Path.GetFullPath(string)"/> makes several; <see cref="CombineOrNull"/> uses it for every link of
    /// a tree (600,000 at 10,000 meta-issues). <paramref name="folder"/> must be a full path as <see cref="Normalize"/>
    /// gives it. Null where the answer could differ from <see cref="Path.GetFullPath(string)"/>'s, and the caller takes
    /// that way: on Windows (which trims trailing dots and spaces, and has drive-relative and device paths), for a folder
    /// that is not rooted, for a rooted <paramref name="relative"/>, and for a NUL character (which the framework refuses).
    /// </summary>
    internal static string? CombineNormalized(string folder, string relative)
    {
        if (Path.DirectorySeparatorChar != '/' || folder.Length == 0 || folder[0] != '/' || (relative.Length > 0 && relative[0] == '/') || relative.IndexOf('\0') >= 0)
        {
            return null;
        }

        var builder = t_combined ??= new System.Text.StringBuilder(256);
        builder.Clear();
        // The root is kept as "/"; any other folder without its trailing separator, as Normalize leaves it.
        builder.Append(folder, 0, folder.Length > 1 && folder[folder.Length - 1] == '/' ? folder.Length - 1 : folder.Length);
        var start = 0;
        while (start <= relative.Length)
        {
            var end = relative.IndexOf('/', start);
            if (end < 0)
            {
                end = relative.Length;
            }

            var length = end - start;
            if (length == 2 && relative[start] == '.' && relative[start + 1] == '.')
            {
                // Up one folder, but not above the root.
                var last = builder.Length - 1;
                while (last > 0 && builder[last] != '/')
                {
                    last--;
                }

                builder.Length = Math.Max(last, 1);
            }
            else if (length > 0 && !(length == 1 && relative[start] == '.'))
            {
                if (builder.Length > 1)
                {
                    builder.Append('/');
                }

                builder.Append(relative, start, length);
            }

            start = end + 1;
        }

        return builder.ToString();
    }

    [ThreadStatic]
    private static System.Text.StringBuilder? t_combined;

    /// <summary>
    /// <c>Normalize(Path.Combine(folder, relative))</c> for a link's '/'-separated <paramref name="relative"/> path: the
    /// answer of <see cref="CombineNormalized"/> where it has one, else the framework's; null when the path is not one
    /// this system accepts (a NUL character, which <c>%00</c> decodes to; on .NET Framework also <c>|</c>, <c>&lt;</c>,
    /// <c>&gt;</c> and the like), so the link leads nowhere. Never throws: link paths are whatever a document wrote.
    /// </summary>
    internal static string? CombineOrNull(string folder, string relative)
    {
        if (CombineNormalized(folder, relative) is { } combined)
        {
            return combined;
        }

        try
        {
            return Normalize(Path.Combine(folder, relative.Replace('/', Path.DirectorySeparatorChar)));
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
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
