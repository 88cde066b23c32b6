using System.Diagnostics;
using MetaIssue.Git;
using MetaIssue.Tests.Support;

namespace MetaIssue.Tests.Git;

/// <summary>Attempt numbers on other branches, read with the real git command line in throw-away repositories.</summary>
public sealed class BranchAttemptsTests : IDisposable
{
    private readonly TempRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [SkippableFact]
    public void Finds_the_attempt_folders_of_other_local_branches_only()
    {
        Skip.IfNot(Git("--version"), "git is not installed");
        Assert.True(Git("init", "-q", "-b", "main"));
        _repo.Write("docs/meta-issues/perf/attempts/001-baseline/attempt-results.md", "x\n");
        Commit("one");
        Assert.True(Git("checkout", "-q", "-b", "feature/ünïcode-cache"));
        _repo.Write("docs/meta-issues/perf/attempts/002-caching/attempt-results.md", "x\n");
        _repo.Write("docs/meta-issues/perf/attempts/notes.md", "x\n");
        Commit("two");
        Assert.True(Git("checkout", "-q", "main"));

        var found = BranchAttempts.Find(_repo.PathOf("docs/meta-issues/perf/attempts"));

        Assert.Equal(new[] { new AttemptElsewhere(1, "001-baseline", "feature/ünïcode-cache"), new AttemptElsewhere(2, "002-caching", "feature/ünïcode-cache") }, found);
    }

    [Fact]
    public void Outside_a_git_work_tree_it_finds_nothing()
    {
        _repo.Write("docs/meta-issues/perf/attempts/001-baseline/attempt-results.md", "x\n");

        Assert.Empty(BranchAttempts.Find(_repo.PathOf("docs/meta-issues/perf/attempts")));
    }

    private void Commit(string message)
    {
        Assert.True(Git("add", "-A"));
        Assert.True(Git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message));
    }

    private bool Git(params string[] arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments) { WorkingDirectory = _repo.Root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })!;
            git.StandardOutput.ReadToEnd();
            git.StandardError.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
