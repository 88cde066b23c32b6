using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd.Build;

/// <summary>
/// A sample repository whose one meta-issue has exactly two findings, MI010 (status 'Sorta', README line 3) and MI030
/// (a link to ./gone.md, line 5), and a way to run any dotnet command on it with the warnings captured by file loggers.
/// </summary>
internal static class TwoFindings
{
    public const string Readme = "docs/meta-issues/perf/README.md";

    public static async Task<SampleRepository> CreateAsync(ProductPackages packages)
    {
        var repository = await SampleRepository.CreateAsync(packages);
        repository.Write(Readme, "# Meta-Issue: Perf\n\n**Status:** Sorta\n\n[gone](./gone.md)\n");
        repository.Write("docs/meta-issues/perf/description.md", "# Description\n");
        repository.Write("docs/meta-issues/perf/implementation-log.md", "# Log\n");
        repository.Write("docs/meta-issues/perf/test-cases.md", "# Tests\n");
        return repository;
    }

    /// <summary>`dotnet {verb} {arguments}` with warnings and errors written once each to file logs, parsed.</summary>
    public static Task<BuildOutcome> RunAsync(SampleRepository repository, string verb, params string[] arguments) =>
        RunAsync(repository, null, verb, arguments);

    /// <summary>As above, with environment variables set for the one command.</summary>
    public static async Task<BuildOutcome> RunAsync(SampleRepository repository, IReadOnlyDictionary<string, string?>? environment, string verb, params string[] arguments)
    {
        using var logs = TempDirectory.Create("logs");
        var warnings = Path.Combine(logs.Path, "warnings.log");
        var errors = Path.Combine(logs.Path, "errors.log");
        var result = await DotnetCli.RunAsync(
            repository.Root,
            [verb, .. arguments, "-nologo", $"-flp1:logfile={warnings};warningsonly", $"-flp2:logfile={errors};errorsonly"],
            TimeSpan.FromMinutes(5),
            environment);
        var diagnostics = new[] { warnings, errors }.Where(File.Exists).SelectMany(log => BuildDiagnostic.ParseLog(File.ReadAllText(log))).ToList();
        return new BuildOutcome(result, diagnostics, repository.Root);
    }

    /// <summary>Both findings exactly once, and exactly one summary line: the check ran once.</summary>
    public static void AssertCheckedOnce(BuildOutcome build, string what)
    {
        Assert.True(build.Succeeded, $"{what}: the command failed.\n{build.Describe()}");
        Assert.True(
            build.MetaIssue.Select(d => d.Code).Order().SequenceEqual(["MI010", "MI030"]),
            $"{what}: expected MI010 and MI030 once each.\n{build.Describe()}");
        Assert.True(build.SummaryLines.Count(l => l.Contains("checked", StringComparison.Ordinal)) == 1, $"{what}: expected one summary.\n{build.Describe()}");
    }
}
