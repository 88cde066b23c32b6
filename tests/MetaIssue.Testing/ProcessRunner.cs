using System.Diagnostics;
using System.Text;
using CliWrap;

namespace MetaIssue.Testing;

/// <summary>
/// Runs a program the way tests and the benchmark need it: standard input closed (a prompt fails instead of
/// waiting), output captured as UTF-8 or streamed line by line, environment variables overridden or removed, and the
/// whole process tree killed when the timeout passes. Never throws for a non-zero exit code; throws
/// <see cref="System.ComponentModel.Win32Exception"/> (from the OS) when the program cannot be started.
/// </summary>
public static class ProcessRunner
{
    /// <param name="program">A program on PATH or a full path.</param>
    /// <param name="arguments">Passed one by one, never re-split on spaces.</param>
    /// <param name="workingDirectory">The folder the process starts in; must exist.</param>
    /// <param name="timeout">Wall-clock limit, after which the process and all its descendants are killed.</param>
    /// <param name="environment">Variables to set; a null value removes the variable from the inherited environment.</param>
    /// <param name="onOutputLine">
    /// When given, every line of standard output and standard error is passed to it (from two threads, possibly at
    /// once) and nothing is kept; use it for tools that print too much to hold.
    /// </param>
    public static async Task<ProcessResult> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null,
        Action<string>? onOutputLine = null)
    {
        var argumentList = arguments.ToList();
        var standardOutput = new StringBuilder();
        var standardError = new StringBuilder();
        var command = Cli.Wrap(program)
            .WithArguments(argumentList)
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(environment ?? new Dictionary<string, string?>())
            .WithValidation(CommandResultValidation.None)
            .WithStandardInputPipe(PipeSource.Null)
            .WithStandardOutputPipe(Target(standardOutput, onOutputLine))
            .WithStandardErrorPipe(Target(standardError, onOutputLine));

        using var forceful = new CancellationTokenSource();
        var stopwatch = Stopwatch.StartNew();
        var running = command.ExecuteAsync(forceful.Token);
        var timedOut = false;
        var exitCode = -1;
        try
        {
            exitCode = (await running.Task.WaitAsync(timeout)).ExitCode;
        }
        catch (TimeoutException)
        {
            timedOut = true;
            // Killed here rather than through the token: a `dotnet build` leaves MSBuild nodes and compilers behind.
            KillTree(running.ProcessId);
            forceful.Cancel();
            try
            {
                await running;
            }
            catch (OperationCanceledException)
            {
                // expected: the process was killed
            }
        }

        return new ProcessResult(
            FormatCommandLine(program, argumentList),
            workingDirectory,
            exitCode,
            standardOutput.ToString(),
            standardError.ToString(),
            timedOut,
            stopwatch.Elapsed);
    }

    /// <summary>The program and arguments as one would type them, arguments with spaces or quotes in double quotes.</summary>
    public static string FormatCommandLine(string program, IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Prepend(program).Select(Quote));

    /// <summary>The full path of <paramref name="program"/> in a folder of PATH, or null when it is in none.</summary>
    public static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    private static PipeTarget Target(StringBuilder captured, Action<string>? onLine) =>
        onLine is null ? PipeTarget.ToStringBuilder(captured, Encoding.UTF8) : PipeTarget.ToDelegate(onLine, Encoding.UTF8);

    private static void KillTree(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            // It ended between the timeout and the kill.
        }
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(char.IsWhiteSpace) && !argument.Contains('"') ? argument : $"\"{argument}\"";
}
