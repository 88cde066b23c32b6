using System.Text.RegularExpressions;
using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd.Reports;

/// <summary>
/// What people would otherwise run: remark with remark-validate-links. On the same tree, every missing file it finds
/// must be an MI030 of ours at the same line, and every missing heading an MI031 (or MI030 when the file is missing).
/// </summary>
[Collection(CheckerBuildCollection.Name)]
public sealed partial class RemarkParityTests(TemplateHiveFixture fixture)
{
    [SkippableFact]
    [Trait(TestCategories.Trait, TestCategories.ExternalTools)]
    public async Task Every_missing_file_and_heading_remark_validate_links_finds_is_reported_at_the_same_line()
    {
        NodeTool.SkipUnlessAvailable("npm", "the comparison with remark-validate-links");
        var remark = await NodeTool.GetPackagesAsync("remark-cli@12.0.1", "remark-validate-links@13.1.0");
        using var repository = await SampleRepository.CreateAsync(fixture.Packages);
        await repository.GitAsync("remote", "add", "origin", "https://github.com/example/sample.git"); // remark-validate-links asks for it
        repository.WithPerformanceSaga("*.md");

        repository.Write("docs/meta-issues/links/README.md", """
            # Meta-Issue: Links

            **Status:** Investigating

            ## Timeline

            [ok](./description.md) [gone](./gone.md) ![img](./img/missing.png) [dir](./attempts/) [deep](../links/nope/x.md)
            [anchor](./description.md#current-understanding) [bad anchor](./description.md#no-such) [self](#timeline) [self bad](#nope)
            [ref][r1] [spaces](<./with space.md>) [encoded](./with%20space.md) [root](/docs/meta-issues/links/description.md) [root gone](/docs/nope.md)

            [r1]: ./also-gone.md
            """);
        repository.Write("docs/meta-issues/links/description.md", "# Description\n\n## Current Understanding\n\nText.\n");
        repository.Write("docs/meta-issues/links/implementation-log.md", "# Log\n");
        repository.Write("docs/meta-issues/links/test-cases.md", "# Tests\n");
        repository.Write("docs/meta-issues/links/with space.md", "# Spaced\n");
        repository.AddProject("src/App");

        var build = await repository.BuildAsync("src/App/App.csproj");
        var (exitCode, output) = await NodeTool.RunAsync(
            "node", [remark.PathOf("node_modules/remark-cli/cli.js"), "--use", remark.PathOf("node_modules/remark-validate-links/index.js"), "--no-stdout", "docs/meta-issues"],
            repository.Root, TimeSpan.FromMinutes(3));
        var theirs = ParseRemark(output);
        Assert.True(theirs.Count >= 10, $"remark-validate-links reported too little to compare (exit {exitCode}):\n{output}");

        var ours = build.MetaIssue.Where(d => d.Code is "MI030" or "MI031" or "MI003").Select(d => (d.File, d.Line, d.Code)).ToHashSet();
        // A link into an attempt folder that was never created is the attempt's one MI003 (one finding per root cause),
        // reported at that same line when it is the attempt's first reference.
        bool IntoMissingAttempt((string File, int Line, string Rule, string Message) t) =>
            t.Message.Contains("`attempts/", StringComparison.Ordinal) && ours.Contains((t.File, t.Line, "MI003"));
        var missed = theirs
            .Where(t => !ours.Contains((t.File, t.Line, "MI030")) && !IntoMissingAttempt(t)
                && !(t.Rule.Contains("heading", StringComparison.Ordinal) && ours.Contains((t.File, t.Line, "MI031"))))
            .ToList();
        Assert.True(missed.Count == 0, "remark-validate-links found what we did not:\n" + string.Join("\n", missed) + "\n\nremark said:\n" + output + "\nwe said:\n" + string.Join("\n", build.MetaIssue));
    }

    /// <summary>vfile-reporter output: a file line, then "  line:col[-line:col]  warning  message  rule  remark-validate-links".</summary>
    private static List<(string File, int Line, string Rule, string Message)> ParseRemark(string output)
    {
        var findings = new List<(string, int, string, string)>();
        string? file = null;
        foreach (var raw in output.Split('\n'))
        {
            var line = Ansi().Replace(raw.TrimEnd('\r'), string.Empty);
            if (line.StartsWith("docs/", StringComparison.Ordinal))
            {
                file = line.Split(':')[0].Trim(); // "docs/x.md" or "docs/x.md: no issues found"
                continue;
            }

            var match = Finding().Match(line);
            if (file is not null && match.Success && match.Groups["rule"].Value is "missing-file" or "missing-heading" or "missing-heading-in-file")
            {
                findings.Add((file, int.Parse(match.Groups["line"].Value), match.Groups["rule"].Value, match.Groups["message"].Value.Trim()));
            }
        }

        return findings;
    }

    [GeneratedRegex(@"^\s*(?<line>\d+):\d+(?:-\d+:\d+)?\s+warning\s+(?<message>.+?)\s+(?<rule>missing-[a-z-]+)\s+remark-validate-links")]
    private static partial Regex Finding();

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex Ansi();
}
