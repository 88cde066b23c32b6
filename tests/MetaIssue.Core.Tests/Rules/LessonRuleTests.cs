using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Rules;

/// <summary>MI020–MI022: closing the loop with lessons and successors.</summary>
public sealed class LessonRuleTests
{
    private const string Lesson = "docs/lessons-learned/debugging/Perf_Resolution.md";

    [Theory]
    [InlineData("Resolved (Attempt 002)")]
    [InlineData("Abandoned")]
    [InlineData("✅")]
    public void MI020_a_closed_issue_without_a_lesson_is_reported_at_the_status(string status)
    {
        using var repository = Healthy(status, ("caching", "❌ Failed"), ("pooling", "✅ Success"));
        var diagnostic = repository.Findings().Single("MI020", Readme, line: 3);
        Assert.Contains("dotnet new metalesson -n <Lesson_Name> --issue perf", diagnostic.Message);
    }

    [Fact]
    public void MI020_an_open_issue_needs_no_lesson()
    {
        using var repository = Healthy();
        repository.Findings().None("MI020");
    }

    [Theory]
    [InlineData("**Meta-Issue:** [[../../meta-issues/perf/]]")]
    [InlineData("**Meta-Issue:** [[meta-issues/perf/README]]")]
    [InlineData("See [the saga](../../meta-issues/perf/README.md#timeline).")]
    [InlineData("See [the saga](/docs/meta-issues/perf/).")]
    [InlineData("[saga]: ../../meta-issues/perf/implementation-log.md")]
    public void MI020_any_link_from_a_lesson_into_the_issue_counts(string link)
    {
        using var repository = Scenario.Resolved();
        repository.Write(Lesson, $"# Lesson: Perf Resolution\n\n{link}\n");
        repository.Findings().None("MI020");
    }

    [Fact]
    public void MI021_a_lesson_without_a_backlink_is_reported_with_the_line_to_paste()
    {
        using var repository = Scenario.Resolved();
        repository.Edit(Readme, "- [Perf Resolution](../../lessons-learned/debugging/Perf_Resolution.md)", "Nothing here.");
        var line = repository.LineOf(Readme, "## Lessons Learned");
        var diagnostic = repository.Findings().Single("MI021", Readme, line);
        Assert.Contains("'- [Lesson: Perf Resolution](../../lessons-learned/debugging/Perf_Resolution.md)'", diagnostic.Message);
    }

    [Fact]
    public void MI021_applies_to_open_issues_too()
    {
        using var repository = Healthy().WithLesson();
        repository.Findings().Single("MI021", Readme);
    }

    [Fact]
    public void MI022_a_superseded_issue_without_a_link_to_its_successor_is_reported()
    {
        using var repository = Healthy("Superseded").WithLesson();
        repository.Edit(Readme, "None yet.", "- [Lesson](../../lessons-learned/debugging/Perf_Resolution.md)");
        var diagnostic = repository.Findings().Single("MI022", Readme, line: 3);
        Assert.Contains("Superseded by [new-issue](../new-issue/)", diagnostic.Message);
    }

    [Fact]
    public void MI022_a_link_to_another_meta_issue_satisfies_it()
    {
        using var repository = Healthy("Superseded by [pool-exhaustion](../pool-exhaustion/)");
        repository.Write("docs/meta-issues/pool-exhaustion/README.md", "# Meta-Issue: Pool\n\n**Status:** Open\n");
        repository.Findings().None("MI022");
    }

    [Fact]
    public void MI022_a_link_to_itself_does_not_count()
    {
        using var repository = Healthy("Superseded by [this](./README.md)");
        repository.Findings().Single("MI022", Readme);
    }

    [Fact]
    public void MI016_prompts_left_in_the_lesson_of_a_closed_issue_are_reported_where_they_stand()
    {
        using var repository = Scenario.Resolved();
        repository.Write(Lesson, "# Lesson: Perf Resolution\n\n**Meta-Issue:** [[../../meta-issues/perf/]]\n\n## Root Cause\n\n[What actually caused it]\n");
        var diagnostic = repository.Findings().Single("MI016", Lesson, repository.LineOf(Lesson, "[What actually"));
        Assert.Contains("its meta-issue perf is Resolved but Perf_Resolution.md still holds the template prompt '[What actually caused it]'", diagnostic.Message);
    }

    [Fact]
    public void MI016_the_lesson_of_an_open_issue_may_keep_its_prompts()
    {
        using var repository = Healthy();
        repository.Write(Lesson, "# Lesson: Perf Resolution\n\n**Meta-Issue:** [[../../meta-issues/perf/]]\n\n## Root Cause\n\n[What actually caused it]\n");
        repository.Findings().None("MI016");
    }
}
