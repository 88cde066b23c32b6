using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd;

/// <summary>`dotnet new metaattempt`, run for real against the packed template pack, in each supported folder.</summary>
[Collection(MetaAttemptTemplateCollection.Name)]
public sealed class MetaAttemptTemplateTests(TemplateHiveFixture fixture)
{
    private const string MetaIssue = "repo/docs/meta-issues/perf";

    [Fact]
    public async Task Inside_a_meta_issue_folder_it_creates_attempts_NNN_slug()
    {
        using var sandbox = await SandboxWithMetaIssueAsync();

        var run = await sandbox.NewAsync(MetaIssue, "metaattempt", "-n", "query-optimization", "--number", "2");

        run.AssertCreated();
        ApprovedSnapshot.AssertMatches("metaattempt-inside-meta-issue-folder", sandbox.Transcript.ToString());
    }

    [Fact]
    public async Task Inside_the_attempts_folder_it_creates_NNN_slug()
    {
        using var sandbox = await SandboxWithMetaIssueAsync();

        var run = await sandbox.NewAsync($"{MetaIssue}/attempts", "metaattempt", "-n", "connection-pooling", "-N", "3");

        run.AssertCreated();
        ApprovedSnapshot.AssertMatches("metaattempt-inside-attempts-folder", sandbox.Transcript.ToString());
    }

    [Fact]
    public async Task At_the_repository_root_it_writes_into_the_meta_issue_named_by_the_issue_option()
    {
        using var sandbox = await SandboxWithMetaIssueAsync();

        var run = await sandbox.NewAsync(
            "repo", "metaattempt", "-n", "async-io", "--number", "12", "--issue", "perf", "--title", "Async I/O Everywhere");

        run.AssertCreated();
        ApprovedSnapshot.AssertMatches("metaattempt-at-repository-root", sandbox.Transcript.ToString());
    }

    [Fact]
    public async Task Outside_docs_meta_issues_it_runs_inside_the_meta_issue_named_by_the_issue_option()
    {
        using var sandbox = await SandboxWithMetaIssueAsync();
        sandbox.CreateDirectory("repo/handbook/issues/slow/attempts");

        var inIssue = await sandbox.NewAsync("repo/handbook/issues/slow", "metaattempt", "-n", "a", "-N", "1", "--issue", "slow");
        var inAttempts = await sandbox.NewAsync("repo/handbook/issues/slow/attempts", "metaattempt", "-n", "b", "-N", "2", "--issue", "slow");

        inIssue.AssertCreated();
        inAttempts.AssertCreated();
        Assert.Equal(["001-a", "002-b"], new[] { inIssue, inAttempts }.Select(run => AttemptFolderOf(run.Changes.AddedFiles)));
        Assert.All(inIssue.Changes.AddedFiles.Concat(inAttempts.Changes.AddedFiles), file => Assert.StartsWith("repo/handbook/issues/slow/attempts/", file.Replace('\\', '/')));
    }

    [Fact]
    public async Task In_the_docs_folder_it_writes_into_the_named_meta_issue()
    {
        using var sandbox = await SandboxWithMetaIssueAsync();

        var run = await sandbox.NewAsync("repo/docs", "metaattempt", "-n", "warm-cache", "-N", "7", "-I", "perf");

        run.AssertCreated();
        Assert.All(run.Changes.AddedFiles, path => Assert.StartsWith($"{MetaIssue}/attempts/007-warm-cache/", path));
    }

    [Fact]
    public async Task The_instructions_give_the_real_row_entry_and_line_to_paste()
    {
        using var sandbox = await SandboxWithMetaIssueAsync();
        var today = DateTime.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var inAttempts = await sandbox.NewAsync($"{MetaIssue}/attempts", "metaattempt", "-n", "read replicas", "-N", "41");

        inAttempts.AssertCreated();
        Assert.Contains(
            $"In meta-issue perf add the row '| [041](<./attempts/041-read replicas/>) | {today} to YYYY-MM-DD | Read Replicas | 🔄 In Progress |' to the Timeline in README.md, "
            + "the entry '## Attempt 041: Read Replicas' to implementation-log.md and a line '- Attempt 041: [Result and PASS or FAIL]' to each test case's results in test-cases.md.",
            inAttempts.Result.StandardOutput);
        Assert.DoesNotContain("NNN", inAttempts.Result.StandardOutput);
    }

    [Fact]
    public async Task An_issue_option_naming_the_current_meta_issue_is_accepted()
    {
        using var sandbox = await SandboxWithMetaIssueAsync();

        var inMetaIssue = await sandbox.NewAsync(MetaIssue, "metaattempt", "-n", "a", "-N", "4", "-I", "perf");
        var inAttempts = await sandbox.NewAsync($"{MetaIssue}/attempts", "metaattempt", "-n", "b", "-N", "5", "-I", "perf");
        var inMetaIssues = await sandbox.NewAsync("repo/docs/meta-issues", "metaattempt", "-n", "c", "-N", "6", "-I", "perf");

        inMetaIssue.AssertCreated();
        inAttempts.AssertCreated();
        inMetaIssues.AssertCreated();
        Assert.Equal(
            ["004-a", "005-b", "006-c"],
            new[] { inMetaIssue, inAttempts, inMetaIssues }.Select(run => AttemptFolderOf(run.Changes.AddedFiles)));
    }

