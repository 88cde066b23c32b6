using System.Text;

namespace MetaIssue.IO;

/// <summary>
/// Reads a Markdown file the way the checker can trust it: size-capped, strictly UTF-8 (a BOM is dropped), no NUL
/// bytes. Anything else becomes a problem message instead of an exception.
/// </summary>
internal static class FileContent
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text, or why not: missing, a folder, over <paramref name="maxBytes"/>, not UTF-8, binary, unreadable.</summary>
    /// <param name="maxBytes">The largest file read, in bytes: MetaIssueMaxFileSize, unless <paramref name="ceiling"/>.</param>
    /// <param name="ceiling">The limit is the checker's own ceiling, lower than MetaIssueMaxFileSize: said so, as raising the setting does not help.</param>
    public static FileRead Read(string path, long maxBytes, bool ceiling = false)
    {
        var limit = ceiling
            ? $"the {Size(maxBytes)} the checker reads of any file, whatever MetaIssueMaxFileSize says"
            : $"the {Size(maxBytes)} limit (MetaIssueMaxFileSize)";
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Directory.Exists(path)
                    ? FileRead.Failed("is a folder where a Markdown file is expected; rename or remove it")
                    : FileRead.FailedForNow("cannot be read: it is a broken symbolic link, or was removed while checking");
            }

            if (info.Length > maxBytes)
            {
                return FileRead.Failed(
                    $"is {Size(info.Length)}, over {limit}; it was not checked: split it{(ceiling ? string.Empty : " or raise the limit")}");
            }

            // Pipes and devices report a length of 0, and opening or reading them can block or never end: a file of
            // length 0 is read as empty without being opened, which is also exactly right for an empty file.
            if (info.Length == 0)
            {
                return FileRead.Succeeded(string.Empty);
            }

            var bytes = ReadAtMost(path, maxBytes);
            return bytes is null
                ? FileRead.FailedForNow($"gave more than {limit} when read (it grew, or it is a device); it was not checked")
                : Decode(bytes);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            // Listed but gone when opened: a link whose target does not exist, or a file removed meanwhile.
            return FileRead.FailedForNow("cannot be read: it is a broken symbolic link, or was removed while checking");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException or ArgumentException)
        {
            return FileRead.FailedForNow($"cannot be read ({exception.GetType().Name}: {OneLine(exception.Message)}); check its permissions");
        }
    }

    /// <summary>The file's bytes, or null when it holds more than <paramref name="maxBytes"/> (it may grow after the size check).</summary>
    private static byte[]? ReadAtMost(string path, long maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);

        // The usual case in one read: a regular file of the size it says, into an array of exactly that size.
        var length = stream.Length;
        if (length > 0 && length <= maxBytes)
        {
            var exact = new byte[length];
            var filled = 0;
            int got;
            while (filled < exact.Length && (got = stream.Read(exact, filled, exact.Length - filled)) > 0)
            {
                filled += got;
            }

            if (filled == exact.Length && stream.Read(new byte[1], 0, 1) == 0)
            {
                return exact;
            }

            stream.Position = 0; // it changed while being read: fall back to the bounded loop
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    internal static FileRead Decode(byte[] bytes)
    {
        if (LooksUtf16(bytes))
        {
            return FileRead.Failed("is UTF-16 encoded (as Windows PowerShell 5 writes with '>'); re-save it as UTF-8");
        }

        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            return FileRead.Failed($"contains a NUL byte at offset {nul}: it looks binary, not Markdown; save it as UTF-8 text or move it out of the docs tree");
        }

        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return FileRead.Succeeded(StrictUtf8.GetString(bytes, start, bytes.Length - start));
        }
        catch (DecoderFallbackException exception)
        {
            var where = exception.Index >= 0 ? $" (first bad byte at offset {exception.Index + start})" : string.Empty;
            return FileRead.Failed($"is not valid UTF-8{where}; re-save it as UTF-8");
        }
    }

    /// <summary>A UTF-16 byte order mark, or text whose every other byte is NUL (UTF-16 without a mark).</summary>
    private static bool LooksUtf16(byte[] bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return true;
        }

        var sample = Math.Min(bytes.Length, 512) & ~1;
        if (sample < 8)
        {
            return false;
        }

        int evenNul = 0, oddNul = 0;
        for (var i = 0; i < sample; i += 2)
        {
            evenNul += bytes[i] == 0 ? 1 : 0;
            oddNul += bytes[i + 1] == 0 ? 1 : 0;
        }

        var pairs = sample / 2;
        return (oddNul > pairs * 9 / 10 && evenNul == 0) || (evenNul > pairs * 9 / 10 && oddNul == 0);
    }

    private static string Size(long bytes)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return bytes >= 1024 * 1024
            ? (bytes / (1024.0 * 1024.0)).ToString("0.#", culture) + " MB"
            : Math.Max(1, (bytes + 512) / 1024).ToString(culture) + " KB";
    }

    internal static string OneLine(string message) => message.Replace("\r", " ").Replace("\n", " ").Trim();
}

/// <summary>The text of a file, or why it could not be had.</summary>
internal sealed class FileRead
{
    private FileRead(string? text, string? problem, bool mayPass)
    {
        Text = text;
        Problem = problem;
        ProblemMayPass = mayPass;
    }

    public string? Text { get; }

    public string? Problem { get; }

    /// <summary>
    /// The problem lies outside the file's bytes (permissions, a lock, a link or device) and may go away without the
    /// file's size or time changing: a result that depends on it must not be replayed.
    /// </summary>
    public bool ProblemMayPass { get; }

    public static FileRead Succeeded(string text) => new(text, null, false);

    public static FileRead Failed(string problem) => new(null, problem, false);

    public static FileRead FailedForNow(string problem) => new(null, problem, true);
}
