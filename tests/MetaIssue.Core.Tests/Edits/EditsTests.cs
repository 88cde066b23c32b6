using MetaIssue.Edits;
using MetaIssue.Fixes;
using MetaIssue.Model;
using MetaIssue.Templates;
using MetaIssue.Tests.Support;
using MetaIssue.Conventions;

namespace MetaIssue.Tests.Edits;

/// <summary>The edit builders the tool's commands (and rule fixes) share, applied to meta-issues the templates wrote.</summary>
public sealed class EditsTests : IDisposable
{
    private const string Folder = "docs/meta-issues/perf";
    private static readonly DateTime Today = new(2026, 5, 4);
    private readonly TempRepository _repo = new();

    public EditsTests()
    {
        foreach (var file in TemplateRenderer.Render("metaissue", "perf", new Dictionary<string, string>(), Today))
        {
            _repo.Write("docs/meta-issues/" + file.Path, file.Content);
        }
    }

    public void Dispose() => _repo.Dispose();

    private string IssuePath => _repo.PathOf(Folder);

    private FixReport Apply(Fix fix) => new FixApplier(_repo.Root, new[] { _repo.PathOf("docs") }).Apply(new[] { fix });

    private CheckResult Check() => MetaIssueChecker.Check(new CheckerOptions(_repo.Root));

    private MetaIssueFolder Issue() => Check().Tree.MetaIssues.Single();

    [Fact]
    public void A_new_attempt_records_itself_everywhere_and_the_check_stays_clean()
    {
        Assert.Empty(Check().Diagnostics);
        var edits = new AttemptEdits();

        var report = Apply(edits.NewAttempt(IssuePath, 2, "query-tuning", null, Today));

        Assert.Empty(report.Skipped);
        Assert.Empty(edits.Notes);
        Assert.Equal(2, report.CreatedFiles.Count);
        Assert.Contains("| [002](./attempts/002-query-tuning/) | 2026-05-04 to YYYY-MM-DD | Query Tuning | 🔄 In Progress |\n\n## Resolution", _repo.Read(Folder + "/README.md"));
        Assert.EndsWith("## Attempt 002: Query Tuning\n\n**Date:** 2026-05-04 to YYYY-MM-DD  \n**Hypothesis:** [What this attempt assumes is the cause]  \n**Result:** 🔄 In Progress  \n**Learning:** [What the attempt revealed]  \n", _repo.Read(Folder + "/implementation-log.md"));
        Assert.Contains("- Attempt 001: [Result and PASS or FAIL]\n- Attempt 002: [Result and PASS or FAIL]\n", _repo.Read(Folder + "/test-cases.md"));
        Assert.Empty(Check().Diagnostics);
    }

