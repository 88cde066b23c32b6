using MetaIssue.Caching;
using MetaIssue.Markdown;
using MetaIssue.Scanning;
using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Caching;

/// <summary>The appended layout of the facts cache: what an edit writes, and what a damaged or raced file yields.</summary>
public sealed class FactsCacheFileTests
{
    [Fact]
    public void An_edit_appends_a_record_and_leaves_the_bytes_before_it_as_they_were()
    {
        using var repository = Healthy();
        var cache = repository.PathOf("obj/metaissue");
        var expected = repository.Check(o => o.CacheDirectory = cache).Diagnostics;
        var before = File.ReadAllBytes(FileIn(cache));

        repository.Edit(Log, "## Attempt 002: Query Tuning", "## Second try, rewritten");
        var edited = repository.Check(o => o.CacheDirectory = cache);
        var after = File.ReadAllBytes(FileIn(cache));
        var third = repository.Check(o => o.CacheDirectory = cache);

        Assert.Equal(1, edited.CacheMisses);
        Assert.True(after.Length > before.Length);
        Assert.Equal(before, after.Take(before.Length));
        Assert.Equal(0, third.CacheMisses);
        Assert.Equal(repository.Check().Diagnostics, third.Diagnostics);
        Assert.NotEqual(expected, third.Diagnostics);
    }

    [Fact]
    public void Cached_facts_are_decoded_only_for_the_documents_asked_for_and_then_equal_a_fresh_parse()
    {
        using var repository = Healthy();
        foreach (var path in Directory.GetFiles(repository.PathOf("docs"), "*.md", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-1)); // out of the racy window, so cached
        }

        var cache = repository.PathOf("obj/metaissue");
        repository.Check(o => o.CacheDirectory = cache);

        var facts = FactsCacheFile.Open(cache);
        var documents = DocsTreeReader.Read(new CheckerOptions(repository.Root), facts).Documents.ToList();
        Assert.True(documents.Count >= 5);
        Assert.Equal(documents.Count, facts.Hits);
        Assert.Equal(0, facts.Decoded);

        Assert.NotNull(documents[2].Facts);
        Assert.NotNull(documents[2].Facts);
        Assert.Equal(1, facts.Decoded);

