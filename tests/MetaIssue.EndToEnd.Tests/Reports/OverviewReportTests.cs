using System.Text.Json;
using System.Text.RegularExpressions;
using MetaIssue.EndToEnd.Build;
using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd.Reports;

/// <summary>`dotnet build -t:MetaIssueOverview` on a scaffolded and finished meta-issue, and its chart rendered for real.</summary>
[Collection(CheckerBuildCollection.Name)]
public sealed partial class OverviewReportTests(TemplateHiveFixture fixture)
{
    private const string App = "src/App/App.csproj";
    private const string Overview = "docs/meta-issues/README.md";

    private async Task<SampleRepository> FinishedAsync()
    {
        var repository = await SampleRepository.CreateAsync(fixture.Packages);
        await ScaffoldedMetaIssue.CreateAsync(fixture.Hive, repository);
        ScaffoldedMetaIssue.Finish(repository);
        (await fixture.Hive.NewAsync(repository.Root, "metaissue", "-n", "flaky-ci")).AssertExitCode(0);
        repository.AddProject("src/App");
        return repository;
    }

    [Fact]
    public async Task The_overview_is_written_between_its_markers_kept_up_to_date_and_never_forced_on_a_file_without_them()
    {
        using var repository = await FinishedAsync();

        var created = await repository.BuildAsync(App, "-t:MetaIssueOverview");
        created.AssertSucceeded();
        Assert.Contains("MetaIssue: wrote the overview to docs/meta-issues/README.md", created.SummaryLines);
        var text = repository.Read(Overview);
        Assert.Contains("| [Perf Degradation](perf-degradation/README.md) | ✅ Resolved (Attempt 003) | 3 (1 ✅, 1 ❌, 1 ⚠️) |", text);
        Assert.Contains("[Lesson: Perf Resolution](../lessons-learned/debugging/Perf_Resolution.md)", text);
        Assert.Matches(@"\| \[Flaky Ci\]\(flaky-ci/README.md\) \| 🔄 Investigating \| 1 \(1 🔄\) \| \d{4}-\d{2}-\d{2} \|", text);
        Assert.Contains("```mermaid", text);

        // Around the markers, the page is the user's.
        repository.Write(Overview, "# Our meta-issues\n\nRead this first.\n\n" + text[text.IndexOf("<!--", StringComparison.Ordinal)..] + "\nFooter we wrote.\n");
        var ours = repository.Read(Overview);
        var unchanged = await repository.BuildAsync(App, "-t:MetaIssueOverview", "--no-restore");
        Assert.Contains("MetaIssue: the overview in docs/meta-issues/README.md is up to date", unchanged.SummaryLines);
        Assert.Equal(ours, repository.Read(Overview));

        // A plain build says when the overview is stale, without writing it.
        repository.Edit($"{ScaffoldedMetaIssue.Folder}/README.md", "Resolved (Attempt 003)", "Paused");
        var stale = await repository.BuildAsync(App, "--no-restore");
        Assert.Contains("MetaIssue: the overview in docs/meta-issues/README.md is stale; refresh it with: dotnet build -t:MetaIssueOverview", stale.SummaryLines);
        Assert.Equal(ours, repository.Read(Overview));

        var updated = await repository.BuildAsync(App, "-t:MetaIssueOverview", "--no-restore");
        Assert.Contains("MetaIssue: updated the overview in docs/meta-issues/README.md", updated.SummaryLines);
        var refreshed = repository.Read(Overview);
        Assert.StartsWith("# Our meta-issues\n\nRead this first.\n\n", refreshed);
        Assert.EndsWith("\nFooter we wrote.\n", refreshed);
        Assert.Contains("| 🔄 Paused |", refreshed);

        // Without markers, nothing is written and the command fails, saying how to add them.
        repository.Write(Overview, "# Hand-written index\n");
        var refused = await repository.BuildAsync(App, "-t:MetaIssueOverview", "--no-restore");
        Assert.False(refused.Succeeded);
        var error = Assert.Single(refused.Diagnostics, d => d.Code == "MI910");
        Assert.Equal("error", error.Severity);
        Assert.Contains("<!-- metaissue:overview:start -->", error.Message);
        Assert.Equal("# Hand-written index\n", repository.Read(Overview));
    }

    [SkippableFact]
    [Trait(TestCategories.Trait, TestCategories.ExternalTools)]
    public async Task The_chart_renders_with_the_real_mermaid_cli_and_a_broken_chart_does_not()
    {
        NodeTool.SkipUnlessAvailable("npm", "rendering the overview chart with the Mermaid CLI");
        NodeTool.SkipUnlessAvailable("chromium", "rendering the overview chart in Chromium");
        var mermaid = await NodeTool.GetAsync("@mermaid-js/mermaid-cli", "12.2.0");
        using var repository = await FinishedAsync();
        (await repository.BuildAsync(App, "-t:MetaIssueOverview")).AssertSucceeded();
        var chart = MermaidBlock().Match(repository.Read(Overview)).Groups["chart"].Value;
        Assert.Contains("gantt", chart);

        var rendered = await RenderAsync(mermaid, repository, chart, "overview");
        Assert.True(rendered.ExitCode == 0 && new FileInfo(rendered.Png).Length > 2_000, $"mmdc failed:\n{rendered.Output}");
        var screenshot = RepositoryLayout.PathTo("artifacts/overview-chart.png");
        File.Copy(rendered.Png, screenshot, overwrite: true); // kept for the README's picture, with the text it shows
        File.WriteAllText(RepositoryLayout.PathTo("artifacts/overview-example.md"), repository.Read(Overview));

        var broken = await RenderAsync(mermaid, repository, chart.Replace("gantt\n", "gantt\n  this is not valid ::: \n"), "broken");
        Assert.True(broken.ExitCode != 0, "a broken chart must fail to render, or this test proves nothing");
    }

    private static async Task<(int ExitCode, string Output, string Png)> RenderAsync(NodeTool mermaid, SampleRepository repository, string chart, string name)
    {
        var input = repository.PathOf($"artifacts/{name}.mmd");
        var png = repository.PathOf($"artifacts/{name}.png");
        var config = repository.PathOf("artifacts/puppeteer.json");
        repository.Write($"artifacts/{name}.mmd", chart);
        File.WriteAllText(config, JsonSerializer.Serialize(new
        {
            executablePath = NodeTool.Which("chromium"),
            args = new[] { "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic" },
        }));
        var (exitCode, output) = await NodeTool.RunAsync(
            "node", [mermaid.PathOf("node_modules/@mermaid-js/mermaid-cli/src/cli.js"), "-p", config, "-i", input, "-o", png, "-b", "white", "-s", "2"],
            repository.Root, TimeSpan.FromMinutes(3));
        return (exitCode, output, png);
    }

    [GeneratedRegex(@"```mermaid\n(?<chart>.*?)```", RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();
}
