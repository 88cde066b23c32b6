using System.Text.Json;
using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd.Tool;

/// <summary>
/// The packed <c>metaissue</c> tool, installed into an isolated tool path, run in throw-away git repositories: what
/// users see (exit codes, printed lines, files), branches included, and the same findings as <c>dotnet build</c>.
/// </summary>
public sealed class ToolCommandTests
{
    private const string Issue = "perf";
    private const string Folder = "docs/meta-issues/" + Issue;

    [Fact]
    public async Task A_whole_saga_new_attempts_outcomes_understanding_and_close()
    {
        var tool = await InstalledTool.GetAsync();
        using var repository = await SampleRepository.CreateAsync(await ProductPackages.GetAsync());
        var below = Directory.CreateDirectory(repository.PathOf("src/deep")).FullName;

        // From a folder below the root: the root is found by its .git.
        var created = await tool.RunAsync(below, "new", Issue, "--title", "Slow API", "--domain", "performance", "--owner", "Dana");
        created.AssertExitCode(0);
        Assert.Contains($"create {Folder}/README.md", created.StandardOutput);
        Assert.Contains($"create {Folder}/attempts/001-baseline/solution-approach.md", created.StandardOutput);
        Assert.Contains("# Meta-Issue: Slow API", repository.Read($"{Folder}/README.md"));
        (await tool.RunAsync(repository.Root, "check")).AssertExitCode(0);

        var attempt = await tool.RunAsync(repository.Root, "attempt", Issue, "connection-pooling");
        attempt.AssertExitCode(0);
        Assert.Contains($"create {Folder}/attempts/002-connection-pooling/attempt-results.md", attempt.StandardOutput);
        Assert.Contains($"change {Folder}/README.md", attempt.StandardOutput);
        Assert.Contains($"change {Folder}/implementation-log.md", attempt.StandardOutput);
        Assert.Contains($"change {Folder}/test-cases.md", attempt.StandardOutput);
        Assert.Contains("| [002](./attempts/002-connection-pooling/) |", repository.Read($"{Folder}/README.md"));
        Assert.Contains("## Attempt 002: Connection Pooling", repository.Read($"{Folder}/implementation-log.md"));
        Assert.Contains("- Attempt 002: [Result and PASS or FAIL]", repository.Read($"{Folder}/test-cases.md"));
        var clean = await tool.RunAsync(repository.Root, "check");
        Assert.True(clean.ExitCode == 0, $"the check is clean right after 'attempt'\n{clean}");

        (await tool.RunAsync(repository.Root, "outcome", Issue, "1", "failed", "--note", "no change in p95")).AssertExitCode(0);
        Assert.Contains("**Status:** ❌ Failed", repository.Read($"{Folder}/attempts/001-baseline/attempt-results.md"));
        Assert.Contains("**Result:** ❌ Failed - no change in p95", repository.Read($"{Folder}/implementation-log.md"));
        Assert.Matches(@"\| \[001\]\(\./attempts/001-baseline/\) \| \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \| Baseline \| ❌ Failed \|", repository.Read($"{Folder}/README.md"));

        var understanding = await tool.RunAsync(repository.Root, "understanding", Issue, "The pool is exhausted under load");
        understanding.AssertExitCode(0);
        Assert.Contains($"change {Folder}/description.md", understanding.StandardOutput);
        Assert.Matches(@"### Version 2 \(\d{4}-\d\d-\d\d\) - The pool is exhausted under load", repository.Read($"{Folder}/description.md"));

        (await tool.RunAsync(repository.Root, "outcome", Issue, "002", "success")).AssertExitCode(0);
        var close = await tool.RunAsync(repository.Root, "close", Issue, "resolved", "--lesson", "Connection_Pooling", "--category", "performance");
        close.AssertExitCode(0);
        Assert.Contains("create docs/lessons-learned/performance/Connection_Pooling.md", close.StandardOutput);
        var readme = repository.Read($"{Folder}/README.md");
        Assert.Contains("**Status:** Resolved (Attempt 002)  \n", readme);
        Assert.Contains("- [Connection Pooling](../../lessons-learned/performance/Connection_Pooling.md)", readme);
        Assert.Contains("[[../../meta-issues/perf/]]", repository.Read("docs/lessons-learned/performance/Connection_Pooling.md"));

        // What is left is the human part: the prompts to fill in; no rule about the shared files' bookkeeping fires.
        var check = await tool.RunAsync(repository.Root, "check", "--format", "json");
        check.AssertExitCode(1);
        var codes = JsonDocument.Parse(check.StandardOutput).RootElement.EnumerateArray().Select(f => f.GetProperty("code").GetString()).Distinct().ToArray();
        Assert.All(codes, code => Assert.Contains(code, new[] { "MI015", "MI016" }));

        var status = await tool.RunAsync(repository.Root, "status", "--json");
        status.AssertExitCode(0);
        var row = Assert.Single(JsonDocument.Parse(status.StandardOutput).RootElement.EnumerateArray());
        Assert.Equal("Resolved", row.GetProperty("status").GetString());
        Assert.Equal(2, row.GetProperty("attempts").GetProperty("total").GetInt32());
        Assert.Equal(1, row.GetProperty("attempts").GetProperty("failed").GetInt32());
        var table = await tool.RunAsync(repository.Root, "status");
        Assert.Contains("perf  ", table.StandardOutput);
        Assert.DoesNotContain("\u001b[", table.StandardOutput);

        var beforeFix = DirectoryFingerprint.Take(repository.Root);
        var dryRun = await tool.RunAsync(repository.Root, "fix", "--dry-run", "--review");
        Assert.True(dryRun.ExitCode == 1, $"findings (the prompts) remain\n{dryRun}");
        Assert.Matches(@"metaissue fix: \d+ finding\(s\), \d+ fix\(es\) would be applied, \d+ skipped, 0 need --review, \d+ without a fix; \d+ finding\(s\) now", dryRun.StandardOutput);
        DirectoryFingerprint.Take(repository.Root).AssertUnchangedSince(beforeFix, "fix --dry-run");

        var overview = await tool.RunAsync(repository.Root, "overview");
        overview.AssertExitCode(0);
        Assert.Equal("create docs/meta-issues/README.md", overview.StandardOutput.Trim());
        Assert.Contains("[Slow API](perf/README.md)", repository.Read("docs/meta-issues/README.md"));
        Assert.Equal("docs/meta-issues/README.md is up to date", (await tool.RunAsync(repository.Root, "overview")).StandardOutput.Trim());

        var text = await tool.RunAsync(repository.Root, "check");
        text.AssertExitCode(1);
        Assert.Contains($"{Folder}/test-cases.md:", text.StandardOutput);
        Assert.Matches(@"MetaIssue: 1 meta-issue \(1 Resolved\) and 1 lesson checked, \d+ warnings\.", text.StandardOutput);
    }

