using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd;

/// <summary>`dotnet new metaissue`, run for real against the packed template pack.</summary>
[Collection(MetaIssueTemplateCollection.Name)]
public sealed class MetaIssueTemplateTests(TemplateHiveFixture fixture)
{
    [Theory]
    [InlineData("repo", "perf-degradation", "repo/docs/meta-issues/perf-degradation/", "metaissue-at-repository-root")]
    [InlineData(
        "repo/docs/meta-issues", "flaky-login", "repo/docs/meta-issues/flaky-login/", "metaissue-inside-meta-issues-folder")]
    [InlineData(
        "repo",
        "slow-import -o services/importer",
        "repo/services/importer/docs/meta-issues/slow-import/",
        "metaissue-with-output-option")]
    public async Task It_writes_the_meta_issue_folder_according_to_where_it_runs(
        string workingDirectory, string nameAndOptions, string expectedFolder, string snapshot)
    {
        using var sandbox = new TemplateSandbox(fixture.Hive);

        var run = await sandbox.NewAsync(workingDirectory, "metaissue", ["-n", .. nameAndOptions.Split(' ')]);

        run.AssertCreated();
        Assert.All(run.Changes.AddedFiles, path => Assert.StartsWith(expectedFolder, path));
        Assert.Equal(6, run.Changes.AddedFiles.Count);
        ApprovedSnapshot.AssertMatches(snapshot, sandbox.Transcript.ToString());
    }

    [Theory]
    [InlineData("repo/docs", "repo/docs/meta-issues/cache-misses/")]
    public async Task In_the_docs_folder_it_writes_into_its_meta_issues_folder(string workingDirectory, string expectedFolder)
    {
        using var sandbox = new TemplateSandbox(fixture.Hive);

        var run = await sandbox.NewAsync(workingDirectory, "metaissue", "-n", "cache-misses");

        run.AssertCreated();
        Assert.Equal(6, run.Changes.AddedFiles.Count);
        Assert.All(run.Changes.AddedFiles, path => Assert.StartsWith(expectedFolder, path));
    }

    [Theory]
    [InlineData("repo/docs/architecture")]
    [InlineData("repo/meta-issues")]
    [InlineData("repo/docs/lessons-learned")]
    [InlineData("repo/services/docs/api")]
    public async Task Below_a_docs_or_meta_issues_folder_it_refuses_instead_of_nesting_docs_meta_issues(string workingDirectory)
    {
        using var sandbox = new TemplateSandbox(fixture.Hive);

        var run = await sandbox.NewAsync(workingDirectory, "metaissue", "-n", "cache-misses");

        run.AssertRefused(105, Refusals.NestedDocsFolder);
    }

    [Fact]
    public async Task A_first_attempt_slug_with_spaces_gets_a_timeline_link_that_still_resolves()
    {
        using var sandbox = new TemplateSandbox(fixture.Hive);

        var run = await sandbox.NewAsync("repo", "metaissue", "-n", "slow-boot", "-f", "lazy (deferred) init");

        run.AssertCreated();
        var readme = File.ReadAllText(sandbox.PathOf("repo/docs/meta-issues/slow-boot/README.md"));
        Assert.Contains("| [001](<./attempts/001-lazy (deferred) init/>) | ", readme);
        Assert.True(Directory.Exists(sandbox.PathOf("repo/docs/meta-issues/slow-boot/attempts/001-lazy (deferred) init")));
        Assert.DoesNotContain("<!--#", readme);
    }

    [Fact]
    public async Task Options_fill_title_first_attempt_domain_severity_and_owner()
    {
        using var sandbox = new TemplateSandbox(fixture.Hive);

        var run = await sandbox.NewAsync(
            "repo",
            "metaissue",
            "-n", "api-latency",
            "--title", "API Latency Under Load",
            "--first-attempt", "response-caching",
            "--domain", "performance",
            "--severity", "high",
            "--owner", "Dana Kim");

        run.AssertCreated();
        ApprovedSnapshot.AssertMatches("metaissue-with-all-options", sandbox.Transcript.ToString());
    }

