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
