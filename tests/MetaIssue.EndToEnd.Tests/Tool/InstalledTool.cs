using MetaIssue.EndToEnd.Infrastructure;
using MetaIssue.Testing;

namespace MetaIssue.EndToEnd.Tool;

/// <summary>
/// The packed MetaIssue.Tool installed with <c>dotnet tool install --tool-path</c> into a folder of this test run
/// (isolated NuGet caches), run through its <c>metaissue</c> shim as a user runs it, by the shared
/// <see cref="ProcessRunner"/>.
/// </summary>
public sealed class InstalledTool
{
    public const string PackageId = "MetaIssue.Tool";

    private static readonly Lazy<Task<InstalledTool>> InstalledOnce = new(InstallAsync);

    private InstalledTool(string toolPath) => ToolPath = toolPath;

    public string ToolPath { get; }

    public string Executable => Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "metaissue.exe" : "metaissue");

    public static Task<InstalledTool> GetAsync() => InstalledOnce.Value;

    public async Task<CommandResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        var environment = new Dictionary<string, string?>(IsolatedEnvironment.Variables) { ["NO_COLOR"] = "1" };
        var run = await ProcessRunner.RunAsync(Executable, arguments, workingDirectory, TimeSpan.FromMinutes(2), environment);
        return new CommandResult(
            ProcessRunner.FormatCommandLine("metaissue", arguments), workingDirectory, run.ExitCode, run.StandardOutput, run.StandardError, run.TimedOut);
    }

    private static async Task<InstalledTool> InstallAsync()
    {
        var packages = await ProductPackages.GetAsync();
        var package = Path.GetFileNameWithoutExtension(packages.PathOf(PackageId));
        var version = package[(PackageId.Length + 1)..];
        var toolPath = TestRun.CreateDirectory("tool");
        var install = await DotnetCli.RunAsync(
            toolPath,
            ["tool", "install", PackageId, "--version", version, "--tool-path", toolPath, "--add-source", packages.FeedDirectory, "--ignore-failed-sources"],
            TimeSpan.FromMinutes(3));
        install.AssertExitCode(0);
        return new InstalledTool(toolPath);
    }
}
