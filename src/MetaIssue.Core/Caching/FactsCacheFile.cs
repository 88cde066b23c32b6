using System.Collections.Concurrent;
using System.Security.Cryptography;
using MetaIssue.Markdown;
using MetaIssue.Scanning;

namespace MetaIssue.Caching;

/// <summary>
/// The between-builds cache: one file under obj/ mapping each Markdown file (path, size, last write time) to its
/// parsed facts. It only ever speeds things up: any failure to read or write it is swallowed.
/// </summary>
/// <remarks>
/// Layout: the <see cref="CacheFile"/> header, a random file id, then records (<see cref="FactsSerializer"/>), each
/// preceded by its length and a checksum of the file id, its ordinal and its bytes. A build that parsed a few files
/// appends one record holding them, so an edit costs a write of its own entries, not of the whole cache; a later entry
/// for a path replaces an earlier one. The file is rewritten whole (atomically, under a new id) when it was missing,
/// foreign or damaged, or when entries no longer used (replaced, or of files gone) make up more than half of it.
/// Opening reads the file into one buffer and indexes the entries without decoding their facts: <see cref="Find"/>
/// hands out a decoder for an entry whose file's size and time still match, and the facts are decoded when first
/// needed (an incremental check needs few); the buffer lives as long as an undecoded entry does. A record
/// that is cut short, fails its checksum, belongs to another file id or stands at another ordinal (two builds
/// appending at once, garbage after the end) is not trusted, nor is anything after it; the next save rewrites the file.
/// </remarks>
internal sealed class FactsCacheFile : IFactsCache
{
    public const string FileName = "facts.cache";
    // The layout's version: "MIF3" (checksummed records, appended). Files of another layout, such as "MIF2" (one
    // body, strings numbered across it) and the first, "MIFC", read as no cache.
    private const int Magic = 0x3346494D;
    private const int IdBytes = 16;
    private const int ChecksumBytes = 8;
    private const int RecordHeaderBytes = 4 + ChecksumBytes;

    private readonly string _path;
    private readonly DateTime _openedUtc = DateTime.UtcNow;
    private Dictionary<string, IndexedEntry> _previous;
    // Which entries of the file this run used (by Index): a flag per entry, not a set of paths, as a check after one
    // edit finds some 17,000 of them at 1,000 meta-issues. Used entries are what a rewrite keeps.
    private int[] _used;
    private ConcurrentDictionary<string, Saved> _parsed = new(StringComparer.Ordinal);
    private readonly Loaded? _loaded;
    private bool? _saved;
    private int _hits;
    private int _misses;
    private int _decoded;
    private int _undecodable;
    private long _liveBytes;

    private FactsCacheFile(string directory, Dictionary<string, IndexedEntry> previous, Loaded? loaded)
    {
        _path = Path.Combine(directory, FileName);
        _previous = previous;
        _used = new int[previous.Count];
        _loaded = loaded;
    }

    /// <summary>How many files this run took from the cache, and how many it had to parse.</summary>
    public int Hits => _hits;

    public int Misses => _misses;

    /// <summary>How many of the <see cref="Hits"/> had their facts decoded because something asked for them (a rewrite's own decoding is not counted).</summary>
    public int Decoded => _decoded;

