namespace MetaIssue.Reporting;

/// <summary>What <see cref="MarkedSection.Write"/> did to the file.</summary>
public enum MarkedSectionOutcome
{
    /// <summary>The file did not exist: written with a title and the markers around the content.</summary>
    Created,
    /// <summary>The text between the markers was replaced; everything around them kept byte for byte.</summary>
    Updated,
    /// <summary>The markers already held the content: nothing written.</summary>
    Unchanged,
    /// <summary>The file exists without the markers: nothing written, the user decides where the overview goes.</summary>
    MissingMarkers,
}

/// <summary>
/// Writes generated content into a Markdown file only between two HTML comments it owns, so everything a person
/// wrote around them survives. A file without the markers is never touched.
/// </summary>
public static class MarkedSection
{
    /// <summary>The line that opens the generated section.</summary>
    public const string Start = "<!-- metaissue:overview:start -->";
    /// <summary>The line that closes the generated section.</summary>
    public const string End = "<!-- metaissue:overview:end -->";

    /// <summary>The advice shown when a file lacks the markers (<see cref="MarkedSectionOutcome.MissingMarkers"/>).</summary>
    public static string HowToAddMarkers =>
        $"add the two lines '{Start}' and '{End}' where the overview should go";

    /// <summary>The text currently between the markers, or null when the file or its markers are missing.</summary>
    public static string? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path);
        return Locate(text) is var (from, to) ? text.Substring(from, to - from) : null;
    }

    /// <summary>Puts <paramref name="content"/> (line ends normalised to <c>\n</c>) between the markers of the file at
    /// <paramref name="path"/>, creating the file with the heading <paramref name="title"/> when it is missing. Writes
    /// atomically and only when the content differs; a file without both markers is left alone. Not safe against
    /// another writer of the same file at the same moment (the last rename wins).</summary>
    /// <exception cref="IOException">The file cannot be read or written.</exception>
    public static MarkedSectionOutcome Write(string path, string content, string title)
    {
        var body = "\n" + content.Replace("\r\n", "\n").TrimEnd('\n') + "\n";
        if (!File.Exists(path))
        {
            WriteAtomically(path, $"# {title}\n\n{Start}{body}{End}\n");
            return MarkedSectionOutcome.Created;
        }

        var text = File.ReadAllText(path);
        if (Locate(text) is not var (from, to))
        {
            return MarkedSectionOutcome.MissingMarkers;
        }

        if (text.Substring(from, to - from) == body)
        {
            return MarkedSectionOutcome.Unchanged;
        }

        WriteAtomically(path, text.Substring(0, from) + body + text.Substring(to));
        return MarkedSectionOutcome.Updated;
    }

    /// <summary>Is the overview in the file different from <paramref name="content"/>? (False when there is no file or markers.)</summary>
    public static bool IsStale(string path, string content)
    {
        var current = Read(path);
        return current is not null && current != "\n" + content.Replace("\r\n", "\n").TrimEnd('\n') + "\n";
    }

    private static (int From, int To)? Locate(string text)
    {
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf(End, start + Start.Length, StringComparison.Ordinal);
        return start < 0 || end < 0 ? null : (start + Start.Length, end);
    }

    private static void WriteAtomically(string path, string text)
    {
        var bytes = new System.Text.UTF8Encoding(false).GetBytes(text);
        IO.AtomicFile.Write(path, stream => stream.Write(bytes, 0, bytes.Length));
    }
}
