using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd.Build;

/// <summary>
/// The check runs once in every kind of build: builds that only run inner (per-framework) builds, graph builds with
/// isolation, references that add global properties; and a racy same-size edit is never replayed as unchanged.
/// </summary>
[Collection(CheckerBuildCollection.Name)]
public sealed class EveryBuildTests(TemplateHiveFixture fixture)
{
    [Fact]
    public async Task Builds_that_run_only_inner_builds_of_a_multi_targeted_project_check_once()
    {
        using var repository = await TwoFindings.CreateAsync(fixture.Packages);
        var project = repository.AddProject("src/Multi", targetFrameworks: "net10.0;net9.0");
        // A traversal that builds one framework through the MSBuild task, as build scripts and some IDEs do.
        repository.Write("build.proj", """
            <Project>
              <Target Name="Build">
                <MSBuild Projects="src/Multi/Multi.csproj" Targets="Build" Properties="TargetFramework=net9.0" />
              </Target>
            </Project>
            """);
        (await TwoFindings.RunAsync(repository, "restore", project)).AssertSucceeded();

        TwoFindings.AssertCheckedOnce(await TwoFindings.RunAsync(repository, "build", project, "--no-restore", "-f", "net10.0"), "dotnet build -f");
        TwoFindings.AssertCheckedOnce(await TwoFindings.RunAsync(repository, "publish", project, "--no-restore", "-f", "net10.0"), "dotnet publish -f");
        TwoFindings.AssertCheckedOnce(await TwoFindings.RunAsync(repository, "build", "build.proj", "--no-restore"), "MSBuild task with TargetFramework");
        TwoFindings.AssertCheckedOnce(await TwoFindings.RunAsync(repository, "build", project, "--no-restore"), "dotnet build (outer and inner builds)");
    }

    [Fact]
    public async Task References_with_AdditionalProperties_SetTargetFramework_or_GlobalPropertiesToRemove_check_once()
    {
        using var repository = await TwoFindings.CreateAsync(fixture.Packages);
        repository.AddProject("src/Lib");
        repository.AddProject("src/Multi", targetFrameworks: "net10.0;net9.0");
        repository.AddProject("src/Tool");
        var app = repository.AddProject("src/App");
        repository.Edit(app, "<ItemGroup>", """
            <ItemGroup>
              <ProjectReference Include="../Lib/Lib.csproj" AdditionalProperties="LibFlavor=Blue" />
              <ProjectReference Include="../Multi/Multi.csproj" SetTargetFramework="TargetFramework=net9.0" />
              <ProjectReference Include="../Tool/Tool.csproj" GlobalPropertiesToRemove="Configuration" />
            """);

        TwoFindings.AssertCheckedOnce(await TwoFindings.RunAsync(repository, "build", app, "-p:SomeSwitch=1"), "references adding global properties");
    }

    [Fact]
    public async Task A_graph_build_with_isolation_succeeds_and_checks_once()
    {
        using var repository = await TwoFindings.CreateAsync(fixture.Packages);
        repository.AddProject("src/Lib");
        repository.AddProject("src/Multi", targetFrameworks: "net10.0;net9.0");
        var app = repository.AddProject("src/App", projectReferences: ["../Lib/Lib.csproj", "../Multi/Multi.csproj"]);
        // -graph -isolate cannot restore in the same run on this SDK (NuGet's own targets), with or without the check.
        (await TwoFindings.RunAsync(repository, "restore", app)).AssertSucceeded();

        var build = await TwoFindings.RunAsync(repository, "build", app, "--no-restore", "-graph", "-isolate");

        Assert.DoesNotContain(build.Diagnostics, d => d.Code is "MSB4254" or "MSB4252");
        TwoFindings.AssertCheckedOnce(build, "dotnet build -graph -isolate");
    }

    [Fact]
    public async Task A_same_size_edit_that_keeps_a_racy_write_time_is_checked_again_not_replayed()
    {
        using var repository = await TwoFindings.CreateAsync(fixture.Packages);
        var project = repository.AddProject("src/App");
        // A write time not older than the check (a coarse clock, a copy that keeps times, a skewed network share).
        var stamp = DateTime.UtcNow.AddMinutes(10);
        File.SetLastWriteTimeUtc(repository.PathOf(TwoFindings.Readme), stamp);
        var first = await repository.BuildAsync(project);
        Assert.Contains(first.MetaIssue, d => d.Code == "MI010" && d.Message.Contains("'Sorta'"));

        repository.Edit(TwoFindings.Readme, "Sorta", "Sortx"); // same size
        File.SetLastWriteTimeUtc(repository.PathOf(TwoFindings.Readme), stamp); // same time

        var second = await repository.BuildAsync(project, "--no-restore");
        Assert.Contains(second.MetaIssue, d => d.Code == "MI010" && d.Message.Contains("'Sortx'"));
        Assert.DoesNotContain(second.MetaIssue, d => d.Message.Contains("'Sorta'"));

        // Once the time is safely in the past, an unchanged tree is replayed without parsing (the cheap no-op build).
        File.SetLastWriteTimeUtc(repository.PathOf(TwoFindings.Readme), DateTime.UtcNow.AddMinutes(-10));
        await repository.BuildAsync(project, "--no-restore");
        var noOp = await repository.BuildAsync(project, "--no-restore", "-v:d");
        Assert.Contains("showing its findings again", noOp.Result.StandardOutput);
        Assert.Contains(noOp.MetaIssue, d => d.Code == "MI010" && d.Message.Contains("'Sortx'"));
    }

    [Fact]
    public async Task With_UseArtifactsOutput_the_cache_lives_under_artifacts_and_dotnet_clean_removes_it()
    {
        using var repository = await TwoFindings.CreateAsync(fixture.Packages);
        repository.Write("Directory.Build.props", "<Project><PropertyGroup><UseArtifactsOutput>true</UseArtifactsOutput></PropertyGroup></Project>");
        var project = repository.AddProject("src/App");

        (await repository.BuildAsync(project)).AssertSucceeded();

        var cache = repository.PathOf("artifacts/obj/metaissue");
        Assert.True(File.Exists(Path.Combine(cache, "last-check.cache")), "the last check belongs under artifacts/obj/metaissue");
        Assert.False(Directory.Exists(repository.PathOf("obj")), "no stray obj/ at the repository root");

        (await TwoFindings.RunAsync(repository, "clean", project)).AssertSucceeded();
        Assert.Empty(Directory.Exists(cache) ? Directory.GetFiles(cache) : []);
    }

    [Fact]
    public async Task An_MSBuild_older_than_the_stated_floor_gets_one_MI900_instead_of_a_load_failure()
    {
        using var repository = await TwoFindings.CreateAsync(fixture.Packages);
        var project = repository.AddProject("src/App");

        // The version the targets compare is MSBuild's own; the test overrides the copy they read (no MSBuild 17.7 here).
        var build = await repository.BuildAsync(project, "-p:_MetaIssueMSBuildVersion=17.7.2");

        build.AssertSucceeded();
        var warning = Assert.Single(build.MetaIssue);
        Assert.Equal("MI900", warning.Code);
        Assert.Contains("needs MSBuild 17.8 or later", warning.Message);
        Assert.Contains("17.7.2", warning.Message);
    }
}