    [Fact]
    public async Task Commands_write_under_the_roots_that_metaissue_json_names()
    {
        var tool = await InstalledTool.GetAsync();
        using var repository = await SampleRepository.CreateAsync(await ProductPackages.GetAsync());
        repository.Write(".metaissue.json", "{ \"roots\": [\"handbook/issues\"], \"lessonsRoot\": \"handbook/lessons\" }\n");

        var created = await tool.RunAsync(repository.Root, "new", Issue);
        created.AssertExitCode(0);
        Assert.Contains("create handbook/issues/perf/README.md", created.StandardOutput);
        Assert.False(Directory.Exists(repository.PathOf("docs/meta-issues")), "nothing written under the default root");

        var attempt = await tool.RunAsync(repository.Root, "attempt", Issue, "pooling");
        attempt.AssertExitCode(0);
        Assert.Contains("create handbook/issues/perf/attempts/002-pooling/solution-approach.md", attempt.StandardOutput);
        var check = await tool.RunAsync(repository.Root, "check");
        Assert.True(check.ExitCode == 0, $"the meta-issue under the configured root is found and clean\n{check}");
        Assert.Contains("1 meta-issue", check.StandardOutput);
    }

    [Fact]
    public async Task Attempt_skips_numbers_other_branches_use_and_says_which_branch()
    {
        var tool = await InstalledTool.GetAsync();
        using var repository = await SampleRepository.CreateAsync(await ProductPackages.GetAsync());
        (await tool.RunAsync(repository.Root, "new", Issue)).AssertExitCode(0);
        await Git(repository, "checkout", "-q", "-b", "main");
        await Commit(repository, "meta-issue");
        await Git(repository, "checkout", "-q", "-b", "feature-cache");
        (await tool.RunAsync(repository.Root, "attempt", Issue, "caching")).AssertExitCode(0);
        await Commit(repository, "attempt 002 on a branch");
        await Git(repository, "checkout", "-q", "main");
        Assert.False(Directory.Exists(repository.PathOf($"{Folder}/attempts/002-caching")));

        var attempt = await tool.RunAsync(repository.Root, "attempt", Issue, "pooling");

        attempt.AssertExitCode(0);
        Assert.Contains("skip 002: branch feature-cache has attempts/002-caching", attempt.StandardOutput);
        Assert.True(Directory.Exists(repository.PathOf($"{Folder}/attempts/003-pooling")));
        Assert.Contains("| [003](./attempts/003-pooling/) |", repository.Read($"{Folder}/README.md"));

        // Until the branch merges, 002 is a gap here, and the check says which branch holds it.
        var check = await tool.RunAsync(repository.Root, "check");
        check.AssertExitCode(1);
        Assert.Contains("MI003 attempt 002 is missing: numbering jumps to 003; attempt 002 is on branch feature-cache (002-caching): merge that branch, nothing to rename", check.StandardOutput);

        // And so does the build, through the packed MetaIssue.Build, which runs git inside MSBuild.
        repository.AddProject("src/App");
        async Task<BuildDiagnostic> Gap()
        {
            var build = await repository.BuildAsync("src/App/App.csproj");
            build.AssertSucceeded();
            return Assert.Single(build.MetaIssue, d => d.Code == "MI003");
        }

        var gap = await Gap();
        Assert.StartsWith("attempt 002 is missing: numbering jumps to 003; attempt 002 is on branch feature-cache (002-caching): merge that branch, nothing to rename", gap.Message);
        Assert.EndsWith($"{Folder}/attempts/003-pooling", gap.File.Replace('\\', '/'));

        // Once the files are older than the racy window, a build keeps a last check that the next one could replay; a
        // deleted branch changes no file of the docs, yet the next build must not replay the advice it made obsolete.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Contains("on branch feature-cache", (await Gap()).Message);
        await Git(repository, "branch", "-q", "-D", "feature-cache");
        var renamed = (await Gap()).Message;
        Assert.DoesNotContain("on branch", renamed);
        Assert.Matches(@"rename \S*attempts/003-pooling to \S*attempts/002-pooling", renamed);
    }

