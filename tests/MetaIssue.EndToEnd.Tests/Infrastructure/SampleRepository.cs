using MetaIssue.Testing;

namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>
/// A throw-away git repository that consumes the packed MetaIssue.Build from the test run's feed, the way a user's
/// repository would: a NuGet.config, projects with a PackageReference, `dotnet build` with file loggers.
/// </summary>
public sealed class SampleRepository : TemporaryRepository<SampleRepository>
{
    public const string BuildPackageId = "MetaIssue.Build";

    private readonly ProductPackages packages;

    private SampleRepository(ProductPackages packages)
        : base(TestRun.CreateDirectory("repo"))
    {
        this.packages = packages;
    }

    public string PackageVersion => Path.GetFileNameWithoutExtension(packages.PathOf(BuildPackageId))[(BuildPackageId.Length + 1)..];

    public static async Task<SampleRepository> CreateAsync(ProductPackages packages)
    {
        var repository = new SampleRepository(packages);
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
}
