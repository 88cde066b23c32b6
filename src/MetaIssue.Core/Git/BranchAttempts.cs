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
/// 100–180 ms per meta-issue with 40 branches). Git runs in the folder asked about (or its nearest existing parent), so
/// it finds the repository as it does for the user; each process is killed after 20 seconds; a branch whose objects git
/// cannot read (a partial clone offline) hides only itself. Thread-safe.
/// </summary>
public sealed class BranchAttempts
{
    private static readonly Regex AttemptFolder = new(@"^([0-9]{3,})-(.+)$", RegexOptions.CultureInvariant);

    /// <summary>What <see cref="Inputs"/> start with: no full path does.</summary>
    public const string InputPrefix = "git-branches:";

    // By the nearest folder holding .git (empty when there is none); null when git could not list the branches.
    private readonly Dictionary<string, IReadOnlyList<Branch>?> _branches = new(StringComparer.Ordinal);
    private readonly List<string> _inputs = new();
    private int _gitRuns;

    /// <summary>
    /// What the answers so far depended on besides the folders' own files: one <c>git-branches:&lt;folder&gt;</c> per
    /// repository whose branches were listed, naming the folder git ran in. A check keeps them with the paths it looked
    /// at outside the tree, and <see cref="DescribeInput"/> tells whether one has changed since: a branch created,
    /// moved, deleted or checked out changes what MI003 says without any file of the docs changing.
    /// </summary>
    public IReadOnlyList<string> Inputs
    {
        get
        {
            lock (_branches)
            {
                return _inputs.ToList();
            }
        }
    }

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
        if (string.IsNullOrWhiteSpace(attemptsFolder) || Asking(PathText.Normalize(attemptsFolder)) is not var (folder, request))
        {
            return Array.Empty<AttemptElsewhere>();
        }

        // Git is run in the folder (or its nearest existing parent) and finds its repository there, as it does for the
        // user: GIT_DIR, GIT_CEILING_DIRECTORIES and a stray .git below the real top all count. The branches are kept per
        // nearest .git (none: one key for all), which no two repositories of one check share.
        var key = RepositoryRoot.Find(folder) ?? string.Empty;
        IReadOnlyList<Branch>? branches;
        lock (_branches)
        {
            if (!_branches.TryGetValue(key, out branches))
            {
                var listed = ListBranches(folder);
                _branches[key] = branches = listed?.Others;
                if (listed is not null)
                {
                    _inputs.Add(InputPrefix + folder);
                }
            }
        }

        if (branches is null || branches.Count == 0)
        {
            return Array.Empty<AttemptElsewhere>();
        }

        // One request per commit: branches that point at the same commit share its answer.
        var requests = new Dictionary<string, int>(StringComparer.Ordinal);
        var commits = new List<string>();
        foreach (var branch in branches)
        {
            if (!requests.ContainsKey(branch.Commit))
            {
                requests[branch.Commit] = commits.Count;
                commits.Add(branch.Commit);
            }
        }

        var names = new IReadOnlyList<string>?[commits.Count];
        for (var from = 0; from < commits.Count;)
        {
            var text = new StringBuilder();
            for (var i = from; i < commits.Count; i++)
            {
                text.Append(commits[i]).Append(':').Append(request).Append('\n');
            }

            // cat-file stops at a request it cannot answer (an object a partial clone cannot fetch, say): the answers
            // before it are kept, and the requests after it are asked again, so one bad branch hides only itself.
            if (Git(folder, Encoding.UTF8.GetBytes(text.ToString()), acceptFailure: true, "cat-file", "--batch") is not { } run)
            {
                break;
            }

            var answers = GitObjects.TreeNames(run.Output, commits.Count - from, out var answered);
            Array.Copy(answers, 0, names, from, answered);
            if (run.Succeeded || answered == commits.Count - from)
            {
                break;
            }

            from += answered + 1;
        }