    [Fact]
    public async Task Refusals_explain_themselves_and_write_nothing()
    {
        using var sandbox = await SandboxWithMetaIssueAsync();

        async Task Refused(string workingDirectory, int exitCode, string message, params string[] arguments) =>
            (await sandbox.NewAsync(workingDirectory, "metaattempt", arguments)).AssertRefused(exitCode, message);

        await Refused(MetaIssue, 101, Refusals.MissingName, "--number", "2");
        await Refused(MetaIssue, 102, "'--number', '--next-number-is-printed-by-dotnet-build'", "-n", "pooling");
        await Refused(MetaIssue, 102, "'--number-must-be-from-1-to-999'", "-n", "pooling", "--number", "0");
        await Refused(MetaIssue, 102, "'--number-must-be-from-1-to-999'", "-n", "pooling", "--number", "1000");
        await Refused(MetaIssue, 127, "Cannot parse argument 'two'", "-n", "pooling", "--number", "two");
        await Refused(MetaIssue, 73, Refusals.WouldOverwrite, "-n", "baseline", "--number", "1");
        await Refused(MetaIssue, 102, Refusals.NameStartsWithDot, "-n", "..", "--number", "2");
        await Refused("repo", 105, Refusals.NothingWritten, "-n", "pooling", "--number", "2");
        await Refused("repo", 105, "--issue takes the folder name", "-n", "pooling", "--number", "2", "--issue", "../..");
        await Refused(MetaIssue, 105, Refusals.NothingWritten, "-n", "pooling", "--number", "2", "--issue", "other");
        await Refused($"{MetaIssue}/attempts/001-baseline", 105, Refusals.NothingWritten, "-n", "p", "-N", "2", "-I", "perf");
        await Refused("repo/docs/decisions", 105, Refusals.NestedDocsFolder, "-n", "p", "-N", "2", "-I", "perf");
        await Refused(MetaIssue, 105, "-n must be a plain folder name", "-n", "pooling ", "--number", "2");
        await Refused("repo", 105, "--issue takes the folder name", "-n", "pooling", "--number", "2", "--issue", "perf.");

        ApprovedSnapshot.AssertMatches("metaattempt-refusals", sandbox.Transcript.ToString());
    }

    [Theory]
    [InlineData("pooling\n")]
    [InlineData("pooling\u007f")]
    public async Task A_slug_ending_in_a_control_character_is_refused(string slug)
    {
        using var sandbox = await SandboxWithMetaIssueAsync();

        var run = await sandbox.NewAsync(MetaIssue, "metaattempt", "-n", slug, "--number", "2");

        run.AssertRefused(105, "-n must be a plain folder name");
    }

    [Fact]
    public async Task A_meta_issue_with_attempts_002_and_003_is_internally_consistent()
    {
        using var sandbox = await SandboxWithMetaIssueAsync();
        (await sandbox.NewAsync(MetaIssue, "metaattempt", "-n", "query-optimization", "--number", "2")).AssertCreated();
        (await sandbox.NewAsync("repo", "metaattempt", "-n", "connection-pooling", "-N", "3", "-I", "perf")).AssertCreated();

        var markdownFiles = Directory.GetFiles(sandbox.PathOf(MetaIssue), "*.md", SearchOption.AllDirectories);

        Assert.Equal(10, markdownFiles.Length);
        Assert.All(markdownFiles, file => Assert.Empty(MarkdownConventions.BrokenRelativeLinks(file)));
        Assert.All(markdownFiles, file => Assert.Empty(MarkdownConventions.PromptsBreakingTheConvention(file)));
        Assert.All(
            Directory.GetDirectories(sandbox.PathOf($"{MetaIssue}/attempts")),
            attempt => Assert.Contains(
                $"# Attempt {Path.GetFileName(attempt)[..3]}: ",
                File.ReadAllText(Path.Combine(attempt, "solution-approach.md"))));
    }

    private async Task<TemplateSandbox> SandboxWithMetaIssueAsync()
    {
        var sandbox = new TemplateSandbox(fixture.Hive);
        (await sandbox.NewAsync("repo", "metaissue", "-n", "perf")).AssertCreated();
        sandbox.Transcript.Clear(); // the meta-issue has snapshots of its own
        return sandbox;
    }

    private static string AttemptFolderOf(IReadOnlyList<string> addedFiles) =>
        addedFiles.Select(path => path.Split('/')[^2]).Distinct().Single();
}
