namespace MetaIssue.Benchmarks.Tools;

/// <summary>
/// MetaIssue.Build as users get it: packed from this repository into a temp folder feed, restored with an isolated
/// NUGET_PACKAGES into small projects placed inside a corpus repository, and timed in <c>dotnet build --no-restore</c>
/// with the check on and off. No build server and no node reuse, so every build is a fresh, comparable process.
/// </summary>
internal sealed class MsBuildHarness
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(20);

    private readonly string _dotnet;
    private readonly string _feed;
    private readonly string _packages;

    private MsBuildHarness(string dotnet, string feed, string packages, string version)
    {
        _dotnet = dotnet;
        _feed = feed;
        _packages = packages;
        Version = version;
    }

    public string Version { get; }

    /// <summary>
    /// Packs src/MetaIssue.Build of <paramref name="repository"/> into <c>feed/</c> under <paramref name="scratch"/>
    /// (outputs and intermediates there too, not in src/); restores use <c>nuget-packages/</c> next to it, so two
    /// harnesses in different scratch folders can hold two builds of the same package version.
    /// </summary>
    public static (MsBuildHarness? Harness, string Note) Prepare(string repository, string scratch)
    {
        var dotnet = Dotnet();
        var feed = Path.Combine(scratch, "feed");
        var project = Path.Combine(repository, "src", "MetaIssue.Build", "MetaIssue.Build.csproj");
        var pack = ExternalTool.Run(dotnet,
            new[] { "pack", project, "-c", "Release", "-o", feed, "--artifacts-path", Path.Combine(scratch, "pack-artifacts"), "-nologo", "-tl:off" },
            repository, TimeSpan.FromMinutes(15), ToolEnvironment());
        var package = Directory.Exists(feed) ? Directory.GetFiles(feed, "MetaIssue.Build.*.nupkg").FirstOrDefault() : null;
        if (!pack.Succeeded || package is null)
        {
            return (null, $"dotnet pack of MetaIssue.Build failed ({pack.Describe()}): the MSBuild figures were skipped. {string.Join(" | ", pack.Tail.TakeLast(5))}");
        }

        return FromPackage(dotnet, package, scratch, "packed");
    }

    /// <summary>
    /// A package built elsewhere: <paramref name="source"/> is a <c>MetaIssue.Build.*.nupkg</c> or a folder holding one
    /// (the newest is taken), or a git commit of <paramref name="repository"/>, whose tree is exported with
    /// <c>git archive</c> into the scratch folder and packed there.
    /// </summary>
    public static (MsBuildHarness? Harness, string Note) PrepareFrom(string source, string repository, string scratch)
    {
        var nupkg = File.Exists(source) ? source
            : Directory.Exists(source) ? new DirectoryInfo(source).GetFiles("MetaIssue.Build.*.nupkg")
                .Where(f => !f.Name.EndsWith(".snupkg", StringComparison.Ordinal)).OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault()?.FullName
            : null;
        if (nupkg is not null)
        {
            var feed = Directory.CreateDirectory(Path.Combine(scratch, "feed")).FullName;
            var copy = Path.Combine(feed, Path.GetFileName(nupkg));
            File.Copy(nupkg, copy, overwrite: false);
            return FromPackage(Dotnet(), copy, scratch, $"taken from {nupkg}");
        }

        if (Directory.Exists(source))
        {
            return (null, $"{source} holds no MetaIssue.Build.*.nupkg");
        }

        var tree = Directory.CreateDirectory(Path.Combine(scratch, "source")).FullName;
        var export = ExternalTool.Run("bash", new[] { "-c", "git -C \"$1\" archive --format=tar \"$2\" | tar -x -C \"$3\"", "export", repository, source, tree },
            repository, TimeSpan.FromMinutes(5));
        if (!export.Succeeded || !Directory.Exists(Path.Combine(tree, "src", "MetaIssue.Build")))
        {
            return (null, $"'{source}' is neither a package, a folder with one, nor a git commit with src/MetaIssue.Build ({export.Describe()}): {string.Join(" | ", export.Tail.TakeLast(3))}");
        }

        var commit = ExternalTool.Run("git", new[] { "-C", repository, "rev-parse", "--short", source }, repository, TimeSpan.FromSeconds(30)).Tail.FirstOrDefault() ?? source;
        var (harness, note) = Prepare(tree, scratch);
        return (harness, $"{note} from commit {commit}");
    }

    private static string Dotnet() =>
        System.Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : ExternalTool.Find("dotnet") ?? "dotnet";

    private static (MsBuildHarness Harness, string Note) FromPackage(string dotnet, string package, string scratch, string how)
    {
        var version = Path.GetFileNameWithoutExtension(package)["MetaIssue.Build.".Length..];
        var feed = Path.GetDirectoryName(package)!;
        return (new MsBuildHarness(dotnet, feed, Path.Combine(scratch, "nuget-packages"), version), $"{how} MetaIssue.Build {version}");
    }

    /// <summary>The restored package's task folder for .NET (the task, MetaIssue.Core and Markdig), once a project was restored.</summary>
    public string TaskFolder => Path.Combine(_packages, "metaissue.build", Version.ToLowerInvariant(), "tasks", "net8.0");

    private static Dictionary<string, string> ToolEnvironment(string? packages = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false",
        };
        if (packages is not null)
        {
            environment["NUGET_PACKAGES"] = packages;
        }

        return environment;
    }

    /// <summary>A nuget.config in <paramref name="folder"/> (the corpus root, or one project's folder) that sees only the temp feed.</summary>
    private void WriteNuGetConfig(string folder) => File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="metaissue-benchmark-feed" value="{_feed}" />
          </packageSources>
        </configuration>
        """);

    private static string Project(string references) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          {references}
        </Project>
        """;

    /// <summary>The target the dispatch probe's builds run after Build (<see cref="DispatchProbeProperty"/>).</summary>
    public const string DispatchProbeTarget = "MetaIssueBenchDispatchProbe";

    /// <summary>
    /// Set to true, a consumer's build calls the MSBuild task on an empty project after Build, as the check's target
    /// calls it on MetaIssue.Check.proj: with the check off, that build shows what MSBuild alone charges for the call.
    /// </summary>
    public const string DispatchProbeProperty = "MetaIssueBenchDispatchProbe";

    private const string DispatchProbe =
        $"<Target Name=\"{DispatchProbeTarget}\" AfterTargets=\"Build\" Condition=\"'$({DispatchProbeProperty})' == 'true'\"><MSBuild Projects=\"$(MSBuildThisFileDirectory)probe/DispatchProbe.proj\" Targets=\"Probe\" /></Target>";

    private string PackageReference => $"<ItemGroup><PackageReference Include=\"MetaIssue.Build\" Version=\"{Version}\" PrivateAssets=\"all\" /></ItemGroup>";

    /// <summary>
    /// One class library referencing the package, at <c>bench/&lt;name&gt;/</c> in the corpus, with its own nuget.config
    /// (so two harnesses can each have a consumer in one corpus) and, when given, its own cache folder (relative to the
    /// repository root; otherwise the package's default obj/metaissue/); restored. Returns the project path.
    /// </summary>
    public string AddConsumer(string root, string name = "Consumer", string? cacheDirectory = null)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "bench", name)).FullName;
        WriteNuGetConfig(folder);
        var project = Path.Combine(folder, name + ".csproj");
        var cache = cacheDirectory is null ? string.Empty : $"<PropertyGroup><MetaIssueCacheDirectory>{cacheDirectory}</MetaIssueCacheDirectory></PropertyGroup>";
        File.WriteAllText(project, Project(PackageReference + cache + DispatchProbe));
        // In a folder of its own: a bare dotnet build in the consumer's folder must still find only the consumer.
        var probe = Directory.CreateDirectory(Path.Combine(folder, "probe")).FullName;
        File.WriteAllText(Path.Combine(probe, "DispatchProbe.proj"), "<Project>\n  <Target Name=\"Probe\" />\n</Project>\n");
        File.WriteAllText(Path.Combine(folder, "Class1.cs"), $"namespace {name};\n\npublic static class Class1\n{{\n    public static int Answer => 42;\n}}\n");
        Restore(root, project);
        return project;
    }

    /// <summary>
    /// A 3-project solution (App → Service → Core, each referencing the package through Directory.Build.props) at
    /// <c>src/</c> of the corpus, restored. Returns the solution path.
    /// </summary>
    public string AddSolution(string root)
    {
        WriteNuGetConfig(root);
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), $"<Project>\n  {PackageReference}\n</Project>\n");
        var projects = new[] { ("Core", string.Empty), ("Service", "Core"), ("App", "Service") };
        foreach (var (name, reference) in projects)
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, "src", name)).FullName;
            var references = reference.Length == 0 ? string.Empty : $"<ItemGroup><ProjectReference Include=\"../{reference}/{reference}.csproj\" /></ItemGroup>";
            File.WriteAllText(Path.Combine(folder, name + ".csproj"), Project(references));
            File.WriteAllText(Path.Combine(folder, name + ".cs"), $"namespace {name};\n\npublic static class {name}Info\n{{\n    public static string Name => \"{name}\";\n}}\n");
        }

        var solution = Path.Combine(root, "Bench.slnx");
        File.WriteAllText(solution, "<Solution>\n" + string.Concat(projects.Select(p => $"  <Project Path=\"src/{p.Item1}/{p.Item1}.csproj\" />\n")) + "</Solution>\n");
        Restore(root, solution);
        return solution;
    }

    private void Restore(string root, string target)
    {
        var restore = ExternalTool.Run(_dotnet, new[] { "restore", target, "-nologo", "-tl:off" }, root, TimeSpan.FromMinutes(10), ToolEnvironment(_packages));
        if (!restore.Succeeded)
        {
            throw new InvalidOperationException($"dotnet restore {target} failed ({restore.Describe()}): {string.Join(" | ", restore.Tail.TakeLast(8))}");
        }
    }

    /// <summary>
    /// <c>dotnet build --no-restore</c>, with <c>-p:MetaIssueCheckEnabled=false</c> when the check is off; when asked,
    /// with MSBuild's performance summary (its task and target lines for the check are kept) and with the dispatch
    /// probe's call after Build (<see cref="DispatchProbeProperty"/>). Fails loudly on a failed build, or when the check
    /// did not run (or ran) as asked.
    /// </summary>
    public ToolRun Build(string root, string target, bool checkOn, bool performanceSummary = false, bool dispatchProbe = false)
    {
        var arguments = new List<string> { "build", target, "--no-restore", "-nologo", "-tl:off" };
        if (!checkOn)
        {
            arguments.Add("-p:MetaIssueCheckEnabled=false");
        }

        if (dispatchProbe)
        {
            arguments.Add($"-p:{DispatchProbeProperty}=true");
        }

        if (performanceSummary)
        {
            arguments.Add("-clp:PerformanceSummary");
        }

        var run = ExternalTool.Run(_dotnet, arguments, root, BuildTimeout, ToolEnvironment(_packages), new[] { "MetaIssue: ", ": warning MI" },
            line => line.Contains(" ms  ", StringComparison.Ordinal) && (line.Contains("MetaIssue", StringComparison.Ordinal) || line.Contains("CheckMetaIssues", StringComparison.Ordinal)));
        if (!run.Succeeded)
        {
            throw new InvalidOperationException($"dotnet build ({(checkOn ? "check on" : "check off")}) failed ({run.Describe()}): {string.Join(" | ", run.Tail.TakeLast(8))}");
        }

        var ran = run.Count("MetaIssue: ") > 0;
        if (ran != checkOn)
        {
            throw new InvalidOperationException($"dotnet build with the check {(checkOn ? "on did not run it" : "off still ran it")}: {string.Join(" | ", run.Tail.TakeLast(8))}");
        }

        return run;
    }

    /// <summary>From a build with the performance summary: the time MSBuild gives the CheckMetaIssues task, and the whole MetaIssueCheck target chain.</summary>
    public static (double? Task, double? Target) CheckTimes(ToolRun run) => (SummaryTime(run, "CheckMetaIssues"), SummaryTime(run, "MetaIssueCheck"));

    /// <summary>From a build with the performance summary and the dispatch probe: the probe target's time (its MSBuild task call), or null.</summary>
    public static double? DispatchProbeTime(ToolRun run) => SummaryTime(run, DispatchProbeTarget);

    /// <summary>The largest time the kept performance-summary lines (<c>&lt;ms&gt; ms  &lt;name&gt;  &lt;n&gt; calls</c>) give a task or target, or null.</summary>
    private static double? SummaryTime(ToolRun run, string name) => run.Kept
        .Select(line => line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Where(parts => parts.Length >= 3 && parts[1] == "ms" && parts[2] == name)
        .Select(parts => (double?)double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture))
        .DefaultIfEmpty(null)
        .Max();
}
