using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Rules;

/// <summary>MI017 and the outcome precedence: results field, then the log's Result, then the README timeline row.</summary>
public sealed class OutcomeCopyRuleTests
{
    [Theory]
    [InlineData("✅ Success", "Success", "Partial", "⚠️ Partial")]
    [InlineData("Failed", "Failed", "Partial", "⚠️ Partial")]
    public void A_timeline_row_that_disagrees_is_reported_at_its_cell_with_the_value_to_write(string shown, string shownName, string actual, string write)
    {
        using var repository = Healthy();
        repository.Edit(Readme, "| Query Tuning | ⚠️ Partial |", $"| Query Tuning | {shown} |");
        var line = repository.LineOf(Readme, "| Query Tuning |");
        var diagnostic = repository.Findings().Single("MI017", Readme, line);
        Assert.Contains($"says '{shown}' for attempt 002", diagnostic.Message);
        // The advice is rendered from the fix: the timeline cell is rewritten to the recorded outcome.
        Assert.Contains($"attempt-results.md records '{actual}'; fix (safe, dotnet build -t:MetaIssueFix): write '{write}' in ", diagnostic.Message);
        Assert.True(diagnostic.Range!.Value.Column > 40, "points at the result cell, not the row start");
        Assert.Contains(shownName, diagnostic.Message);
    }

    [Fact]
    public void A_log_result_that_disagrees_is_reported_at_the_value()
    {
        using var repository = Healthy();
        repository.Edit(Log, "**Result:** ❌ Failed", "**Result:** ✅ Success (40% faster)");
        var line = repository.LineOf(Log, "**Result:** ✅ Success");
        var diagnostic = repository.Findings().Single("MI017", Log, line);
        Assert.Equal(13, diagnostic.Range!.Value.Column);
        Assert.Contains("implementation-log.md says '✅ Success (40% faster)' for attempt 001, but attempt-results.md records 'Failed'; write '❌ Failed'", diagnostic.Message);
    }

    [Fact]
    public void A_log_result_under_a_subheading_of_the_attempt_section_is_its_copy()
    {
        using var repository = Healthy();
        repository.Edit(Log, "**Result:** ❌ Failed", "### Outcome\n\n**Result:** ✅ Success");
        repository.Findings().Single("MI017", Log, repository.LineOf(Log, "**Result:** ✅ Success"));
    }

    [Fact]
    public void A_log_entry_still_in_progress_after_the_outcome_is_known_is_reported()
    {
        using var repository = Healthy();
        repository.Edit(Log, "**Result:** ⚠️ Partial", "**Result:** 🔄 In Progress");
        var diagnostic = repository.Findings().Single("MI017", Log, repository.LineOf(Log, "🔄 In Progress"));
        Assert.Contains("still says '🔄 In Progress' for attempt 002", diagnostic.Message);
        Assert.Contains("write '⚠️ Partial'", diagnostic.Message);
    }

    [Fact]
    public void Results_still_in_progress_while_the_log_records_the_end_are_the_stale_copy()
    {
        using var repository = Healthy();
        repository.Edit(Results(1, "caching"), "**Status:** ❌ Failed", "**Status:** In Progress");
        var findings = repository.Findings();
        var diagnostic = findings.Single("MI017", Results(1, "caching"));
        Assert.Contains("attempt-results.md still says 'In Progress' for attempt 001, but implementation-log.md records 'Failed'", diagnostic.Message);
        findings.None("MI005");
    }

    [Fact]
    public void Without_a_results_field_the_log_then_the_timeline_give_the_outcome()
    {
        using var repository = Healthy("Resolved (Attempt 002)", ("caching", "❌ Failed"), ("pooling", "✅ Success"));
        repository.Edit(Results(1, "caching"), "**Status:** ❌ Failed\n", string.Empty);
        repository.Edit(Results(2, "pooling"), "**Status:** ✅ Success\n", string.Empty);
        repository.Edit(Log, "**Result:** ✅ Success\n", string.Empty);
        repository.Write("docs/lessons-learned/performance/Pooling.md", "# Lesson: Pooling\n\n**Meta-Issue:** [perf](../../meta-issues/perf/README.md)\n");
        repository.Edit(Readme, "None yet.", "- [Lesson: Pooling](../../lessons-learned/performance/Pooling.md)");
        repository.Findings().Empty();
    }

    [Fact]
    public void A_success_whose_every_verdict_is_fail_is_reported_at_the_first_verdict()
    {
        using var repository = Healthy("Investigating", ("caching", "❌ Failed"), ("pooling", "✅ Success"));
        repository.Edit(TestCases, "800 ms (PASS)", "800 ms (FAIL)");
        var diagnostic = repository.Findings().Single("MI017", TestCases, repository.LineOf(TestCases, "- Attempt 002"));
        Assert.Contains("gives attempt 002 FAIL in the only verdict, but attempt-results.md records 'Success'", diagnostic.Message);
    }

    [Fact]
    public void A_failure_whose_every_verdict_is_pass_is_reported_but_a_partial_is_not()
    {
        using var repository = Healthy();
        repository.Edit(TestCases, "400 ms (FAIL)", "400 ms (PASS)");
        repository.Edit(TestCases, "800 ms (FAIL)", "800 ms (PASS)");
        var findings = repository.Findings();
        var diagnostic = findings.Single("MI017", TestCases);
        Assert.Contains("attempt 001 PASS", diagnostic.Message);
    }

    [Fact]
    public void One_failing_test_case_of_a_success_is_no_contradiction()
    {
        using var repository = Healthy("Investigating", ("caching", "❌ Failed"), ("pooling", "✅ Success"));
        repository.Edit(TestCases, "- Attempt 002: 800 ms (PASS)", "- Attempt 002: 800 ms (PASS)\n\n## TC-002: Soak\n\n**Results:**\n\n- Attempt 001: 9 h (FAIL)\n- Attempt 002: 3 h (FAIL)");
        repository.Findings().None("MI017");
    }
}
