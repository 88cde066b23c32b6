using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd.Build;

/// <summary>
/// Every documented MSBuild warning control acts on MI warnings exactly as MSBuild applies it to a warning logged in
/// the project itself (Microsoft.Common.CurrentVersion.targets' mapping and the engine's precedence), in a
/// single-targeted and a multi-targeted project; the summary counts what the build shows. The builds run with
/// <c>-m:1</c> so the check runs in the build's main process, the one place a task can see <c>-warnaserror</c> given on
/// the command line; on a worker node the summary does not split findings (the last test).
/// </summary>
[Collection(CheckerBuildCollection.Name)]
public sealed class WarningPropertyTests(TemplateHiveFixture fixture)
{
    /// <summary>
    /// Rows: project properties, command-line switches, then how MI010 and MI030 must appear ("warning", "error" or
    /// "hidden"), and a fragment the summary must contain (null: not asserted, see the README on command-line codes).
    /// </summary>
    public static TheoryData<string, string, string, string, string?> Controls() => new()
    {
        { "<NoWarn>$(NoWarn);mi010</NoWarn>", "", "hidden", "warning", "1 warning (1 more silenced by NoWarn)" },
        { "", "-nowarn:MI010", "hidden", "warning", null },
        { "", "-warnasmessage:MI030", "warning", "hidden", null },
        { "<MSBuildWarningsAsMessages>MI030</MSBuildWarningsAsMessages>", "", "warning", "hidden", "1 warning (1 more silenced by NoWarn)" },
        { "<WarningsAsErrors>$(WarningsAsErrors);MI010</WarningsAsErrors>", "", "error", "warning", "1 warning and 1 error" },
        { "<MSBuildWarningsAsErrors>MI030</MSBuildWarningsAsErrors>", "", "warning", "error", "1 warning and 1 error" },
        { "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>", "", "warning", "warning", "2 warnings" },
        { "<MSBuildTreatWarningsAsErrors>true</MSBuildTreatWarningsAsErrors>", "", "error", "error", "0 warnings and 2 errors" },
        { "<MSBuildTreatWarningsAsErrors>true</MSBuildTreatWarningsAsErrors><MSBuildWarningsNotAsErrors>MI010</MSBuildWarningsNotAsErrors>", "", "warning", "error", "1 warning and 1 error" },
        { "<WarningsNotAsErrors>$(WarningsNotAsErrors);MI010</WarningsNotAsErrors>", "-warnaserror", "warning", "error", "1 warning and 1 error" },
        { "", "-warnaserror", "error", "error", "0 warnings and 2 errors" },
        { "", "-warnaserror:MI010", "error", "warning", "1 warning and 1 error" },
        { "", "-warnaserror -warnnotaserror:MI030", "error", "warning", "1 warning and 1 error" },
        { "<NoWarn>MI010</NoWarn>", "-warnaserror", "hidden", "error", "0 warnings and 1 error (1 more silenced by NoWarn)" },
    };

    [Theory]
    [MemberData(nameof(Controls))]
    public async Task Each_warning_control_behaves_as_MSBuild_applies_it(string properties, string switches, string mi010, string mi030, string? summary)
    {
        using var repository = await TwoFindings.CreateAsync(fixture.Packages);
        var single = repository.AddProject("src/Single", properties: properties);
        var multi = repository.AddProject("src/Multi", targetFrameworks: "net10.0;net9.0", properties: properties);

        foreach (var project in new[] { single, multi })
        {
            var build = await TwoFindings.RunAsync(repository, "build", [project, "-m:1", .. switches.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
            var context = $"{project} with {properties} {switches}\n{build.Describe()}";

            Assert.True(Shown(build, "MI010") == mi010, $"MI010 should be {mi010}: {context}");
            Assert.True(Shown(build, "MI030") == mi030, $"MI030 should be {mi030}: {context}");
            Assert.True(build.Succeeded == (mi010 != "error" && mi030 != "error"), $"exit code: {context}");
            if (summary is not null)
            {
                Assert.True(build.SummaryLines.Count(l => l.Contains("checked, " + summary, StringComparison.Ordinal)) == 1, $"summary '{summary}': {context}");
            }
        }
    }

    /// <summary>
    /// MSBuild does not pass the command line's <c>-warnaserror</c> to a task on a worker node (it escalates the warning
    /// later, in the main process), so there the summary counts findings without calling them warnings or errors.
    /// <c>MSBUILDNOINPROCNODE=1</c> puts every project, the check included, on a worker node.
    /// </summary>
    [Fact]
    public async Task On_a_worker_node_the_summary_never_contradicts_a_command_line_escalation()
    {
        using var repository = await TwoFindings.CreateAsync(fixture.Packages);
        var project = repository.AddProject("src/Single");
        var worker = new Dictionary<string, string?> { ["MSBUILDNOINPROCNODE"] = "1" };

        var build = await TwoFindings.RunAsync(repository, worker, "build", project, "-warnaserror:MI010");

        var context = build.Describe();
        Assert.True(Shown(build, "MI010") == "error", $"MI010 should be an error: {context}");
        Assert.True(Shown(build, "MI030") == "warning", $"MI030 should be a warning: {context}");
        Assert.True(build.SummaryLines.Count(l => l.Contains("checked, 2 findings.", StringComparison.Ordinal)) == 1, $"summary: {context}");
    }

    private static string Shown(BuildOutcome build, string code)
    {
        var shown = build.MetaIssue.Where(d => d.Code == code).ToList();
        Assert.True(shown.Count <= 1, $"{code} logged {shown.Count} times:\n{build.Describe()}");
        return shown.Count == 0 ? "hidden" : shown[0].Severity;
    }
}
