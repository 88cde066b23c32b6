using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Rules;

/// <summary>MI030–MI031: links and anchors in meta-issue and lesson files.</summary>
public sealed class LinkRuleTests
{
    [Fact]
    public void MI030_a_missing_target_is_reported_at_the_url_with_a_suggestion()
    {
        using var repository = Healthy();
        repository.Edit(Approach(1, "caching"), "../../test-cases.md", "../test-cases.md");
        var line = repository.LineOf(Approach(1, "caching"), "../test-cases.md");
        var diagnostic = repository.Findings().Single("MI030", Approach(1, "caching"), line);
        Assert.Equal("See [the test cases](".Length + 1, diagnostic.Range!.Value.Column);
        Assert.Contains("did you mean '../../test-cases.md'?", diagnostic.Message);
    }

    [Fact]
    public void MI030_a_link_to_a_renamed_attempt_folder_suggests_the_folder_with_that_number()
    {
        using var repository = Healthy();
        repository.Edit(Description, "Connections are the bottleneck.", "See [attempt 2](./attempts/002-query-optimization/).");
        var diagnostic = repository.Findings().Single("MI030", Description);
        Assert.Contains("did you mean 'attempts/002-query-tuning/'?", diagnostic.Message);
    }

    [Theory]
    [InlineData("![graph](./profiling/flame.svg)")]
    [InlineData("[data][profile]\n\n[profile]: ./profiling/data.json")]
    [InlineData("[[patterns]]")]
    [InlineData("[[patterns.md#meta-issue-tracking|the pattern]]")]
    [InlineData("[notes](./notes%20and%20more.md)")]
    [InlineData("[root](/docs/missing.md)")]
    [InlineData("[query](./missing.md?plain=1)")]
    public void MI030_every_link_form_is_checked(string link)
    {
        using var repository = Healthy();
        repository.Edit(Description, "Connections are the bottleneck.", link);
        repository.Findings().Single("MI030", Description);
    }

    [Theory]
    [InlineData("![graph](./profiling/flame.svg)")]
    [InlineData("[data][profile]\n\n[profile]: ./profiling/flame.svg")]
    [InlineData("[[patterns]]")]
    [InlineData("[[patterns.md#meta-issue-tracking|the pattern]]")]
    [InlineData("[[../../patterns.md]]")]
    [InlineData("[notes](./notes%20and%20more.md)")]
    [InlineData("[notes](<./notes and more.md>)")]
    [InlineData("[root](/docs/patterns.md)")]
    [InlineData("[folder](./attempts/)")]
    [InlineData("[external](https://example.com/missing.md) <https://example.com> [mail](mailto:a@b.c)")]
    [InlineData("[self]() and [top](#current-understanding)")]
    [InlineData("`[not a link](./nowhere.md)`")]
    public void MI030_links_that_resolve_are_fine(string link)
    {
        using var repository = Healthy();
        repository.Write("docs/patterns.md", "# Patterns\n\n## Meta-Issue Tracking\n");
        repository.Write($"{Folder}/profiling/flame.svg", "<svg/>");
        repository.Write($"{Folder}/notes and more.md", "# Notes\n");
        repository.Edit(Description, "Connections are the bottleneck.", link);
        repository.Findings().None("MI030");
    }

    [Fact]
    public void MI030_a_link_out_of_the_repository_is_reported_and_not_followed()
    {
        using var repository = Healthy();
        repository.Edit(Description, "Connections are the bottleneck.", "[secrets](../../../../../../etc/passwd)");
        var diagnostic = repository.Findings().Single("MI030", Description);
        Assert.Contains("outside the repository", diagnostic.Message);
    }

    [Fact]
    public void MI030_links_in_lessons_and_extra_notes_are_checked()
    {
        using var repository = Scenario.Resolved();
        repository.Write("docs/lessons-learned/debugging/Perf_Resolution.md", "# Lesson\n\n[[../../meta-issues/perf/]] and [gone](./gone.md)\n");
        repository.Write($"{Folder}/analysis/profile.md", "# Profile\n\n[back](../README.md) [broken](../nope.md)\n");
        var findings = repository.Findings();
        Assert.Equal(2, findings.OfCode("MI030").Count);
        Assert.Contains(findings.OfCode("MI030"), d => findings.Relative(d) == "docs/lessons-learned/debugging/Perf_Resolution.md");
        Assert.Contains(findings.OfCode("MI030"), d => findings.Relative(d) == $"{Folder}/analysis/profile.md");
    }

    [Fact]
    public void MI031_a_missing_heading_is_reported_with_the_closest_anchor()
    {
        using var repository = Healthy();
        repository.Edit(Readme, "./test-cases.md#tc-001-load", "./test-cases.md#tc-001-loads");
        var diagnostic = repository.Findings().Single("MI031", Readme);
        Assert.Contains("did you mean '#tc-001-load'?", diagnostic.Message);
    }

    [Fact]
    public void MI031_same_file_fragments_are_checked()
    {
        using var repository = Healthy();
        repository.Edit(Description, "Connections are the bottleneck.", "See [below](#evolution).");
        repository.Findings().Single("MI031", Description);
    }

    [Theory]
    [InlineData("## Attempt 001: Caching Layer", "#attempt-001-caching-layer")]
    [InlineData("## Why `pooling` won?", "#why-pooling-won")]
    [InlineData("## ✅ Done", "#-done")]
    [InlineData("## Über Größe", "#über-größe")]
    [InlineData("## Notes\n\n## Notes", "#notes-1")]
    [InlineData("## Notes", "#Notes")]
    [InlineData("<a id=\"custom-anchor\"></a>", "#custom-anchor")]
    [InlineData("<a name='block-anchor'></a>", "#block-anchor")]
    public void MI031_github_anchor_rules_are_followed(string heading, string fragment)
    {
        using var repository = Healthy();
        repository.Write($"{Folder}/analysis.md", $"# Analysis\n\n{heading}\n\nText.\n");
        repository.Edit(Description, "Connections are the bottleneck.", $"[there](./analysis.md{fragment})");
        var findings = repository.Findings();
        findings.None("MI031");
        findings.None("MI030");
    }

    [Fact]
    public void MI031_fragments_of_non_markdown_targets_are_not_judged()
    {
        using var repository = Healthy();
        repository.Write("src/Pool.cs", "class Pool {}\n");
        repository.Edit(Description, "Connections are the bottleneck.", "[code](../../../src/Pool.cs#L1)");
        repository.Findings().Empty();
    }

    [Fact]
    public void MI031_headings_of_markdown_outside_the_docs_tree_are_read_on_demand()
    {
        using var repository = Healthy();
        repository.Write("CONTRIBUTING.md", "# Contributing\n\n## Writing docs\n");
        repository.Edit(Description, "Connections are the bottleneck.", "[a](../../../CONTRIBUTING.md#writing-docs) [b](../../../CONTRIBUTING.md#reading-docs)");
        var diagnostic = repository.Findings().Single("MI031", Description);
        Assert.Contains("'#reading-docs'", diagnostic.Message);
    }
}
