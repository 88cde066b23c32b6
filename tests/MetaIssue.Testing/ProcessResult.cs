namespace MetaIssue.Testing;

/// <summary>
/// What a finished (or killed) process produced. <see cref="ExitCode"/> is -1 when <see cref="TimedOut"/>; the
/// output texts are empty when the lines were streamed to a callback instead of captured.
/// </summary>
public sealed record ProcessResult(
    string CommandLine,
    string WorkingDirectory,
    int ExitCode,
    string StandardOutput,
    string StandardError,
    bool TimedOut,
    TimeSpan Duration)
{
    /// <summary>Standard output followed by standard error.</summary>
    public string Output => StandardOutput + StandardError;

    /// <summary>True when the process ran to its end with exit code 0.</summary>
    public bool Succeeded => ExitCode == 0 && !TimedOut;
}
