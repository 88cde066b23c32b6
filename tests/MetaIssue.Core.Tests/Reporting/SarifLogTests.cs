using MetaIssue.Rules;
using System.Text.Json;
using MetaIssue.Diagnostics;
using MetaIssue.Reporting;
using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Reporting;

public sealed class SarifLogTests
{
    private static JsonElement Sarif(CheckResult result, SarifSettings? settings = null)
    {
        using var stream = new MemoryStream();
        SarifLog.Write(stream, result, settings ?? new SarifSettings { HelpLinkBase = "https://example.com/rules" });
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    [Fact]
    public void Every_rule_is_described_once_in_catalogue_order()
    {
        using var repository = Healthy();
        var rules = Sarif(repository.Check()).GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules");
        Assert.Equal(RuleCatalog.All.Select(r => r.Id), rules.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        var first = rules[0];
        Assert.Equal("MissingCoreFile", first.GetProperty("name").GetString());
        Assert.Equal("https://example.com/rules/MI001.md", first.GetProperty("helpUri").GetString());
        Assert.Equal("warning", first.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("fullDescription").GetProperty("text").GetString()));
    }

    [Fact]
    public void Results_carry_root_relative_uris_and_regions_with_an_exclusive_end_column()
    {
        using var repository = Healthy();
        repository.Edit(Readme, "**Status:** Investigating", "**Status:** Sorta");
        var run = Sarif(repository.Check()).GetProperty("runs")[0];
        var result = Assert.Single(run.GetProperty("results").EnumerateArray());
        Assert.Equal("MI010", result.GetProperty("ruleId").GetString());
        Assert.Equal(RuleCatalog.All.ToList().FindIndex(r => r.Id == "MI010"), result.GetProperty("ruleIndex").GetInt32());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(Readme, location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        var region = location.GetProperty("region");
        Assert.Equal(3, region.GetProperty("startLine").GetInt32());
        Assert.Equal(13, region.GetProperty("startColumn").GetInt32());
        Assert.Equal(18, region.GetProperty("endColumn").GetInt32()); // "Sorta" is columns 13..17
        var root = run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()!;
        Assert.StartsWith("file:///", root);
        Assert.EndsWith("/", root);
    }

    [Fact]
    public void Folder_results_have_no_region_and_a_folder_uri()
    {
        using var repository = Healthy().Delete(Approach(1, "caching"));
        var result = Assert.Single(Sarif(repository.Check()).GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(AttemptFolder(1, "caching") + "/", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.False(location.TryGetProperty("region", out _));
    }

    [Theory]
    [InlineData("a b.md", "a%20b.md")]
    [InlineData("50%#1.md", "50%25%231.md")]
    [InlineData("über.md", "%C3%BCber.md")]
    [InlineData("docs/x:y.md", "docs/x%3Ay.md")]
    public void Uris_are_percent_encoded(string path, string uri) => Assert.Equal(uri, SarifLog.EscapeUri(path));

    [Fact]
    public void Silenced_codes_are_left_out_and_escalated_codes_are_errors()
    {
        using var repository = Healthy().Delete(Approach(1, "caching"));
        repository.Edit(Readme, "**Status:** Investigating", "**Status:** Sorta");
        var settings = new SarifSettings
        {
            Suppressed = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "mi004" },
            Errors = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "MI010" },
        };
        var result = Assert.Single(Sarif(repository.Check(), settings).GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("MI010", result.GetProperty("ruleId").GetString());
        Assert.Equal("error", result.GetProperty("level").GetString());
    }

    [Fact]
    public void The_same_tree_gives_the_same_bytes()
    {
        using var repository = new TempRepository();
        PerformanceSagaCopy(repository);
        byte[] Bytes()
        {
            using var stream = new MemoryStream();
            SarifLog.Write(stream, repository.Check(), new SarifSettings());
            return stream.ToArray();
        }

        Assert.Equal(Bytes(), Bytes());
    }

    private static void PerformanceSagaCopy(TempRepository repository) =>
        Corpus.PerformanceSagaTests.Copy(Corpus.PerformanceSagaTests.CorpusFolder, repository.PathOf("docs/meta-issues/performance-saga"));
}