    [Fact]
    public async Task Refusals_exit_2_and_write_nothing()
    {
        var tool = await InstalledTool.GetAsync();
        using var repository = await SampleRepository.CreateAsync(await ProductPackages.GetAsync());
        (await tool.RunAsync(repository.Root, "new", Issue)).AssertExitCode(0);
        var before = DirectoryFingerprint.Take(repository.Root);

        (string[] Arguments, string Message)[] refusals =
        [
            (["new", Issue], "already exists"),
            (["new", ".."], "is not a plain name"),
            (["new", "a/b"], "is not a plain name"),
            (["new", new string('x', 101)], "is not a plain name"),
            (["attempt", "missing", "slug"], "there is no meta-issue 'missing'"),
            (["attempt", Issue, "../escape"], "is not a plain name"),
            (["outcome", Issue, "7", "success"], "has no attempt 007"),
            (["close", Issue, "resolved"], "has no successful attempt"),
            (["close", Issue, "superseded"], "needs --by"),
            (["understanding", Issue, "   "], "one non-empty line"),
            (["check", "--format", "yaml"], "yaml"),
            (["outcome", Issue, "1", "great"], "great"),
            (["check", "--root", repository.PathOf("no-such-folder")], "no such folder"),
        ];
        foreach (var (arguments, message) in refusals)
        {
            var result = await tool.RunAsync(repository.Root, arguments);
            Assert.True(result.ExitCode == 2, $"expected exit code 2\n{result}");
            Assert.Contains(message, result.StandardError);
            DirectoryFingerprint.Take(repository.Root).AssertUnchangedSince(before, string.Join(' ', arguments));
        }
    }

    [Fact]
    public async Task Check_reports_the_same_findings_as_dotnet_build_in_every_format()
    {
        var tool = await InstalledTool.GetAsync();
        using var repository = await SampleRepository.CreateAsync(await ProductPackages.GetAsync());
        repository.WithPerformanceSaga();
        const string app = "src/App/App.csproj";
        repository.AddProject("src/App");
        var build = await repository.BuildAsync(app);
        build.AssertSucceeded();
        Assert.NotEmpty(build.MetaIssue);

        var check = await tool.RunAsync(repository.Root, "check", "--format", "msbuild");

        check.AssertExitCode(1);
        var fromTool = BuildDiagnostic.ParseLog(check.StandardOutput).Select(d => Key(repository, d)).Distinct().Order().ToArray();
        var fromBuild = build.MetaIssue.Select(d => Key(repository, d)).Distinct().Order().ToArray();
        Assert.True(fromBuild.SequenceEqual(fromTool), "only in the build:\n" + string.Join("\n", fromBuild.Except(fromTool)) + "\nonly in the tool:\n" + string.Join("\n", fromTool.Except(fromBuild)));

        var json = await tool.RunAsync(repository.Root, "check", "--format", "json");
        json.AssertExitCode(1);
        Assert.Equal(BuildDiagnostic.ParseLog(check.StandardOutput).Count, JsonDocument.Parse(json.StandardOutput).RootElement.GetArrayLength());

        var sarifPath = repository.PathOf("out/check.sarif");
        var sarif = await tool.RunAsync(repository.Root, "check", "--format", "sarif", "--output", sarifPath);
        sarif.AssertExitCode(1);
        Assert.Contains("wrote out/check.sarif", sarif.StandardOutput);
        var log = JsonDocument.Parse(File.ReadAllText(sarifPath)).RootElement;
        Assert.Equal("2.1.0", log.GetProperty("version").GetString());
        Assert.Equal(BuildDiagnostic.ParseLog(check.StandardOutput).Count, log.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    /// <summary>
    /// A finding as both print it: file, start, code and message. The build may print paths relative to the
    /// repository (the tool prints them full) and logs no end position; the tool's msbuild format gives the range.
    /// </summary>
    private static string Key(SampleRepository repository, BuildDiagnostic d) =>
        $"{repository.PathOf(d.File)}({d.Line},{d.Column}) {d.Code}: {d.Message}";

    private static Task Git(SampleRepository repository, params string[] arguments) => repository.GitAsync(arguments);

    private static async Task Commit(SampleRepository repository, string message)
    {
        await repository.GitAsync("add", "-A");
        await repository.GitAsync("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message);
    }
}
