using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Rules;

/// <summary>MI010–MI012: the README's status and what it claims about the attempts.</summary>
public sealed class StatusRuleTests
{
    [Theory]
    [InlineData("**Status:** Investigating  ")]
    [InlineData("Status: Investigating")]
    [InlineData("**Status**: in progress")]
    [InlineData("- **Status:** Blocked")]
    [InlineData("**Status:** 🔄")]
    [InlineData("**Status:** ⏸️ Paused until Q3")]
    [InlineData("**Status:** ACTIVE")]
    public void MI010_recognised_status_forms_are_accepted(string line)
    {
        using var repository = Healthy();
        repository.Edit(Readme, "**Status:** Investigating  ", line);
        repository.Findings().None("MI010");
    }

    [Fact]
    public void MI010_front_matter_status_is_accepted()
    {
        using var repository = Healthy();
        repository.Edit(Readme, "**Status:** Investigating  \n", string.Empty);
        repository.Write(Readme, "---\nstatus: \"open\" # still digging\nowner: sam\n---\n" + repository.Read(Readme));
        repository.Findings().None("MI010");
    }

    [Fact]
    public void MI010_a_missing_status_is_reported_on_the_title()
    {
        using var repository = Healthy();
        repository.Edit(Readme, "**Status:** Investigating  \n", string.Empty);
        var diagnostic = repository.Findings().Single("MI010", Readme, line: 1);
        Assert.Contains("**Status:** Investigating", diagnostic.Message);
    }

    [Fact]
    public void MI010_an_unrecognised_status_is_reported_at_the_value_with_the_accepted_values()
    {
        using var repository = Healthy();
        repository.Edit(Readme, "**Status:** Investigating", "**Status:** Sorta done");
        var diagnostic = repository.Findings().Single("MI010", Readme, line: 3);
        Assert.Equal(13, diagnostic.Range!.Value.Column);
        Assert.Contains("'Sorta done'", diagnostic.Message);
        Assert.Contains("Resolved (Attempt NNN)", diagnostic.Message);
    }

    [Theory]
    [InlineData("Done")]
    [InlineData("Fixed")]
    [InlineData("Completed")]
    [InlineData("Closed")]
    [InlineData("Resovled")]
    public void MI010_words_people_use_for_resolved_are_suggested_with_the_successful_attempt(string written)
    {
        using var repository = Healthy("Investigating", ("caching", "❌ Failed"), ("pooling", "✅ Success"));
        repository.Edit(Readme, "**Status:** Investigating", "**Status:** " + written);
        var diagnostic = repository.Findings().Single("MI010", Readme, line: 3);
        Assert.Contains($"status '{written}' is not a status word of the method; did you mean 'Resolved (Attempt 002)'?", diagnostic.Message);
    }

    [Fact]
    public void MI010_wont_fix_is_suggested_as_abandoned()
    {
        using var repository = Healthy();
        repository.Edit(Readme, "**Status:** Investigating", "**Status:** Won't fix");
        Assert.Contains("did you mean 'Abandoned'?", repository.Findings().Single("MI010", Readme, line: 3).Message);
    }

    [Fact]
    public void MI010_a_missing_status_is_suggested_from_the_successful_latest_attempt()
    {
        using var repository = Healthy("Investigating", ("caching", "❌ Failed"), ("pooling", "✅ Success"));
        repository.Edit(Readme, "**Status:** Investigating  \n", string.Empty);
        var diagnostic = repository.Findings().Single("MI010", Readme, line: 1);
        Assert.Contains("add '**Status:** Resolved (Attempt 002)'", diagnostic.Message);
    }

    [Fact]
    public void MI010_a_status_heading_followed_by_a_paragraph_is_a_status()
    {
        using var repository = Healthy("Investigating", ("caching", "❌ Failed"), ("pooling", "✅ Success"));
        repository.Edit(Readme, "**Status:** Investigating  \n", string.Empty);
        repository.Edit(Readme, "## Quick Navigation", "## Status\n\nInvestigating, attempt 002 looks good\n\n## Quick Navigation");
        var findings = repository.Findings();
        findings.None("MI010");
        Assert.Contains("README status is 'Investigating' but attempt 002", findings.Single("MI012", Readme).Message);
    }

    [Fact]
    public void MI010_a_status_inside_code_does_not_count()
    {
        using var repository = Healthy();
        repository.Edit(Readme, "**Status:** Investigating  \n", "```\nStatus: Open\n```\n");
        repository.Findings().Single("MI010", Readme, line: 1);
    }

    [Fact]
    public void MI011_resolved_naming_no_attempt_says_what_to_write()
    {
        using var repository = Healthy("Resolved", ("caching", "❌ Failed"), ("pooling", "✅ Success"));
        repository.Edit(Readme, "Not yet.", "It works now.");
        var diagnostic = repository.Findings().Single("MI011", Readme, line: 3);
        Assert.Contains("Resolved (Attempt 002)", diagnostic.Message);
    }

