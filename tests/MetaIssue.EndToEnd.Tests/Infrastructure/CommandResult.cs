namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>What a finished (or killed) command produced.</summary>
public sealed record CommandResult(
    string CommandLine,
    string WorkingDirectory,
    int ExitCode,
    string StandardOutput,
    string StandardError,
    bool TimedOut)
{
    /// <summary>Everything about the run, for assertion messages.</summary>
    public override string ToString() =>
        $"""
        $ {CommandLine}
        (in {WorkingDirectory}; exit code {ExitCode}{(TimedOut ? ", killed after the timeout" : "")})
        --- stdout ---
        {StandardOutput}
        --- stderr ---
        {StandardError}
        """;

    public void AssertExitCode(int expected) =>
        Assert.True(ExitCode == expected && !TimedOut, $"Expected exit code {expected}.\n{this}");
}
