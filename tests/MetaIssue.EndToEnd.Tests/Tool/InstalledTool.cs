using System.Diagnostics;
using System.Text;
using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd.Tool;

/// <summary>
/// The packed MetaIssue.Tool installed with <c>dotnet tool install --tool-path</c> into a folder of this test run
/// (isolated NuGet caches), run through its <c>metaissue</c> shim as a user runs it: standard input closed, output
/// captured, killed after a timeout.
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
        var start = new ProcessStartInfo(Executable)
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
            start.ArgumentList.Add(argument);
        }

        IsolatedEnvironment.ApplyTo(start.Environment);
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var timedOut = false;
        using (var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
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

        return new CommandResult("metaissue " + string.Join(' ', arguments), workingDirectory, process.ExitCode, await output, await error, timedOut);
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
