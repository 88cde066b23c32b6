using MetaIssue.Diagnostics;
using MetaIssue.Fixes;
using MetaIssue.Rules;
using MetaIssue.Tests.Support;

namespace MetaIssue.Tests.Fixes;

public sealed class MetaIssueFixerTests : IDisposable
{
    private readonly TempRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Safe_level_takes_safe_fixes_only_and_each_fix_once()
    {
        var safe = Fix.Safe("Add the row");
        var review = Fix.Review("Renumber");
        var diagnostics = new[]
        {
            new Diagnostic(StaleStatusRule.Definition, "a.md", null, "m") { Fix = safe },
            new Diagnostic(StaleStatusRule.Definition, "b.md", null, "m") { Fix = review },
            new Diagnostic(StaleStatusRule.Definition, "c.md", null, "m"),
            new Diagnostic(StaleStatusRule.Definition, "d.md", null, "m") { Fix = safe },
        };

        Assert.Equal(new[] { safe }, MetaIssueFixer.Select(diagnostics, FixApplicability.Safe));
        Assert.Equal(new[] { safe, review }, MetaIssueFixer.Select(diagnostics, FixApplicability.Review));
    }

    [Fact]
    public void The_applier_writes_in_the_meta_issue_and_lessons_roots_only()
    {
        var options = new CheckerOptions(_repo.Root) { MetaIssueRoots = new[] { "notes/issues" }, LessonsRoot = "notes/lessons" };

        var report = MetaIssueFixer.Applier(options).Apply(new[]
        {
            Fix.Safe("In the root", new FileCreation(_repo.PathOf("notes/issues/x/README.md"), "x\n")),
            Fix.Safe("In lessons", new FileCreation(_repo.PathOf("notes/lessons/general/L.md"), "l\n")),
            Fix.Safe("Elsewhere", new FileCreation(_repo.PathOf("docs/meta-issues/x/README.md"), "y\n")),
        });

        Assert.Equal(2, report.Applied.Count);
        Assert.Contains("outside the folders fixes may write to", Assert.Single(report.Skipped).Reason);
        Assert.False(File.Exists(_repo.PathOf("docs/meta-issues/x/README.md")));
    }

    [Fact]
    public void A_run_with_no_fix_to_apply_changes_nothing_and_reports_the_same_findings()
    {
        // A healthy meta-issue whose only finding (MI005: attempt 001 still in progress after 002 started, and no copy
        // says how it ended) has no fix: nothing can be derived.
        using var repository = Scenario.Healthy("Investigating", ("caching", "🔄 In Progress"), ("pooling", "🔄 In Progress"));
        var options = new CheckerOptions(repository.Root);

        var outcome = MetaIssueFixer.Run(options, FixApplicability.Review, dryRun: false);

        Assert.All(outcome.Before.Diagnostics, d => Assert.Null(d.Fix));

        Assert.False(outcome.ChangedAnything);
        Assert.Equal(string.Empty, outcome.Diff);
        Assert.NotEmpty(outcome.Before.Diagnostics);
        Assert.Same(outcome.Before, outcome.After);
    }
}
