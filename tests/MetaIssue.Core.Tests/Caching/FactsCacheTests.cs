using MetaIssue.Caching;
using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Caching;

public sealed class FactsCacheTests
{
    [Fact]
    public void A_second_run_parses_nothing_and_reports_the_same()
    {
        using var repository = Healthy();
        repository.Edit(Readme, "**Status:** Investigating", "**Status:** Sorta");
        var cache = repository.PathOf("obj/metaissue");

        var first = repository.Check(o => o.CacheDirectory = cache);
        var second = repository.Check(o => o.CacheDirectory = cache);

        Assert.Equal(0, first.CacheHits);
        Assert.Equal(8, first.CacheMisses);
        Assert.Equal(8, second.CacheHits);
        Assert.Equal(0, second.CacheMisses);
        Assert.Equal(first.Diagnostics, second.Diagnostics);
        Assert.Single(second.Diagnostics, d => d.Code == "MI010");
    }

    [Fact]
    public void Only_a_changed_file_is_parsed_again_and_cross_file_rules_see_the_change()
    {
        using var repository = Healthy();
        var cache = repository.PathOf("obj/metaissue");
        repository.Check(o => o.CacheDirectory = cache);

        repository.Edit(Log, "## Attempt 002: Query Tuning", "## Second try, rewritten");
        File.SetLastWriteTimeUtc(repository.PathOf(Log), DateTime.UtcNow.AddMinutes(1));
        var second = repository.Check(o => o.CacheDirectory = cache);

        Assert.Equal(1, second.CacheMisses);
        Assert.Single(second.Diagnostics, d => d.Code == "MI014");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(-1)]
    public void A_truncated_or_corrupt_cache_is_ignored_and_rebuilt(int keepBytes)
    {
        using var repository = Healthy();
        var cache = repository.PathOf("obj/metaissue");
        var expected = repository.Check(o => o.CacheDirectory = cache).Diagnostics;
        var file = Path.Combine(cache, FactsCacheFile.FileName);
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, keepBytes >= 0 ? bytes.Take(keepBytes).ToArray() : bytes.Select(b => (byte)(b ^ 0x5A)).ToArray());

        var damaged = repository.Check(o => o.CacheDirectory = cache);
        Assert.Equal(expected, damaged.Diagnostics);
        Assert.Equal(0, damaged.CacheHits);

        var rebuilt = repository.Check(o => o.CacheDirectory = cache);
        Assert.Equal(0, rebuilt.CacheMisses);
    }

    [Fact]
    public void An_unwritable_cache_folder_only_costs_speed()
    {
        using var repository = Healthy();
        repository.Write("obj/blocked", "a file where the cache folder would go");
        var result = repository.Check(o => o.CacheDirectory = repository.PathOf("obj/blocked"));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Saving_leaves_no_temporary_files()
    {
        using var repository = Healthy();
        var cache = repository.PathOf("obj/metaissue");
        repository.Check(o => o.CacheDirectory = cache);
        Assert.Equal(new[] { FactsCacheFile.FileName, RuleResultsFile.FileName }, Directory.GetFiles(cache).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_unreadable_file_does_not_make_every_build_rewrite_the_cache()
    {
        using var repository = Healthy();
        repository.WriteBytes($"{Folder}/analysis/broken.md", [0x23, 0xC3, 0x28]);
        var cache = repository.PathOf("obj/metaissue");
        repository.Check(o => o.CacheDirectory = cache);
        var file = Path.Combine(cache, FactsCacheFile.FileName);
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file, stamp);

        var second = repository.Check(o => o.CacheDirectory = cache);

        Assert.Equal(1, second.CacheMisses); // the unreadable file, read again
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(file));
        Assert.Single(second.Diagnostics, d => d.Code == "MI900");
    }
}
