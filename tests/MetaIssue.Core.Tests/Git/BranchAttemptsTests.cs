using MetaIssue.Git;
using MetaIssue.Testing;
using MetaIssue.Tests.Support;

namespace MetaIssue.Tests.Git;

/// <summary>Attempt numbers on other branches, read with the real git command line in throw-away repositories.</summary>
public sealed class BranchAttemptsTests : IDisposable
{
    private readonly TempRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [SkippableFact]
    public async Task Finds_the_attempt_folders_of_other_local_branches_only()
    {
        Skip.If(ProcessRunner.Which("git") is null, "git is not installed");
        await Main("perf/attempts/001-baseline/attempt-results.md");
        await Branch("feature/ünïcode-cache", "perf/attempts/002-caching/attempt-results.md", "perf/attempts/notes.md");

        var found = BranchAttempts.Find(_repo.PathOf("docs/meta-issues/perf/attempts"));

        Assert.Equal(new[] { new AttemptElsewhere(1, "001-baseline", "feature/ünïcode-cache"), new AttemptElsewhere(2, "002-caching", "feature/ünïcode-cache") }, found);
    }

    [SkippableFact]
    public async Task A_gap_held_by_another_branch_names_that_branch_instead_of_a_rename()
    {
        Skip.If(ProcessRunner.Which("git") is null, "git is not installed");
        await ScaffoldedMain();
        await _repo.GitAsync("checkout", "-q", "-b", "cache");
        _repo.Write("docs/meta-issues/perf/attempts/002-caching/attempt-results.md", "# Attempt 002 Results\n\n**Status:** 🔄 In Progress\n");
        await Commit("two");
        await _repo.GitAsync("checkout", "-q", "main");
        _repo.Write("docs/meta-issues/perf/attempts/003-pooling/attempt-results.md", "# Attempt 003 Results\n\n**Status:** 🔄 In Progress\n");

        var gap = Assert.Single(_repo.Check().Diagnostics, d => d.Code == "MI003");

        Assert.Equal("attempt 002 is missing: numbering jumps to 003; attempt 002 is on branch cache (002-caching): merge that branch, nothing to rename", gap.Message);
        await _repo.GitAsync("branch", "-q", "-D", "cache");
        Assert.Matches(@"rename \S*attempts/003-pooling to \S*attempts/002-pooling", Assert.Single(_repo.Check().Diagnostics, d => d.Code == "MI003").Message);
    }

    [SkippableFact]
    public async Task A_branch_made_or_deleted_since_the_last_check_changes_the_next_finding_with_every_cache_in_place()
    {
        Skip.If(ProcessRunner.Which("git") is null, "git is not installed");
        await ScaffoldedMain("docs/meta-issues/perf/attempts/003-pooling/attempt-results.md");
        var cache = _repo.PathOf("obj/metaissue");
        var options = new CheckerOptions(_repo.Root) { CacheDirectory = cache };
        string Gap() => Assert.Single(MetaIssueChecker.Check(options).Diagnostics, d => d.Code == "MI003").Message;
        const string Rename = @"rename \S*attempts/003-pooling to \S*attempts/002-pooling";
        Assert.Matches(Rename, Gap());

        // What a build keeps to replay its findings when nothing it read has changed.
        var fingerprint = MetaIssue.Caching.InputFingerprint.OfTree(options);
        var result = MetaIssueChecker.Check(options);
        Assert.True(MetaIssue.Caching.LastCheckFile.Write(cache, MetaIssue.Caching.LastCheck.Of("host", fingerprint, result, Array.Empty<string>(), new MetaIssue.Caching.ReplayedOutput("summary", null))));
        Assert.NotNull(MetaIssue.Caching.LastCheckFile.FindReplayable(cache, "host", options));

        // A branch holding 002 appears, committed in another work tree: no file of this one changes.
        using var elsewhere = new TempRepository();
        var tree = elsewhere.PathOf("work-tree");
        await _repo.GitAsync("worktree", "add", "-q", "-b", "cache", tree, "main");
        Directory.CreateDirectory(Path.Combine(tree, "docs/meta-issues/perf/attempts/002-caching"));
        File.WriteAllText(Path.Combine(tree, "docs/meta-issues/perf/attempts/002-caching/attempt-results.md"), "x\n");
        await _repo.GitAsync("-C", tree, "add", "-A");
        await _repo.GitAsync("-C", tree, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "002");
        await _repo.GitAsync("worktree", "remove", "--force", tree);

        Assert.Null(MetaIssue.Caching.LastCheckFile.FindReplayable(cache, "host", options));
        Assert.Contains("attempt 002 is on branch cache (002-caching)", Gap()); // the rule results of the last check are not reused

        await _repo.GitAsync("branch", "-q", "-D", "cache");
        Assert.Matches(Rename, Gap());
    }

