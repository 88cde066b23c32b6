using MetaIssue.Caching;
using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Caching;

public sealed class LastCheckTests
{
    private const string HostKey = "host settings";

    [Fact]
    public void Nothing_changed_gives_the_same_fingerprints()
    {
        using var repository = Healthy();
        var options = new CheckerOptions(repository.Root);

        Assert.Equal(InputFingerprint.OfTree(options), InputFingerprint.OfTree(options));
        var paths = new[] { repository.PathOf("src/missing.md"), repository.PathOf(Readme) };
        Assert.Equal(InputFingerprint.OfPaths(paths), InputFingerprint.OfPaths(paths.Reverse()));
    }

    public static TheoryData<string> TreeChanges => new()
    {
        "edit",
        "same-size edit",
        "add",
        "delete",
        "rename folder",
        "add lesson",
        "empty folder",
    };

    [Theory]
    [MemberData(nameof(TreeChanges))]
    public void Any_change_below_the_roots_or_lessons_changes_the_tree_fingerprint(string change)
    {
        using var repository = Healthy("Investigating", ("baseline", "Failed"));
        var options = new CheckerOptions(repository.Root);
        var before = InputFingerprint.OfTree(options);

        Change(repository, change);

        Assert.NotEqual(before, InputFingerprint.OfTree(options));
    }

    /// <summary>Makes one of <see cref="TreeChanges"/> in a repository made by <c>Healthy("Investigating", ("baseline", "Failed"))</c>.</summary>
    internal static void Change(TempRepository repository, string change)
    {
        switch (change)
        {
            case "edit":
                repository.Edit(Readme, "Investigating", "Paused");
                break;
            case "same-size edit":
                var text = repository.Read(Description);
                repository.Write(Description, text.Replace("bottleneck", "BOTTLENECK"));
                File.SetLastWriteTimeUtc(repository.PathOf(Description), DateTime.UtcNow.AddMinutes(1));
                break;
            case "add":
                repository.Write(Folder + "/analysis/notes.md", "# Notes\n");
                break;
            case "delete":
                repository.Delete(TestCases);
                break;
            case "rename folder":
                Directory.Move(repository.PathOf(AttemptFolder(1, "baseline")), repository.PathOf(AttemptFolder(1, "first")));
                break;
            case "add lesson":
                repository.WithLesson();
                break;
            case "empty folder":
                repository.CreateFolder(Folder + "/attempts/002-next");
                break;
        }
    }

    [Fact]
    public void Hidden_entries_and_files_outside_the_roots_leave_the_tree_fingerprint_alone()
    {
        using var repository = Healthy();
        var options = new CheckerOptions(repository.Root);
        var before = InputFingerprint.OfTree(options);

        repository.Write(Folder + "/.DS_Store", "x");
        repository.Write("src/App/Program.cs", "class P { }");
        repository.Write("docs/other/notes.md", "# Notes\n");

        Assert.Equal(before, InputFingerprint.OfTree(options));
    }

