namespace MetaIssue.Reporting;

public enum MarkedSectionOutcome
{
    Created,
    Updated,
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
    public const string Start = "<!-- metaissue:overview:start -->";
    public const string End = "<!-- metaissue:overview:end -->";

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