    [SkippableFact]
    public async Task One_instance_lists_the_branches_once_and_reads_each_folder_on_every_branch_with_one_git_process()
    {
        Skip.If(ProcessRunner.Which("git") is null, "git is not installed");
        await Main(new[] { "alpha", "beta", "gamma" }.Select(issue => $"{issue}/attempts/001-baseline/attempt-results.md").ToArray());
        await Branch("wide", "alpha/attempts/002-two words ü/attempt-results.md", "alpha/attempts/003-a-file.md", "beta/attempts/002-cache/attempt-results.md");

        // Twelve more branches at main's commit, and what a clone has: origin's branches and origin/HEAD (skipped).
        for (var i = 0; i < 12; i++)
        {
            await _repo.GitAsync("branch", $"same-{i:00}");
        }

        await _repo.GitAsync("update-ref", "refs/remotes/origin/wide", "wide");
        await _repo.GitAsync("update-ref", "refs/remotes/origin/main", "main");
        await _repo.GitAsync("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main");
        var branches = new BranchAttempts();

        var alpha = branches.In(_repo.PathOf("docs/meta-issues/alpha/attempts"));
        var beta = branches.In(_repo.PathOf("docs/meta-issues/beta/attempts"));
        var gamma = branches.In(_repo.PathOf("docs/meta-issues/gamma/attempts"));

        string Names(IEnumerable<AttemptElsewhere> found) => string.Join(", ", found.Select(a => $"{a.Branch}:{a.Number}:{a.Name}"));
        var sameOnes = string.Join(", ", Enumerable.Range(0, 12).Select(i => $"same-{i:00}:1:001-baseline"));
        // In git's order of the full ref names (refs/heads/… before refs/remotes/…), each branch's names in tree order.
        Assert.Equal(sameOnes + ", wide:1:001-baseline, wide:2:002-two words ü, wide:3:003-a-file.md, "
            + "origin/main:1:001-baseline, origin/wide:1:001-baseline, origin/wide:2:002-two words ü, origin/wide:3:003-a-file.md", Names(alpha));
        Assert.Equal(sameOnes + ", wide:1:001-baseline, wide:2:002-cache, origin/main:1:001-baseline, origin/wide:1:001-baseline, origin/wide:2:002-cache", Names(beta));
        Assert.Equal(15, gamma.Count);
        Assert.Equal(1 + 3, branches.GitRuns); // for-each-ref once, then one cat-file per folder, whatever the branch count

        // Detached, no branch is the current one: main is listed too.
        await _repo.GitAsync("checkout", "-q", "--detach", "main");
        Assert.Contains(new AttemptElsewhere(1, "001-baseline", "main"), BranchAttempts.Find(_repo.PathOf("docs/meta-issues/gamma/attempts")));
    }

    [SkippableFact]
    public async Task Reads_the_folders_of_a_repository_with_SHA_256_object_ids()
    {
        Skip.If(ProcessRunner.Which("git") is null, "git is not installed");
        await Main("perf/attempts/001-baseline/attempt-results.md", "--object-format=sha256");
        await Branch("other", "perf/attempts/002-caching/attempt-results.md", "perf/attempts/003-pooling/attempt-results.md");

        var found = BranchAttempts.Find(_repo.PathOf("docs/meta-issues/perf/attempts"));

        Assert.Equal(new[] { "001-baseline", "002-caching", "003-pooling" }, found.Select(a => a.Name));
    }

    [SkippableFact]
    public async Task Git_finds_the_repository_as_it_does_for_the_user_and_odd_names_on_other_branches_are_skipped()
    {
        Skip.If(ProcessRunner.Which("git") is null, "git is not installed");
        await Main("perf/attempts/001-baseline/attempt-results.md");
        await Branch("odd", "perf/attempts/002-caching/attempt-results.md", "perf/attempts/99999999999999-huge/a.md", "perf/attempts/\u0660\u0660\u0663-arabic-digits/a.md", "only/attempts/004-elsewhere/a.md");

        // A leftover .git folder that git does not take for a repository, between the folder and the real top.
        Directory.CreateDirectory(_repo.PathOf("docs/meta-issues/.git"));

        var found = BranchAttempts.Find(_repo.PathOf("docs/meta-issues/perf/attempts"));
        var elsewhereOnly = BranchAttempts.Find(_repo.PathOf("docs/meta-issues/only/attempts")); // no such folder here

        Assert.Equal(new[] { "odd:1:001-baseline", "odd:2:002-caching" }, found.Select(a => $"{a.Branch}:{a.Number}:{a.Name}"));
        Assert.Equal(new[] { "odd:4:004-elsewhere" }, elsewhereOnly.Select(a => $"{a.Branch}:{a.Number}:{a.Name}"));
    }

