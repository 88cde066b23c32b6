using System.Text.Json;
using MetaIssue.Reporting;
using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Fixes;

/// <summary>SARIF results carry their fix (SARIF 2.1.0 §3.55–3.57): applying its replacements gives what the fix engine writes.</summary>
public sealed class SarifFixTests
{
    [Fact]
    public void A_result_carries_its_fix_as_replacements_that_give_the_fixed_file()
    {
        using var repository = Healthy();
        Mutations.All["MI012 stale status"](repository);
        var original = repository.Read(Readme);
        using var stream = new MemoryStream();
        SarifLog.Write(stream, repository.Check(), new SarifSettings());
        using var sarif = JsonDocument.Parse(stream.ToArray());

        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "MI012");
        var fix = Assert.Single(result.GetProperty("fixes").EnumerateArray());
        Assert.Equal("Set the status to Resolved (Attempt 002)", fix.GetProperty("description").GetProperty("text").GetString());
        var change = Assert.Single(fix.GetProperty("artifactChanges").EnumerateArray());
        Assert.Equal(Readme, change.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", change.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        var replacement = Assert.Single(change.GetProperty("replacements").EnumerateArray());
        var offset = replacement.GetProperty("deletedRegion").GetProperty("charOffset").GetInt32();
        var length = replacement.GetProperty("deletedRegion").GetProperty("charLength").GetInt32();
        var inserted = replacement.GetProperty("insertedContent").GetProperty("text").GetString()!;
        Assert.Equal("Investigating", original.Substring(offset, length));

        var applied = original[..offset] + inserted + original[(offset + length)..];
        MetaIssueFixer.Run(new CheckerOptions(repository.Root), MetaIssue.Fixes.FixApplicability.Safe, dryRun: false);
        Assert.Equal(repository.Read(Readme), applied);
    }

    [Fact]
    public void A_created_file_is_a_change_inserting_its_whole_content()
    {
        using var repository = Healthy();
        Mutations.All["MI004 no solution-approach.md"](repository);
        using var stream = new MemoryStream();
        SarifLog.Write(stream, repository.Check(), new SarifSettings());
        using var sarif = JsonDocument.Parse(stream.ToArray());
        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "MI004");
        var change = result.GetProperty("fixes")[0].GetProperty("artifactChanges")[0];
        Assert.Equal(Approach(1, "caching"), change.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var replacement = change.GetProperty("replacements")[0];
        Assert.Equal(0, replacement.GetProperty("deletedRegion").GetProperty("charLength").GetInt32());
        Assert.StartsWith("# Attempt 001: Caching", replacement.GetProperty("insertedContent").GetProperty("text").GetString());
    }
}
