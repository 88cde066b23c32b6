using System.Text;
using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd.Reliability;

/// <summary>
/// Every hostile input of <see cref="HostileCases"/> in one repository, checked through the packed package in a real
/// `dotnet build` (twice: cold, then from the cache). The build must succeed without MSB4018, each odd file must get
/// its coded finding, a sentinel meta-issue must still be checked, and the docs must be byte-identical afterwards.
/// The outcomes are written to docs/reliability.md, which this test keeps in step with what it observed.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class HostileInputTests(TemplateHiveFixture fixture)
{
    private const string Sentinel = "docs/meta-issues/zz-sentinel";

    [Fact]
    public async Task Hostile_inputs_give_coded_findings_and_never_break_the_build_or_touch_the_docs()
    {
        using var repository = await SampleRepository.CreateAsync(fixture.Packages);
        var cases = HostileCases.PlantAll(repository);

        repository.Write($"{Sentinel}/README.md", HostileCases.Readme("Sorta"));
        var project = repository.AddProject("src/App");
        var before = DirectoryFingerprint.Take(repository.PathOf("docs"));

        var cold = await repository.BuildAsync(project);
        var warm = await repository.BuildAsync(project, "--no-restore");

        DirectoryFingerprint.Take(repository.PathOf("docs")).AssertUnchangedSince(before);
        var rows = new List<string>();
        foreach (var build in new[] { cold, warm })
        {
            build.AssertSucceeded();
            build.AssertNoUnhandledTaskFailure();
            Assert.Single(build.MetaIssue, d => d.File == $"{Sentinel}/README.md" && d.Code == "MI010");
        }

        Assert.Equal(cold.MetaIssue, warm.MetaIssue);
        foreach (var hostile in cases)
        {
            var found = cold.MetaIssue.Where(d => d.File.StartsWith(hostile.Folder + "/", StringComparison.Ordinal)).ToList();
            var expected = hostile.Expected
                .Select(e => (e.Code, File: e.File == "LONG" ? LongFile(found) : $"{hostile.Folder}/{e.File}"))
                .OrderBy(e => e.Code).ThenBy(e => e.File, StringComparer.Ordinal).ToList();
            var actual = found.Select(d => (d.Code, d.File)).OrderBy(e => e.Code).ThenBy(e => e.File, StringComparer.Ordinal).ToList();
            Assert.True(expected.SequenceEqual(actual), $"{hostile.Id}: expected [{string.Join(", ", expected)}], found:\n{string.Join("\n", found)}");
            if (hostile.MessageContains is { } text)
            {
                Assert.Contains(found, d => d.Message.Contains(text, StringComparison.Ordinal));
            }

            rows.Add(Row(hostile, found));
        }

        ReliabilityDocument.AssertMatches("Hostile input, through `dotnet build` of the packed package", rows);
    }

    /// <summary>The deep file's path is computed from the machine's temp folder, so the test reads it from the finding.</summary>
    private static string LongFile(IReadOnlyList<BuildDiagnostic> found) =>
        found.FirstOrDefault(d => d.File.EndsWith("/deep.md", StringComparison.Ordinal))?.File ?? "<no finding on deep.md>";

    private static string Row(HostileCase hostile, IReadOnlyList<BuildDiagnostic> found)
    {
        var outcome = hostile.DocumentedOutcome ?? (found.Count == 0
            ? "checked, no finding"
            : string.Join("; ", found.GroupBy(d => d.Code).Select(g => g.Count() == 1
                ? $"{g.Key}: {Shorten(g.First().Message)}"
                : $"{g.Count()} × {g.Key}: {Shorten(g.First().Message)}")));
        return $"| `{hostile.Id}` | {hostile.Input} | {outcome.Replace("|", "\\|")} |";
    }

    private static string Shorten(string message)
    {
        var semicolon = message.IndexOf(';');
        var text = semicolon > 0 ? message[..semicolon] : message;
        return text.Length > 110 ? text[..107] + "..." : text;
    }
}
