using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd.Reliability;

/// <summary>
/// A 20-project solution, every project referencing the package, built with -m five times in a row (the cache
/// truncated halfway), and two builds of the same repository at the same time: each finding exactly once every time,
/// no file-lock or cache-write errors. Outcomes are recorded in docs/reliability.md.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class ConcurrentBuildTests(TemplateHiveFixture fixture)
{
    private const int Projects = 20;

    [Fact]
    public async Task Twenty_projects_built_in_parallel_five_times_report_each_finding_once()
    {
        using var repository = await SampleRepository.CreateAsync(fixture.Packages);
        HostileCases.PlantValidMetaIssue(repository, "docs/meta-issues/perf");
        repository.Write("docs/meta-issues/perf/README.md", HostileCases.Readme("Sorta") + "\n[gone](./gone.md)\n");
        var projects = Enumerable.Range(1, Projects).Select(i => repository.AddProject($"src/P{i:00}")).ToArray();
        (await DotnetCli.RunAsync(repository.Root, ["new", "sln", "-n", "Big", "--format", "slnx", TemplateHive.CustomHiveOption, fixture.Hive.Directory])).AssertExitCode(0);
        (await DotnetCli.RunAsync(repository.Root, ["sln", "Big.slnx", "add", .. projects])).AssertExitCode(0);
        var caches = new[] { repository.PathOf("obj/metaissue/facts.cache"), repository.PathOf("obj/metaissue/last-check.cache") };
        var rows = new List<string>();

        for (var run = 1; run <= 5; run++)
        {
            if (run == 4)
            {
                foreach (var cache in caches)
                {
                    var bytes = File.ReadAllBytes(cache);
                    File.WriteAllBytes(cache, bytes[..(bytes.Length / 3)]);
                }
            }

            var build = await repository.BuildAsync("Big.slnx", run == 1 ? "-m" : "-m:4", run == 1 ? "-p:Restore=true" : "--no-restore");
            AssertCleanAndOnce(build, $"run {run}");
        }

        rows.Add($"| `parallel-{Projects}` | a {Projects}-project solution, each project referencing the package, built with `-m` 5 times | each of the 2 findings exactly once in every build; no lock or cache-write error |");
        rows.Add("| `truncated-cache` | `obj/metaissue/facts.cache` and `last-check.cache` cut to a third of their length before the 4th build | ignored and rebuilt; the same findings |");

        var together = await Task.WhenAll(repository.BuildAsync(projects[0], "--no-restore"), repository.BuildAsync(projects[1], "--no-restore"));
        foreach (var build in together)
        {
            AssertCleanAndOnce(build, "simultaneous builds");
        }

        rows.Add("| `simultaneous` | two `dotnet build` processes of the same repository at the same time | each reports the findings once; the cache is written atomically (temp file + rename) |");
        ReliabilityDocument.AssertMatches("Parallel and repeated builds", rows);
    }

    private static void AssertCleanAndOnce(BuildOutcome build, string context)
    {
        build.AssertSucceeded();
        build.AssertNoUnhandledTaskFailure();
        Assert.True(
            build.MetaIssue.Select(d => d.Code).Order().SequenceEqual(["MI010", "MI030"]),
            $"{context}: expected MI010 and MI030 once each.\n{build.Describe()}");
        var output = build.Result.StandardOutput + build.Result.StandardError;
        Assert.DoesNotContain("being used by another process", output);
        Assert.DoesNotContain("MSB3026", output);
        Assert.DoesNotContain("IOException", output);
    }
}