    [Fact]
    public void MI011_an_attempt_named_in_the_resolution_section_counts()
    {
        using var repository = Healthy("✅ Resolved", ("caching", "❌ Failed"), ("pooling", "✅ Success"));
        repository.Edit(Readme, "Not yet.", "**Winning approach:** Attempt 002 - pooling");
        repository.Findings().None("MI011");
    }

    [Fact]
    public void MI011_a_resolution_section_that_mentions_failures_first_names_the_successful_attempt()
    {
        using var repository = Healthy("Resolved", ("caching", "❌ Failed"), ("pooling", "✅ Success"));
        repository.Edit(Readme, "Not yet.", "Attempt 001 failed; attempt 002 met every target.");
        repository.Findings().None("MI011");
    }

    [Fact]
    public void MI011_resolved_by_an_attempt_that_does_not_exist()
    {
        using var repository = Healthy("Resolved (Attempt 003)", ("caching", "❌ Failed"), ("pooling", "✅ Success"));
        var diagnostic = repository.Findings().Single("MI011", Readme, line: 3);
        Assert.Contains("no attempts/003-* folder", diagnostic.Message);
        Assert.Contains("attempt 002 is the one that succeeded", diagnostic.Message);
    }

    [Theory]
    [InlineData("⚠️ Partial Success", "Partial")]
    [InlineData("❌ Failed", "Failed")]
    [InlineData("🔄 In Progress", "In Progress")]
    public void MI011_resolved_by_an_attempt_that_did_not_succeed(string outcome, string shown)
    {
        using var repository = Healthy("Resolved (Attempt #2)", ("caching", "❌ Failed"), ("pooling", outcome));
        var diagnostic = repository.Findings().Single("MI011", Readme, line: 3);
        Assert.Contains($"records '{shown}'", diagnostic.Message);
    }

    [Theory]
    [InlineData("Resolved (Attempt 002)")]
    [InlineData("Resolved (Attempt 2)")]
    [InlineData("Resolved — see [attempt 2](./attempts/002-pooling/)")]
    public void MI011_resolved_by_the_successful_attempt_is_fine(string status)
    {
        using var repository = Healthy(status, ("caching", "❌ Failed"), ("pooling", "✅ Success"));
        repository.Findings().None("MI011");
    }

    [Theory]
    [InlineData("Abandoned")]
    [InlineData("Superseded")]
    public void MI011_other_closed_states_need_no_winning_attempt(string status)
    {
        using var repository = Healthy(status);
        repository.Findings().None("MI011");
    }

    [Theory]
    [InlineData("✅ Success")]
    [InlineData("SUCCESS - all targets met")]
    [InlineData("Succeeded")]
    [InlineData("PASS")]
    [InlineData("✔")]
    [InlineData("✓ done")]
    public void MI012_an_open_status_after_a_successful_latest_attempt_is_stale(string outcome)
    {
        using var repository = Healthy("Investigating", ("caching", "❌ Failed"), ("pooling", outcome));
        var diagnostic = repository.Findings().Single("MI012", Readme, line: 3);
        Assert.Contains("write 'Resolved (Attempt 002)' in ", diagnostic.Message);
    }

    [Theory]
    [InlineData("⚠️ Partial Success")]
    [InlineData("Partially successful")]
    [InlineData("❌ Failed")]
    [InlineData("FAIL")]
    [InlineData("✗")]
    [InlineData("✘ no gain")]
    [InlineData("Never implemented")]
    [InlineData("Planning")]
    public void MI012_an_open_status_is_fine_while_the_latest_attempt_has_not_succeeded(string outcome)
    {
        using var repository = Healthy("Investigating", ("caching", "✅ Success"), ("pooling", outcome));
        repository.Findings().None("MI012");
    }

    [Fact]
    public void MI012_a_closed_status_is_never_stale()
    {
        using var repository = Scenario.Resolved();
        repository.Findings().None("MI012");
    }

    [Theory]
    [InlineData("Result")]
    [InlineData("Outcome")]
    [InlineData("Verdict")]
    public void MI012_outcome_field_names_are_all_read(string field)
    {
        using var repository = Healthy("Open", ("caching", "❌ Failed"), ("pooling", "✅ Success"));
        repository.Edit(Results(2, "pooling"), "**Status:**", $"**{field}:**");
        repository.Findings().Single("MI012", Readme, line: 3);
    }

    [Fact]
    public void MI012_an_outcome_written_as_a_heading_is_read()
    {
        using var repository = Healthy("Open", ("caching", "❌ Failed"), ("pooling", "✅ Success"));
        repository.Edit(Results(2, "pooling"), "**Status:** ✅ Success", "## Assessment: ✅ Success");
        repository.Findings().Single("MI012", Readme, line: 3);
    }
}
