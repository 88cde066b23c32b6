using System.IO.Compression;
using MetaIssue.EndToEnd.Infrastructure;
using MetaIssue.Testing;

namespace MetaIssue.EndToEnd.Build;

/// <summary>
/// The net472 task as .NET Framework MSBuild (Visual Studio, msbuild.exe) would load it, run on the .NET Framework
/// profile this machine has: Mono. tests/MonoHarness loads the packed task from the package's own folder with a host
/// configuration that has no binding redirects, so every dependency must resolve through the task itself.
/// </summary>
[Collection(CheckerBuildCollection.Name)]
public sealed class NetFrameworkTaskTests(TemplateHiveFixture fixture)
{
    [SkippableFact]
    [Trait(TestCategories.Trait, TestCategories.ExternalTools)] // needs mono (.ci/run installs it)
    public async Task The_packed_net472_task_checks_a_real_meta_issue_under_Mono_without_binding_redirects()
    {
        var mono = ProcessRunner.Which("mono");
        Skip.If(mono is null && Environment.GetEnvironmentVariable("METAISSUE_REQUIRE_MONO") != "1", "mono is not installed (.ci/run installs Debian's mono-runtime)");
        Assert.True(mono is not null, "METAISSUE_REQUIRE_MONO=1 but mono is not installed");

        var harness = TestRun.CreateDirectory("mono-harness");
        var built = await DotnetCli.RunAsync(
            RepositoryLayout.Root,
            ["build", RepositoryLayout.PathTo("tests/MonoHarness/MetaIssue.MonoHarness.csproj"), "-c", "Release", "-o", harness, "--artifacts-path", TestRun.CreateDirectory("mono-harness-artifacts")],
            TimeSpan.FromMinutes(5));
        Assert.True(built.ExitCode == 0, built.ToString());
        var config = File.ReadAllText(Path.Combine(harness, "MetaIssue.MonoHarness.exe.config"));
        Assert.DoesNotContain("bindingRedirect", config);
        Assert.DoesNotContain(Directory.GetFiles(harness), f => Path.GetFileName(f).StartsWith("MetaIssue.Core", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("Markdig", StringComparison.Ordinal));

        var taskFolder = TestRun.CreateDirectory("net472-task");
        using (var package = ZipFile.OpenRead(fixture.Packages.PathOf(SampleRepository.BuildPackageId)))
        {
            foreach (var entry in package.Entries.Where(e => e.FullName.StartsWith("tasks/net472/", StringComparison.Ordinal)))
            {
                entry.ExtractToFile(Path.Combine(taskFolder, entry.Name));
            }
        }

        using var repository = await TwoFindings.CreateAsync(fixture.Packages);
        repository.WithPerformanceSaga();

        var run = await ProcessRunner.RunAsync(mono!, [Path.Combine(harness, "MetaIssue.MonoHarness.exe"), taskFolder, repository.Root], repository.Root, TimeSpan.FromMinutes(3));
        var output = run.StandardOutput;

        Assert.True(run.Succeeded, run.ToString());
        Assert.Contains("runtime: Mono", output);
        foreach (var dependency in new[] { "MetaIssue.Build", "MetaIssue.Core", "Markdig.Signed" })
        {
            Assert.Contains($"loaded from task folder: {dependency} ", output);
        }

        var findings = output.Split('\n').Select(l => BuildDiagnostic.Parse(l.TrimEnd('\r'))).OfType<BuildDiagnostic>()
            .Select(d => (d.Code, File: Path.GetRelativePath(repository.Root, d.File).Replace('\\', '/'), d.Line, d.Column))
            .ToList();
        Assert.DoesNotContain(findings, f => f.Code == "MI900");
        var expected = SagaExpectations.Expected();
        expected.Add(("MI010", TwoFindings.Readme, 3, 13));
        expected.Add(("MI030", TwoFindings.Readme, 5, 8));
        Assert.Equal(SagaExpectations.Ordered(expected), SagaExpectations.Ordered(findings));
    }
}
