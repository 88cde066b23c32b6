using MetaIssue.Reporting;
using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Reporting;

public sealed class OverviewTests
{
    private static string OverviewPath(TempRepository repository) => repository.PathOf("docs/meta-issues/README.md");

    [Fact]
    public void The_table_has_a_row_per_meta_issue_with_status_attempts_dates_lesson_and_warnings()
    {
        using var repository = Scenario.Resolved();
        repository.Write("docs/meta-issues/flaky-ci/README.md", "# Meta-Issue: Flaky CI\n\n**Status:** Blocked  \n**Created:** 2026-02-01\n");
        var overview = Overview.Render(repository.Check(), OverviewPath(repository));

        Assert.Contains("| [Flaky CI](flaky-ci/README.md) | 🔄 Blocked | 0 | 2026-02-01 | 2026-02-01 | — | 3 |", overview);
        Assert.Contains("| [Perf](perf/README.md) | ✅ Resolved (Attempt 003) | 3 (1 ✅, 1 ❌, 1 ⚠️) | 2026-01-01 | 2026-01-03 | [Lesson: Perf Resolution](../lessons-learned/debugging/Perf_Resolution.md) | 0 |", overview);
    }

    [Fact]
    public void A_closed_issue_without_lesson_shows_it_missing()
    {
        using var repository = Healthy("Abandoned");
        Assert.Contains("| ⚠️ missing |", Overview.Render(repository.Check(), OverviewPath(repository)));
    }

    [Fact]
    public void The_chart_has_a_bar_per_dated_attempt_coloured_by_outcome()
    {
        using var repository = Healthy("Investigating", ("caching", "❌ Failed"), ("queries", "⚠️ Partial"), ("pooling", "✅ Success"), ("async", "🔄 In Progress"));
        repository.Edit(Log, "**Date:** 2026-01-03", "**Date:** 2026-01-03 to 2026-01-09");
        var overview = Overview.Render(repository.Check(), OverviewPath(repository));

        Assert.Contains("```mermaid", overview);
        Assert.Contains("gantt", overview);
        Assert.Contains("    section Perf", overview);
        Assert.Contains("    ❌ 001 Caching :crit, 2026-01-01, 1d", overview);
        Assert.Contains("    ⚠️ 002 Queries :active, 2026-01-02, 1d", overview);
        Assert.Contains("    ✅ 003 Pooling :done, 2026-01-03, 2026-01-10", overview);
        Assert.Contains("    🔄 004 Async :2026-01-04, 1d", overview);
    }

    [Fact]
    public void Without_dates_the_chart_is_replaced_by_a_hint()
    {
        using var repository = new TempRepository();
        repository.Write("docs/meta-issues/x/README.md", "# Meta-Issue: X\n\n**Status:** Open\n");
        var overview = Overview.Render(repository.Check(), OverviewPath(repository));
        Assert.DoesNotContain("```mermaid", overview);
        Assert.Contains("No attempt has dates yet", overview);
    }

    [Fact]
    public void Rendering_does_not_depend_on_the_clock_or_run()
    {
        using var repository = Scenario.Resolved();
        Assert.Equal(Overview.Render(repository.Check(), OverviewPath(repository)), Overview.Render(repository.Check(), OverviewPath(repository)));
    }

    [Fact]
    public void A_new_file_is_created_with_a_title_and_the_markers()
    {
        using var repository = Healthy();
        var path = OverviewPath(repository);
        Assert.Equal(MarkedSectionOutcome.Created, MarkedSection.Write(path, "| table |", "Meta-Issues"));
        Assert.Equal($"# Meta-Issues\n\n{MarkedSection.Start}\n| table |\n{MarkedSection.End}\n", File.ReadAllText(path));
    }

    [Fact]
    public void Only_the_text_between_the_markers_is_replaced()
    {
        using var repository = Healthy();
        var path = OverviewPath(repository);
        File.WriteAllText(path, $"# Ours\r\n\r\nIntro we wrote.\r\n{MarkedSection.Start}\r\nold\r\n{MarkedSection.End}\r\nOutro we wrote.\r\n");

        Assert.Equal(MarkedSectionOutcome.Updated, MarkedSection.Write(path, "new", "ignored"));
        Assert.Equal($"# Ours\r\n\r\nIntro we wrote.\r\n{MarkedSection.Start}\nnew\n{MarkedSection.End}\r\nOutro we wrote.\r\n", File.ReadAllText(path));
    }

    [Fact]
    public void An_unchanged_overview_is_not_rewritten()
    {
        using var repository = Healthy();
        var path = OverviewPath(repository);
        MarkedSection.Write(path, "same", "T");
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);

        Assert.Equal(MarkedSectionOutcome.Unchanged, MarkedSection.Write(path, "same", "T"));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
        Assert.False(MarkedSection.IsStale(path, "same"));
        Assert.True(MarkedSection.IsStale(path, "different"));
    }

    [Theory]
    [InlineData("# Our index\n\nNo markers here.\n")]
    [InlineData("# Only a start\n\n<!-- metaissue:overview:start -->\n")]
    [InlineData("<!-- metaissue:overview:end -->\n<!-- metaissue:overview:start -->\n")]
    public void A_file_without_both_markers_in_order_is_left_byte_identical(string text)
    {
        using var repository = Healthy();
        var path = OverviewPath(repository);
        File.WriteAllText(path, text);
        var before = File.ReadAllBytes(path);

        Assert.Equal(MarkedSectionOutcome.MissingMarkers, MarkedSection.Write(path, "new", "T"));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.False(MarkedSection.IsStale(path, "new"));
    }
}