        Assert.All(documents, d => Assert.Equal(Describe(DocumentLoader.ReadFacts(d.FullPath, long.MaxValue).Facts!), Describe(d.Facts!)));
        Assert.Equal(documents.Count, facts.Decoded);
    }

    [Fact]
    public void A_file_cut_anywhere_yields_the_entries_of_its_whole_records_and_never_wrong_facts()
    {
        using var repository = Healthy();
        var cache = repository.PathOf("obj/metaissue");
        var file = FileIn(cache);
        repository.Check(o => o.CacheDirectory = cache);
        var boundaries = new List<int> { File.ReadAllBytes(file).Length };
        foreach (var (edited, text) in new[] { (Log, "**Date:**"), (Readme, "# Meta-Issue: Perf") })
        {
            repository.Edit(edited, text, text + " edited");
            repository.Check(o => o.CacheDirectory = cache);
            boundaries.Add(File.ReadAllBytes(file).Length);
        }

        var whole = File.ReadAllBytes(file);
        var documents = Documents(repository);
        for (var cut = 0; cut <= whole.Length; cut++)
        {
            File.WriteAllBytes(file, whole.AsSpan(0, cut).ToArray());
            var opened = FactsCacheFile.Open(cache);
            var hits = documents.Count(d => Hit(opened, d));

            // Whole records only: the first holds every file as first read, each later one the file edited then.
            var records = boundaries.Count(b => b <= cut);
            Assert.Equal(records == 0 ? 0 : documents.Count - 3 + records, hits);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    [InlineData(300)]
    public void Garbage_after_the_last_record_is_ignored_and_the_next_save_drops_it(int garbageBytes)
    {
        using var repository = Healthy();
        var cache = repository.PathOf("obj/metaissue");
        var file = FileIn(cache);
        var expected = repository.Check(o => o.CacheDirectory = cache).Diagnostics;
        var clean = File.ReadAllBytes(file);
        var garbage = Enumerable.Range(0, garbageBytes).Select(i => (byte)(i * 37 + 11)).ToArray();
        File.WriteAllBytes(file, clean.Concat(garbage).ToArray());

        var damaged = repository.Check(o => o.CacheDirectory = cache);
        var rewritten = File.ReadAllBytes(file);

        Assert.Equal(expected, damaged.Diagnostics);
        Assert.Equal(8, damaged.CacheHits);
        Assert.Equal(clean.Length, rewritten.Length); // the same entries, under a new file id
        Assert.Equal(8, repository.Check(o => o.CacheDirectory = cache).CacheHits);
    }

    [Fact]
    public void Two_builds_saving_one_after_the_other_leave_a_file_with_only_right_facts()
    {
        using var repository = Healthy();
        var cache = repository.PathOf("obj/metaissue");
        repository.Check(o => o.CacheDirectory = cache);
        var documents = Documents(repository);
        var first = FactsCacheFile.Open(cache);
        var second = FactsCacheFile.Open(cache);
        documents.ForEach(d => Hit(first, d));
        documents.ForEach(d => Hit(second, d));
        var older = DateTime.UtcNow.AddHours(-2);
        first.Remember(documents[0].Path, 1, older, documents[1].Facts);
        second.Remember(documents[2].Path, 2, older, documents[3].Facts);

        Assert.True(first.Save());
        Assert.True(second.Save()); // the file changed under it: written whole, with what it knows

        var reopened = FactsCacheFile.Open(cache);
        Assert.Equal(Describe(documents[3].Facts), Describe(reopened.Find(documents[2].Path, 2, older)!()!));
        Assert.All(documents.Where((_, i) => i != 2), d => Assert.True(Hit(reopened, d))); // the third was replaced
    }

    [Fact]
    public void Two_builds_appending_at_the_same_place_at_once_leave_a_file_with_only_right_facts()
    {
        using var repository = Healthy();
        var cache = repository.PathOf("obj/metaissue");
        var file = FileIn(cache);
        repository.Check(o => o.CacheDirectory = cache);
        var documents = Documents(repository);
        var older = DateTime.UtcNow.AddHours(-2);
        var original = File.ReadAllBytes(file);

        byte[] Appended(params int[] indexes)
        {
            File.WriteAllBytes(file, original);
            var writer = FactsCacheFile.Open(cache);
            documents.ForEach(d => Hit(writer, d));
            foreach (var i in indexes)
            {
                writer.Remember(documents[i].Path, 100 + i, older, documents[(i + 1) % documents.Count].Facts);
            }

            Assert.True(writer.Save());
            return File.ReadAllBytes(file);
        }

        var longer = Appended(0, 1, 2);
        var shorter = Appended(3);
        Assert.True(longer.Length > shorter.Length);

        // The shorter record written over the start of the longer one: it stands whole, the longer one's tail is torn.
        File.WriteAllBytes(file, shorter.Concat(longer.Skip(shorter.Length)).ToArray());
        var raced = FactsCacheFile.Open(cache);

        Assert.Equal(Describe(documents[4].Facts), Describe(raced.Find(documents[3].Path, 103, older)!()!));
        Assert.All(new[] { 0, 1, 2 }, i => Assert.Null(raced.Find(documents[i].Path, 100 + i, older)));
        Assert.All(documents.Where((_, i) => i != 3), d => Assert.True(Hit(raced, d))); // the fourth was replaced
        Assert.True(raced.Save());
        Assert.True(File.ReadAllBytes(file).Length < shorter.Length + longer.Length - original.Length, "the torn tail is dropped");
    }

    [Fact]
    public void Entries_no_longer_used_are_compacted_away_once_they_outweigh_the_rest()
    {
        using var repository = Healthy();
        var cache = repository.PathOf("obj/metaissue");
        var file = FileIn(cache);
        repository.Check(o => o.CacheDirectory = cache);
        var lengths = new List<long> { new FileInfo(file).Length };
        for (var i = 0; i < 40; i++)
        {
            repository.Edit(Log, "**Date:**", $"**Date:** {i}");
            Assert.Equal(1, repository.Check(o => o.CacheDirectory = cache).CacheMisses);
            lengths.Add(new FileInfo(file).Length);
        }

        Assert.Contains(lengths.Skip(1), l => l > lengths[0]); // appended
        Assert.Contains(lengths.Zip(lengths.Skip(1)), p => p.Second < p.First); // compacted
        Assert.True(lengths.Max() <= 3 * lengths[0], $"the file grew to {lengths.Max()} bytes from {lengths[0]}");
        Assert.Equal(0, repository.Check(o => o.CacheDirectory = cache).CacheMisses);
    }

    private static string FileIn(string cache) => Path.Combine(cache, FactsCacheFile.FileName);

    /// <summary>Every Markdown file of the repository with its size, time and freshly parsed facts.</summary>
    private static List<(string Path, long Length, DateTime Written, MarkdownFacts Facts)> Documents(TempRepository repository) =>
        Directory.GetFiles(repository.PathOf("docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => new FileInfo(p))
            .Select(f => (f.FullName, f.Length, f.LastWriteTimeUtc, DocumentLoader.ReadFacts(f.FullName, long.MaxValue).Facts!))
            .ToList();

    /// <summary>Whether the cache holds the file's facts; when it does they must be the file's, never another's.</summary>
    private static bool Hit(FactsCacheFile cache, (string Path, long Length, DateTime Written, MarkdownFacts Facts) document)
    {
        var found = cache.Find(document.Path, document.Length, document.Written)?.Invoke();
        if (found is not null)
        {
            Assert.Equal(Describe(document.Facts), Describe(found));
        }

        return found is not null;
    }

    private static string Describe(MarkdownFacts facts) => FactsSerializerTests.Describe(facts);
}
