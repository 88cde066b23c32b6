using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd.Build;

/// <summary>Where the check looks: the repository root found from .git (a folder in a clone, a file in a worktree).</summary>
[Collection(CheckerBuildCollection.Name)]
public sealed class RepositoryRootTests(TemplateHiveFixture fixture)
{
    [Fact]
    public async Task In_a_git_worktree_the_root_is_the_worktree_and_a_package_reference_in_Directory_Build_props_is_enough()
    {
        using var repository = await SampleRepository.CreateAsync(fixture.Packages);
        await repository.GitAsync("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "start");
        var worktree = Path.Combine(repository.Root, "wt");
        await repository.GitAsync("worktree", "add", "-q", worktree);
        Assert.True(File.Exists(Path.Combine(worktree, ".git")), "a worktree's .git is a file");

        repository.Write("wt/NuGet.config", repository.Read("NuGet.config"));
        repository.Write("wt/docs/meta-issues/perf/README.md", "# Meta-Issue: Perf\n\n**Status:** Sorta\n");
        repository.Write("docs/meta-issues/outside/README.md", "# Meta-Issue: Outside the worktree\n\n**Status:** Sorta\n");
        repository.Write("wt/Directory.Build.props", $"""
            <Project>
              <ItemGroup>
                <PackageReference Include="MetaIssue.Build" Version="{repository.PackageVersion}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        var project = repository.AddProject("wt/src/deep/App", referencesPackage: false);

        var build = await repository.BuildAsync(project);

        var finding = Assert.Single(build.MetaIssue, d => d.Code == "MI010");
        Assert.Equal("wt/docs/meta-issues/perf/README.md", finding.File);
        Assert.Equal(["MI001", "MI001", "MI001", "MI010"], build.MetaIssue.Select(d => d.Code).Order());
    }
}
