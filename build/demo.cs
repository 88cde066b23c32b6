// The main job, end to end with the real tools: pack both packages, install the templates into an isolated template
// hive, scaffold a sample meta-issue with two attempts in a temp folder and print its tree, then build a project that
// references MetaIssue.Build: clean first, then after recording attempt 002 as a success without updating the rest.
// Last, the packed metaissue tool takes another meta-issue through a whole saga: new, a second attempt, outcomes,
// a new understanding, close with its lesson, status and a clean check.
// Run from anywhere: dotnet run --file build/demo.cs
using System.Diagnostics;
using System.Text.RegularExpressions;

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
    Step("Pack the checker", repository,
        "pack", Path.Combine(repository, "src", "MetaIssue.Build", "MetaIssue.Build.csproj"), "-c", "Release", "-o", feed,
        "--artifacts-path", Path.Combine(scratch, "artifacts"));
    Step("Install them into an isolated hive", scratch,
        "new", "install", Directory.GetFiles(feed, "MetaIssue.Templates.*.nupkg").Single(), "--debug:custom-hive", hive);
    Step("Scaffold a meta-issue (attempt 001)", sample,
        "new", "metaissue", "-n", "perf-degradation", "--first-attempt", "caching", "--domain", "performance",
        "--severity", "high", "--debug:custom-hive", hive, "--no-update-check");
    Step("Add attempt 002", sample,
        "new", "metaattempt", "-n", "query-optimization", "--number", "2", "--issue", "perf-degradation",
        "--debug:custom-hive", hive, "--no-update-check");

    Console.WriteLine($"\n== The sample meta-issue");
    PrintTree(Path.Combine(sample, "docs"), indent: "");

    AddSampleProject();
    Step("Build a project that references MetaIssue.Build: a fresh scaffold is consistent", sample,
        "build", Path.Combine("src", "Sample", "Sample.csproj"), "-nologo", "-v:m", "-clp:NoSummary");

    RecordAttempt2AsSuccess();
    Step("Record attempt 002 as a success, forget the README, log and test cases, build again", sample,
        "build", Path.Combine("src", "Sample", "Sample.csproj"), "-nologo", "-v:m", "-clp:NoSummary", "--no-restore");

    ToolSaga();
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

Console.WriteLine($"\nThe sample repository is kept for you to read: {sample}");
return 0;

