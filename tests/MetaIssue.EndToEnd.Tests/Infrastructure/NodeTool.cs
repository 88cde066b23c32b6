using System.Collections.Concurrent;
using MetaIssue.Testing;

namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>
/// An npm package installed for the tests into artifacts/node-tools/ (kept between runs, ignored by git), e.g. the
/// SARIF Multitool or the Mermaid CLI. Without npm the calling test is skipped with a note, unless
/// METAISSUE_REQUIRE_NODE_TOOLS=1 (set by .ci/run), where a missing tool fails the test.
/// </summary>
public sealed class NodeTool
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<NodeTool>>> Installed = new();

    private NodeTool(string directory) => Directory = directory;

    /// <summary>The folder holding node_modules/.</summary>
    public string Directory { get; }

    public static bool Required => Environment.GetEnvironmentVariable("METAISSUE_REQUIRE_NODE_TOOLS") == "1";

    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    public static Task<NodeTool> GetAsync(string package, string version) => GetPackagesAsync($"{package}@{version}");

    /// <summary>Several packages installed side by side (a CLI and its plugins), e.g. <c>GetPackagesAsync("remark-cli@12.0.1", "remark-validate-links@13.1.0")</c>.</summary>
    public static Task<NodeTool> GetPackagesAsync(params string[] specs) =>
        Installed.GetOrAdd(string.Join(" ", specs), _ => new Lazy<Task<NodeTool>>(() => InstallAsync(specs))).Value;

    /// <summary>Skips the calling test (or fails it under METAISSUE_REQUIRE_NODE_TOOLS=1) when a program is missing.</summary>
    public static void SkipUnlessAvailable(string program, string why)
    {
        var found = Which(program) is not null;
        if (!found && Required)
        {
            Assert.Fail($"{program} is required ({why}) but is not on PATH; .ci/run installs it.");
        }

        Skip.IfNot(found, $"{program} is not on PATH: {why} is not verified on this machine.");
    }

    public static string? Which(string program) => ProcessRunner.Which(program);

    /// <summary>Runs a program through <see cref="ProcessRunner"/>; returns (exit code, stdout + stderr), -1 when killed on timeout.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var run = await ProcessRunner.RunAsync(program, arguments, workingDirectory, timeout, environment);
        return run.TimedOut
            ? (-1, $"{program} was killed after {timeout}.\n{run.Output}")
            : (run.ExitCode, run.Output);
    }

    private static async Task<NodeTool> InstallAsync(string[] specs)
    {
        var spec = string.Join(" ", specs);
        var directory = RepositoryLayout.PathTo($"artifacts/node-tools/{string.Join("+", specs).Replace('/', '_').Replace('@', '_')}");
        if (System.IO.Directory.Exists(Path.Combine(directory, "node_modules")) && File.Exists(Path.Combine(directory, ".installed")))
        {
            return new NodeTool(directory);
        }

        System.IO.Directory.CreateDirectory(directory);
        var (exitCode, output) = await RunAsync(
            "npm",
            ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", directory, .. specs],
            directory,
            TimeSpan.FromMinutes(10),
            new Dictionary<string, string?> { ["PUPPETEER_SKIP_DOWNLOAD"] = "1", ["npm_config_update_notifier"] = "false" });
        Assert.True(exitCode == 0, $"npm install {spec} failed:\n{output}");
        File.WriteAllText(Path.Combine(directory, ".installed"), spec);
        return new NodeTool(directory);
    }
}
