using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd.Reports;

/// <summary>`-p:MetaIssueSarifLog=…` on the real performance saga: a valid SARIF 2.1.0 log that says what the build said.</summary>
[Collection(CheckerBuildCollection.Name)]
public sealed class SarifReportTests(TemplateHiveFixture fixture)
{
    private const string SarifLog = "artifacts/metaissue.sarif";

    private async Task<(SampleRepository Repository, BuildOutcome Build)> BuildSagaWithSarifAsync()
    {
        var repository = await SampleRepository.CreateAsync(fixture.Packages);
        repository.WithPerformanceSaga();

        repository.WriteBytes("docs/meta-issues/performance-saga/notes/broken.md", [0x23, 0xC3, 0x28]); // a folder-less MI900 too
        var project = repository.AddProject("src/App", properties: "<WarningsAsErrors>MI003</WarningsAsErrors><NoWarn>$(NoWarn);MI016</NoWarn>");
        // End positions on, so the build's warnings carry the full ranges SARIF always has.
        var build = await repository.BuildAsync(project, $"-p:MetaIssueSarifLog={SarifLog}", "-p:MetaIssueWarningEndPositions=true");
        return (repository, build);
    }

    [Fact]
    public async Task The_log_is_valid_and_holds_exactly_the_build_findings_at_the_same_positions()
    {
        var (repository, build) = await BuildSagaWithSarifAsync();
        using var _ = repository;
        var sarifText = repository.Read(SarifLog);

        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reports", "sarif-2.1.0-subset.schema.json")));
        var evaluation = schema.Evaluate(JsonNode.Parse(sarifText), new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(evaluation.IsValid, "SARIF does not match the schema:\n" + string.Join("\n",
            evaluation.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));

        var planted = JsonNode.Parse(sarifText)!;
        planted["runs"]![0]!["results"]![0]!["level"] = "fatal";
        Assert.False(schema.Evaluate(planted, new EvaluationOptions { RequireFormatValidation = true }).IsValid, "the schema must reject a planted error");

        using var sarif = JsonDocument.Parse(sarifText);
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var results = run.GetProperty("results").EnumerateArray().Select(r =>
        {
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            var uri = Uri.UnescapeDataString(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!);
            var line = location.TryGetProperty("region", out var region) ? region.GetProperty("startLine").GetInt32() : 0;
            var column = line > 0 ? region.GetProperty("startColumn").GetInt32() : 0;
            var endColumn = line > 0 ? region.GetProperty("endColumn").GetInt32() - 1 : 0; // SARIF's end is exclusive
            Assert.Equal(r.GetProperty("ruleId").GetString(), rules[r.GetProperty("ruleIndex").GetInt32()]);
            return (Code: r.GetProperty("ruleId").GetString()!, File: uri, Line: line, Column: column, EndColumn: endColumn, Level: r.GetProperty("level").GetString()!);
        }).ToList();

        var warnings = build.MetaIssue.Select(d => (d.Code, d.File, d.Line, d.Column, d.EndColumn, Level: d.Severity)).ToList();
        Assert.NotEmpty(warnings);
        Assert.Equal(warnings.OrderBy(w => w.ToString(), StringComparer.Ordinal), results.OrderBy(r => r.ToString(), StringComparer.Ordinal));
        Assert.Contains(results, r => r.Code == "MI003" && r.Level == "error"); // the saga's attempt 003 has rows and links but no folder
        Assert.DoesNotContain(results, r => r.Code == "MI016");
        Assert.Equal("file://" + repository.Root.Replace('\\', '/').TrimEnd('/') + "/", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
    }

    [Fact]
    public async Task The_same_tree_writes_the_same_bytes()
    {
        var (repository, _) = await BuildSagaWithSarifAsync();
        using var __ = repository;
        var first = File.ReadAllBytes(repository.PathOf(SarifLog));

        (await repository.BuildAsync("src/App/App.csproj", "--no-restore", $"-p:MetaIssueSarifLog={SarifLog}")).AssertNoUnhandledTaskFailure();

        Assert.Equal(first, File.ReadAllBytes(repository.PathOf(SarifLog)));
    }

    [SkippableFact]
    [Trait(TestCategories.Trait, TestCategories.ExternalTools)]
    public async Task The_official_SARIF_Multitool_finds_no_error_or_warning_and_does_find_planted_ones()
    {
        NodeTool.SkipUnlessAvailable("npm", "validation with the official SARIF Multitool");
        Skip.IfNot(OperatingSystem.IsLinux(), "the Multitool's npm package is taken in its Linux build here");
        var tool = await NodeTool.GetAsync("@microsoft/sarif-multitool", "5.7.0");
        var multitool = tool.PathOf("node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");
        if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(multitool, File.GetUnixFileMode(multitool) | UnixFileMode.UserExecute); // npm skips its install script
        }

        var (repository, _) = await BuildSagaWithSarifAsync();
        using var __ = repository;
        var good = repository.PathOf(SarifLog);
        var broken = repository.PathOf("artifacts/broken.sarif");
        var node = JsonNode.Parse(File.ReadAllText(good))!;
        node["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"] = 0;
        File.WriteAllText(broken, node.ToJsonString());

        Assert.Empty(await ValidateAsync(multitool, good));
        Assert.Contains(await ValidateAsync(multitool, broken), problem => problem.Contains("startLine", StringComparison.Ordinal));
    }

    /// <summary>The Multitool's errors and warnings about a log (its notes, e.g. unreachable help links offline, are not problems).</summary>
    private static async Task<IReadOnlyList<string>> ValidateAsync(string multitool, string log)
    {
        var output = log + ".validation.sarif";
        var (exitCode, text) = await NodeTool.RunAsync(
            multitool, ["validate", log, "--level", "Error;Warning", "--kind", "Fail", "--log", "ForceOverwrite", "-o", output],
            Path.GetDirectoryName(log)!, TimeSpan.FromMinutes(3));
        Assert.True(exitCode is 0 or 1 && File.Exists(output), $"Sarif.Multitool did not run:\n{text}");
        using var validation = JsonDocument.Parse(File.ReadAllText(output));
        return validation.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.TryGetProperty("level", out var level) && level.GetString() is "error" or "warning")
            .Select(r => $"{r.GetProperty("ruleId").GetString()}: {r.GetProperty("message")}")
            .ToList();
    }
}