    [Fact]
    public async Task Short_option_names_work_and_choices_ignore_case()
    {
        using var sandbox = new TemplateSandbox(fixture.Hive);

        var run = await sandbox.NewAsync(
            "repo", "metaissue", "-n", "x", "-t", "Short", "-f", "first", "-D", "Data", "-s", "CRITICAL", "-ow", "Lee");

        run.AssertCreated();
        var readme = File.ReadAllText(sandbox.PathOf("repo/docs/meta-issues/x/README.md"));
        Assert.Contains("# Meta-Issue: Short\n", readme);
        Assert.Contains("**Owner:** Lee  \n**Domain:** data  \n**Severity:** critical  \n", readme);
        Assert.True(File.Exists(sandbox.PathOf("repo/docs/meta-issues/x/attempts/001-first/solution-approach.md")));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData(".hidden")]
    public async Task A_name_starting_with_a_dot_is_refused(string name)
    {
        using var sandbox = new TemplateSandbox(fixture.Hive);

        var fromRoot = await sandbox.NewAsync("repo", "metaissue", "-n", name);
        var fromMetaIssues = await sandbox.NewAsync("repo/docs/meta-issues", "metaissue", "-n", name);

        fromRoot.AssertRefused(102, Refusals.NameStartsWithDot);
        fromMetaIssues.AssertRefused(102, Refusals.NameStartsWithDot);
    }

    [Fact]
    public async Task Refusals_explain_themselves()
    {
        using var sandbox = new TemplateSandbox(fixture.Hive);
        (await sandbox.NewAsync("repo", "metaissue", "-n", "perf")).AssertCreated();
        File.AppendAllText(sandbox.PathOf("repo/docs/meta-issues/perf/README.md"), "Edited by hand.\n");
        sandbox.Transcript.Clear();

        async Task Refused(string workingDirectory, int exitCode, string message, params string[] arguments) =>
            (await sandbox.NewAsync(workingDirectory, "metaissue", arguments)).AssertRefused(exitCode, message);

        await Refused("repo/docs/meta-issues", 101, Refusals.MissingName);
        await Refused("repo", 102, Refusals.NameStartsWithDot, "-n", "..");
        await Refused("repo", 105, Refusals.NothingWritten, "-n", "..", "--name-must-not-start-with-a-dot", "true");
        await Refused("repo", 73, Refusals.WouldOverwrite, "-n", "perf");
        await Refused("repo/docs/meta-issues", 73, Refusals.WouldOverwrite, "-n", "perf");
        await Refused("repo", 105, Refusals.NothingWritten, "-n", "ok", "--first-attempt", "../escape");
        await Refused("repo", 105, Refusals.NothingWritten, "-n", "back\\slash");
        await Refused("repo/docs/meta-issues/perf", 105, "inside a meta-issue", "-n", "nested");
        await Refused("repo/docs/guides", 105, Refusals.NestedDocsFolder, "-n", "nested");
        await Refused("repo", 105, Refusals.NothingWritten, "-n", "trailing-dot.");
        await Refused("repo", 105, Refusals.NothingWritten, "-n", "ok", "--first-attempt", "caching ");
        await Refused("repo", 127, "Name cannot contain any of the following characters '/'", "-n", "a/b");
        // The engine runs no post action with --dry-run: a refusal is listed, nothing is written, and the exit code is 0.
        await Refused("repo/docs/guides", 0, "Action would have been taken automatically", "-n", "nested", "--dry-run");
        await Refused("repo", 127, "'weather' is not a valid value for --domain", "-n", "x", "--domain", "weather");

        Assert.EndsWith("Edited by hand.\n", File.ReadAllText(sandbox.PathOf("repo/docs/meta-issues/perf/README.md")));
        ApprovedSnapshot.AssertMatches("metaissue-refusals", sandbox.Transcript.ToString());
    }
}
