using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MetaIssue.IO;

namespace MetaIssue.Git;

/// <summary>
/// Attempt numbers that other local or remote-tracking branches already use for a meta-issue, read with the git
/// command line (<c>git for-each-ref</c>, <c>git ls-tree</c>); empty outside a git work tree or without git.
/// </summary>
public static class BranchAttempts
{
    private static readonly Regex AttemptFolder = new(@"^(\d{3,})-(.+)$", RegexOptions.CultureInvariant);

    /// <summary>Attempt folders (<c>NNN-slug</c>) in <paramref name="attemptsFolder"/> (a full path) on every local and remote-tracking branch but the current one.</summary>
    public static IReadOnlyList<AttemptElsewhere> Find(string attemptsFolder)
    {
        var folder = Directory.Exists(attemptsFolder) ? attemptsFolder : Path.GetDirectoryName(attemptsFolder)!;
        var top = Git(folder, "rev-parse", "--show-toplevel");
        if (top is null)
        {
            return Array.Empty<AttemptElsewhere>();
        }

        var relative = PathText.FromRoot(PathText.Normalize(top.Trim()), PathText.Normalize(attemptsFolder));
        var current = Git(folder, "symbolic-ref", "-q", "HEAD")?.Trim();
        var refs = (Git(folder, "for-each-ref", "--format=%(refname)", "refs/heads", "refs/remotes") ?? string.Empty)
            .Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(r => r.Trim())
            .Where(r => r != current && !r.EndsWith("/HEAD", StringComparison.Ordinal));
        var found = new List<AttemptElsewhere>();
        foreach (var reference in refs)
        {
            // --full-tree: run inside a subfolder, ls-tree would list only what lies below it.
            var names = Git(folder, "ls-tree", "-z", "--full-tree", "--name-only", $"{reference}:{relative}");
            foreach (var name in (names ?? string.Empty).Split(new[] { '\0' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var match = AttemptFolder.Match(name);
                if (match.Success)
                {
                    found.Add(new AttemptElsewhere(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), name, Short(reference)));
                }
            }
        }

        return found;
    }

    /// <summary>One argument as .NET splits a command line (the Windows rules, used on every platform): quotes and the backslashes before them escaped.</summary>
    private static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '"', '\\' }) < 0)
        {
            return argument;
        }

        var quoted = new System.Text.StringBuilder("\"");
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

    private static string Short(string reference) =>
        reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference.Substring("refs/heads/".Length)
        : reference.StartsWith("refs/remotes/", StringComparison.Ordinal) ? reference.Substring("refs/remotes/".Length)
        : reference;

    /// <summary>The standard output of a git command, or null when git is missing, fails or takes over 20 seconds.</summary>
    private static string? Git(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git", string.Join(" ", arguments.Select(Quote)))
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new System.Text.UTF8Encoding(false), // -z output is raw UTF-8, names unquoted
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        try
        {
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(20_000))
            {
                process.Kill();
                return null;
            }

            return process.ExitCode == 0 ? stdout.Result : null;
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}

/// <summary>An attempt folder (<see cref="Name"/>, numbered <see cref="Number"/>) on another <see cref="Branch"/>.</summary>
public sealed record AttemptElsewhere(int Number, string Name, string Branch);