        var attempts = new List<AttemptElsewhere>();
        foreach (var branch in branches)
        {
            foreach (var name in names[requests[branch.Commit]] ?? (IReadOnlyList<string>)Array.Empty<string>())
            {
                // ASCII digits only, and a number an int holds: a name git stores is not a promise of a sane one.
                var match = AttemptFolder.Match(name);
                if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    attempts.Add(new AttemptElsewhere(number, name, branch.Name));
                }
            }
        }

        return attempts;
    }

    /// <summary>
    /// Where to run git for <paramref name="folder"/> (it, or its nearest existing parent) and the path to ask for,
    /// relative to there (<c>./</c>, or <c>./missing/part</c>); null when there is no such parent or the path cannot
    /// be one line of a <c>cat-file --batch</c> request (a line feed, or a carriage return git would strip before it).
    /// </summary>
    private static (string Folder, string Request)? Asking(string folder)
    {
        var missing = new List<string>();
        for (var current = folder; !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            if (Directory.Exists(current))
            {
                missing.Reverse();
                var request = "./" + string.Join("/", missing);
                return request.IndexOf('\n') >= 0 || request.EndsWith("\r", StringComparison.Ordinal) ? null : (current, request);
            }

            missing.Add(Path.GetFileName(current));
        }

        return null;
    }

    /// <summary>
    /// The state of one of <see cref="Inputs"/> now: the current branch and every other branch with the commit it points
    /// at, as git lists them in that folder (or its nearest existing parent), or <c>unavailable</c>. Starts git once.
    /// </summary>
    public static string DescribeInput(string input)
    {
        var folder = input.StartsWith(InputPrefix, StringComparison.Ordinal) ? input.Substring(InputPrefix.Length) : input;
        if (Asking(PathText.Normalize(folder)) is not var (existing, _) || new BranchAttempts().ListBranches(existing) is not { } listed)
        {
            return "unavailable";
        }

        var text = new StringBuilder("current ").Append(listed.Current ?? "(detached)").Append('\n');
        foreach (var branch in listed.Others)
        {
            text.Append(branch.Name).Append(' ').Append(branch.Commit).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// The current branch (null when detached) and the local and remote-tracking branches but it and the remotes'
    /// <c>HEAD</c>; null when git fails.
    /// </summary>
    private BranchList? ListBranches(string folder)
    {
        // %(HEAD) is '*' for the branch HEAD names (none when detached); fields end with NUL, ref names cannot hold one.
        var run = Git(folder, input: null, acceptFailure: false, "for-each-ref", "--format=%(HEAD)%00%(objectname)%00%(refname)%00", "refs/heads", "refs/remotes");
        if (run is not { Output: var output })
        {
            return null;
        }

        var branches = new List<Branch>();
        string? current = null;
        foreach (var line in Encoding.UTF8.GetString(output).Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\0');
            if (fields.Length < 3 || fields[2].EndsWith("/HEAD", StringComparison.Ordinal))
            {
                continue;
            }

            if (fields[0] == "*")
            {
                current = Short(fields[2]);
                continue;
            }

            branches.Add(new Branch(Short(fields[2]), fields[1]));
        }

        return new BranchList(current, branches);
    }

    private static string Short(string reference) =>
        reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference.Substring("refs/heads/".Length)
        : reference.StartsWith("refs/remotes/", StringComparison.Ordinal) ? reference.Substring("refs/remotes/".Length)
        : reference;

    /// <summary>
    /// What a git command given <paramref name="input"/> on its standard input wrote to its standard output, and whether
    /// it succeeded; null when git is missing, takes over 20 seconds (it is then killed, whatever it was doing), or fails
    /// and <paramref name="acceptFailure"/> is false.
    /// </summary>
    private GitRun? Git(string folder, byte[]? input, bool acceptFailure, params string[] arguments)
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
            // Output is read and input written on other threads: a request or an answer larger than a pipe holds would
            // otherwise block this one, before the time limit below is even looked at.
            var stdout = new MemoryStream();
            var reading = process.StandardOutput.BaseStream.CopyToAsync(stdout);
            _ = process.StandardError.ReadToEndAsync();
            var writing = Task.Run(() =>
            {
                try
                {
                    if (input is not null)
                    {
                        process.StandardInput.BaseStream.Write(input, 0, input.Length);
                    }

                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // git stopped reading (it failed, or was killed): its exit code says what happened.
                }
            });
            if (!process.WaitForExit(20_000))
            {
                process.Kill();
                return null;
            }

            reading.Wait();
            writing.Wait();
            return process.ExitCode == 0 || acceptFailure ? new GitRun(stdout.ToArray(), process.ExitCode == 0) : null;
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

    /// <summary>A git command's standard output, and whether it exited with 0.</summary>
    private sealed record GitRun(byte[] Output, bool Succeeded);

    /// <summary>A branch other than the current one: its short name (<c>feature/x</c>, <c>origin/x</c>) and the commit it points at.</summary>
    private sealed record Branch(string Name, string Commit);

    /// <summary>The current branch's short name (null when HEAD is detached) and every other branch.</summary>
    private sealed record BranchList(string? Current, IReadOnlyList<Branch> Others);
}

/// <summary>An attempt folder (<see cref="Name"/>, numbered <see cref="Number"/>) on another <see cref="Branch"/>.</summary>
public sealed record AttemptElsewhere(int Number, string Name, string Branch);