    public static FactsCacheFile Open(string directory)
    {
        var path = Path.Combine(directory, FileName);
        var previous = new Dictionary<string, IndexedEntry>(StringComparer.Ordinal);
        var bytes = CacheFile.ReadAll(path, Magic, out var position);
        if (bytes is null || bytes.Length - position < IdBytes)
        {
            return new FactsCacheFile(directory, previous, null);
        }

        var id = new byte[IdBytes];
        Buffer.BlockCopy(bytes, position, id, 0, IdBytes);
        position += IdBytes;
        var idEnd = position;
        var records = 0;
        var entryBytes = 0L;
        var read = new List<(string Path, FactsSerializer.Entry Entry)>();
        while (bytes.Length - position >= RecordHeaderBytes)
        {
            var length = BitConverter.ToInt32(bytes, position);
            var start = position + RecordHeaderBytes;
            if (length < 0 || length > bytes.Length - start || !Checksum(id, records, bytes, start, length).AsSpan().SequenceEqual(bytes.AsSpan(position + 4, ChecksumBytes)))
            {
                break;
            }

            read.Clear();
            try
            {
                FactsSerializer.Record.Read(bytes, start, start + length, read);
            }
            catch (InvalidDataException)
            {
                break;
            }

            // Each entry weighs an equal share of its record, string table and framing included.
            var weight = read.Count == 0 ? 0 : (RecordHeaderBytes + length) / read.Count;
            foreach (var (file, entry) in read)
            {
                // A later record's entry replaces an earlier one, under its index; a new path gets the next index.
                previous[file] = new IndexedEntry(entry, weight, previous.TryGetValue(file, out var earlier) ? earlier.Index : previous.Count);
            }

            entryBytes += weight * read.Count;

            records++;
            position = start + length;
        }

        var loaded = new Loaded(id, idEnd, position, records, Intact: position == bytes.Length, entryBytes);
        return new FactsCacheFile(directory, previous, loaded);
    }

    public Func<MarkdownFacts?>? Find(string fullPath, long length, DateTime lastWriteTimeUtc)
    {
        if (_previous.TryGetValue(fullPath, out var found) && found.Entry is var entry && entry.Length == length && entry.Ticks == lastWriteTimeUtc.Ticks)
        {
            if (Interlocked.Exchange(ref _used[found.Index], 1) == 0)
            {
                Interlocked.Add(ref _liveBytes, found.Weight);
            }

            Interlocked.Increment(ref _hits);
            return () =>
            {
                Interlocked.Increment(ref _decoded);
                return Decode(entry);
            };
        }

        Interlocked.Increment(ref _misses);
        return null;
    }

    /// <summary>
    /// An entry's facts, or null when its checksummed bytes do not decode (then the next rewrite leaves it out). Never
    /// throws: it runs when a rule first asks for a document's facts, where a failure would stop the rule.
    /// </summary>
    private MarkdownFacts? Decode(FactsSerializer.Entry entry)
    {
        try
        {
            return entry.Record.ReadFacts(entry);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Interlocked.Increment(ref _undecodable);
            return null;
        }
    }

    public void Remember(string fullPath, long length, DateTime lastWriteTimeUtc, MarkdownFacts facts)
    {
        // A file written this close to its parse may change again without a new size or time (racy git).
        if (InputFingerprint.IsRacy(lastWriteTimeUtc, _openedUtc))
        {
            return;
        }

        var saved = new Saved(length, lastWriteTimeUtc.Ticks, facts);
        _parsed[fullPath] = saved;
    }

    /// <summary>
    /// Writes what this run parsed, once: appended to the file, or the file rewritten with the entries this run used
    /// (entries of files no longer read are then dropped). The entries are released afterwards (the tree holds the
    /// facts it uses), and later calls return the first call's answer. Returns false when it could not write.
    /// </summary>
    public bool Save()
    {
        _saved ??= Write();
        _previous = new Dictionary<string, IndexedEntry>();
        _used = Array.Empty<int>();
        _parsed = new ConcurrentDictionary<string, Saved>();
        return _saved.Value;
    }

    private bool Write()
    {
        if (_loaded is not { Intact: true } loaded || _undecodable > 0)
        {
            // Nothing to keep and no file to replace: leave things as they are.
            return (_parsed.IsEmpty && _loaded is null && !File.Exists(_path)) || Rewrite();
        }

        // Entries this run did not use (replaced, changed or of files gone) are dead weight: past half the file, compact.
        var dead = loaded.EntryBytes - _liveBytes;
        if (dead * 2 > loaded.Length)
        {
            return Rewrite();
        }

        // Nothing newly parsed: leave the file as it is. (Unreadable files are misses every run but are never
        // remembered, so they must not force a write on every build.)
        return _parsed.IsEmpty || Append(loaded);
    }

