using MetaIssue.Caching;
using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Caching;

/// <summary>
/// The fingerprint lists again only the folders whose last write time changed since the last walk. These tests age the
/// whole tree past the racy window, take a fingerprint that keeps the listings, and check that a walk using them gives
/// the same text when nothing changed and notices every change, including those that leave every folder's time alone.
/// </summary>
public sealed class FolderListingTests
{
    private const string HostKey = "host settings";

    [Fact]
    public void Known_listings_give_the_fingerprint_of_a_full_listing_and_are_kept_for_every_aged_folder()
    {
        using var repository = Aged(Healthy("Investigating", ("baseline", "Failed")).WithLesson());
        var options = new CheckerOptions(repository.Root);
        var listings = new FolderListings();

        var full = InputFingerprint.OfTree(options, known: null, listings);

        var folders = Directory.GetDirectories(repository.PathOf("docs"), "*", SearchOption.AllDirectories)
            .Count(d => d.StartsWith(repository.PathOf("docs/meta-issues"), StringComparison.Ordinal) || d.StartsWith(repository.PathOf("docs/lessons-learned"), StringComparison.Ordinal));
        Assert.Equal(folders, listings.Count);
        Assert.Equal(full, InputFingerprint.OfTree(options, listings, record: null));
        Assert.Equal(full, InputFingerprint.OfTree(options));
    }

    public static TheoryData<string> ChangesInKnownFolders => new()
    {
        "edit in place",
        "same-size edit",
        "permission change",
        "add file",
        "delete file",
        "rename file",
        "add folder",
        "delete folder",
        "add lesson",
    };

    [SkippableTheory]
    [MemberData(nameof(ChangesInKnownFolders))]
    public void Every_change_is_noticed_by_a_walk_that_uses_the_known_listings(string change)
    {
        using var repository = Aged(Healthy("Investigating", ("baseline", "Failed")).WithLesson());
        var options = new CheckerOptions(repository.Root);
        var listings = new FolderListings();
        var before = InputFingerprint.OfTree(options, known: null, listings);

        switch (change)
        {
            case "edit in place":
                // Rewrites the file's content without touching its folder: only the file's own status shows it.
                var folderTime = Directory.GetLastWriteTimeUtc(repository.PathOf(Folder));
                File.AppendAllText(repository.PathOf(Readme), "\nMore.\n");
                Assert.Equal(folderTime, Directory.GetLastWriteTimeUtc(repository.PathOf(Folder)));
                break;
            case "same-size edit":
                var text = repository.Read(Description);
                File.WriteAllText(repository.PathOf(Description), text.Replace("bottleneck", "BOTTLENECK"));
                File.SetLastWriteTimeUtc(repository.PathOf(Description), DateTime.UtcNow.AddHours(-1).AddSeconds(1));
                break;
            case "permission change":
                Skip.If(OperatingSystem.IsWindows(), "Unix file modes only");
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(repository.PathOf(Readme), UnixFileMode.UserWrite);
                }

                break;
            case "add file":
                repository.Write(Folder + "/analysis-notes.md", "# Notes\n");
                break;
            case "delete file":
                repository.Delete(TestCases);
                break;
            case "rename file":
                File.Move(repository.PathOf(TestCases), repository.PathOf(Folder + "/test-cases-old.md"));
                break;
            case "add folder":
                Directory.CreateDirectory(repository.PathOf(Folder + "/analysis"));
                break;
            case "delete folder":
                Directory.Delete(repository.PathOf(AttemptFolder(1, "baseline")), recursive: true);
                break;
            case "add lesson":
                repository.Write("docs/lessons-learned/debugging/Second_Lesson.md", "# Second\n");
                break;
        }