// A project in the sample repository that references the freshly packed checker, from the local feed only.
void AddSampleProject()
{
    var version = Regex.Match(Path.GetFileName(Directory.GetFiles(feed, "MetaIssue.Build.*.nupkg").Single()), @"^MetaIssue\.Build\.(.+)\.nupkg$").Groups[1].Value;
    File.WriteAllText(Path.Combine(sample, "NuGet.config"), $"""
        <configuration>
          <packageSources><clear /><add key="demo" value="{feed}" /></packageSources>
        </configuration>
        """);
    // Without a .git folder the checker would treat the project folder as the repository root: say where it is.
    File.WriteAllText(Path.Combine(sample, "Directory.Build.props"), """
        <Project>
          <PropertyGroup><MetaIssueRepositoryRoot>$(MSBuildThisFileDirectory)</MetaIssueRepositoryRoot></PropertyGroup>
        </Project>
        """);
    var project = Directory.CreateDirectory(Path.Combine(sample, "src", "Sample")).FullName;
    File.WriteAllText(Path.Combine(project, "Sample.csproj"), $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
          <ItemGroup><PackageReference Include="MetaIssue.Build" Version="{version}" PrivateAssets="all" /></ItemGroup>
        </Project>
        """);
    File.WriteAllText(Path.Combine(project, "Class1.cs"), "namespace Sample;\npublic static class Class1 { }\n");
}

// What people do: fill in the results of the attempt that worked, and nothing else.
void RecordAttempt2AsSuccess()
{
    var results = Path.Combine(sample, "docs", "meta-issues", "perf-degradation", "attempts", "002-query-optimization", "attempt-results.md");
    var text = File.ReadAllText(results).Replace("**Status:** 🔄 In Progress", "**Status:** ✅ Success");
    text = Regex.Replace(text, @"\[[A-Z][^\]\n]*\](?![\(\[])", "Response time 380 ms under 100 users (target < 1,000 ms).");
    File.WriteAllText(results, text);
    Console.WriteLine($"\n== Edited {Path.GetRelativePath(sample, results)}: **Status:** ✅ Success, results filled in");
}

// The metaissue tool, packed and installed into a tool path of the scratch folder, runs a whole saga in its own folder.
void ToolSaga()
{
    Step("Pack the metaissue tool", repository,
        "pack", Path.Combine(repository, "src", "MetaIssue.Tool", "MetaIssue.Tool.csproj"), "-c", "Release", "-o", feed,
        "--artifacts-path", Path.Combine(scratch, "artifacts"));
    var version = Regex.Match(Path.GetFileName(Directory.GetFiles(feed, "MetaIssue.Tool.*.nupkg").Single()), @"^MetaIssue\.Tool\.(.+)\.nupkg$").Groups[1].Value;
    var toolPath = Path.Combine(scratch, "tools");
    Step("Install it into a tool path", scratch, "tool", "install", "MetaIssue.Tool", "--version", version, "--tool-path", toolPath, "--add-source", feed);
    var tool = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "metaissue.exe" : "metaissue");
    var saga = Directory.CreateDirectory(Path.Combine(sample, "tool-saga")).FullName;
    var folder = Path.Combine(saga, "docs", "meta-issues", "api-latency");
    Step("metaissue new: the files of dotnet new metaissue", saga, tool, "new", "api-latency", "--title", "API Latency Under Load", "--domain", "performance", "--severity", "high", "--owner", "Dana Kim");
    Step("metaissue attempt: the next number, with its timeline row, log section and result lines", saga, tool, "attempt", "api-latency", "connection-pooling");
    Step("Attempt 001 failed", saga, tool, "outcome", "api-latency", "1", "failed", "--note", "p95 unchanged");
    Step("A new understanding", saga, tool, "understanding", "api-latency", "Connections are exhausted under load, not queries");
    Step("Attempt 002 succeeded", saga, tool, "outcome", "api-latency", "2", "success");
    FillPrompts(folder);
    Step("Close it with its lesson", saga, tool, "close", "api-latency", "resolved", "--lesson", "Connection_Pooling", "--category", "performance");
    FillPrompts(Path.Combine(saga, "docs"));
    Step("metaissue status", saga, tool, "status");
    Step("metaissue check: clean", saga, tool, "check");
    Console.WriteLine($"\n== The tool's meta-issue, README.md");
    Console.WriteLine(File.ReadAllText(Path.Combine(folder, "README.md")));
}

// The human part the tool leaves: prose over every bracketed prompt of the templates.
void FillPrompts(string folder)
{
    foreach (var file in Directory.GetFiles(folder, "*.md", SearchOption.AllDirectories))
    {
        File.WriteAllText(file, Regex.Replace(File.ReadAllText(file), @"\[[A-Z][^\]\n]*\](?![\(\[])", "Written by the team."));
    }

    Console.WriteLine($"\n== Filled in every prompt under {Path.GetRelativePath(sample, folder)} (the human part)");
}

// Runs one `dotnet` command with stdin closed and the user's caches out of reach, and shows its output.
void Step(string title, string workingDirectory, params string[] arguments)
{
    // A step runs dotnet, or the installed tool when the first argument is its full path.
    var (program, rest) = Path.IsPathRooted(arguments[0]) ? (arguments[0], arguments[1..]) : ("dotnet", arguments);
    Console.WriteLine($"\n== {title}\n$ {Path.GetFileNameWithoutExtension(program)} {string.Join(' ', rest.Select(a => a.Contains(' ') ? $"'{a}'" : a))}");
    var startInfo = new ProcessStartInfo(program, rest) { WorkingDirectory = workingDirectory, RedirectStandardInput = true };
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
