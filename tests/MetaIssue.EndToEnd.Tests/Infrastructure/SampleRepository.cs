using System.Diagnostics;
using System.Text;

namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>
/// A throw-away git repository that consumes the packed MetaIssue.Build from the test run's feed, the way a user's
/// repository would: a NuGet.config, projects with a PackageReference, `dotnet build` with file loggers.
/// </summary>
public sealed class SampleRepository : IDisposable
{
    public const string BuildPackageId = "MetaIssue.Build";

    private readonly TempDirectory directory;
    private readonly ProductPackages packages;

    private SampleRepository(TempDirectory directory, ProductPackages packages)
    {
        this.directory = directory;
        this.packages = packages;
    }

    public string Root => directory.Path;

    public string PackageVersion => Path.GetFileNameWithoutExtension(packages.PathOf(BuildPackageId))[(BuildPackageId.Length + 1)..];

    public static async Task<SampleRepository> CreateAsync(ProductPackages packages)
    {
        var repository = new SampleRepository(TempDirectory.Create("repo"), packages);
        await repository.GitInitAsync();
        repository.Write("NuGet.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="metaissue-test-feed" value="{packages.FeedDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="metaissue-test-feed"><package pattern="MetaIssue.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        return repository;
    }

    public string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    public SampleRepository Write(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return this;
    }

    public SampleRepository WriteBytes(string relativePath, byte[] content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return this;
    }

    public string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    /// <summary>Replaces the first occurrence of <paramref name="old"/>, failing loudly when it is not there.</summary>
    public SampleRepository Edit(string relativePath, string old, string replacement)
    {
        var text = Read(relativePath);
        var index = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{old}' not found in {relativePath}:\n{text}");
        return Write(relativePath, text[..index] + replacement + text[(index + old.Length)..]);
    }

    public SampleRepository Delete(string relativePath)
    {
        var path = PathOf(relativePath);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }

        return this;
    }

    /// <summary>1-based number of the first line of a file that contains <paramref name="text"/>.</summary>
    public int LineOf(string relativePath, string text)
    {
        var lines = Read(relativePath).Split('\n');
        var index = Array.FindIndex(lines, line => line.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{text}' not found in {relativePath}");
        return index + 1;
    }

    /// <summary>Copies the real meta-issue of tests/corpus/ (byte for byte) to docs/meta-issues/performance-saga/.</summary>
    public SampleRepository WithPerformanceSaga(string searchPattern = "*")
    {
        var corpus = RepositoryLayout.PathTo("tests/corpus/kg-example-performance-saga");
        foreach (var file in Directory.EnumerateFiles(corpus, searchPattern, SearchOption.AllDirectories))
        {
            WriteBytes("docs/meta-issues/performance-saga/" + Path.GetRelativePath(corpus, file).Replace('\\', '/'), File.ReadAllBytes(file));
        }

        return this;
    }

    /// <summary>A project that references MetaIssue.Build (unless told not to), as a user would add it.</summary>
    public string AddProject(
        string folder,
        string targetFrameworks = "net10.0",
        string properties = "",
        bool referencesPackage = true,
        params string[] projectReferences)
    {
        var name = Path.GetFileName(folder);
        var frameworks = targetFrameworks.Contains(';')
            ? $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>"
            : $"<TargetFramework>{targetFrameworks}</TargetFramework>";
        var package = referencesPackage
            ? $"""<PackageReference Include="{BuildPackageId}" Version="{PackageVersion}" PrivateAssets="all" />"""
            : string.Empty;
        var references = string.Concat(projectReferences.Select(r => $"""<ProjectReference Include="{r}" />"""));
        var path = $"{folder}/{name}.csproj";
        Write(path, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {frameworks}
                {properties}
              </PropertyGroup>
              <ItemGroup>{package}{references}</ItemGroup>
            </Project>
            """);
        Write($"{folder}/Class1.cs", $"namespace {name.Replace('.', '_')};\npublic static class Class1 {{ }}\n");
        return path;
    }

    /// <summary>
    /// `dotnet build` of a project or solution (relative path), with warnings and errors captured by file loggers
    /// so each appears exactly as often as MSBuild logged it.
    /// </summary>
    public async Task<BuildOutcome> BuildAsync(string target, params string[] arguments)
    {
        var logs = TempDirectory.Create("build-logs");
        var warnings = Path.Combine(logs.Path, "warnings.log");
        var errors = Path.Combine(logs.Path, "errors.log");
        var result = await DotnetCli.RunAsync(
            Root,
            ["build", target, "-nologo", $"-flp1:logfile={warnings};warningsonly", $"-flp2:logfile={errors};errorsonly", .. arguments],
            TimeSpan.FromMinutes(5));
        var diagnostics = new List<BuildDiagnostic>();
        foreach (var log in new[] { warnings, errors }.Where(File.Exists))
        {
            diagnostics.AddRange(BuildDiagnostic.ParseLog(File.ReadAllText(log)));
        }

        logs.Dispose();
        return new BuildOutcome(result, diagnostics, Root);
    }

    public void Dispose() => directory.Dispose();

    private Task GitInitAsync() => GitAsync("init", "-q", Root);

    /// <summary>Runs git in the repository, failing the test when it fails.</summary>
    public async Task GitAsync(params string[] arguments)
    {
        using var git = Process.Start(new ProcessStartInfo("git", arguments)
        {
            WorkingDirectory = Directory.Exists(Root) ? Root : Path.GetTempPath(),
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var error = git.StandardError.ReadToEndAsync();
        await git.WaitForExitAsync();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {await error}");
    }
}
