using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Rules;

/// <summary>MI013–MI016: the README timeline, the log and the test cases agree with the attempts, and finished work has no prompts left.</summary>
public sealed class ConsistencyRuleTests
{
    [Fact]
    public void MI013_a_completed_attempt_missing_from_the_timeline_is_reported_at_the_table()
    {
        using var repository = Healthy();
        repository.Edit(Readme, "| [002](./attempts/002-query-tuning/) | 2026-01-02 | Query Tuning | ⚠️ Partial |\n", string.Empty);
        var line = repository.LineOf(Readme, "| Attempt | Dates |");
        var diagnostic = repository.Findings().Single("MI013", Readme, line);
        Assert.Contains("no row for attempt 002 (Partial)", diagnostic.Message);
        Assert.Contains("[002](./attempts/002-query-tuning/)", diagnostic.Message);
    }

    [Fact]
    public void MI013_an_attempt_in_progress_may_be_missing_from_the_timeline()
    {
        using var repository = Healthy("Investigating", ("caching", "❌ Failed"), ("pooling", "🔄 In Progress"));
        repository.Edit(Readme, "| [002](./attempts/002-pooling/) | 2026-01-02 | Pooling | 🔄 In Progress |\n", string.Empty);
        repository.Findings().None("MI013");
    }

    [Fact]
    public void MI013_a_row_for_an_attempt_that_does_not_exist_is_left_to_MI003_at_the_row()
    {
        using var repository = Healthy();
        repository.Edit(Readme, "| [002](./attempts/002-query-tuning/) |", "| 003 | 2026-01-09 | Pooling | planned |\n| [002](./attempts/002-query-tuning/) |");
        var line = repository.LineOf(Readme, "| 003 |");
        var findings = repository.Findings();
        findings.None("MI013");
        var diagnostic = findings.Single("MI003", Readme, line);
        Assert.Equal(1, diagnostic.Range!.Value.Column);
        Assert.Contains("attempt 003 has no attempts/003-* folder but is referred to by README.md:" + line + " (row)", diagnostic.Message);
    }

    [Fact]
    public void MI013_rows_written_as_attempt_words_or_plain_numbers_under_an_attempt_header_count()
    {
        using var repository = Healthy();
        repository.Edit(Readme, "| [001](./attempts/001-caching/) |", "| Attempt 1 |");
        repository.Edit(Readme, "| [002](./attempts/002-query-tuning/) |", "| 2 |");
        repository.Findings().None("MI013");
    }

    [Fact]
    public void MI013_a_readme_without_an_attempt_table_is_not_judged()
    {
        using var repository = Healthy();
        var text = repository.Read(Readme);
        var start = text.IndexOf("| Attempt |", StringComparison.Ordinal);
        var end = text.IndexOf("## Resolution", StringComparison.Ordinal);
        repository.Write(Readme, text[..start] + text[end..]);
        repository.Findings().None("MI013");
    }

    [Fact]
    public void MI014_a_completed_attempt_without_a_log_entry_is_reported()
    {
        using var repository = Healthy();
        repository.Edit(Log, "## Attempt 002: Query Tuning", "## Second try");
        var diagnostic = repository.Findings().Single("MI014", Log, line: 1);
        Assert.Contains("'## Attempt 002: Query Tuning'", diagnostic.Message);
    }

    [Theory]
    [InlineData("| Attempt | Result |\n|---|---|\n| 002 | partial |\n")]
    [InlineData("- Attempt 002: partial, queries were not the bottleneck\n")]
    [InlineData("**Attempt #2** was partial.\n")]
    [InlineData("## Second try ([attempt 2](./attempts/002-query-tuning/))\n")]
    public void MI014_entries_may_be_headings_rows_or_lines(string entry)
    {
        using var repository = Healthy();
        repository.Edit(Log, "## Attempt 002: Query Tuning", entry);
        repository.Findings().None("MI014");
    }

    [Fact]
    public void MI014_a_mere_mention_in_running_text_is_not_an_entry()
    {
        using var repository = Healthy();
        repository.Edit(Log, "## Attempt 002: Query Tuning", "## Second try\n\nWe then started what became attempt 002.");
        repository.Findings().Single("MI014", Log);
    }

