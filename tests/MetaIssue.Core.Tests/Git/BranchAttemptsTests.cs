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
        await _repo.GitAsync("init", "-q", "-b", "main");
        _repo.Write("docs/meta-issues/perf/attempts/001-baseline/attempt-results.md", "x\n");
        await Commit("one");
        await _repo.GitAsync("checkout", "-q", "-b", "feature/ünïcode-cache");
        _repo.Write("docs/meta-issues/perf/attempts/002-caching/attempt-results.md", "x\n");
        _repo.Write("docs/meta-issues/perf/attempts/notes.md", "x\n");
        await Commit("two");
        await _repo.GitAsync("checkout", "-q", "main");

        var found = BranchAttempts.Find(_repo.PathOf("docs/meta-issues/perf/attempts"));

        Assert.Equal(new[] { new AttemptElsewhere(1, "001-baseline", "feature/ünïcode-cache"), new AttemptElsewhere(2, "002-caching", "feature/ünïcode-cache") }, found);
    }

    [SkippableFact]
    public async Task A_gap_held_by_another_branch_names_that_branch_instead_of_a_rename()
    {
        Skip.If(ProcessRunner.Which("git") is null, "git is not installed");
        await _repo.GitAsync("init", "-q", "-b", "main");
        foreach (var file in MetaIssue.Templates.TemplateRenderer.Render("metaissue", "perf", new Dictionary<string, string>(), DateTime.Today))
        {
            _repo.Write("docs/meta-issues/" + file.Path, file.Content);
        }

        await Commit("one");
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

    [Fact]
    public void Outside_a_git_work_tree_it_finds_nothing()
    {
        _repo.Write("docs/meta-issues/perf/attempts/001-baseline/attempt-results.md", "x\n");

        Assert.Empty(BranchAttempts.Find(_repo.PathOf("docs/meta-issues/perf/attempts")));
    }

    private async Task Commit(string message)
    {
        await _repo.GitAsync("add", "-A");
        await _repo.GitAsync("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message);
    }
}
