using MetaIssue.Scanning;
using System.Collections.Concurrent;
using System.Text;
using MetaIssue.Markdown;
using MetaIssue.Model;

namespace MetaIssue.Caching;

/// <summary>
/// The between-builds cache: one file under obj/ mapping each Markdown file (path, size, last write time) to its
/// parsed facts. A missing, stale, truncated or corrupt cache is ignored and rebuilt; it is written to a unique
/// temporary file and renamed into place, so concurrent builds never see half a file. It only ever speeds things up:
/// any failure to read or write it is swallowed.
/// </summary>
public sealed class FactsCacheFile : IFactsCache
{
    public const string FileName = "facts.cache";
    private const int Magic = 0x4346494D; // "MIFC"

    // Facts written by another build of the checker may mean something else: the stamp ties the cache to this one.
    private static readonly string Stamp = "v1/" + typeof(MarkdownFacts).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private readonly string _path;
    private readonly Dictionary<string, Entry> _previous;
    private readonly ConcurrentDictionary<string, Entry> _current = new(StringComparer.Ordinal);

    private FactsCacheFile(string directory, Dictionary<string, Entry> previous)
    {
        _path = Path.Combine(directory, FileName);
        _previous = previous;
    }

    /// <summary>How many files this run took from the cache, and how many it had to parse.</summary>
    public int Hits => _hits;

    public int Misses => _misses;

    private readonly DateTime _openedUtc = DateTime.UtcNow;
    private int _hits;
    private int _misses;
    private int _remembered;

    public static FactsCacheFile Open(string directory)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        try
        {
            var path = Path.Combine(directory, FileName);
            if (File.Exists(path))
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new BinaryReader(stream, Encoding.UTF8);
                if (reader.ReadInt32() == Magic && reader.ReadString() == Stamp)
                {
                    var count = reader.ReadInt32();
                    for (var i = 0; i < count; i++)
                    {
                        var file = reader.ReadString();
                        var length = reader.ReadInt64();
                        var ticks = reader.ReadInt64();
                        entries[file] = new Entry(length, ticks, FactsSerializer.Read(reader));
                    }
                }
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            entries.Clear(); // truncated or corrupt: start afresh
        }

        return new FactsCacheFile(directory, entries);
    }

    public MarkdownFacts? Find(string fullPath, long length, DateTime lastWriteTimeUtc)
    {
        if (_previous.TryGetValue(fullPath, out var entry) && entry.Length == length && entry.Ticks == lastWriteTimeUtc.Ticks)
        {
            _current[fullPath] = entry;
            Interlocked.Increment(ref _hits);
            return entry.Facts;
        }

        Interlocked.Increment(ref _misses);
        return null;
    }

    public void Remember(string fullPath, long length, DateTime lastWriteTimeUtc, MarkdownFacts facts)
    {
        // A file written this close to its parse may change again without a new size or time (racy git).
        if (InputFingerprint.IsRacy(lastWriteTimeUtc, _openedUtc))
        {
            return;
        }

        _current[fullPath] = new Entry(length, lastWriteTimeUtc.Ticks, facts);
        Interlocked.Increment(ref _remembered);
    }

    /// <summary>Writes what this run saw (entries of files no longer read are dropped). Returns false when it could not.</summary>
    public bool Save()
    {
        // Nothing newly parsed and no file gone: leave the file as it is. (Unreadable files are misses every run but
        // are never remembered, so they must not force a rewrite of the whole cache on every build.)
        if (_remembered == 0 && _current.Count == _previous.Count)
        {
            return true;
        }

        try
        {
            var entries = _current.ToArray();
            IO.AtomicFile.Write(_path, stream =>
            {
                using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
                writer.Write(Magic);
                writer.Write(Stamp);
                writer.Write(entries.Length);
                foreach (var pair in entries)
                {
                    writer.Write(pair.Key);
                    writer.Write(pair.Value.Length);
                    writer.Write(pair.Value.Ticks);
                    FactsSerializer.Write(writer, pair.Value.Facts);
                }
            });
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return false;
        }
    }

    private sealed record Entry(long Length, long Ticks, MarkdownFacts Facts);
}
