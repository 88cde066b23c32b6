using System.Diagnostics;
using System.Text;

namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>
/// Runs the `dotnet` CLI for a test: standard input closed (a prompt fails instead of hanging), output captured,
/// the whole process tree killed after a timeout, and the <see cref="IsolatedEnvironment"/>.
/// </summary>
public static class DotnetCli
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The `dotnet` running this test run, so child processes use the same SDK.</summary>
    private static string Executable => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host
        ? host
        : "dotnet";

    public static async Task<CommandResult> RunAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        TimeSpan? timeout = null)
    {
        RefuseTheUsersTemplateHive(arguments);

        var startInfo = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        IsolatedEnvironment.ApplyTo(startInfo.Environment);

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
        process.StandardInput.Close();
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();

        var timedOut = false;
        using (var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout))
        {
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        return new CommandResult(
            CommandLine: string.Join(' ', arguments.Prepend("dotnet").Select(Quote)),
            WorkingDirectory: workingDirectory,
            ExitCode: process.ExitCode,
            StandardOutput: await standardOutput,
            StandardError: await standardError,
            TimedOut: timedOut);
    }

    /// <summary>A `dotnet new` without `--debug:custom-hive` would read and write the user's own hive.</summary>
    private static void RefuseTheUsersTemplateHive(IReadOnlyList<string> arguments)
    {
        if (arguments.Count > 0 && arguments[0] == "new" && !arguments.Contains(TemplateHive.CustomHiveOption))
        {
            throw new InvalidOperationException(
                $"`dotnet new` must run with {TemplateHive.CustomHiveOption}; use {nameof(TemplateHive)}.");
        }
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(char.IsWhiteSpace) && !argument.Contains('"') ? argument : $"\"{argument}\"";
}
