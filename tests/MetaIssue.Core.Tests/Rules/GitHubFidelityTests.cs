using MetaIssue.Markdown;
using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Rules;

/// <summary>Links, anchors and Markdown read as GitHub renders them, and suggestions printed so they can be pasted.</summary>
public sealed class GitHubFidelityTests
{
    private const string Analysis = Folder + "/analysis.md";

    private static TempRepository WithAnalysis(string body, string link)
    {
        var repository = Healthy();
        repository.Write(Analysis, $"# Analysis\n\n{body}\n\nText.\n");
        repository.Edit(Description, "Connections are the bottleneck.", link);
        return repository;
    }

    [Theory]
    [InlineData("## Coverage ![badge](cov.svg) report", "coverage--report")]
    [InlineData("## Latency ![p99](p99.png)", "latency-")]
    [InlineData("## See [the guide](x.md) first", "see-the-guide-first")]
    [InlineData("## Setup <sup>beta</sup>", "setup-beta")]
    [InlineData("## Setup <img src=\"x.png\" alt=\"logo\">", "setup-")]
    [InlineData("## Run `make all` &amp; wait", "run-make-all--wait")]
    [InlineData("## Version ²", "version-")]
    [InlineData("## ~~Old~~ plan", "old-plan")]
    public void Anchors_come_from_the_heading_text_as_github_renders_it(string heading, string anchor)
    {
        var facts = MarkdownFactsReader.Read(heading + "\n");
        Assert.Equal(anchor, facts.Headings.Single().Anchor);
    }

    [Theory]
    [InlineData("## Coverage ![badge](cov.svg) report", "#coverage-badge-report")]
    [InlineData("## Latency ![p99](p99.png)", "#latency-p99")]
    [InlineData("## Setup <img src=\"x.png\" alt=\"logo\">", "#setup-logo")]
    public void Alt_text_is_not_heading_text(string heading, string fragment)
    {
        using var repository = WithAnalysis(heading, $"[there](./analysis.md{fragment})");
        repository.Findings().Single("MI031", Description);
    }

    [Theory]
    [InlineData("#top")]
    [InlineData("#TOP")]
    [InlineData("#")]
    [InlineData("#named")]
    [InlineData("#plain-id")]
    [InlineData("#%EF%B8%8F-risks")]
    public void Fragments_browsers_define_and_html_anchors_are_accepted(string fragment)
    {
        using var repository = WithAnalysis("<a name=\"named\"></a>\n\n<p id=plain-id>x</p>\n\n## ⚠️ Risks", $"[there](./analysis.md{fragment})");
        repository.Findings().None("MI031");
    }

    [Theory]
    [InlineData("#top-of-page")]
    [InlineData("#data-only")]
    [InlineData("#div-name")]
    public void Look_alikes_of_anchors_are_reported(string fragment)
    {
        using var repository = WithAnalysis("<span data-only=\"x\"></span>\n\n<div name=\"div-name\"></div>", $"[there](./analysis.md{fragment})");
        repository.Findings().Single("MI031", Description);
    }

    [Theory]
    [InlineData("## ⚠️ Risks", "#-risk", "%EF%B8%8F-risks")]
    [InlineData("## 👨‍💻 Dev notes", "#-dev-note", "%E2%80%8D-dev-notes")]
    public void A_suggestion_with_invisible_characters_is_percent_encoded(string heading, string fragment, string printed)
    {
        using var repository = WithAnalysis(heading, $"[there](./analysis.md{fragment})");
        var diagnostic = repository.Findings().Single("MI031", Description);
        Assert.Contains($"did you mean '#{printed}'?", diagnostic.Message);
        Assert.DoesNotContain(diagnostic.Message, c => c is '\uFE0F' or '\u200D');
    }

    [Theory]
    [InlineData("Measured on the 3rd[^1].\n\n[^1]: 2024-09-03")]
    [InlineData("See the note[^run].\n\n[^run]: ./not-a-file.md")]
    public void Footnote_definitions_are_not_links(string text)
    {
        using var repository = Healthy();
        repository.Edit(Description, "Connections are the bottleneck.", text);
        repository.Findings().Empty();
    }

    [Fact]
    public void Reference_definitions_are_still_links()
    {
        using var repository = Healthy();
        repository.Edit(Description, "Connections are the bottleneck.", "See [run].\n\n[run]: ./not-a-file.md");
        repository.Findings().Single("MI030", Description);
    }

    [Theory]
    [InlineData("<p>See <a href=\"./gone.md\">this</a>.</p>", "./gone.md")]
    [InlineData("<div align=\"center\">\n  <img alt=\"x\" src='figures/none.png'>\n</div>", "figures/none.png")]
    [InlineData("A chart: <img src=missing.svg width=40> in text.", "missing.svg")]
    [InlineData("Inline <a title=\"t\" href=\"./implementation-log.md#nowhere\">log</a>.", "./implementation-log.md#nowhere")]
    public void Links_in_html_are_checked_at_their_exact_position(string html, string url)
    {
        using var repository = Healthy();
        repository.Edit(Description, "Connections are the bottleneck.", html);
        var diagnostic = Assert.Single(repository.Findings().All);
        Assert.True(diagnostic.Code is "MI030" or "MI031", diagnostic.ToString());
        var lines = repository.Read(Description).Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(url, StringComparison.Ordinal)) + 1;
        Assert.Equal(line, diagnostic.Range!.Value.Line);
        Assert.Equal(lines[line - 1].IndexOf(url, StringComparison.Ordinal) + 1, diagnostic.Range!.Value.Column);
    }

    [Theory]
    [InlineData("<p><a href=\"./implementation-log.md\">log</a> <img src=\"./attempts/\"></p>")]
    [InlineData("<!-- <a href=\"./gone.md\">old</a> -->")]
    [InlineData("`<a href=\"./gone.md\">code</a>`")]
    [InlineData("<a href=\"https://example.com/x\">web</a>")]
    public void Html_links_that_resolve_or_are_not_links_are_fine(string html)
    {
        using var repository = Healthy();
        repository.Edit(Description, "Connections are the bottleneck.", html);
        repository.Findings().Empty();
    }

    [Theory]
    [InlineData("- [x] Measured\n- [ ] Reviewed", 0)]
    [InlineData("- [X] Measured", 0)]
    [InlineData("- [Who reviewed it]", 1)]
    public void Task_list_markers_follow_gfm(string text, int prompts)
    {
        Assert.Equal(prompts, MarkdownFactsReader.Read(text + "\n").Placeholders.Count);
    }
}
