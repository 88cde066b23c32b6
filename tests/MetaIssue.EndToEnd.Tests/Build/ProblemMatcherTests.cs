using System.Text.Json;
using System.Text.RegularExpressions;
using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd.Build;

/// <summary>
/// GitHub shows a build warning inline only when a registered problem matcher recognises its console line.
/// actions/setup-dotnet always registers its csc.json; this is that file's regular expression, verbatim.
/// </summary>
[Collection(CheckerBuildCollection.Name)]
public sealed class ProblemMatcherTests(TemplateHiveFixture fixture)
{
    private static readonly Regex SetupDotnetCsc = new(@"^(.*)\((\d+)(?:,\d+|,\d+,\d+)?\):\s+(error|warning)\s+([a-zA-Z]+(?<!MSB)\d+):\s*(.*?)\s+\[(.*?)\]$");

    private const string SarifLog = "artifacts/metaissue.sarif";

    [Fact]
    public async Task Every_MI_warning_and_error_in_the_console_output_matches_the_setup_dotnet_matcher_while_SARIF_keeps_ranges()
    {
        using var repository = await TwoFindings.CreateAsync(fixture.Packages);
        var project = repository.AddProject("src/App", properties: "<WarningsAsErrors>MI030</WarningsAsErrors>");

        var build = await repository.BuildAsync(project, $"-p:MetaIssueSarifLog={SarifLog}");

        var lines = build.Result.StandardOutput.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains(": warning MI", StringComparison.Ordinal) || l.Contains(": error MI", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count >= 2, build.Describe());
        foreach (var line in lines)
        {
            var match = SetupDotnetCsc.Match(line);
            Assert.True(match.Success, $"not matched by csc.json: {line}");
            Assert.Equal(repository.PathOf(TwoFindings.Readme), match.Groups[1].Value.Trim());
            Assert.Contains(match.Groups[4].Value, new[] { "MI010", "MI030" });
            Assert.Equal(match.Groups[4].Value == "MI030" ? "error" : "warning", match.Groups[3].Value);
            Assert.Equal(match.Groups[4].Value == "MI030" ? "5" : "3", match.Groups[2].Value);
        }

        // SARIF keeps the whole range, and links each rule to this release's page (a tag, not a branch).
        using var sarif = JsonDocument.Parse(File.ReadAllText(repository.PathOf(SarifLog)));
        var run = sarif.RootElement.GetProperty("runs")[0];
        var region = run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "MI010")
            .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((3, 13, 18), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endColumn").GetInt32()));
        var helpUris = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("helpUri").GetString()).ToList();
        Assert.All(helpUris, uri => Assert.StartsWith($"https://github.com/metaissue/MetaIssue/blob/v{repository.PackageVersion}/docs/rules/MI", uri));
    }

    [Fact]
    public async Task With_end_positions_asked_for_the_four_number_form_returns_and_the_matcher_no_longer_sees_it()
    {
        using var repository = await TwoFindings.CreateAsync(fixture.Packages);
        var project = repository.AddProject("src/App", properties: "<MetaIssueWarningEndPositions>true</MetaIssueWarningEndPositions>");

        var build = await repository.BuildAsync(project);

        var mi010 = Assert.Single(build.MetaIssue, d => d.Code == "MI010");
        Assert.Equal((3, 13, 3, 17), (mi010.Line, mi010.Column, mi010.EndLine, mi010.EndColumn));
        var line = build.Result.StandardOutput.Split('\n').Select(l => l.TrimEnd('\r')).First(l => l.Contains("warning MI010", StringComparison.Ordinal));
        Assert.DoesNotMatch(SetupDotnetCsc, line);
    }
}
