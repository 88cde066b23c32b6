using MetaIssue.Caching;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Caching;

/// <summary>
/// The replay decision walks the tree against the digests the last check kept of each subfolder of the roots, and
/// stops at the first that differs: it may only ever answer "changed" early, never "unchanged".
/// </summary>
public sealed class ReplayWalkTests
{
    private const string HostKey = "host settings";

    [Fact]
    public void With_nothing_changed_the_walk_against_the_kept_digests_gives_the_fingerprint_itself()
    {
        using var repository = Healthy("Investigating", ("baseline", "Failed"));
        repository.WithLesson();
        var options = new CheckerOptions(repository.Root);
        var fingerprint = InputFingerprint.OfTree(options);
        var walked = InputFingerprint.WalkOf(fingerprint)!;

        Assert.Contains(repository.PathOf(Folder), walked.Subtrees.Keys); // a meta-issue, and a lesson category
        Assert.Contains(walked.Subtrees.Keys, k => k.Contains("lessons-learned", StringComparison.Ordinal));
        Assert.Equal(fingerprint, InputFingerprint.OfTree(options, walked.Listings, record: null, snapshot: null, walked.Subtrees));
    }

    [Theory]
    [MemberData(nameof(LastCheckTests.TreeChanges), MemberType = typeof(LastCheckTests))]
    public void Any_change_below_the_roots_is_found_by_the_walk_against_the_kept_digests(string change)
    {
        using var repository = Healthy("Investigating", ("baseline", "Failed"));
        var options = new CheckerOptions(repository.Root);
        var fingerprint = InputFingerprint.OfTree(options);
        var walked = InputFingerprint.WalkOf(fingerprint)!;

        LastCheckTests.Change(repository, change);

        Assert.NotEqual(fingerprint, InputFingerprint.OfTree(options, walked.Listings, record: null, snapshot: null, walked.Subtrees));
    }

    [Fact]
    public void A_subfolder_the_digests_do_not_know_or_a_digest_that_differs_stops_the_walk()
    {
        using var repository = Healthy();
        var options = new CheckerOptions(repository.Root);
        var walked = InputFingerprint.WalkOf(InputFingerprint.OfTree(options))!;

        repository.Write("docs/meta-issues/second-issue/README.md", "# Second\n");
        Assert.Null(InputFingerprint.OfTree(options, walked.Listings, record: null, snapshot: null, walked.Subtrees));

        var wrong = walked.Subtrees.ToDictionary(p => p.Key, _ => new string('0', 64), StringComparer.Ordinal);
        Assert.Null(InputFingerprint.OfTree(options, known: null, record: null, snapshot: null, wrong));
    }

    [Fact]
    public void The_last_check_file_keeps_the_digests_and_the_replay_decision_uses_them()
    {
        using var repository = Healthy("Investigating", ("baseline", "Failed"));
        var options = new CheckerOptions(repository.Root);
        var cache = repository.PathOf("obj/metaissue");
        Directory.CreateDirectory(cache);
        var result = MetaIssueChecker.Check(options);
        var fingerprint = InputFingerprint.OfTree(options);
        Assert.True(LastCheckFile.Write(cache, LastCheck.Of(HostKey, fingerprint, result, Array.Empty<string>(), new ReplayedOutput("summary", null))));

        var read = LastCheckFile.Read(cache)!;
        Assert.Equal(InputFingerprint.WalkOf(fingerprint)!.Subtrees.OrderBy(p => p.Key, StringComparer.Ordinal), read.Subtrees!.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.NotNull(LastCheckFile.FindReplayable(cache, HostKey, options));

        repository.Edit(Readme, "Investigating", "Paused");
        Assert.Null(LastCheckFile.FindReplayable(cache, HostKey, options));
    }
}