    [SkippableFact]
    public async Task A_branch_git_cannot_read_hides_only_itself()
    {
        Skip.If(ProcessRunner.Which("git") is null, "git is not installed");
        await Main("perf/attempts/001-baseline/attempt-results.md");
        await Branch("a-far", "perf/attempts/002-far/attempt-results.md");
        await Branch("b-near", "perf/attempts/003-near/attempt-results.md");
        await _repo.GitAsync("config", "uploadpack.allowFilter", "true");

        // A partial clone without trees, whose source then goes away: a branch whose trees were never fetched cannot
        // be read, while main (checked out, so its trees are here) still can.
        using var clone = new TempRepository();
        await clone.GitAsync("clone", "-q", "--filter=tree:0", "--no-checkout", "file://" + _repo.Root, clone.PathOf("c"));
        await clone.GitAsync("-C", clone.PathOf("c"), "checkout", "-q", "main");
        await clone.GitAsync("-C", clone.PathOf("c"), "update-ref", "refs/remotes/origin/z-main", "main");
        Directory.Move(_repo.PathOf("docs"), _repo.PathOf("docs-moved"));
        Directory.Move(_repo.PathOf(".git"), _repo.PathOf("git-moved"));

        var found = BranchAttempts.Find(clone.PathOf("c/docs/meta-issues/perf/attempts"));

        Assert.Contains(new AttemptElsewhere(1, "001-baseline", "origin/z-main"), found);
        Assert.DoesNotContain(found, a => a.Name == "002-far" || a.Name == "003-near");
    }

    [Fact]
    public void Outside_a_git_work_tree_it_finds_nothing()
    {
        _repo.Write("docs/meta-issues/perf/attempts/001-baseline/attempt-results.md", "x\n");

        Assert.Empty(BranchAttempts.Find(_repo.PathOf("docs/meta-issues/perf/attempts")));
    }

    /// <summary>
    /// A repository on main holding the meta-issue <c>perf</c> as the template writes it (attempt 001), and
    /// <paramref name="pooling"/> as attempt 003's results when given, committed.
    /// </summary>
    private async Task ScaffoldedMain(string? pooling = null)
    {
        await _repo.GitAsync("init", "-q", "-b", "main");
        foreach (var file in MetaIssue.Templates.TemplateRenderer.Render("metaissue", "perf", new Dictionary<string, string>(), DateTime.Today))
        {
            _repo.Write("docs/meta-issues/" + file.Path, file.Content);
        }

        if (pooling is not null)
        {
            _repo.Write(pooling, "# Attempt 003 Results\n\n**Status:** 🔄 In Progress\n");
        }

        await Commit("main");
    }

    /// <summary>A repository on main holding these files (below docs/meta-issues/), committed; <paramref name="init"/> adds options to git init.</summary>
    private async Task Main(params string[] files) => await Main(files, Array.Empty<string>());

    private async Task Main(string file, string init) => await Main(new[] { file }, new[] { init });

    private async Task Main(string[] files, string[] init)
    {
        await _repo.GitAsync(new[] { "init", "-q", "-b", "main" }.Concat(init).ToArray());
        foreach (var file in files)
        {
            _repo.Write("docs/meta-issues/" + file, "x\n");
        }

        await Commit("main");
    }

    /// <summary>A branch off main that adds these files (below docs/meta-issues/) in one commit; main is checked out again.</summary>
    private async Task Branch(string name, params string[] files)
    {
        await _repo.GitAsync("checkout", "-q", "-b", name);
        foreach (var file in files)
        {
            _repo.Write("docs/meta-issues/" + file, "x\n");
        }

        await Commit(name);
        await _repo.GitAsync("checkout", "-q", "main");
    }

    private async Task Commit(string message)
    {
        await _repo.GitAsync("add", "-A");
        await _repo.GitAsync("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message);
    }
}
