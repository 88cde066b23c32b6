using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd;

/// <summary>The packed MetaIssue.Templates package as `dotnet new` and NuGet see it.</summary>
[Collection(TemplatePackCollection.Name)]
public sealed partial class TemplatePackTests(TemplateHiveFixture fixture)
{
    [Fact]
    public async Task List_with_the_MetaIssue_tag_shows_all_three_templates()
    {
        var list = await fixture.Hive.RunAsync(TestRun.Root, "list", "--tag", "MetaIssue");

        list.AssertExitCode(0);
        var rows = list.StandardOutput.Split('\n').Where(line => TemplateRow().IsMatch(line)).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, row => Regex.IsMatch(row, @"^Meta-issue\s+metaissue\s+MetaIssue/Documentation\s*$"));
        Assert.Contains(rows, row => Regex.IsMatch(row, @"^Meta-issue attempt\s+metaattempt\s+MetaIssue/Documentation\s*$"));
        Assert.Contains(rows, row => Regex.IsMatch(row, @"^Meta-issue lesson\s+metalesson\s+MetaIssue/Documentation\s*$"));
    }

    [Theory]
    [InlineData("metaissue", "-t --title|-f --first-attempt|-D --domain|-s --severity|-ow --owner")]
    [InlineData("metaattempt", "-N --number|-I --issue|-t --title")]
    [InlineData("metalesson", "-I --issue|-c --category|-t --title")]
    public async Task Help_lists_every_option_with_a_description(string shortName, string expectedOptions)
    {
        var help = await fixture.Hive.RunAsync(TestRun.Root, shortName, "--help");

        help.AssertExitCode(0);
        var templateOptions = help.StandardOutput[help.StandardOutput.IndexOf("Template options:", StringComparison.Ordinal)..];
        var options = TemplateOption().Matches(templateOptions).ToList();
        Assert.Equal(expectedOptions.Split('|'), options.Select(option => $"{option.Groups["short"]} {option.Groups["long"]}"));
        Assert.All(options, option => Assert.True(option.Groups["description"].Value.Length > 10, option.Value));
    }

    [Fact]
    public void The_package_has_complete_metadata_and_exactly_the_template_files()
    {
        using var package = ZipFile.OpenRead(fixture.Packages.PathOf(TemplateHiveFixture.TemplatesPackageId));

        var nuspec = XDocument.Load(package.Entries.Single(entry => entry.FullName.EndsWith(".nuspec")).Open()).Root!;
        string Metadata(string name) => nuspec.Descendants().Single(element => element.Name.LocalName == name).Value;
        XElement Element(string name) => nuspec.Descendants().Single(element => element.Name.LocalName == name);

        Assert.Equal("MetaIssue.Templates", Metadata("id"));
        Assert.Equal("Template", Element("packageType").Attribute("name")?.Value);
        Assert.Equal("MIT", Metadata("license"));
        Assert.Equal("expression", Element("license").Attribute("type")?.Value);
        Assert.Equal("README.md", Metadata("readme"));
        Assert.Contains("dotnet new metaissue", Metadata("description"));
        Assert.Contains("dotnet-new", Metadata("tags").Split(' '));
        Assert.Equal("git", Element("repository").Attribute("type")?.Value);
        Assert.StartsWith("https://", Element("repository").Attribute("url")?.Value);
        Assert.NotNull(package.GetEntry("README.md"));

        var templatesFolder = RepositoryLayout.PathTo("templates");
        var expectedContent = Directory.GetFiles(templatesFolder, "*", SearchOption.AllDirectories)
            .Select(file => "content/templates/" + Path.GetRelativePath(templatesFolder, file).Replace('\\', '/'))
            .Where(path => !path.Contains("/bin/") && !path.Contains("/obj/"))
            .Order(StringComparer.Ordinal);
        var packedContent = package.Entries.Select(entry => entry.FullName)
            .Where(path => path.StartsWith("content/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expectedContent, packedContent);
        Assert.Contains("content/templates/metaissue/.template.config/template.json", packedContent);
        Assert.Contains("content/templates/metaattempt/.template.config/template.json", packedContent);
        Assert.Contains("content/templates/metalesson/.template.config/template.json", packedContent);
        Assert.Contains("content/templates/metalesson/lesson-category/lesson-name.md", packedContent);
        Assert.DoesNotContain(package.Entries, entry => entry.FullName.StartsWith("lib/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_users_own_template_hive_is_never_touched()
    {
        var userHive = Path.Combine(
            Environment.GetEnvironmentVariable("DOTNET_CLI_HOME") is { Length: > 0 } cliHome
                ? cliHome
                : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
            ".templateengine");
        var before = DirectoryFingerprint.Take(userHive);
        var existedBefore = Directory.Exists(userHive);
        using var sandbox = TempDirectory.Create();

        var hive = await TemplateHive.CreateAsync(fixture.Packages.PathOf(TemplateHiveFixture.TemplatesPackageId));
        (await hive.RunAsync(sandbox.Path, "list")).AssertExitCode(0);
        (await hive.NewAsync(sandbox.Path, "metaissue", "-n", "hive-check")).AssertExitCode(0);

        Assert.Equal(existedBefore, Directory.Exists(userHive));
        DirectoryFingerprint.Take(userHive).AssertUnchangedSince(before);
    }

    [Fact]
    public async Task The_process_runner_refuses_dotnet_new_without_a_custom_hive()
    {
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(
            () => DotnetCli.RunAsync(TestRun.Root, ["new", "list"]));

        Assert.Contains(TemplateHive.CustomHiveOption, refusal.Message);
    }

    /// <summary>
    /// Each row of the README's "What is refused" table, run as a user would: the exit code it states and the start of
    /// the message it quotes (up to "...") are what `dotnet new` gives. A row without a command here fails the test.
    /// </summary>
    [Fact]
    public async Task The_readmes_refusal_table_states_the_exit_codes_and_messages_dotnet_new_gives()
    {
        (string CaseStart, string WorkingDirectory, string Template, string[] Arguments)[] commands =
        [
            ("No `-n`", "repo", "metaissue", []),
            ("The meta-issue or attempt folder already has", "repo", "metaissue", ["-n", "perf"]),
            ("`-n .`", "repo", "metaissue", ["-n", "."]),
            ("`metalesson` without `--issue`", "repo", "metalesson", ["-n", "x"]),
            ("`metaattempt` without `--number`", "repo", "metaattempt", ["-n", "x", "-I", "perf"]),
            ("`--number` outside", "repo", "metaattempt", ["-n", "x", "-N", "1000", "-I", "perf"]),
            ("`-n` containing `/`", "repo", "metaissue", ["-n", "a/b"]),
            ("`-n`, `--first-attempt`", "repo", "metaattempt", ["-n", "x.", "-N", "2", "-I", "perf"]),
            ("`metaattempt` outside a meta-issue", "repo", "metaattempt", ["-n", "x", "-N", "2"]),
            ("Any template below a folder", "repo/docs/guides", "metaissue", ["-n", "x"]),
            ("`metalesson` below a category folder", "repo/docs/meta-issues/perf", "metalesson", ["-n", "x", "-I", "perf"]),
        ];
        var rows = RefusalTableRows().ToList();
        using var sandbox = new TemplateSandbox(fixture.Hive);
        (await sandbox.NewAsync("repo", "metaissue", "-n", "perf")).AssertCreated();

        Assert.Equal(rows.Count, commands.Length);
        foreach (var (caseStart, workingDirectory, template, arguments) in commands)
        {
            var row = Assert.Single(rows, row => row.Case.StartsWith(caseStart, StringComparison.Ordinal));
            var run = await sandbox.NewAsync(workingDirectory, template, arguments);
            run.AssertRefused(row.ExitCode, row.Message);
        }
    }

    private static IEnumerable<(string Case, int ExitCode, string Message)> RefusalTableRows()
    {
        var readme = File.ReadAllText(RepositoryLayout.PathTo("README.md")).ReplaceLineEndings("\n");
        var section = readme[readme.IndexOf("## What is refused\n", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        foreach (var match in RefusalRow().Matches(section).Cast<Match>())
        {
            // The quoted message up to its "...", with the line breaks of the real output as spaces.
            var message = match.Groups["message"].Value.Split("...")[0].Split(" Overwrite")[0].TrimEnd();
            yield return (match.Groups["case"].Value, int.Parse(match.Groups["code"].Value), message);
        }
    }

    /// <summary>
    /// A template cannot include another file, so each `regexMatch` that checks a user-given name (-n, --issue,
    /// --first-attempt, --category) carries its own copy of the folder-name pattern; all copies must be the same text.
    /// </summary>
    [Fact]
    public void Every_name_check_uses_the_one_folder_name_pattern()
    {
        var patterns = NameChecks().Select(check => check.Pattern).Distinct().ToList();

        Assert.Equal(7, NameChecks().Count());
        var pattern = Assert.Single(patterns);
        Assert.All(["perf-degradation", "Perf Degradation", "café_2", "x", new string('a', 100)], name => Assert.Matches(pattern, name));
        Assert.All(
            ["", " ", "perf.", "perf ", " perf", ".perf", "a/b", "a\\b", "a:b", "a[b", "a]b", "tab\tin", "del\u007f", "nl\n", new string('a', 101)],
            name => Assert.DoesNotMatch(pattern, name));
    }

    /// <summary>The refusing post action uses one id that no host implements, the same in every template.</summary>
    [Fact]
    public void Every_refusal_uses_the_same_unknown_post_action_id()
    {
        var refusals = TemplateConfigurations()
            .SelectMany(configuration => configuration.Json["postActions"]!.AsArray())
            .Where(action => ((string)action!["description"]!).StartsWith(Refusals.NothingWritten, StringComparison.Ordinal))
            .ToList();

        Assert.Equal(12, refusals.Count);
        Assert.Equal(["3F1B5C2A-6D44-4E8B-9A51-0C7D2E9F4B10"], refusals.Select(action => (string)action!["actionId"]!).Distinct());
    }

    private static IEnumerable<(string Template, string Source, string Pattern)> NameChecks() =>
        from configuration in TemplateConfigurations()
        from symbol in configuration.Json["symbols"]!.AsObject()
        where symbol.Key.EndsWith("IsFolderName", StringComparison.Ordinal) || symbol.Key.EndsWith("IsFileName", StringComparison.Ordinal)
        let source = (string)symbol.Value!["parameters"]!["source"]!
        where source is "name" or "issue" or "first-attempt" or "category"
        select (configuration.Template, source, (string)symbol.Value!["parameters"]!["pattern"]!);

    private static IEnumerable<(string Template, JsonNode Json)> TemplateConfigurations() =>
        from template in new[] { "metaissue", "metaattempt", "metalesson" }
        let path = RepositoryLayout.PathTo($"templates/{template}/.template.config/template.json")
        select (template, JsonNode.Parse(File.ReadAllText(path))!);

    /// <summary>A row of the refusal table: "| case | exit code | `first quoted message` ... |".</summary>
    [GeneratedRegex(@"^\| (?<case>.+?) \| (?<code>\d+) \| `(?<message>[^`]+)`", RegexOptions.Multiline)]
    private static partial Regex RefusalRow();

    [GeneratedRegex(@"^Meta-issue")]
    private static partial Regex TemplateRow();

    /// <summary>An option line of `--help`: "  -s, --long &lt;value&gt;   Description".</summary>
    [GeneratedRegex(@"^\s+(?<short>-\w+), (?<long>--[\w-]+)\s+<[^>]+>\s+(?<description>\S.*)$", RegexOptions.Multiline)]
    private static partial Regex TemplateOption();
}
