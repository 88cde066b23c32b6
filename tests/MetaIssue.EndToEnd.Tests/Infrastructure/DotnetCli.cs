using MetaIssue.Testing;

namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>
/// Runs the `dotnet` CLI for a test through <see cref="ProcessRunner"/> (standard input closed, output captured, the
/// whole process tree killed after a timeout) in the <see cref="IsolatedEnvironment"/>.
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
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string?>? extraEnvironment = null)
    {
        RefuseTheUsersTemplateHive(arguments);
        var environment = extraEnvironment is null
            ? IsolatedEnvironment.Variables
            : IsolatedEnvironment.Variables.Concat(extraEnvironment).GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        var run = await ProcessRunner.RunAsync(
            Executable, arguments, workingDirectory, timeout ?? DefaultTimeout, environment);
        return new CommandResult(
            CommandLine: ProcessRunner.FormatCommandLine("dotnet", arguments),
            WorkingDirectory: workingDirectory,
            ExitCode: run.ExitCode,
            StandardOutput: run.StandardOutput,
            StandardError: run.StandardError,
            TimedOut: run.TimedOut);
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
}