    [SkippableFact]
    public void A_permission_change_changes_the_tree_fingerprint_on_Unix()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only");
        using var repository = Healthy();
        var options = new CheckerOptions(repository.Root);
        var before = InputFingerprint.OfTree(options);

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(repository.PathOf(Readme), UnixFileMode.UserWrite);
        }

        Assert.NotEqual(before, InputFingerprint.OfTree(options));
    }

    [Fact]
    public void A_path_that_appears_changes_the_paths_fingerprint()
    {
        using var repository = Healthy();
        var paths = new[] { repository.PathOf("src/notes.md") };
        var before = InputFingerprint.OfPaths(paths);

        repository.Write("src/notes.md", "# Notes\n");

        Assert.NotEqual(before, InputFingerprint.OfPaths(paths));
    }

    [Fact]
    public void The_outside_paths_are_the_link_targets_probed_and_the_files_read_for_anchors()
    {
        using var repository = Healthy();
        repository.Edit(Description, "## Current Understanding", "## Current Understanding\n\nSee [code](../../../src/Cache.cs), [guide](../../guide.md#setup) and [log](implementation-log.md).\n");
        repository.Write("docs/guide.md", "# Guide\n\n## Setup\n");

        var outside = repository.Check().OutsidePaths.Distinct().ToList();

        Assert.Contains(repository.PathOf("src/Cache.cs"), outside);
        Assert.Contains(repository.PathOf("docs/guide.md"), outside);
        Assert.DoesNotContain(repository.PathOf(Log), outside); // in the tree: covered by the tree fingerprint
    }

    [Fact]
    public void A_saved_check_is_replayed_only_while_nothing_it_read_changes()
    {
        using var repository = Healthy();
        repository.Edit(Readme, "**Status:** Investigating", "**Status:** Sorta");
        repository.Edit(Description, "## Current Understanding", "## Current Understanding\n\nSee [code](../../../src/Cache.cs).\n");
        var cache = repository.PathOf("obj/metaissue");
        var options = new CheckerOptions(repository.Root);
        var saved = Save(repository, cache, options);
        Assert.Equal(new[] { "MI010", "MI030" }, saved.Findings.Select(d => d.Code).Order());

        var replayed = LastCheckFile.FindReplayable(cache, HostKey, options);
        Assert.NotNull(replayed);
        Assert.Equal(saved.Findings, replayed.Findings);
        Assert.Equal(saved.Output, replayed.Output);

        Assert.Null(LastCheckFile.FindReplayable(cache, HostKey + " with NoWarn", options));

        repository.Write("src/Cache.cs", "class Cache { }");
        Assert.Null(LastCheckFile.FindReplayable(cache, HostKey, options));

        Save(repository, cache, options);
        Assert.NotNull(LastCheckFile.FindReplayable(cache, HostKey, options));
        repository.Edit(Readme, "**Status:** Sorta", "**Status:** Investigating");
        Assert.Null(LastCheckFile.FindReplayable(cache, HostKey, options));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(200)]
    [InlineData(-1)]
    public void A_missing_truncated_or_corrupt_file_means_a_full_check(int keepBytes)
    {
        using var repository = Healthy();
        var cache = repository.PathOf("obj/metaissue");
        var options = new CheckerOptions(repository.Root);
        Assert.Null(LastCheckFile.FindReplayable(cache, HostKey, options));

        Save(repository, cache, options);
        var file = Path.Combine(cache, LastCheckFile.FileName);
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, keepBytes >= 0 ? bytes.Take(keepBytes).ToArray() : bytes.Select(b => (byte)(b ^ 0x5A)).ToArray());

        Assert.Null(LastCheckFile.FindReplayable(cache, HostKey, options));
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_written_is_not_an_error()
    {
        using var repository = Healthy();
        repository.Write("obj/blocked", "a file where the cache folder would go");
        var check = new LastCheck(HostKey, "tree", new[] { "docs/meta-issues" }, "docs/lessons-learned", new[] { "MI001" }, Array.Empty<string>(), "paths", Array.Empty<LoggedFinding>(), new ReplayedOutput("summary", null));

        Assert.False(LastCheckFile.Write(repository.PathOf("obj/blocked/metaissue"), check));
    }

    [Fact]
    public void Files_that_could_not_be_listed_or_read_for_reasons_outside_them_are_flagged_so_their_result_is_not_kept()
    {
        using var repository = Healthy();
        Assert.False(repository.Check().Tree.HasProblemsThatMayPass);

        repository.WriteBytes(Folder + "/notes.md", new byte[] { 0x41, 0xFF, 0xFE, 0x41 });
        Assert.False(repository.Check().Tree.HasProblemsThatMayPass); // bad UTF-8 is in the bytes: fixing it changes the file

        File.Delete(repository.PathOf(Folder + "/notes.md"));
        File.CreateSymbolicLink(repository.PathOf(Folder + "/notes.md"), repository.PathOf("nowhere.md"));
        Assert.True(repository.Check().Tree.HasProblemsThatMayPass); // a broken link mends when its target appears
    }

    [Fact]
    public void Findings_codes_and_roots_come_back_as_written()
    {
        using var repository = Healthy();
        var cache = repository.PathOf("obj/metaissue");
        var findings = new[]
        {
            new LoggedFinding("MI010", "docs/a.md", 3, 13, 3, 20, "the status 'Sorta' is not one of the guide's", "https://example.test/rules/MI010.md"),
            new LoggedFinding("MI900", "docs", 0, 0, 0, 0, "could not list", string.Empty),
        };
        var check = new LastCheck(HostKey, "tree", new[] { "notes", "docs/meta-issues" }, "lessons", new[] { "MI001", "MI010" }, new[] { "/x/src/a.cs" }, "paths", findings, new ReplayedOutput("summary", "overview stale"));

        Assert.True(LastCheckFile.Write(cache, check));
        var read = LastCheckFile.Read(cache)!;

        Assert.Equal(findings, read.Findings);
        Assert.Equal((check.HostKey, check.TreeFingerprint, check.LessonsRoot, check.OutsideFingerprint, check.Output), (read.HostKey, read.TreeFingerprint, read.LessonsRoot, read.OutsideFingerprint, read.Output));
        Assert.Equal(check.MetaIssueRoots, read.MetaIssueRoots);
        Assert.Equal(check.KnownCodes, read.KnownCodes);
        Assert.Equal(check.OutsidePaths, read.OutsidePaths);
    }

    [Fact]
    public void The_host_key_is_rebuilt_from_the_codes_the_writing_checker_knew()
    {
        using var repository = Healthy();
        var cache = repository.PathOf("obj/metaissue");
        var options = new CheckerOptions(repository.Root);
        var saved = Save(repository, cache, options);
        Assert.Equal(MetaIssue.Rules.RuleCatalog.All.Select(r => r.Id), saved.KnownCodes);

        IReadOnlyList<string>? seen = null;
        Assert.Null(LastCheckFile.FindReplayable(cache, repository.Root, codes => { seen = codes; return "errors: " + string.Join(",", codes); }));
        Assert.Equal(saved.KnownCodes, seen);
        Assert.NotNull(LastCheckFile.FindReplayable(cache, repository.Root, _ => HostKey));
    }

    [Fact]
    public void An_edit_below_a_root_set_by_the_configuration_file_ends_the_replay()
    {
        using var repository = Healthy();
        repository.Write("notes/perf/README.md", "# Perf\n\n**Status:** Sorta\n");
        repository.Write(MetaIssue.Scanning.RepositoryConfig.FileName, "{ \"roots\": [\"notes\"] }");
        var cache = repository.PathOf("obj/metaissue");
        var options = new CheckerOptions(repository.Root);
        var scope = MetaIssue.Scanning.RepositoryConfig.Read(repository.Root).Apply(options); // as the build task does
        var tree = InputFingerprint.OfTree(scope);
        var result = MetaIssueChecker.Check(options);
        Assert.Contains(result.Diagnostics, d => d.FilePath.EndsWith("notes/perf/README.md", StringComparison.Ordinal));
        var findings = result.Diagnostics.Select(d => LoggedFinding.Of(d, string.Empty)).ToList();
        Assert.True(LastCheckFile.Write(cache, LastCheck.Of(HostKey, tree, scope, new[] { "MI010" }, result.OutsidePaths, findings, new ReplayedOutput("summary", null))));
        Assert.NotNull(LastCheckFile.FindReplayable(cache, repository.Root, _ => HostKey));

        repository.Write("notes/perf/analysis.md", "# Analysis\n");

        Assert.Null(LastCheckFile.FindReplayable(cache, repository.Root, _ => HostKey));
    }

    [Fact]
    public void A_fingerprint_taken_over_other_roots_than_the_saved_ones_is_never_replayed()
    {
        using var repository = Healthy();
        var cache = repository.PathOf("obj/metaissue");
        var elsewhere = new CheckerOptions(repository.Root) { MetaIssueRoots = new[] { "docs/meta-issues", "notes" } };
        var result = MetaIssueChecker.Check(new CheckerOptions(repository.Root));
        Assert.True(LastCheckFile.Write(cache, LastCheck.Of(HostKey, InputFingerprint.OfTree(elsewhere), result, Array.Empty<string>(), new ReplayedOutput("summary", null))));

        Assert.Null(LastCheckFile.FindReplayable(cache, HostKey, elsewhere));
    }

    private static LastCheck Save(TempRepository repository, string cache, CheckerOptions options)
    {
        var tree = InputFingerprint.OfTree(options);
        var result = MetaIssueChecker.Check(options);
        var check = LastCheck.Of(HostKey, tree, result, Array.Empty<string>(), new ReplayedOutput("summary", null));
        Assert.True(LastCheckFile.Write(cache, check));
        return check;
    }
}
