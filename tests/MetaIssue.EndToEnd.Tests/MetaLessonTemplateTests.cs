using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd;

/// <summary>`dotnet new metalesson`, run for real against the packed template pack, in each supported folder.</summary>
[Collection(MetaLessonTemplateCollection.Name)]
public sealed partial class MetaLessonTemplateTests(TemplateHiveFixture fixture)
{
    private const string Issue = "perf-degradation";
    private const string Lessons = "repo/docs/lessons-learned";
    private const string Lesson = "Performance_Resolution";

    [Theory]
    [InlineData("repo", "--category debugging", "repo/docs/lessons-learned/debugging/", "metalesson-at-repository-root")]
    [InlineData(Lessons, "--category debugging", "repo/docs/lessons-learned/debugging/", "metalesson-inside-lessons-folder")]
    [InlineData($"{Lessons}/debugging", "", "repo/docs/lessons-learned/debugging/", "metalesson-inside-category-folder")]
    [InlineData(
        "repo",
        "--category debugging -o services/importer",
        "repo/services/importer/docs/lessons-learned/debugging/",
        "metalesson-with-output-option")]
    public async Task It_writes_the_lesson_according_to_where_it_runs(
        string workingDirectory, string options, string expectedFolder, string snapshot)
    {
        using var sandbox = new TemplateSandbox(fixture.Hive);

        var run = await sandbox.NewAsync(
            workingDirectory,
            "metalesson",
            ["-n", Lesson, "--issue", Issue, .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);

        run.AssertCreated();
        Assert.Equal([$"{expectedFolder}{Lesson}.md"], run.Changes.AddedFiles);
        ApprovedSnapshot.AssertMatches(snapshot, sandbox.Transcript.ToString());
    }

    [Fact]
    public async Task In_the_docs_folder_it_writes_into_its_lessons_folder_and_prints_the_real_backlink_line()
    {
        using var sandbox = new TemplateSandbox(fixture.Hive);

        var run = await sandbox.NewAsync("repo/docs", "metalesson", "-n", "Cache Warmup", "-I", Issue, "-c", "ops", "-t", "Warm the cache");

        run.AssertCreated();
        Assert.Equal(["repo/docs/lessons-learned/ops/Cache Warmup.md"], run.Changes.AddedFiles);
        Assert.Contains(
            $"Under '## Lessons Learned' in docs/meta-issues/{Issue}/README.md add the line "
            + "'- [Lesson: Warm the cache](<../../lessons-learned/ops/Cache Warmup.md>)'.",
            run.Result.StandardOutput);
    }

    [Fact]
    public async Task Short_option_names_work_and_the_defaults_are_general_and_the_name_as_a_title()
    {
        using var sandbox = new TemplateSandbox(fixture.Hive);

        var withShortNames = await sandbox.NewAsync(
            "repo", "metalesson", "-n", "pooling", "-I", Issue, "-c", "performance", "-t", "Pool Connections Early");
        var withDefaults = await sandbox.NewAsync("repo", "metalesson", "-n", "N+1_queries-in_reports", "--issue", Issue);

        withShortNames.AssertCreated();
        withDefaults.AssertCreated();
        Assert.StartsWith(
            $"# Lesson: Pool Connections Early\n\n**Meta-Issue:** [[../../meta-issues/{Issue}/]]  \n**Category:** performance  \n",
            File.ReadAllText(sandbox.PathOf($"{Lessons}/performance/pooling.md")));
        Assert.StartsWith(
            $"# Lesson: N+1 queries in reports\n\n**Meta-Issue:** [[../../meta-issues/{Issue}/]]  \n**Category:** general  \n",
            File.ReadAllText(sandbox.PathOf($"{Lessons}/general/N+1_queries-in_reports.md")));
    }

    [Fact]
    public async Task Inside_a_category_folder_the_category_option_may_only_name_that_folder()
    {
        using var sandbox = new TemplateSandbox(fixture.Hive);
        const string category = $"{Lessons}/debugging";

        var same = await sandbox.NewAsync(category, "metalesson", "-n", "same", "-I", Issue, "-c", "debugging");
        var otherCase = await sandbox.NewAsync(category, "metalesson", "-n", "other-case", "-I", Issue, "-c", "DEBUGGING");
        var other = await sandbox.NewAsync(category, "metalesson", "-n", "other", "-I", Issue, "-c", "performance");

        same.AssertCreated();
        otherCase.AssertCreated();
        other.AssertRefused(105, "this folder is a lessons category; --category, if given, must name it");
        Assert.Equal([$"{category}/same.md", $"{category}/other-case.md"], [.. same.Changes.AddedFiles, .. otherCase.Changes.AddedFiles]);
        // The folder's own spelling wins, so the field always matches where the file is.
        Assert.Contains("**Category:** debugging  \n", File.ReadAllText(sandbox.PathOf($"{category}/other-case.md")));
    }

    [Fact]
    public async Task The_backlink_resolves_to_the_meta_issue_and_the_readme_line_it_asks_for_resolves_to_the_lesson()
    {
        using var sandbox = new TemplateSandbox(fixture.Hive);
        (await sandbox.NewAsync("repo", "metaissue", "-n", Issue)).AssertCreated();
        (await sandbox.NewAsync("repo", "metaissue", "-n", Issue, "-o", "services/importer")).AssertCreated();

        string[] lessons =
        [
            .. (await sandbox.NewAsync("repo", "metalesson", "-n", "From_Root", "-I", Issue, "-c", "debugging")).Changes.AddedFiles,
            .. (await sandbox.NewAsync(Lessons, "metalesson", "-n", "From_Lessons", "-I", Issue)).Changes.AddedFiles,
            .. (await sandbox.NewAsync($"{Lessons}/perf", "metalesson", "-n", "From_Category", "-I", Issue)).Changes.AddedFiles,
            .. (await sandbox.NewAsync("repo", "metalesson", "-n", "With_Output", "-I", Issue, "-o", "services/importer")).Changes.AddedFiles,
        ];

        Assert.Equal(4, lessons.Length);
        foreach (var lesson in lessons.Select(sandbox.PathOf))
        {
            // docs/lessons-learned/<category>/<name>.md → docs/meta-issues/<issue>/, wherever docs/ is.
            var lessonFolder = Path.GetDirectoryName(lesson)!;
            var docsFolder = Path.GetDirectoryName(Path.GetDirectoryName(lessonFolder))!;
            var metaIssueFolder = Path.Combine(docsFolder, "meta-issues", Issue);
            Assert.True(Directory.Exists(metaIssueFolder), metaIssueFolder);

            var backlink = Backlink().Match(File.ReadAllText(lesson));
            Assert.True(backlink.Success, $"No **Meta-Issue:** [[...]] line in {lesson}");
            Assert.Equal(
                Path.GetRelativePath(lessonFolder, metaIssueFolder).Replace('\\', '/') + "/",
                backlink.Groups["target"].Value);
            Assert.Equal(
                metaIssueFolder,
                Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(lessonFolder, backlink.Groups["target"].Value))));

            // The line the post action asks for under '## Lessons Learned': ../../lessons-learned/<category>/<name>.md.
            var readme = Path.Combine(metaIssueFolder, "README.md");
            var category = Path.GetFileName(lessonFolder);
            File.AppendAllText(readme, $"- [Lesson](../../lessons-learned/{category}/{Path.GetFileName(lesson)})\n");
            Assert.Empty(MarkdownConventions.BrokenRelativeLinks(readme));

            // The only bracketed text outside the conventions is the guide's [[wiki link]] backlink.
            Assert.Empty(MarkdownConventions.BrokenRelativeLinks(lesson));
            Assert.Equal(
                [$"{lesson}: [[{backlink.Groups["target"].Value}]"],
                MarkdownConventions.PromptsBreakingTheConvention(lesson));
        }
    }

    [Fact]
    public async Task Dry_run_shows_the_path_and_writes_nothing()
    {
        using var sandbox = new TemplateSandbox(fixture.Hive);

        var fromRoot = await sandbox.NewAsync("repo", "metalesson", "-n", Lesson, "-I", Issue, "-c", "debugging", "--dry-run");
        var fromCategory = await sandbox.NewAsync($"{Lessons}/debugging", "metalesson", "-n", Lesson, "-I", Issue, "--dry-run");

        fromRoot.Result.AssertExitCode(0);
        fromCategory.Result.AssertExitCode(0);
        Assert.Contains($"Create: ./docs/lessons-learned/debugging/{Lesson}.md", fromRoot.Result.StandardOutput);
        Assert.Contains($"Create: ./{Lesson}.md", fromCategory.Result.StandardOutput);
        Assert.True(fromRoot.Changes.IsEmpty && fromCategory.Changes.IsEmpty);
    }

    [Fact]
    public async Task Refusals_explain_themselves_and_write_nothing()
    {
        using var sandbox = new TemplateSandbox(fixture.Hive);
        (await sandbox.NewAsync("repo", "metaissue", "-n", Issue)).AssertCreated();
        (await sandbox.NewAsync("repo", "metalesson", "-n", Lesson, "--issue", Issue, "--category", "debugging")).AssertCreated();
        var existing = sandbox.PathOf($"{Lessons}/debugging/{Lesson}.md");
        File.AppendAllText(existing, "Edited by hand.\n");
        sandbox.Transcript.Clear();

        async Task Refused(string workingDirectory, int exitCode, string message, params string[] arguments) =>
            (await sandbox.NewAsync(workingDirectory, "metalesson", arguments)).AssertRefused(exitCode, message);

        await Refused("repo", 101, Refusals.MissingName, "--issue", Issue);
        await Refused("repo", 102, "'--issue'", "-n", "no-issue");
        await Refused("repo", 102, Refusals.NameStartsWithDot, "-n", "..", "--issue", Issue);
        await Refused("repo", 73, Refusals.WouldOverwrite, "-n", Lesson, "--issue", Issue, "--category", "debugging");
        await Refused("repo", 73, Refusals.WouldOverwrite, "-n", Lesson, "--issue", Issue, "--category", "debugging", "--dry-run");
        await Refused(Lessons, 73, Refusals.WouldOverwrite, "-n", Lesson, "-I", Issue, "-c", "debugging");
        await Refused($"{Lessons}/debugging", 73, Refusals.WouldOverwrite, "-n", Lesson, "-I", Issue, "-t", "Another title");
        await Refused($"{Lessons}/debugging", 73, Refusals.WouldOverwrite, "-n", Lesson, "-I", Issue, "--dry-run");
        await Refused("repo", 105, "-n must be a plain file name", "-n", "a|b", "--issue", Issue);
        await Refused("repo", 105, "--issue takes the folder name", "-n", "x", "--issue", "../meta-issues/perf-degradation");
        await Refused("repo", 105, "--category takes one folder name", "-n", "x", "--issue", Issue, "--category", "../..");
        await Refused($"{Lessons}/debugging", 105, "--category, if given, must name it", "-n", "x", "-I", Issue, "-c", "perf");
        await Refused($"{Lessons}/debugging/deeper", 105, "run metalesson at the repository root", "-n", "x", "-I", Issue);
        await Refused($"repo/docs/meta-issues/{Issue}", 105, "run metalesson at the repository root", "-n", "x", "-I", Issue);
        await Refused("repo/docs/runbooks", 105, Refusals.NestedDocsFolder, "-n", "x", "-I", Issue);

        // A dry run never writes; for a refused name it says so and `dotnet new` exits with 0.
        var dryRun = await sandbox.NewAsync("repo", "metalesson", "-n", "a|b", "--issue", Issue, "--dry-run");
        dryRun.Result.AssertExitCode(0);
        Assert.True(dryRun.Changes.IsEmpty);
        Assert.Contains(Refusals.NothingWritten, dryRun.Result.StandardOutput);

        Assert.EndsWith("Edited by hand.\n", File.ReadAllText(existing));
        ApprovedSnapshot.AssertMatches("metalesson-refusals", sandbox.Transcript.ToString());
    }

    /// <summary>
    /// Values that are not plain names, for each option. Each run costs about a second, so the characters Windows
    /// forbids share one value here; <see cref="The_packed_name_patterns_take_plain_names_only"/> checks them one by one.
    /// </summary>
    public static TheoryData<string, string, int, string> HostileValues()
    {
        var data = new TheoryData<string, string, int, string>();
        foreach (var value in new[] { ".", "..", "", "   ", "a/b", "a\\b", "a:*?\"<>|b" })
        {
            // `dotnet new` itself stops some names before the template sees them: empty is no name, blank fails its
            // required-name check, '/' is an invalid name; '.' and '..' hit the template's dot guard.
            var (exitCode, message) = value switch
            {
                "" => (101, Refusals.MissingName),
                "   " => (102, "'--name'"),
                "." or ".." => (102, Refusals.NameStartsWithDot),
                "a/b" => (127, "Name cannot contain any of the following characters '/'"),
                _ => (105, $"{Refusals.NothingWritten}: -n must be a plain file name"),
            };
            data.Add("-n", value, exitCode, message);
            data.Add("--issue", value, 105, $"{Refusals.NothingWritten}: --issue takes the folder name");
            if (value != "")
            {
                // An empty --category is the same as none: general.
                data.Add("--category", value, 105, $"{Refusals.NothingWritten}: --category takes one folder name");
            }
        }

        data.Add("--issue", "a[1]", 105, $"{Refusals.NothingWritten}: --issue takes"); // would end the [[wiki link]] early
        return data;
    }

    [Theory]
    [MemberData(nameof(HostileValues))]
    public async Task A_value_that_is_not_a_plain_name_is_refused_and_nothing_is_written(
        string option, string value, int exitCode, string message)
    {
        using var sandbox = new TemplateSandbox(fixture.Hive);
        Dictionary<string, string> arguments = new() { ["-n"] = "ok", ["--issue"] = Issue, ["--category"] = "debugging", [option] = value };

        var run = await sandbox.NewAsync("repo", "metalesson", [.. arguments.SelectMany(pair => new[] { pair.Key, pair.Value })]);

        run.AssertRefused(exitCode, message);
    }

    [Fact]
    public void The_packed_name_patterns_take_plain_names_only()
    {
        using var package = ZipFile.OpenRead(fixture.Packages.PathOf(TemplateHiveFixture.TemplatesPackageId));
        using var templateJson = package.GetEntry("content/templates/metalesson/.template.config/template.json")!.Open();
        var symbols = JsonNode.Parse(templateJson)!["symbols"]!;
        Regex Pattern(string symbol) => new(symbols[symbol]!["parameters"]!["pattern"]!.GetValue<string>());
        Regex[] patterns = [Pattern("nameIsFileName"), Pattern("issueIsFolderName"), Pattern("categoryIsFolderName")];

        string[] plain = ["Performance_Resolution", "perf-degradation", "N+1 queries", "a.b", "élan", "x;y", "x$(y)", "x`y`", "it's", "x"];
        string[] notPlain =
        [
            "", " ", "   ", ".", "..", ".hidden", " x", "x ", "x.", "a\nb", "a\tb", "a\0b",
            .. "/\\:*?\"<>|".Select(character => $"a{character}b"),
        ];
        Assert.All(patterns, pattern => Assert.All(plain, value => Assert.Matches(pattern, value)));
        Assert.All(patterns, pattern => Assert.All(notPlain, value => Assert.DoesNotMatch(pattern, value)));
        Assert.All(patterns, pattern => Assert.All(["a[1]", "a]]b", "[[x"], value => Assert.DoesNotMatch(pattern, value)));
    }

    [Theory]
    [InlineData("x;touch INJECTED")]
    [InlineData("x$(touch INJECTED)")]
    [InlineData("x`touch INJECTED`")]
    [InlineData("x'; touch INJECTED; echo '")]
    public async Task Shell_metacharacters_stay_text_inside_the_lessons_folder(string value)
    {
        using var sandbox = new TemplateSandbox(fixture.Hive);

        var run = await sandbox.NewAsync("repo", "metalesson", "-n", value, "--issue", value, "--category", value);

        run.AssertCreated();
        Assert.Equal([$"{Lessons}/{value}/{value}.md"], run.Changes.AddedFiles);
        Assert.Contains($"**Meta-Issue:** [[../../meta-issues/{value}/]]  \n", File.ReadAllText(sandbox.PathOf(run.Changes.AddedFiles[0])));
    }

    /// <summary>The guide's backlink field: <c>**Meta-Issue:** [[../../meta-issues/&lt;issue&gt;/]]</c>.</summary>
    [GeneratedRegex(@"^\*\*Meta-Issue:\*\* \[\[(?<target>[^\]\n]+)\]\]", RegexOptions.Multiline)]
    private static partial Regex Backlink();
}