    [Fact]
    public void The_fix_declares_the_prompts_it_inserts()
    {
        var fix = new AttemptEdits().NewAttempt(IssuePath, 2, "query-tuning", "Query Tuning", Today);

        Assert.Contains("[Result and PASS or FAIL]", fix.InsertedPrompts);
        Assert.Contains("[What this attempt assumes is the cause]", fix.InsertedPrompts);
        Assert.DoesNotContain(fix.InsertedPrompts, p => p.Contains("solution-approach.md", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_test_case_gets_a_result_line_in_the_files_own_line_breaks()
    {
        var testCases = _repo.Read(Folder + "/test-cases.md");
        _repo.Write(Folder + "/test-cases.md", (testCases + "\n## TC-002: Memory\n\n**Results:**\n\n- Attempt 001: 2 GB (FAIL)\n\n## Notes\n\n- Attempt 001 was rushed.\n").Replace("\n", "\r\n"));

        Apply(new AttemptEdits().NewAttempt(IssuePath, 2, "pooling", null, Today));

        var text = _repo.Read(Folder + "/test-cases.md");
        Assert.Contains("- Attempt 001: [Result and PASS or FAIL]\r\n- Attempt 002: [Result and PASS or FAIL]\r\n", text);
        Assert.Contains("- Attempt 001: 2 GB (FAIL)\r\n- Attempt 002: [Result and PASS or FAIL]\r\n\r\n## Notes", text);
        Assert.DoesNotContain("\n- Attempt 001 was rushed.\r\n- Attempt 002", text);
        Assert.DoesNotContain("\r\r", text);
    }

    [Fact]
    public void Without_a_timeline_table_the_row_is_left_as_a_note()
    {
        _repo.Edit(Folder + "/README.md", "## Timeline", "## History");
        var edits = new AttemptEdits();

        var fix = edits.NewAttempt(IssuePath, 2, "pooling", null, Today);

        Assert.DoesNotContain(fix.Changes, c => c is TextEdit e && e.Path.EndsWith("README.md", StringComparison.Ordinal));
        Assert.Contains(edits.Notes, n => n.Contains("no Timeline table", StringComparison.Ordinal) && n.Contains("| [002](./attempts/002-pooling/)", StringComparison.Ordinal));
    }

    [Fact]
    public void An_outcome_is_recorded_in_the_results_the_log_and_the_timeline()
    {
        var issue = Issue();
        var edits = new AttemptEdits();

        Apply(edits.Outcome(issue, issue.Attempts[0], AttemptOutcome.Failure, "p95 unchanged", Today));

        Assert.Empty(edits.Notes);
        Assert.Contains("**Status:** ❌ Failed\n", _repo.Read(Folder + "/attempts/001-baseline/attempt-results.md"));
        var log = _repo.Read(Folder + "/implementation-log.md");
        Assert.Contains("**Result:** ❌ Failed - p95 unchanged  \n", log);
        Assert.Contains("**Date:** 2026-05-04 to 2026-05-04  \n", log);
        Assert.Contains("| [001](./attempts/001-baseline/) | 2026-05-04 to 2026-05-04 | Baseline | ❌ Failed |", _repo.Read(Folder + "/README.md"));
        Assert.Equal(AttemptOutcome.Failure, Issue().Attempts[0].Outcome);
        Assert.DoesNotContain(Check().Diagnostics, d => d.Code is "MI013" or "MI014");
    }

    [Fact]
    public void An_outcome_without_a_log_section_says_so()
    {
        _repo.Edit(Folder + "/implementation-log.md", "## Attempt 001: Baseline", "## First try");
        var issue = Issue();
        var edits = new AttemptEdits();

        var fix = edits.Outcome(issue, issue.Attempts[0], AttemptOutcome.Success, null, Today);

        Assert.Contains(edits.Notes, n => n.Contains("no '## Attempt 001' section", StringComparison.Ordinal));
        Assert.DoesNotContain(fix.Changes, c => c is TextEdit e && e.Path.EndsWith("implementation-log.md", StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_understanding_is_the_next_version_and_the_current_one()
    {
        var edits = new IssueEdits();

        Apply(edits.Understanding(Issue(), "Connections are exhausted under load", Today));

        var text = _repo.Read(Folder + "/description.md");
        Assert.Contains("## Current Understanding\n\nConnections are exhausted under load\n\n## Evolution", text);
        Assert.Contains("**Learning:** [What it revealed]  \n\n### Version 2 (2026-05-04) - Connections are exhausted under load\n\n**Theory:** Connections are exhausted under load  \n**Evidence:** [Why we thought it]  \n", text);
        Assert.Contains("[Why we thought it]", edits.Understanding(Issue(), "x", Today).InsertedPrompts);
    }

    [Fact]
    public void Closing_sets_the_status_creates_the_lesson_and_links_it()
    {
        var issue = Issue();
        var edits = new IssueEdits();
        var status = IssueEdits.StatusText(StatusState.Resolved, 1, null, null);

        var report = Apply(edits.Close(issue, status, "Pool_Sizing", "performance", _repo.PathOf("docs/lessons-learned"), Today));

        Assert.Equal(new[] { _repo.PathOf("docs/lessons-learned/performance/Pool_Sizing.md") }, report.CreatedFiles);
        var readme = _repo.Read(Folder + "/README.md");
        Assert.Contains("**Status:** Resolved (Attempt 001)  \n**Created:**", readme);
        Assert.Contains("[What to do differently next time, and which lessons to extract]\n\n- [Pool Sizing](../../lessons-learned/performance/Pool_Sizing.md)\n", readme);
        Assert.DoesNotContain(Check().Diagnostics, d => d.Code is "MI017" or "MI018");
    }

    [Fact]
    public void Closing_keeps_a_front_matter_status_in_yaml()
    {
        _repo.Write(Folder + "/README.md", "---\nstatus: Investigating\nowner: dana\n---\n\n# Meta-Issue: Perf\n");
        var edits = new IssueEdits();

        Apply(edits.Close(Issue(), "Abandoned", null, null, _repo.PathOf("docs/lessons-learned"), Today));

        Assert.Equal("---\nstatus: Abandoned\nowner: dana\n---\n\n# Meta-Issue: Perf\n", _repo.Read(Folder + "/README.md"));
    }

    [Theory]
    [InlineData("perf-degradation", true)]
    [InlineData("with space", true)]
    [InlineData("..", false)]
    [InlineData(".hidden", false)]
    [InlineData("a/b", false)]
    [InlineData("a\\b", false)]
    [InlineData("", false)]
    public void Names_follow_the_templates_own_guard(string name, bool valid)
    {
        Assert.Equal(valid, TemplateRules.Matches("metaissue", "nameIsFolderName", name));
        Assert.False(TemplateRules.Matches("metaissue", "nameIsFolderName", new string('x', 101)));
    }

    [Fact]
    public void Choices_come_from_the_template()
    {
        Assert.Equal(new[] { "low", "medium", "high", "critical" }, TemplateRules.Choices("metaissue", "severity"));
        Assert.Throws<InvalidOperationException>(() => TemplateRules.Choices("metaissue", "no-such-symbol"));
    }
}
