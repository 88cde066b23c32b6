// The main job, end to end with the real tools: pack the template pack, install it into an isolated template
// hive, scaffold a sample meta-issue with two attempts in a temp folder, and print its tree.
// Run from anywhere: dotnet run --file build/demo.cs
using System.Diagnostics;

var thisFile = (string)AppContext.GetData("EntryPointFilePath")!;
var repository = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, ".."));
var scratch = Directory.CreateTempSubdirectory("metaissue-demo-").FullName;
var feed = Path.Combine(scratch, "feed");
var hive = Path.Combine(scratch, "hive");
var sample = Directory.CreateDirectory(Path.Combine(scratch, "sample")).FullName;

try
{
    Step("Pack the templates", repository,
        "pack", Path.Combine(repository, "MetaIssue.Templates.csproj"), "-c", "Release", "-o", feed,
        "--artifacts-path", Path.Combine(scratch, "artifacts"));
    Step("Install them into an isolated hive", scratch,
        "new", "install", Directory.GetFiles(feed, "MetaIssue.Templates.*.nupkg").Single(), "--debug:custom-hive", hive);
    Step("Scaffold a meta-issue (attempt 001)", sample,
        "new", "metaissue", "-n", "perf-degradation", "--first-attempt", "caching", "--domain", "performance",
        "--severity", "high", "--debug:custom-hive", hive, "--no-update-check");
    Step("Add attempt 002", sample,
        "new", "metaattempt", "-n", "query-optimization", "--number", "2", "--issue", "perf-degradation",
        "--debug:custom-hive", hive, "--no-update-check");
}
catch (StepFailedException failure)
{
    Console.Error.WriteLine(failure.Message);
    return 1;
}
finally
{
    foreach (var tool in Directory.GetDirectories(scratch).Where(folder => folder != sample))
    {
        Directory.Delete(tool, recursive: true);
    }
}

Console.WriteLine($"\nSample meta-issue (kept for you to read): {sample}");
PrintTree(sample, indent: "");
return 0;

// Runs one `dotnet` command with stdin closed and the user's caches out of reach, and shows its output.
void Step(string title, string workingDirectory, params string[] arguments)
{
    Console.WriteLine($"\n== {title}\n$ dotnet {string.Join(' ', arguments)}");
    var startInfo = new ProcessStartInfo("dotnet", arguments) { WorkingDirectory = workingDirectory, RedirectStandardInput = true };
    startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
    startInfo.Environment["DOTNET_NOLOGO"] = "1";
    startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
    startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
    // Locally packed packages must never be cached where other projects would pick them up.
    startInfo.Environment["NUGET_PACKAGES"] = Path.Combine(scratch, "nuget-packages");
    using var process = Process.Start(startInfo)!;
    process.StandardInput.Close();
    if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
    {
        process.Kill(entireProcessTree: true);
        throw new StepFailedException($"'{title}' did not finish within 5 minutes.");
    }

    if (process.ExitCode != 0)
    {
        throw new StepFailedException($"'{title}' failed with exit code {process.ExitCode}.");
    }
}

static void PrintTree(string folder, string indent)
{
    var entries = Directory.GetDirectories(folder).Concat(Directory.GetFiles(folder)).Order(StringComparer.Ordinal).ToList();
    foreach (var entry in entries)
    {
        var last = entry == entries[^1];
        var isFolder = Directory.Exists(entry);
        Console.WriteLine($"{indent}{(last ? "└── " : "├── ")}{Path.GetFileName(entry)}{(isFolder ? "/" : "")}");
        if (isFolder)
        {
            PrintTree(entry, indent + (last ? "    " : "│   "));
        }
    }
}

sealed class StepFailedException(string message) : Exception(message);
