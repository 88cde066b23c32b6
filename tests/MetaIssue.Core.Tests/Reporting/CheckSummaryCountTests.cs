using MetaIssue.Reporting;
using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Reporting;

/// <summary>The summary counts findings as the build shows them: warnings, errors, and codes silenced by NoWarn apart.</summary>
public sealed class CheckSummaryCountTests
{
    [Theory]
    [InlineData(new string[0], new string[0], "checked, 2 warnings.")]
    [InlineData(new[] { "MI010" }, new string[0], "checked, 1 warning (1 more silenced by NoWarn).")]
    [InlineData(new string[0], new[] { "MI030" }, "checked, 1 warning and 1 error.")]
    [InlineData(new string[0], new[] { "MI010", "MI030" }, "checked, 0 warnings and 2 errors.")]
    [InlineData(new[] { "MI010" }, new[] { "MI010", "MI030" }, "checked, 0 warnings and 1 error (1 more silenced by NoWarn).")] // as-message wins, as in MSBuild
    public void Warnings_errors_and_silenced_codes_are_counted_apart(string[] silenced, string[] errors, string expected)
    {
        using var repository = Healthy();
        repository.Edit(Readme, "**Status:** Investigating", "**Status:** Sorta");
        repository.Write(Description, repository.Read(Description) + "\n[gone](./gone.md)\n");
        var result = repository.Check();
        Assert.Equal(new[] { "MI010", "MI030" }, result.Diagnostics.Select(d => d.Code).Order());

        var summary = CheckSummary.Describe(result, silenced, errors);

        Assert.Contains(expected, summary);
    }

    [Theory]
    [InlineData(new string[0], new string[0], "checked, 2 findings.")]
    [InlineData(new string[0], new[] { "MI030" }, "checked, 2 findings.")]
    [InlineData(new[] { "MI010" }, new[] { "MI030" }, "checked, 1 finding (1 more silenced by NoWarn).")]
    public void Without_every_escalation_known_findings_are_not_split_into_warnings_and_errors(string[] silenced, string[] errors, string expected)
    {
        using var repository = Healthy();
        repository.Edit(Readme, "**Status:** Investigating", "**Status:** Sorta");
        repository.Write(Description, repository.Read(Description) + "\n[gone](./gone.md)\n");

        var summary = CheckSummary.Describe(repository.Check(), silenced, errors, errorCodesComplete: false);

        Assert.Contains(expected, summary);
        Assert.DoesNotContain("warning", summary.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_findings_an_incomplete_escalation_list_still_says_0_warnings()
    {
        using var repository = Healthy();

        var summary = CheckSummary.Describe(repository.Check(), null, null, errorCodesComplete: false);

        Assert.Contains("checked, 0 warnings.", summary);
    }
}
