using MetaIssue.Caching;
using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Caching;

/// <summary>
/// Git's racy-clean rule: a file whose last write time is not older than the check that saw it (within
/// <see cref="InputFingerprint.RacyWindow"/>) may change again without a new size or time, so size and time never
/// vouch for it: no replay of the last check, no facts taken from the cache.
/// </summary>
public sealed class RacyTimestampTests
{
    [Fact]
    public void A_same_size_edit_that_keeps_a_recent_write_time_is_seen_by_the_next_check()
    {
        using var repository = Healthy();
        repository.Edit(Readme, "**Status:** Investigating", "**Status:** Sorta");
        var stamp = DateTime.UtcNow; // written "now": within the racy window of the check below
        File.SetLastWriteTimeUtc(repository.PathOf(Readme), stamp);
        var cache = repository.PathOf("obj/metaissue");
        var options = new CheckerOptions(repository.Root) { CacheDirectory = cache };
        var fingerprint = InputFingerprint.OfTree(options);
        var first = repository.Check(o => o.CacheDirectory = cache);
        Assert.Contains(first.Diagnostics, d => d.Code == "MI010" && d.Message.Contains("'Sorta'"));

        // Same size, same time: only the content tells.
        repository.Edit(Readme, "**Status:** Sorta", "**Status:** Sortx");
        File.SetLastWriteTimeUtc(repository.PathOf(Readme), stamp);

        Assert.NotEqual(fingerprint, InputFingerprint.OfTree(options));
        var second = repository.Check(o => o.CacheDirectory = cache);
        Assert.Contains(second.Diagnostics, d => d.Code == "MI010" && d.Message.Contains("'Sortx'"));
        Assert.DoesNotContain(second.Diagnostics, d => d.Message.Contains("'Sorta'"));
        Assert.True(second.CacheMisses >= 1, "the racy file must be parsed again, not taken from the facts cache");
    }

    [Fact]
    public void Files_older_than_the_window_are_trusted_by_size_and_time()
    {
        using var repository = Healthy();
        var options = new CheckerOptions(repository.Root) { CacheDirectory = repository.PathOf("obj/metaissue") };

        Assert.Equal(InputFingerprint.OfTree(options), InputFingerprint.OfTree(options));
        repository.Check(o => o.CacheDirectory = options.CacheDirectory);
        var second = repository.Check(o => o.CacheDirectory = options.CacheDirectory);
        Assert.Equal(0, second.CacheMisses);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-1.9, true)]
    [InlineData(60, true)] // a time in the future (clock skew, coarse file system rounding up) proves nothing either
    [InlineData(-2.1, false)]
    [InlineData(-3600, false)]
    public void The_window_is_two_seconds_before_now_and_everything_after(double secondsFromNow, bool racy)
    {
        var now = new DateTime(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc);
        Assert.Equal(racy, InputFingerprint.IsRacy(now.AddSeconds(secondsFromNow), now));
    }
}
