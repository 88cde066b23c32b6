using MetaIssue.EndToEnd.Infrastructure;
using static MetaIssue.EndToEnd.Build.ScaffoldedMetaIssue;

namespace MetaIssue.EndToEnd.Build;

/// <summary>The packed MetaIssue.Build in a real `dotnet build` of a repository scaffolded with the real templates.</summary>
[Collection(CheckerBuildCollection.Name)]
public sealed class CheckerBuildTests(TemplateHiveFixture fixture)
{
    private const string App = "src/App/App.csproj";
    private const string Replayed = "nothing the check reads has changed since the last build";

    private async Task<SampleRepository> ScaffoldedAsync()
    {
        var repository = await SampleRepository.CreateAsync(fixture.Packages);
        await CreateAsync(fixture.Hive, repository);
        repository.AddProject("src/App");
        return repository;
    }

    [Fact]
    public async Task A_scaffolded_meta_issue_with_three_attempts_builds_without_warnings_and_prints_the_next_command()
    {
        using var repository = await ScaffoldedAsync();

        var build = await repository.BuildAsync(App);

        build.AssertSucceeded();
        build.AssertNoMetaIssueDiagnostics();
        var summary = Assert.Single(build.SummaryLines, line => line.Contains("checked", StringComparison.Ordinal));
        Assert.Equal("MetaIssue: 1 meta-issue (1 Investigating) and 0 lessons checked, 0 warnings.", summary);
        Assert.Contains("perf-degradation (Investigating, 3 attempts): next attempt: dotnet new metaattempt -n <slug> --number 004 --issue perf-degradation", build.Result.StandardOutput);
    }

    [Fact]
    public async Task A_finished_meta_issue_with_a_lesson_both_ways_builds_without_warnings()
    {
        using var repository = await ScaffoldedAsync();
        Finish(repository);

        var build = await repository.BuildAsync(App);

        build.AssertSucceeded();
        build.AssertNoMetaIssueDiagnostics();
        Assert.Contains("MetaIssue: 1 meta-issue (1 Resolved) and 1 lesson checked, 0 warnings.", build.SummaryLines);
    }

