using MetaIssue.Tests.Support;

namespace MetaIssue.Tests.Rules;

/// <summary>The baselines every rule test breaks: they must be clean, or the negative cases prove nothing.</summary>
public sealed class HealthyScenarioTests
{
    [Fact]
    public void An_open_meta_issue_with_finished_attempts_has_no_findings()
    {
        using var repository = Scenario.Healthy();
        repository.Findings().Empty();
    }

    [Fact]
    public void A_resolved_meta_issue_with_a_lesson_both_ways_has_no_findings()
    {
        using var repository = Scenario.Resolved();
        repository.Findings().Empty();
    }

    [Fact]
    public void A_repository_without_meta_issues_has_no_findings()
    {
        using var repository = new TempRepository();
        repository.Findings().Empty();
    }
}
