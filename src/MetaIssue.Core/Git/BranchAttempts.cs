using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MetaIssue.IO;

namespace MetaIssue.Git;

/// <summary>
/// Attempt numbers that other local or remote-tracking branches already use for a meta-issue, read with git's plumbing
/// commands; empty outside a git work tree or without git. An instance lists a repository's branches once
/// (<c>git for-each-ref</c>, which also marks the current one) and reads a meta-issue's attempts folder on every other
/// branch with one <c>git cat-file --batch</c>: a check asks git once per repository and once per meta-issue with a
/// gap, however many branches there are (it used to start 3 processes plus one per branch for each such meta-issue:
/// about 150 ms per meta-issue with 40 branches). Thread-safe.
/// </summary>
public sealed class BranchAttempts
{
    private static readonly Regex AttemptFolder = new(@"^(\d{3,})-(.+)$", RegexOptions.CultureInvariant);

    // By work tree top; null when git could not list its branches.
    private readonly Dictionary<string, IReadOnlyList<Branch>?> _branches = new(StringComparer.Ordinal);
    private int _gitRuns;

    /// <summary>How many git processes this instance has started.</summary>
    public int GitRuns => Volatile.Read(ref _gitRuns);

    /// <summary>
    /// Attempt folders (<c>NNN-slug</c>) in <paramref name="attemptsFolder"/> (a full path) on every local and
    /// remote-tracking branch but the current one: branch by branch in git's order (by full ref name), each branch's names
    /// in tree order.
    /// </summary>
    public static IReadOnlyList<AttemptElsewhere> Find(string attemptsFolder) => new BranchAttempts().In(attemptsFolder);

    /// <summary>As <see cref="Find"/>, with the branches of each repository listed once for the life of this instance.</summary>
    public IReadOnlyList<AttemptElsewhere> In(string attemptsFolder)
    {
        // Where git's own discovery stops (a .git folder, or the .git file of a linked work tree or a submodule).
        var folder = PathText.Normalize(attemptsFolder);
        if (RepositoryRoot.Find(folder) is not { } found)
        {
            return Array.Empty<AttemptElsewhere>();
        }

        var top = PathText.Normalize(found);
        IReadOnlyList<Branch>? branches;
        lock (_branches)
        {
            if (!_branches.TryGetValue(top, out branches))
            {
                _branches[top] = branches = ListBranches(top);
            }
        }

        if (branches is null || branches.Count == 0)
        {
            return Array.Empty<AttemptElsewhere>();
        }

        // One request per commit: branches that point at the same commit share its answer. A request is a line.
        var relative = PathText.FromRoot(top, folder);
        if (relative.IndexOf('\n') >= 0)
        {
            return Array.Empty<AttemptElsewhere>();
        }

        var requests = new Dictionary<string, int>(StringComparer.Ordinal);
        var request = new StringBuilder();
        foreach (var branch in branches)
        {
            if (!requests.ContainsKey(branch.Commit))
            {
                requests[branch.Commit] = requests.Count;
                request.Append(branch.Commit).Append(':').Append(relative).Append('\n');
            }
        }

        if (Git(top, Encoding.UTF8.GetBytes(request.ToString()), "cat-file", "--batch") is not { } output)
        {
            return Array.Empty<AttemptElsewhere>();
        }

        var names = GitObjects.TreeNames(output, requests.Count);
        var attempts = new List<AttemptElsewhere>();
        foreach (var branch in branches)
        {
            foreach (var name in names[requests[branch.Commit]] ?? (IReadOnlyList<string>)Array.Empty<string>())
            {
                var match = AttemptFolder.Match(name);
                if (match.Success)
                {
                    attempts.Add(new AttemptElsewhere(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), name, branch.Name));
                }
            }
        }

        return attempts;
    }

    /// <summary>The local and remote-tracking branches but the current one and the remotes' <c>HEAD</c>; null when git fails.</summary>
    private IReadOnlyList<Branch>? ListBranches(string top)
    {
        // %(HEAD) is '*' for the branch HEAD names (none when detached); fields end with NUL, ref names cannot hold one.
        var output = Git(top, input: null, "for-each-ref", "--format=%(HEAD)%00%(objectname)%00%(refname)%00", "refs/heads", "refs/remotes");
        if (output is null)
        {
            return null;
        }

        var branches = new List<Branch>();
        foreach (var line in Encoding.UTF8.GetString(output).Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\0');
            if (fields.Length < 3 || fields[0] == "*" || fields[2].EndsWith("/HEAD", StringComparison.Ordinal))
            {
                continue;
            }

            branches.Add(new Branch(Short(fields[2]), fields[1]));
        }

        return branches;
    }

    private static string Short(string reference) =>
        reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference.Substring("refs/heads/".Length)
        : reference.StartsWith("refs/remotes/", StringComparison.Ordinal) ? reference.Substring("refs/remotes/".Length)
        : reference;

    /// <summary>
    /// The standard output of a git command given <paramref name="input"/> on its standard input, or null when git is
    /// missing, fails or takes over 20 seconds.
    /// </summary>
    private byte[]? Git(string folder, byte[]? input, params string[] arguments)
    {
        var start = new ProcessStartInfo("git", string.Join(" ", arguments.Select(Quote)))
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        try
        {
            Interlocked.Increment(ref _gitRuns);
            using var process = Process.Start(start)!;
            // Read before writing: a request larger than the pipe would otherwise wait on an answer nobody reads.
            var stdout = new MemoryStream();
            var reading = process.StandardOutput.BaseStream.CopyToAsync(stdout);
            _ = process.StandardError.ReadToEndAsync();
            if (input is not null)
            {
                process.StandardInput.BaseStream.Write(input, 0, input.Length);
            }

            process.StandardInput.Close();
            if (!process.WaitForExit(20_000))
            {
                process.Kill();
                return null;
            }

            reading.Wait();
            return process.ExitCode == 0 ? stdout.ToArray() : null;
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException or IOException or AggregateException)
        {
            return null;
        }
    }

    /// <summary>One argument as .NET splits a command line (the Windows rules, used on every platform): quotes and the backslashes before them escaped.</summary>
    private static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '"', '\\' }) < 0)
        {
            return argument;
        }

        var quoted = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            quoted.Append('\\', c == '"' ? backslashes * 2 + 1 : backslashes).Append(c);
            backslashes = 0;
        }

        return quoted.Append('\\', backslashes * 2).Append('"').ToString();
    }

    /// <summary>A branch other than the current one: its short name (<c>feature/x</c>, <c>origin/x</c>) and the commit it points at.</summary>
    private sealed record Branch(string Name, string Commit);
}

/// <summary>An attempt folder (<see cref="Name"/>, numbered <see cref="Number"/>) on another <see cref="Branch"/>.</summary>
public sealed record AttemptElsewhere(int Number, string Name, string Branch);
