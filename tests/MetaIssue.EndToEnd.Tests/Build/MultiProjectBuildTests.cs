using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd.Build;

/// <summary>How the check behaves in real solutions: many projects, parallel nodes, several target frameworks.</summary>
[Collection(CheckerBuildCollection.Name)]
public sealed class MultiProjectBuildTests(TemplateHiveFixture fixture)
{
    private const string Readme = TwoFindings.Readme;

    private Task<SampleRepository> RepositoryWithTwoFindingsAsync() => TwoFindings.CreateAsync(fixture.Packages);

    [Fact]
    public async Task Three_projects_referencing_the_package_report_each_warning_once_also_in_parallel()
    {
        using var repository = await RepositoryWithTwoFindingsAsync();
        repository.AddProject("src/Core");
        repository.AddProject("src/Web", projectReferences: "../Core/Core.csproj");
        repository.AddProject("tests/Web.Tests", projectReferences: ["../../src/Web/Web.csproj", "../../src/Core/Core.csproj"]);
        (await DotnetCli.RunAsync(repository.Root, ["new", "sln", "-n", "Sample", "--format", "slnx", TemplateHive.CustomHiveOption, fixture.Hive.Directory])).AssertExitCode(0);
        (await DotnetCli.RunAsync(repository.Root, ["sln", "Sample.slnx", "add", "src/Core/Core.csproj", "src/Web/Web.csproj", "tests/Web.Tests/Web.Tests.csproj"])).AssertExitCode(0);

        foreach (var parallelism in new[] { "-m:1", "-m:2" })
        {
            var build = await repository.BuildAsync("Sample.slnx", parallelism);

            build.AssertSucceeded();
            Assert.True(build.MetaIssue.Count == 2, $"{parallelism}: expected MI010 and MI030 once each.\n{build.Describe()}");
            Assert.Equal(["MI010", "MI030"], build.MetaIssue.Select(d => d.Code).Order());
            Assert.Single(build.SummaryLines, line => line.Contains("checked", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_multi_targeted_project_reports_once_and_honours_NoWarn_and_WarningsAsErrors()
    {
        using var repository = await RepositoryWithTwoFindingsAsync();
        var project = repository.AddProject("src/Lib", targetFrameworks: "net10.0;net9.0");

        var plain = await repository.BuildAsync(project);
        plain.AssertSucceeded();
        Assert.Equal(["MI010", "MI030"], plain.MetaIssue.Select(d => d.Code).Order());

        repository.AddProject("src/Lib", targetFrameworks: "net10.0;net9.0", properties: "<NoWarn>$(NoWarn);CS1591;MI030</NoWarn><WarningsAsErrors>$(WarningsAsErrors);mi010</WarningsAsErrors>");
        var configured = await repository.BuildAsync(project, "--no-restore");

        Assert.False(configured.Succeeded, "MI010 as an error must fail the build");
        var finding = Assert.Single(configured.MetaIssue);
        Assert.Equal(("MI010", "error", Readme, 3), (finding.Code, finding.Severity, finding.File, finding.Line));
        configured.AssertNoUnhandledTaskFailure();
    }

    [Fact]
    public async Task The_property_MetaIssueTreatWarningsAsErrors_fails_the_build_on_any_finding()
    {
        using var repository = await RepositoryWithTwoFindingsAsync();
        var project = repository.AddProject("src/App", properties: "<MetaIssueTreatWarningsAsErrors>true</MetaIssueTreatWarningsAsErrors>");

        var build = await repository.BuildAsync(project);

        Assert.False(build.Succeeded);
        Assert.All(build.MetaIssue, d => Assert.Equal("error", d.Severity));
        Assert.Equal(2, build.MetaIssue.Count);
    }

    [Fact]
    public async Task A_task_dependency_that_cannot_load_gives_one_MI900_warning_not_MSB4018()
    {
        using var repository = await RepositoryWithTwoFindingsAsync();
        var project = repository.AddProject("src/App");
        (await repository.BuildAsync(project)).AssertSucceeded(); // restores the package into the test run's NUGET_PACKAGES

        // Break this package's own copy of its logic (a copy of the restored package, so other tests keep theirs).
        var installed = Path.Combine(TestRun.NuGetPackagesDirectory, "metaissue.build", repository.PackageVersion);
        var broken = Path.Combine(repository.Root, "packages-broken", "metaissue.build", repository.PackageVersion);
        CopyTree(installed, broken);
        // MetaIssue.Core is in no NuGet cache the task could fall back on, unlike Markdig.
        foreach (var folder in new[] { "net8.0", "net10.0" })
        {
            File.Delete(Path.Combine(broken, "tasks", folder, "MetaIssue.Core.dll"));
        }

        var brokenProject = repository.AddProject("src/Broken", referencesPackage: false);
        repository.Write("src/Broken/Directory.Build.targets", $"""
            <Project>
              <Import Project="{broken}/build/MetaIssue.Build.props" />
              <Import Project="{broken}/build/MetaIssue.Build.targets" />
            </Project>
            """);

        var build = await repository.BuildAsync(brokenProject);

        build.AssertSucceeded();
        build.AssertNoUnhandledTaskFailure();
        var warning = Assert.Single(build.MetaIssue);
        Assert.Equal("MI900", warning.Code);
        Assert.Contains("could not run", warning.Message);
    }

    private static void CopyTree(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
