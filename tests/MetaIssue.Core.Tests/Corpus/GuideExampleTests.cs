using MetaIssue.Tests.Support;

namespace MetaIssue.Tests.Corpus;

/// <summary>
/// tests/corpus/guide-example: a meta-issue written exactly in the shapes the method's guide shows (outcomes in the
/// implementation log, the README summary and the test-case verdicts; attempt-results.md without a Status field; a
/// lesson with a wiki link). It must build clean, and each stale copy of an outcome must be found where it stands.
/// </summary>
public sealed class GuideExampleTests
{
    internal const string Issue = "docs/meta-issues/performance";
    internal const string Log = Issue + "/implementation-log.md";
    internal const string TestCases = Issue + "/test-cases.md";

    internal static string CorpusFolder => Path.Combine(Path.GetDirectoryName(PerformanceSagaTests.CorpusFolder)!, "guide-example");

    internal static TempRepository Copy()
    {
        var repository = new TempRepository();
        PerformanceSagaTests.Copy(CorpusFolder, repository.Root);
        return repository;
    }

    [Fact]
    public void The_guide_shaped_meta_issue_has_no_findings()
    {
        using var repository = Copy();
        repository.Findings().Empty();
    }

    [Fact]
    public void A_stale_log_result_is_found_at_the_log()
    {
        using var repository = Copy();
        repository.Edit(Log, "**Result:** ⚠️ Partial (30% improvement)", "**Result:** 🔄 In Progress");
        repository.Edit(Issue + "/attempts/002-query-optimization/attempt-results.md", "## Actual Results", "**Status:** ⚠️ Partial\n\n## Actual Results");
        var diagnostic = repository.Findings().Single("MI017", Log, repository.LineOf(Log, "🔄 In Progress"));
        Assert.Contains("write '⚠️ Partial'", diagnostic.Message);
    }

    [Fact]
    public void A_stale_timeline_row_is_found_at_the_row()
    {
        using var repository = Copy();
        const string readme = Issue + "/README.md";
        repository.Edit(readme, "## Resolution", "## Timeline\n\n| Attempt | Result |\n| --- | --- |\n| 001 | ❌ Failed |\n| 002 | ✅ Success |\n| 003 | ✅ Success |\n\n## Resolution");
        var diagnostic = repository.Findings().Single("MI017", readme, repository.LineOf(readme, "| 002 |"));
        Assert.Contains("implementation-log.md records 'Partial'; write '⚠️ Partial'", diagnostic.Message);
    }

    [Fact]
    public void Stale_test_verdicts_are_found_at_the_test_cases()
    {
        using var repository = Copy();
        repository.Edit(TestCases, "380ms (PASS) ✅", "380ms (FAIL)");
        var diagnostic = repository.Findings().Single("MI017", TestCases, repository.LineOf(TestCases, "- Attempt 003"));
        Assert.Contains("implementation-log.md records 'Success'", diagnostic.Message);
    }
}
