using System.Text.RegularExpressions;
using MetaIssue.EndToEnd.Infrastructure;
using MetaIssue.EndToEnd.Reliability;

namespace MetaIssue.EndToEnd.Fixes;

/// <summary>
/// `dotnet build -t:MetaIssueFix` through the packed package: a scaffolded meta-issue carried through three attempts
/// where the test writes only outcomes and prose, and hostile input that the fixes must leave alone.
/// </summary>
[Collection(CheckerBuildCollection.Name)]
public sealed partial class FixTargetTests(TemplateHiveFixture fixture)
{
    private const string Issue = "perf";
    private const string Folder = "docs/meta-issues/" + Issue;
    private const string App = "src/App/App.csproj";

    [GeneratedRegex(@"\[[A-Z][^\]\[]*\](?!\()")]
    private static partial Regex Prompt();

    [Fact]
    public async Task Three_attempts_where_the_user_writes_only_outcomes_and_prose_end_clean()
    {
        using var repository = await SampleRepository.CreateAsync(fixture.Packages);
        (await fixture.Hive.NewAsync(repository.Root, "metaissue", "-n", Issue, "--first-attempt", "baseline")).AssertExitCode(0);
        repository.AddProject("src/App");
        string[] attempts = ["001-baseline", "002-query-tuning", "003-connection-pooling"];
        string[] outcomes = ["❌ Failed", "⚠️ Partial", "✅ Success"];
        string[] results = ["- Attempt 001: 4,100 ms (FAIL)", "- Attempt 002: 2,300 ms (FAIL)", "- Attempt 003: 380 ms (PASS)"];

        for (var i = 0; i < attempts.Length; i++)
        {
            if (i > 0)
            {
                var slug = attempts[i][4..];
                (await fixture.Hive.NewAsync(repository.Root, "metaattempt", "-n", slug, "--number", (i + 1).ToString(), "--issue", Issue)).AssertExitCode(0);
            }

            // The user's part: the outcome, and prose in place of every prompt (a result line's measurement too).
            repository.Edit($"{Folder}/attempts/{attempts[i]}/attempt-results.md", "**Status:** 🔄 In Progress", "**Status:** " + outcomes[i]);
            var fix = await repository.BuildAsync(App, "-t:MetaIssueFix");
            fix.AssertSucceeded();
            fix.AssertNoUnhandledTaskFailure();
            Assert.Contains(fix.Result.StandardOutput.Split('\n'), line => line.Contains("MetaIssue fix: fixed", StringComparison.Ordinal) && !line.Contains("fixed 0 ", StringComparison.Ordinal));
            var testCases = repository.Read($"{Folder}/test-cases.md");
            var promptLine = $"- Attempt {i + 1:000}: [Result and PASS or FAIL]";
            Assert.Contains(promptLine, testCases, StringComparison.Ordinal);
            repository.Write($"{Folder}/test-cases.md", testCases.Replace(promptLine, results[i]));
            FillPrompts(repository);
        }

        var final = await repository.BuildAsync(App, "-t:MetaIssueFix");
        final.AssertSucceeded();
        var readme = repository.Read($"{Folder}/README.md");
        Assert.Contains("**Status:** Resolved (Attempt 003)  \n", readme, StringComparison.Ordinal);
        Assert.Contains("| ❌ Failed |", readme, StringComparison.Ordinal);
        Assert.Contains("| ⚠️ Partial |", readme, StringComparison.Ordinal);
        Assert.Contains("| ✅ Success |", readme, StringComparison.Ordinal);
        var log = repository.Read($"{Folder}/implementation-log.md");
        Assert.Contains("## Attempt 002: Query Tuning", log, StringComparison.Ordinal);
        Assert.Contains("## Attempt 003: Connection Pooling", log, StringComparison.Ordinal);

        // Closing owes a lesson (MI020): the one thing no fix can write. With it, and the backlink the fix adds, the build is clean.
        repository.Write("docs/lessons-learned/debugging/Perf_Resolution.md",
            $"# Lesson: Perf Resolution\n\n**Meta-Issue:** [[../../meta-issues/{Issue}/]]\n\n## Problem\n\nSlow under load.\n\n## Root Cause\n\nOne connection per request.\n\n## Solution\n\nPooling.\n\n## Prevention\n\nLoad-test before release.\n");
        (await repository.BuildAsync(App, "-t:MetaIssueFix")).AssertSucceeded();
        FillPrompts(repository);
        var clean = await repository.BuildAsync(App);
        clean.AssertSucceeded();
        clean.AssertNoMetaIssueDiagnostics();
    }

    [Fact]
    public async Task A_dry_run_prints_the_diff_and_writes_nothing()
    {
        using var repository = await SampleRepository.CreateAsync(fixture.Packages);
        (await fixture.Hive.NewAsync(repository.Root, "metaissue", "-n", Issue)).AssertExitCode(0);
        repository.AddProject("src/App");
        repository.Edit($"{Folder}/attempts/001-baseline/attempt-results.md", "**Status:** 🔄 In Progress", "**Status:** ✅ Success");
        var before = DirectoryFingerprint.Take(repository.PathOf("docs"));

        var dry = await repository.BuildAsync(App, "-t:MetaIssueFix", "-p:MetaIssueFixDryRun=true");

        dry.AssertSucceeded();
        DirectoryFingerprint.Take(repository.PathOf("docs")).AssertUnchangedSince(before);
        Assert.Contains("-**Status:** Investigating  ", dry.Result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("+**Status:** Resolved (Attempt 001)  ", dry.Result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("MetaIssue fix: would edit docs/meta-issues/perf/README.md", dry.Result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(dry.MetaIssue, d => d.Code == "MI012"); // the check after a dry run still shows it
    }

    [Fact]
    public async Task Hostile_input_under_MetaIssueFix_throws_nothing_and_touches_nothing_outside_the_roots()
    {
        using var repository = await SampleRepository.CreateAsync(fixture.Packages);
        HostileCases.PlantAll(repository);

        repository.Write("docs/notes/README.md", "# Notes\n\n**Status:** Sorta\n");
        var project = repository.AddProject("src/App");
        var check = await repository.BuildAsync(project);
        var odd = check.MetaIssue.Where(d => d.Code == "MI900").Select(d => d.File).ToHashSet(StringComparer.Ordinal);
        var before = DirectoryFingerprint.Take(repository.PathOf("docs"));

        var fix = await repository.BuildAsync(project, "-t:MetaIssueFix", "-p:MetaIssueFixLevel=review");

        fix.AssertSucceeded();
        fix.AssertNoUnhandledTaskFailure();
        var difference = DirectoryFingerprint.Take(repository.PathOf("docs")).DiffFrom(before);
        var touched = difference.Added.Concat(difference.Changed).Concat(difference.Removed).ToList();
        Assert.All(touched, path => Assert.True(path.StartsWith("meta-issues/", StringComparison.Ordinal) || path.StartsWith("lessons-learned/", StringComparison.Ordinal), $"touched outside the roots: {path}"));
        Assert.DoesNotContain(touched, path => odd.Contains("docs/" + path));
    }

    private static void FillPrompts(SampleRepository repository)
    {
        foreach (var file in Directory.EnumerateFiles(repository.PathOf("docs"), "*.md", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            var filled = Prompt().Replace(text, "Recorded.").Replace("YYYY-MM-DD", "2026-02-01");
            if (filled != text)
            {
                File.WriteAllText(file, filled);
            }
        }
    }
}
