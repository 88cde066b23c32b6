using MetaIssue.Diagnostics;

namespace MetaIssue.Rules;

/// <summary>
/// The rule list, defined once, and the catalogue derived from it: every rule's descriptor, in this order, then
/// MI910, the one code no rule reports. Codes are stable: never renumber or reuse one.
/// </summary>
public static class RuleCatalog
{
    /// <summary>Every rule, in the order they run and are listed (help pages, SARIF <c>tool.driver.rules</c>).</summary>
    internal static IReadOnlyList<Rule> Rules { get; } = new Rule[]
    {
        new MissingCoreFileRule(),
        new AttemptFolderNameRule(),
        new AttemptNumberingRule(),
        new MissingSolutionApproachRule(),
        new MissingAttemptResultsRule(),
        new MisplacedMetaIssueRule(),
        new ReadmeStatusRule(),
        new ResolvedAttemptRule(),
        new StaleStatusRule(),
        new AttemptListRule(),
        new ImplementationLogEntryRule(),
        new TestResultsRecordedRule(),
        new UnfilledPlaceholderRule(),
        new OutcomeCopyRule(),
        new MissingLessonRule(),
        new LessonBacklinkRule(),
        new SupersededLinkRule(),
        new BrokenLinkRule(),
        new BrokenAnchorRule(),
        new UnreadableFileRule(),
    };

    /// <summary>MI910: reported by the build when the overview cannot be written; no rule of the check reports it.</summary>
    public static readonly RuleDescriptor OverviewNotWritten = new(
        "MI910", "OverviewNotWritten", "The status overview could not be written",
        "The overview (dotnet build -t:MetaIssueOverview) writes only between its marker comments; a file without them, or one that cannot be written, is left untouched.",
        MessageFormat: "{0}",
        DefaultSeverity: DiagnosticSeverity.Error);

    /// <summary>Every code: the rules' descriptors in <see cref="Rules"/> order, then <see cref="OverviewNotWritten"/>.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
        Rules.Select(rule => rule.Descriptor).Concat(new[] { OverviewNotWritten }).ToArray();

    /// <summary>The descriptor with this code (ordinal, case-sensitive), or null.</summary>
    public static RuleDescriptor? Find(string id) => All.FirstOrDefault(rule => rule.Id == id);
}
