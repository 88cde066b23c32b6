using MetaIssue.Scanning;
using System.Collections.Concurrent;
using MetaIssue.Markdown;
using MetaIssue.Model;

namespace MetaIssue.Caching;

/// <summary>
/// The between-builds cache: one file under obj/ mapping each Markdown file (path, size, last write time) to its
/// parsed facts. A missing, stale, truncated or corrupt cache is ignored and rebuilt; it is written to a unique
/// temporary file and renamed into place, so concurrent builds never see half a file. It only ever speeds things up:
/// any failure to read or write it is swallowed.
/// </summary>
internal sealed class FactsCacheFile : IFactsCache
{
    public const string FileName = "facts.cache";
    // The layout's version: "MIF2" (strings written once and numbered, 7-bit integers); files of another layout,
    // such as the first ("MIFC"), read as no cache.
    private const int Magic = 0x3246494D;

    private readonly string _path;
    private Dictionary<string, Entry> _previous;
    private ConcurrentDictionary<string, Entry> _current = new(StringComparer.Ordinal);
    private bool? _saved;

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
        var entries = CacheFile.Read(Path.Combine(directory, FileName), Magic, reader =>
        {
            var facts = new FactsSerializer.Reader(reader);
            var count = facts.ReadCount();
            var read = new List<(string File, Entry Entry)>(count);
            for (var i = 0; i < count; i++)
            {
                read.Add((facts.ReadString(), new Entry(facts.ReadLong(), facts.ReadLong(), facts.Read())));
            }

            return read;
        });
        var previous = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var (file, entry) in entries ?? [])
        {
            previous[file] = entry;
        }

        return new FactsCacheFile(directory, previous);
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

    /// <summary>
    /// Writes what this run saw (entries of files no longer read are dropped), once: the entries are released
    /// afterwards (the tree holds the facts it uses), and later calls return the first call's answer. Returns false
    /// when it could not write.
    /// </summary>
    public bool Save()
    {
        _saved ??= Write();
        _previous = new Dictionary<string, Entry>();
        _current = new ConcurrentDictionary<string, Entry>();
        return _saved.Value;
    }

    private bool Write()
    {
        // Nothing newly parsed and no file gone: leave the file as it is. (Unreadable files are misses every run but
        // are never remembered, so they must not force a rewrite of the whole cache on every build.)
        if (_remembered == 0 && _current.Count == _previous.Count)
        {
            return true;
        }

        var entries = _current.ToArray();
        return CacheFile.Write(_path, Magic, writer =>
        {
            var facts = new FactsSerializer.Writer(writer);
            facts.WriteNumber(entries.Length);
            foreach (var pair in entries)
            {
                facts.WriteString(pair.Key);
                facts.WriteLong(pair.Value.Length);
                facts.WriteLong(pair.Value.Ticks);
                facts.Write(pair.Value.Facts);
            }
        });
    }

    private sealed record Entry(long Length, long Ticks, MarkdownFacts Facts);
}
