using MetaIssue.Benchmarks.Tools;

namespace MetaIssue.Benchmarks.Measuring;

/// <summary>
/// Turns a generated corpus into the git repository a team has: everything committed on <c>main</c>, and remote-tracking
/// branches (<c>origin/topic-NN</c>) at commits of their own. What the check asks git (only for meta-issues whose
/// attempt numbers have a gap) then costs what it costs in a clone, not what it costs in a folder git does not know.
/// </summary>
internal static class GitHistory
{
    /// <summary>
    /// Replaces the corpus's <c>.git</c> marker with a real repository holding one commit and
    /// <paramref name="remoteBranches"/> remote-tracking branches (each a commit of the same tree on top of it).
    /// </summary>
    /// <exception cref="InvalidOperationException">git is missing or one of its commands fails.</exception>
    public static void Create(string root, int remoteBranches)
    {
        Directory.Delete(Path.Combine(root, ".git"), recursive: true);
        Git(root, "init", "-q", "-b", "main");
        Git(root, "add", "-A");
        Git(root, "-c", "user.name=Benchmark", "-c", "user.email=benchmark@example.com", "commit", "-q", "-m", "corpus");
        var tree = Git(root, "rev-parse", "HEAD^{tree}");
        for (var i = 1; i <= remoteBranches; i++)
        {
            var commit = Git(root, "-c", "user.name=Benchmark", "-c", "user.email=benchmark@example.com", "commit-tree", tree, "-p", "HEAD", "-m", $"topic {i}");
            Git(root, "update-ref", $"refs/remotes/origin/topic-{i:00}", commit);
        }
    }

    private static string Git(string root, params string[] arguments)
    {
        var run = ExternalTool.Run("git", arguments, root, TimeSpan.FromMinutes(5));
        if (!run.Succeeded)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({run.Describe()}): {string.Join(" | ", run.Tail.TakeLast(5))}");
        }

        return run.Tail.LastOrDefault()?.Trim() ?? string.Empty;
    }
}
