using System.Text;
using MetaIssue.Diagnostics;
using MetaIssue.Rules;
using MetaIssue.Text;

namespace MetaIssue.Caching;

/// <summary>
/// The binary layout and the failure policy both cache files under obj/ share: a 4-byte magic number, a stamp naming
/// the checker build that wrote the file, then the body. A missing, foreign, truncated or corrupt file reads as null;
/// a write goes through <see cref="IO.AtomicFile"/> and reports failure as false. Neither ever throws: a cache only
/// saves time.
/// </summary>
internal static class CacheFile
{
    /// <summary>
    /// A stamp for files written by this build of the checker: what another build wrote may mean something else.
    /// </summary>
    public static readonly string Stamp = "v1/" + typeof(CacheFile).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>
    /// The body of the file at <paramref name="path"/> read by <paramref name="readBody"/>, or null when the file is
    /// missing, has another magic number or stamp, or cannot be read to the end of the body.
    /// </summary>
    public static T? Read<T>(string path, int magic, Func<BinaryReader, T> readBody)
        where T : class
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            return reader.ReadInt32() == magic && reader.ReadString() == Stamp ? readBody(reader) : null;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return null; // truncated, corrupt or unreadable: the caller starts afresh
        }
    }

    /// <summary>
    /// The bytes of the file at <paramref name="path"/> and where its body starts, or null when the file is missing,
    /// unreadable or has another magic number or stamp. For files read as one buffer rather than through a reader.
    /// </summary>
    public static byte[]? ReadAll(string path, int magic, out int bodyStart)
    {
        bodyStart = 0;
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            byte[] bytes;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1))
            {
                bytes = new byte[stream.Length];
                var read = 0;
                while (read < bytes.Length && stream.Read(bytes, read, bytes.Length - read) is var n and > 0)
                {
                    read += n;
                }

                if (read < bytes.Length)
                {
                    return null; // shortened while read
                }
            }

            var header = HeaderOf(magic);
            if (bytes.Length < header.Length || !bytes.AsSpan(0, header.Length).SequenceEqual(header))
            {
                return null;
            }

            bodyStart = header.Length;
            return bytes;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return null; // unreadable: the caller starts afresh
        }
    }

    /// <summary>The bytes <see cref="Write"/> puts before the body: magic and stamp.</summary>
    public static byte[] HeaderOf(int magic)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(magic);
            writer.Write(Stamp);
        }

        return stream.ToArray();
    }

    /// <summary>Writes magic, stamp and body atomically; false when the file could not be written.</summary>
    public static bool Write(string path, int magic, Action<BinaryWriter> writeBody)
    {
        try
        {
            IO.AtomicFile.Write(path, stream =>
            {
                using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
                writer.Write(magic);
                writer.Write(Stamp);
                writeBody(writer);
            });
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    public static void WriteList<T>(BinaryWriter writer, IReadOnlyList<T> items, Action<BinaryWriter, T> write)
    {
        writer.Write(items.Count);
        foreach (var item in items)
        {
            write(writer, item);
        }
    }

    /// <summary>
    /// A list written by <see cref="WriteList"/>. Every item takes at least one byte, so a count above the bytes left
    /// is corruption (<see cref="InvalidDataException"/>) rather than a reason to allocate.
    /// </summary>
    public static IReadOnlyList<T> ReadList<T>(BinaryReader reader, Func<BinaryReader, T> read)
    {
        var count = reader.ReadInt32();
        var stream = reader.BaseStream;
        if (count < 0 || count > stream.Length - stream.Position)
        {
            throw new InvalidDataException("corrupt list length");
        }

        var items = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(read(reader));
        }

        return items;
    }

    public static void WriteRange(BinaryWriter writer, SourceRange range)
    {
        writer.Write(range.Line);
        writer.Write(range.Column);
        writer.Write(range.EndLine);
        writer.Write(range.EndColumn);
    }

    public static SourceRange ReadRange(BinaryReader reader) =>
        new(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());

    /// <summary>A finding's code, file, range and message (not its fix).</summary>
    public static void WriteDiagnostic(BinaryWriter writer, Diagnostic diagnostic)
    {
        writer.Write(diagnostic.Code);
        writer.Write(diagnostic.FilePath);
        writer.Write(diagnostic.Range.HasValue);
        if (diagnostic.Range is { } range)
        {
            WriteRange(writer, range);
        }

        writer.Write(diagnostic.Message);
    }

    /// <summary>A finding written by <see cref="WriteDiagnostic"/>; <see cref="InvalidDataException"/> for a code no rule has.</summary>
    public static Diagnostic ReadDiagnostic(BinaryReader reader)
    {
        var code = reader.ReadString();
        var rule = RuleCatalog.Find(code) ?? throw new InvalidDataException($"unknown rule {code}");
        var file = reader.ReadString();
        SourceRange? range = reader.ReadBoolean() ? ReadRange(reader) : null;
        return new Diagnostic(rule, file, range, reader.ReadString());
    }
}
