using System.Reflection;
using System.Runtime.CompilerServices;

namespace MetaIssue.Tests.Architecture;

/// <summary>
/// Keeps MetaIssue.Core's public surface deliberate: the public types are exactly those MetaIssue.Build and
/// MetaIssue.Tool use, listed below; everything else is internal, reached by these tests and the benchmark through
/// <c>InternalsVisibleTo</c>. Making a type public means adding it here on purpose (docs/architecture.md, "Public surface").
/// </summary>
public sealed class PublicSurfaceTests
{
    private static readonly string[] Approved =
    [
        "MetaIssue.Caching.InputFingerprint",
        "MetaIssue.Caching.LastCheck",
        "MetaIssue.Caching.LastCheckFile",
        "MetaIssue.Caching.LoggedFinding",
        "MetaIssue.Caching.ReplayedOutput",
        "MetaIssue.CheckResult",
        "MetaIssue.CheckSettings",
        "MetaIssue.CheckerOptions",
        "MetaIssue.Conventions.AttemptOutcome",
        "MetaIssue.Conventions.AttemptOutcomeExtensions",
        "MetaIssue.Conventions.AttemptReferences",
        "MetaIssue.Conventions.ReadmeStatus",
        "MetaIssue.Conventions.StatusState",
        "MetaIssue.Diagnostics.Diagnostic",
        "MetaIssue.Diagnostics.DiagnosticSeverity",
        "MetaIssue.Diagnostics.RuleDescriptor",
        "MetaIssue.Edits.AttemptEdits",
        "MetaIssue.Edits.IssueEdits",
        "MetaIssue.FixPass",
        "MetaIssue.FixRun",
        "MetaIssue.Fixes.FileChange",
        "MetaIssue.Fixes.FileCreation",
        "MetaIssue.Fixes.Fix",
        "MetaIssue.Fixes.FixApplicability",
        "MetaIssue.Fixes.FixApplier",
        "MetaIssue.Fixes.FixReport",
        "MetaIssue.Fixes.FolderMove",
        "MetaIssue.Fixes.SkippedFix",
        "MetaIssue.Git.AttemptElsewhere",
        "MetaIssue.Git.BranchAttempts",
        "MetaIssue.IO.AtomicFile",
        "MetaIssue.IO.PathText",
        "MetaIssue.IO.RepositoryRoot",
        "MetaIssue.MetaIssueChecker",
        "MetaIssue.MetaIssueFixer",
        "MetaIssue.Model.AttemptFolder",
        "MetaIssue.Model.DocsTree",
        "MetaIssue.Model.MetaIssueFolder",
        "MetaIssue.Reporting.AttemptDates",
        "MetaIssue.Reporting.CheckSummary",
        "MetaIssue.Reporting.MarkedSection",
        "MetaIssue.Reporting.MarkedSectionOutcome",
        "MetaIssue.Reporting.Overview",
        "MetaIssue.Reporting.SarifLog",
        "MetaIssue.Reporting.SarifSettings",
        "MetaIssue.Rules.RuleCatalog",
        "MetaIssue.Scanning.RepositoryConfig",
        "MetaIssue.Templates.RenderedFile",
        "MetaIssue.Templates.TemplateRenderer",
        "MetaIssue.Templates.TemplateRules",
        "MetaIssue.Text.ShellQuote",
        "MetaIssue.Text.SourceRange",
    ];

    private static Assembly Core => typeof(MetaIssueChecker).Assembly;

    [Fact]
    public void The_public_types_are_the_approved_list()
    {
        var exported = Core.GetExportedTypes().Select(t => t.FullName!).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        var added = exported.Except(Approved, StringComparer.Ordinal).ToArray();
        var removed = Approved.Except(exported, StringComparer.Ordinal).ToArray();
        Assert.True(added.Length == 0 && removed.Length == 0,
            $"Public types not in the approved list: [{string.Join(", ", added)}]; approved but not public: [{string.Join(", ", removed)}]");
    }

    [Fact]
    public void The_approved_list_is_sorted_and_has_no_duplicates()
    {
        Assert.Equal(Approved.Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal), Approved);
    }

    [Fact]
    public void Only_the_tests_and_the_measurement_projects_see_internals()
    {
        // The build task and the tool are the library's real callers: they must get by with the public surface.
        var friends = Core.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(["MetaIssue.Benchmarks", "MetaIssue.Core.Tests", "MetaIssue.IncrementalProfile"], friends);
    }
}