        Assert.NotEqual(before, InputFingerprint.OfTree(options, listings, record: null));
    }

    [Fact]
    public void A_folder_written_within_the_racy_window_is_listed_again()
    {
        using var repository = Aged(Healthy("Investigating", ("baseline", "Failed")));
        var options = new CheckerOptions(repository.Root);
        File.Delete(repository.PathOf(TestCases)); // the folder's time is now recent
        var listings = new FolderListings();
        var before = InputFingerprint.OfTree(options, known: null, listings);

        Assert.Null(listings.Find(repository.PathOf(Folder), Directory.GetLastWriteTimeUtc(repository.PathOf(Folder))));
        Assert.NotNull(listings.Find(repository.PathOf(AttemptFolder(1, "baseline")), Directory.GetLastWriteTimeUtc(repository.PathOf(AttemptFolder(1, "baseline")))));

        // Another change in the same clock tick may leave the folder's time as it was: only a new listing shows it.
        var time = Directory.GetLastWriteTimeUtc(repository.PathOf(Folder));
        repository.Write(TestCases, "# Test Cases\n");
        File.SetLastWriteTimeUtc(repository.PathOf(TestCases), DateTime.UtcNow.AddHours(-1)); // not racy itself
        Directory.SetLastWriteTimeUtc(repository.PathOf(Folder), time);
        Assert.NotEqual(before, InputFingerprint.OfTree(options, listings, record: null));
    }

    [Fact]
    public void The_saved_check_keeps_its_listings_and_replays_only_until_a_known_folder_changes()
    {
        using var repository = Aged(Healthy());
        var cache = repository.PathOf("obj/metaissue");
        var options = new CheckerOptions(repository.Root);
        var tree = InputFingerprint.OfTree(options);
        var saved = LastCheck.Of(HostKey, tree, MetaIssueChecker.Check(options), Array.Empty<string>(), new ReplayedOutput("summary", null));
        Assert.True(LastCheckFile.Write(cache, saved));

        var read = LastCheckFile.Read(cache);
        Assert.NotNull(read?.Listings);
        Assert.Equal(saved.Listings!.Count, read!.Listings!.Count);
        Assert.True(read.Listings.Count > 0);
        Assert.NotNull(LastCheckFile.FindReplayable(cache, HostKey, options));

        repository.Write(AttemptFolder(1, "baseline") + "/notes.md", "# Notes\n");
        Assert.Null(LastCheckFile.FindReplayable(cache, HostKey, options));
    }

    [Fact]
    public void A_check_lists_every_folder_afresh_and_keeps_fresh_listings_even_where_a_folder_time_was_restored()
    {
        // The kept listings are trusted only to decide a replay: a folder whose time a tool restored (rsync -a, tar,
        // cp -a) after a file was added to it looks unchanged to that decision, but a check that runs anyway (here
        // because of an unrelated edit) must see the file, and must not keep the stale listing for the next builds.
        using var repository = Aged(Healthy("Investigating", ("baseline", "Failed")));
        var cache = repository.PathOf("obj/metaissue");
        var options = new CheckerOptions(repository.Root);
        var first = InputFingerprint.OfTree(options);
        Assert.True(LastCheckFile.Write(cache, LastCheck.Of(HostKey, first, MetaIssueChecker.Check(options, first), Array.Empty<string>(), new ReplayedOutput("summary", null))));

        var folderTime = Directory.GetLastWriteTimeUtc(repository.PathOf(Folder));
        repository.Write(Folder + "/notes.md", "# Notes\n\nSee [the log](missing-file.md).\n");
        File.SetLastWriteTimeUtc(repository.PathOf(Folder + "/notes.md"), DateTime.UtcNow.AddHours(-1));
        Directory.SetLastWriteTimeUtc(repository.PathOf(Folder), folderTime);
        File.AppendAllText(repository.PathOf(Description), "\nMore.\n");
        File.SetLastWriteTimeUtc(repository.PathOf(Description), DateTime.UtcNow.AddMinutes(-30));
        Assert.Null(LastCheckFile.FindReplayable(cache, HostKey, options));

        // As the build does when it cannot replay: a fresh walk, the check read from it, both saved.
        var walked = InputFingerprint.OfTree(options);
        var checkedNow = MetaIssueChecker.Check(options, walked);
        var fromDisk = MetaIssueChecker.Check(options);
        Assert.Equal(fromDisk.Diagnostics.Select(d => d.ToString()), checkedNow.Diagnostics.Select(d => d.ToString()));
        Assert.Contains(checkedNow.Diagnostics, d => d.Code == "MI030" && d.FilePath.EndsWith("notes.md", StringComparison.Ordinal));
        Assert.True(LastCheckFile.Write(cache, LastCheck.Of(HostKey, walked, checkedNow, Array.Empty<string>(), new ReplayedOutput("summary", null))));
        Assert.Contains("notes.md", LastCheckFile.Read(cache)!.Listings!.Find(repository.PathOf(Folder), folderTime)!.Names);
    }

    /// <summary>Every file and folder below the root dated an hour back, past the racy window.</summary>
    private static TempRepository Aged(TempRepository repository)
    {
        var old = DateTime.UtcNow.AddHours(-1);
        foreach (var file in Directory.GetFiles(repository.Root, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, old);
        }

        foreach (var folder in Directory.GetDirectories(repository.Root, "*", SearchOption.AllDirectories).Append(repository.Root))
        {
            Directory.SetLastWriteTimeUtc(folder, old);
        }

        return repository;
    }
}