    private bool Append(Loaded loaded)
    {
        var writer = new FactsSerializer.Writer();
        foreach (var pair in _parsed)
        {
            writer.WriteEntry(pair.Key, pair.Value.Length, pair.Value.Ticks, pair.Value.Facts);
        }

        var record = Framed(loaded.Id, loaded.Records, writer.ToRecord());
        try
        {
            using (var stream = new FileStream(_path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1))
            {
                // Another build wrote or replaced the file since it was read: what it wrote is not known here.
                var id = new byte[IdBytes];
                stream.Position = loaded.IdEnd - IdBytes;
                if (stream.Length == loaded.Length && stream.Read(id, 0, IdBytes) == IdBytes && id.AsSpan().SequenceEqual(loaded.Id))
                {
                    stream.Position = loaded.Length;
                    stream.Write(record, 0, record.Length);
                    return true;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException)
        {
            return false;
        }

        return Rewrite();
    }

    private bool Rewrite()
    {
        var writer = new FactsSerializer.Writer();
        foreach (var pair in _parsed)
        {
            writer.WriteEntry(pair.Key, pair.Value.Length, pair.Value.Ticks, pair.Value.Facts);
        }

        foreach (var pair in _previous)
        {
            // Entries taken from the old file are decoded only now, to be written under the new id.
            if (_used[pair.Value.Index] != 0 && !_parsed.ContainsKey(pair.Key) && Decode(pair.Value.Entry) is { } facts)
            {
                writer.WriteEntry(pair.Key, pair.Value.Entry.Length, pair.Value.Entry.Ticks, facts);
            }
        }

        var id = Guid.NewGuid().ToByteArray();
        var record = Framed(id, 0, writer.ToRecord());
        return CacheFile.Write(_path, Magic, w =>
        {
            w.Write(id);
            w.Write(record);
        });
    }

    /// <summary>A record with its length and checksum in front.</summary>
    private static byte[] Framed(byte[] id, int ordinal, byte[] body)
    {
        var framed = new byte[RecordHeaderBytes + body.Length];
        BitConverter.GetBytes(body.Length).CopyTo(framed, 0);
        Checksum(id, ordinal, body, 0, body.Length).CopyTo(framed, 4);
        body.CopyTo(framed, RecordHeaderBytes);
        return framed;
    }

    /// <summary>The first bytes of the SHA-256 of the file id, the record's ordinal and its bytes.</summary>
    private static byte[] Checksum(byte[] id, int ordinal, byte[] bytes, int start, int length)
    {
        using var sha = SHA256.Create();
        var prefix = new byte[IdBytes + 4];
        id.CopyTo(prefix, 0);
        BitConverter.GetBytes(ordinal).CopyTo(prefix, IdBytes);
        sha.TransformBlock(prefix, 0, prefix.Length, null, 0);
        sha.TransformFinalBlock(bytes, start, length);
        var checksum = new byte[ChecksumBytes];
        Buffer.BlockCopy(sha.Hash!, 0, checksum, 0, ChecksumBytes);
        return checksum;
    }

    private sealed record Saved(long Length, long Ticks, MarkdownFacts Facts);

    /// <summary>
    /// An entry of the file read: where its facts are, its share of the file's bytes, and its index among the entries.
    /// A class, not a tuple: a dictionary of a value type of this assembly has no precompiled code (a fresh build
    /// process would JIT-compile it).
    /// </summary>
    private sealed record IndexedEntry(FactsSerializer.Entry Entry, long Weight, int Index);

    /// <summary>What was read: the file id (ending at <see cref="IdEnd"/>), the length up to the last trusted record, how many records, whether nothing untrusted followed them, and the bytes of their entries.</summary>
    private sealed record Loaded(byte[] Id, int IdEnd, int Length, int Records, bool Intact, long EntryBytes);
}