    [Fact]
    public void MI014_an_attempt_in_progress_needs_no_entry_yet()
    {
        using var repository = Healthy("Investigating", ("caching", "❌ Failed"), ("pooling", "🔄 In Progress"));
        repository.Edit(Log, "## Attempt 002: Pooling", "## Next");
        repository.Findings().None("MI014");
    }

    [Fact]
    public void MI015_a_completed_attempt_without_a_test_result_is_reported()
    {
        using var repository = Healthy();
        repository.Edit(TestCases, "- Attempt 002: 800 ms (FAIL)\n", string.Empty);
        var diagnostic = repository.Findings().Single("MI015", TestCases);
        Assert.Contains("add '- Attempt 002: [Result and PASS or FAIL]' to ", diagnostic.Message);
    }

    [Fact]
    public void MI015_a_result_line_that_still_holds_the_prompt_is_reported_at_that_line()
    {
        using var repository = Healthy();
        repository.Edit(TestCases, "- Attempt 002: 800 ms (FAIL)", "- Attempt 002: [Result and PASS or FAIL]");
        var line = repository.LineOf(TestCases, "- Attempt 002:");
        var diagnostic = repository.Findings().Single("MI015", TestCases, line);
        Assert.Contains("only an unfilled prompt", diagnostic.Message);
    }

    [Fact]
    public void MI015_results_per_attempt_as_table_columns_or_sections_count()
    {
        using var repository = Healthy();
        repository.Edit(TestCases, "- Attempt 001: 400 ms (FAIL)\n- Attempt 002: 800 ms (FAIL)", "| Test | Attempt 001 | Attempt 002 |\n|---|---|---|\n| TC-001 | 5,100 ms | 3,800 ms |");
        repository.Findings().None("MI015");
        repository.Write(TestCases, "# Test Cases\n\n### Attempt 001: Caching\n\n| Test | Result |\n|--|--|\n| TC-001 | 5,100 ms |\n\n### Attempt 002: Queries\n\nTC-001: 3,800 ms\n");
        repository.Findings().None("MI015");
    }

    [Fact]
    public void MI016_prompts_in_a_completed_attempts_results_are_reported_where_they_stand()
    {
        using var repository = Healthy();
        repository.Edit(Results(2, "query-tuning"), "Measured 800 ms.", "[What happened, with numbers]\n\nDone on YYYY-MM-DD.");
        var findings = repository.Findings();
        var prompts = findings.OfCode("MI016");
        Assert.Equal(2, prompts.Count);
        Assert.Equal(repository.LineOf(Results(2, "query-tuning"), "[What happened"), prompts[0].Range!.Value.Line);
        Assert.Equal(1, prompts[0].Range!.Value.Column);
        Assert.Equal(29, prompts[0].Range!.Value.EndColumn);
        Assert.Contains("YYYY-MM-DD", prompts[1].Message);
        Assert.Equal(9, prompts[1].Range!.Value.Column);
    }

    [Fact]
    public void MI016_prompts_of_open_work_are_left_alone()
    {
        using var repository = Healthy("Investigating", ("caching", "❌ Failed"), ("pooling", "🔄 In Progress"));
        repository.Edit(Results(2, "pooling"), "Measured 800 ms.", "[What happened, with numbers]");
        repository.Edit(Readme, "Not yet.", "[Fill in when resolved]");
        repository.Findings().None("MI016");
    }

    [Fact]
    public void MI016_every_core_file_of_a_closed_issue_is_searched()
    {
        using var repository = Scenario.Resolved();
        repository.Edit(Description, "Connections are the bottleneck.", "[Latest theory after all attempts]");
        repository.Findings().Single("MI016", Description, line: 5);
    }

    [Theory]
    [InlineData("`[Not a prompt]` in code")]
    [InlineData("```\n[Not a prompt]\n```")]
    [InlineData("[A link](./description.md)")]
    [InlineData("[Reference][def]\n\n[def]: ./description.md")]
    [InlineData("- [x] Done task\n- [ ] Open task")]
    [InlineData("> [!NOTE]\n> GitHub alert")]
    [InlineData("\\[Escaped on purpose\\]")]
    [InlineData("array[Index] and [lowercase words] and [1]")]
    [InlineData("A date format `YYYY-MM-DD` in code")]
    public void MI016_brackets_markdown_gives_another_meaning_are_not_prompts(string text)
    {
        using var repository = Scenario.Resolved();
        repository.Edit(Description, "Connections are the bottleneck.", text);
        repository.Findings().None("MI016");
    }
}
