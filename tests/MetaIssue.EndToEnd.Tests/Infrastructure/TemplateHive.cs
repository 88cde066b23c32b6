namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>
/// An isolated `dotnet new` template hive (`--debug:custom-hive`) below the test run's folder. The user's own hive
/// (~/.templateengine) is never read or written. Not safe for concurrent use: give each test collection its own.
/// </summary>
public sealed class TemplateHive
{
    public const string CustomHiveOption = "--debug:custom-hive";

    private const string NoUpdateCheckOption = "--no-update-check";

    private TemplateHive(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>Creates an empty hive and installs each package (a .nupkg path or a template folder) into it.</summary>
    public static async Task<TemplateHive> CreateAsync(params string[] packagesToInstall)
    {
        var hive = new TemplateHive(TestRun.CreateDirectory("hive"));
        foreach (var package in packagesToInstall)
        {
            var install = await hive.RunAsync(TestRun.Root, "install", package);
            if (install.ExitCode != 0)
            {
                throw new InvalidOperationException($"Installing {package} into the test hive failed.\n{install}");
            }
        }

        return hive;
    }

    /// <summary>Any `dotnet new` subcommand against this hive, e.g. <c>RunAsync(dir, "list", "--tag", "MetaIssue")</c>.</summary>
    public Task<CommandResult> RunAsync(string workingDirectory, params string[] arguments) =>
        DotnetCli.RunAsync(workingDirectory, ["new", .. arguments, CustomHiveOption, Directory]);

    /// <summary>
    /// Instantiates a template, e.g. <c>NewAsync(repo, "metaissue", "-n", "perf")</c>, skipping the NuGet update
    /// check (~0.4 s a run).
    /// </summary>
    public Task<CommandResult> NewAsync(string workingDirectory, string shortName, params string[] arguments) =>
        RunAsync(workingDirectory, [shortName, .. arguments, NoUpdateCheckOption]);

    /// <summary>What <see cref="NewAsync"/> appends to the caller's arguments, as `dotnet new` echoes it back.</summary>
    public string AppendedByNewAsync => $"{NoUpdateCheckOption} {CustomHiveOption} {Directory}";
}
