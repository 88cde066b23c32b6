using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Rules;

/// <summary>One finding per root cause: a misnamed attempt folder, or an attempt referred to but never given a folder.</summary>
public sealed class RootCauseTests
{
    [Theory]
    [InlineData("01-caching", "001-caching")]
    [InlineData("1-caching", "001-caching")]
    [InlineData("ENH-001", "001-enh")]
    [InlineData("attempt-1", "001-caching")]
    [InlineData("Attempt_001", "001-caching")]
    public void A_misnamed_folder_is_one_finding_and_its_references_are_not_missing(string misnamed, string suggested)
    {
        using var repository = Healthy();
        Directory.Move(repository.PathOf(AttemptFolder(1, "caching")), repository.PathOf($"{Folder}/attempts/{misnamed}"));
        var findings = repository.Findings();
        var diagnostic = Assert.Single(findings.All);
        Assert.Equal("MI002", diagnostic.Code);
        Assert.Matches($@"rename \S*/attempts/\S+ to \S*/attempts/{System.Text.RegularExpressions.Regex.Escape(suggested)}( |$)", diagnostic.Message);
    }

    [Fact]
    public void An_attempt_referred_to_without_a_folder_is_one_finding_listing_the_references()
    {
        using var repository = Healthy();
        repository.Delete(AttemptFolder(1, "caching"));
        var findings = repository.Findings();
        var diagnostic = Assert.Single(findings.All);
        Assert.Equal("MI003", diagnostic.Code);
        Assert.Contains("attempt 001 has no attempts/001-* folder but is referred to by", diagnostic.Message);
        Assert.Contains("README.md:", diagnostic.Message);
        Assert.Contains("implementation-log.md:", diagnostic.Message);
        Assert.Contains("test-cases.md:", diagnostic.Message);
        Assert.EndsWith("create it retroactively: dotnet new metaattempt -n caching --number 1 --issue perf", diagnostic.Message);
    }

    [Fact]
    public void Links_from_a_subfolder_that_climb_into_a_missing_attempt_are_references_too()
    {
        using var repository = Healthy();
        repository.Delete(AttemptFolder(1, "caching"));
        repository.Write("docs/meta-issues/perf/analysis/notes.md",
            "# Notes\n\nSee [the results](../attempts/./001-caching//attempt-results.md#outcome) and [the plan](../attempts/%30%301-caching/solution-approach.md?plain=1).\n");
        var diagnostic = Assert.Single(repository.Findings().All);
        Assert.Equal("MI003", diagnostic.Code);
        // Both links count (five references are listed, then the rest): the dot segment, the doubled slash, the escapes and the query do not hide them.
        Assert.Contains("analysis/notes.md:3 (link) and 1 more;", diagnostic.Message);
    }

    [Theory]
    [InlineData("./attempts/00%001-caching/attempt-results.md")]
    [InlineData("attempts/003-x/a%00b.md#outcome")]
    [InlineData("%00")]
    public void A_link_no_path_can_be_made_of_leads_nowhere_and_stops_no_rule(string destination)
    {
        using var repository = Healthy();
        repository.Edit(Readme, "## Resolution", $"See [this]({destination}).\n\n## Resolution");
        var findings = repository.Findings();
        findings.None("MI900");
        findings.None("MI003");
    }

    [Fact]
    public void References_that_disagree_on_the_slug_leave_it_to_the_user()
    {
        using var repository = Healthy();
        repository.Delete(AttemptFolder(1, "caching"));
        repository.Edit(Log, "## Attempt 001: Caching", "## Attempt 001: Caching\n\nSee [the folder](./attempts/001-cache-layer/).\n");
        var diagnostic = Assert.Single(repository.Findings().All);
        Assert.Contains("dotnet new metaattempt -n <slug> --number 1 --issue perf", diagnostic.Message);
    }

    [Fact]
    public void A_passing_mention_in_running_text_is_no_reference_to_a_missing_attempt()
    {
        using var repository = Healthy();
        repository.Edit(Description, "Connections are the bottleneck.", "Connections are the bottleneck; attempt 007 might try sharding.");
        repository.Findings().None("MI003");
    }
}