    [Fact]
    public async Task Each_rule_reports_at_the_file_and_line_to_edit()
    {
        using var repository = await ScaffoldedAsync();
        Finish(repository);
        var expected = new List<(string Code, string File, int Line)>();

        void Case(string name, Action<string> mutate, Func<string, (string Code, string File, int Line)> expect)
        {
            CopyFinished(repository, name);
            var folder = "docs/meta-issues/" + name;
            mutate(folder);
            expected.Add(expect(folder));
        }

        // Deleting a file also breaks every link to it: the rule's finding, plus MI030 wherever the file was linked.
        void Deleted(string name, string file, string code, string at, int line)
        {
            CopyFinished(repository, name);
            var folder = "docs/meta-issues/" + name;
            expected.AddRange(LinksTo(repository, folder, $"{folder}/{file}").Select(l => ("MI030", l.File, l.Line)));
            repository.Delete($"{folder}/{file}");
            expected.Add((code, $"{folder}/{at}", line));
        }

        Deleted("mi001", "test-cases.md", "MI001", "README.md", 1);
        Case("mi002", f => repository.Write($"{f}/attempts/4-retry/solution-approach.md", "# Retry\n").Write($"{f}/attempts/4-retry/attempt-results.md", "# Retry\n\n**Status:** ❌ Failed\n"),
            f => ("MI002", $"{f}/attempts/4-retry", 0));
        Case("mi003", f => repository.Write($"{f}/attempts/002-again/solution-approach.md", "# Again\n").Write($"{f}/attempts/002-again/attempt-results.md", "# Again\n\n**Status:** ⚠️ Partial\n"),
            f => ("MI003", $"{f}/attempts/002-query-tuning", 0));
        Deleted("mi004", "attempts/002-query-tuning/solution-approach.md", "MI004", "attempts/002-query-tuning", 0);
        Deleted("mi005", "attempts/001-baseline/attempt-results.md", "MI005", "attempts/001-baseline", 0);
        Case("mi010", f => repository.Edit($"{f}/README.md", "Resolved (Attempt 003)", "Sorta done"), f => ("MI010", $"{f}/README.md", repository.LineOf($"{f}/README.md", "**Status:**")));
        Case("mi011", f => repository.Edit($"{f}/README.md", "Resolved (Attempt 003)", "Resolved (Attempt 002)"), f => ("MI011", $"{f}/README.md", repository.LineOf($"{f}/README.md", "**Status:**")));
        Case("mi012", f => repository.Edit($"{f}/README.md", "Resolved (Attempt 003)", "Investigating"), f => ("MI012", $"{f}/README.md", repository.LineOf($"{f}/README.md", "**Status:**")));
        // The timeline loses attempt 002's row: MI013 at the table's header.
        Case("mi013", f => repository.Write($"{f}/README.md", string.Join("\n", repository.Read($"{f}/README.md").Split('\n').Where(line => !line.Contains("| Query tuning |", StringComparison.Ordinal)))),
            f => ("MI013", $"{f}/README.md", repository.LineOf($"{f}/README.md", "| Attempt | Dates |")));
        // The row's outcome contradicts the attempt's results: MI017 at the stale copy.
        Case("mi017", f => repository.Edit($"{f}/README.md", "| Query tuning | ⚠️ Partial |", "| Query tuning | ✅ Success |"), f => ("MI017", $"{f}/README.md", repository.LineOf($"{f}/README.md", "| Query tuning |")));
        Case("mi014", f => repository.Edit($"{f}/implementation-log.md", "## Attempt 002: Query Tuning", "## The second try"), f => ("MI014", $"{f}/implementation-log.md", 1));
        Case("mi015", f => repository.Edit($"{f}/test-cases.md", "- Attempt 002: 3,800 ms (FAIL)\n", string.Empty), f => ("MI015", $"{f}/test-cases.md", 1));
        Case("mi016", f => repository.Edit($"{f}/description.md", "Recorded.", "[What we think now]"), f => ("MI016", $"{f}/description.md", repository.LineOf($"{f}/description.md", "[What we think now]")));
        Case("mi020", f => repository.Edit($"docs/lessons-learned/debugging/{Path.GetFileName(f)}_lesson.md", "**Meta-Issue:** [[../../meta-issues/" + Path.GetFileName(f) + "/]]", "**Meta-Issue:** none"), f => ("MI020", $"{f}/README.md", repository.LineOf($"{f}/README.md", "**Status:**")));
        Case("mi021", f => repository.Edit($"{f}/README.md", $"- [Perf Resolution](../../lessons-learned/debugging/{Path.GetFileName(f)}_lesson.md)", "None yet."), f => ("MI021", $"{f}/README.md", repository.LineOf($"{f}/README.md", "## Lessons Learned")));
        Case("mi022", f => repository.Edit($"{f}/README.md", "Resolved (Attempt 003)", "Superseded"), f => ("MI022", $"{f}/README.md", repository.LineOf($"{f}/README.md", "**Status:**")));
        Case("mi030", f => repository.Edit($"{f}/description.md", "Recorded.", "See [the profile](./profiling/flame.svg)."), f => ("MI030", $"{f}/description.md", repository.LineOf($"{f}/description.md", "flame.svg")));
        Case("mi031", f => repository.Edit($"{f}/description.md", "Recorded.", "See [the timeline](./README.md#no-such-heading)."), f => ("MI031", $"{f}/description.md", repository.LineOf($"{f}/description.md", "no-such-heading")));
        Case("mi900", f => repository.WriteBytes($"{f}/analysis/notes.md", [0x23, 0x20, 0xC3, 0x28, 0x0A]), f => ("MI900", $"{f}/analysis/notes.md", 1));

        var build = await repository.BuildAsync(App);

        build.AssertSucceeded();
        build.AssertNoUnhandledTaskFailure();
        var actual = build.MetaIssue.Select(d => (d.Code, d.File, d.Line)).OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Code).ToList();
        Assert.Equal(expected.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Code).ToList(), actual);
        Assert.All(build.MetaIssue, d => Assert.Equal("warning", d.Severity));
        // file(line,col): the form CI problem matchers recognise (end positions only on request).
        Assert.All(build.MetaIssue.Where(d => d.Line > 0), d => Assert.True(d.Column >= 1 && d.EndLine == 0 && d.EndColumn == 0, d.ToString()));
    }

    /// <summary>Lines of the meta-issue's Markdown files holding a relative link that resolves to <paramref name="target"/>.</summary>
    private static IEnumerable<(string File, int Line)> LinksTo(SampleRepository repository, string folder, string target)
    {
        var targetPath = repository.PathOf(target);
        foreach (var file in Directory.EnumerateFiles(repository.PathOf(folder), "*.md", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (System.Text.RegularExpressions.Match link in System.Text.RegularExpressions.Regex.Matches(lines[i], @"\]\((?<url>[^)#\s]+)"))
                {
                    if (Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, link.Groups["url"].Value)) == targetPath)
                    {
                        yield return (Path.GetRelativePath(repository.Root, file).Replace('\\', '/'), i + 1);
                    }
                }
            }
        }
    }

    [Fact]
    public async Task The_same_number_under_another_slug_is_named_by_the_next_build()
    {
        using var repository = await ScaffoldedAsync();
        (await fixture.Hive.NewAsync(repository.Root, "metaattempt", "-n", "async-io", "--number", "3", "--issue", Issue)).AssertExitCode(0);

        var build = await repository.BuildAsync(App);

        var finding = Assert.Single(build.MetaIssue);
        Assert.Equal(("MI003", $"{Folder}/attempts/003-connection-pooling"), (finding.Code, finding.File));
        Assert.Contains("'003-async-io'", finding.Message);
        Assert.Contains("'003-connection-pooling'", finding.Message);
        Assert.Contains("004-connection-pooling", finding.Message);
    }

    [Fact]
    public async Task Warnings_show_again_on_every_build_and_the_second_one_reads_the_cache()
    {
        using var repository = await ScaffoldedAsync();
        repository.Edit($"{Folder}/README.md", "**Status:** Investigating", "**Status:** Sorta");

        var first = await repository.BuildAsync(App);
        var cache = repository.PathOf("obj/metaissue/facts.cache");
        var cached = File.GetLastWriteTimeUtc(cache);
        var second = await repository.BuildAsync(App, "--no-restore");

        Assert.Equal(first.MetaIssue, second.MetaIssue);
        Assert.Equal("MI010", Assert.Single(second.MetaIssue).Code);
        Assert.Equal(cached, File.GetLastWriteTimeUtc(cache)); // nothing changed, nothing re-parsed, nothing rewritten
    }

    [Fact]
    public async Task A_build_with_nothing_changed_replays_the_findings_and_any_edit_ends_the_replay()
    {
        using var repository = await ScaffoldedAsync();
        repository.Edit($"{Folder}/README.md", "**Status:** Investigating", "**Status:** Sorta");
        repository.Edit($"{Folder}/description.md", "## Current Understanding", "## Current Understanding\n\nSee [the notes](../../../src/App/notes.md).\n");

        var first = await repository.BuildAsync(App);
        Assert.Equal(new[] { "MI010", "MI030" }, first.MetaIssue.Select(d => d.Code).Order());

        var replayed = await repository.BuildAsync(App, "--no-restore", "-v:d");
        Assert.Contains(Replayed, replayed.Result.StandardOutput);
        Assert.Equal(first.MetaIssue, replayed.MetaIssue);
        Assert.Equal(first.SummaryLines, replayed.SummaryLines.Where(line => !line.Contains(Replayed)));

        // An edit inside the docs: checked afresh.
        repository.Edit($"{Folder}/README.md", "**Status:** Sorta", "**Status:** Investigating");
        var edited = await repository.BuildAsync(App, "--no-restore", "-v:d");
        Assert.DoesNotContain(Replayed, edited.Result.StandardOutput);
        Assert.Equal("MI030", Assert.Single(edited.MetaIssue).Code);

        // A replay loads the fingerprint and replay code only: no Markdown parser, no JSON serialiser (MSBuild's
        // detailed log names each assembly a task loads; a check loads Markdig, which shows the log still tells).
        static IEnumerable<string> Loaded(BuildOutcome build) => build.Result.StandardOutput.Split('\n')
            .Where(line => line.Contains("Assembly loaded during TaskRun", StringComparison.Ordinal));
        foreach (var name in new[] { "Markdig", "System.Text.Json", "System.Text.Encodings.Web", "System.Reflection.Emit" })
        {
            Assert.DoesNotContain(Loaded(replayed), line => line.Contains(name, StringComparison.Ordinal));
        }

        Assert.Contains(Loaded(edited), line => line.Contains("Markdig", StringComparison.Ordinal));

        // A link target outside the docs appears: checked afresh too.
        repository.Write("src/App/notes.md", "# Notes\n");
        var linked = await repository.BuildAsync(App, "--no-restore", "-v:d");
        Assert.DoesNotContain(Replayed, linked.Result.StandardOutput);
        linked.AssertNoMetaIssueDiagnostics();

        // A file removed: checked afresh.
        repository.Delete($"{Folder}/test-cases.md");
        var removed = await repository.BuildAsync(App, "--no-restore");
        Assert.Contains(removed.MetaIssue, d => d.Code == "MI001" && d.Message.Contains("test-cases.md"));
    }

    [Fact]
    public async Task Changing_NoWarn_between_builds_is_not_replayed_with_the_old_summary()
    {
        using var repository = await ScaffoldedAsync();
        repository.Edit($"{Folder}/README.md", "**Status:** Investigating", "**Status:** Sorta");
        (await repository.BuildAsync(App)).AssertSucceeded();

        var silenced = await repository.BuildAsync(App, "--no-restore", "-v:d", "-p:NoWarn=MI010");

        Assert.DoesNotContain(Replayed, silenced.Result.StandardOutput);
        silenced.AssertNoMetaIssueDiagnostics();
        Assert.Contains("1 more silenced by NoWarn", Assert.Single(silenced.SummaryLines));
    }

    [Fact]
    public async Task Nothing_is_written_into_the_docs()
    {
        using var repository = await ScaffoldedAsync();
        repository.Edit($"{Folder}/README.md", "**Status:** Investigating", "**Status:** Sorta");
        var before = DirectoryFingerprint.Take(repository.PathOf("docs"));

        (await repository.BuildAsync(App)).AssertSucceeded();

        DirectoryFingerprint.Take(repository.PathOf("docs")).AssertUnchangedSince(before);
    }

    [Theory]
    [InlineData("-p:MetaIssueCheckEnabled=false")]
    [InlineData("-p:DesignTimeBuild=true")]
    public async Task A_disabled_check_and_design_time_builds_are_silent(string property)
    {
        using var repository = await ScaffoldedAsync();
        repository.Edit($"{Folder}/README.md", "**Status:** Investigating", "**Status:** Sorta");

        var build = await repository.BuildAsync(App, property);

        build.AssertNoMetaIssueDiagnostics();
        Assert.Empty(build.SummaryLines);
    }

    [Fact]
    public async Task Custom_roots_lessons_and_repository_root_are_honoured()
    {
        using var repository = await SampleRepository.CreateAsync(fixture.Packages);
        repository.Write("handbook/issues/flaky/README.md", "# Meta-Issue: Flaky\n\n**Status:** Sorta\n");
        repository.Write("handbook/issues/slow/README.md", "# Meta-Issue: Slow\n\n**Status:** Open\n");
        repository.Write("docs/meta-issues/ignored/README.md", "# Meta-Issue: Ignored\n\n**Status:** Sorta\n");
        repository.AddProject("src/App", properties: "<MetaIssueRoots>handbook/issues</MetaIssueRoots>");

        var build = await repository.BuildAsync(App);

        var finding = Assert.Single(build.MetaIssue, d => d.Code == "MI010");
        Assert.Equal("handbook/issues/flaky/README.md", finding.File);
        Assert.Contains("slow (Open, 0 attempts): next attempt: cd handbook/issues/slow && dotnet new metaattempt -n <slug> --number 001 --issue slow", build.Result.StandardOutput);
    }

    [Fact]
    public async Task The_guide_shaped_meta_issue_builds_without_a_warning()
    {
        using var repository = await SampleRepository.CreateAsync(fixture.Packages);
        var corpus = RepositoryLayout.PathTo("tests/corpus/guide-example");
        foreach (var file in Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories))
        {
            repository.WriteBytes(Path.GetRelativePath(corpus, file).Replace('\\', '/'), File.ReadAllBytes(file));
        }

        repository.AddProject("src/App");
        var build = await repository.BuildAsync(App);

        Assert.Empty(build.MetaIssue);
        Assert.Contains("MetaIssue: 1 meta-issue (1 Resolved) and 1 lesson checked, 0 warnings.", build.SummaryLines);
    }

    [Fact]
    public async Task The_real_performance_saga_gets_exactly_the_expected_warnings()
    {
        using var repository = await SampleRepository.CreateAsync(fixture.Packages);
        repository.WithPerformanceSaga();

        repository.AddProject("src/App");
        var expected = SagaExpectations.Expected();

        var build = await repository.BuildAsync(App);

        var actual = SagaExpectations.Ordered(build.MetaIssue.Select(d => (d.Code, d.File, d.Line, d.Column)));
        Assert.Equal(expected, actual);
    }
}
