using System.Diagnostics;

namespace MetaIssue.Tests.Support;

/// <summary>Splits a printed command line the way a POSIX shell does, by asking /bin/sh to print each word it sees.</summary>
internal static class PosixShell
{
    /// <summary>
    /// The words <c>sh</c> makes of <paramref name="commandLine"/>, one simple command (no command is run: each word
    /// is printed). Operators are refused, since they would run what follows them: split at <c>&amp;&amp;</c> first.
    /// </summary>
    public static IReadOnlyList<string> Words(string commandLine)
    {
        Assert.DoesNotContain(" && ", commandLine);
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("printf '%s\\0' " + commandLine);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"sh refused '{commandLine}': {error}");
        return output.Split('\0')[..^1];
    }
}
