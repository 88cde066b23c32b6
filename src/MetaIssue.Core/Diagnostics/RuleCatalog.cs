namespace MetaIssue.Diagnostics;

/// <summary>The rule catalogue. Codes are stable: never renumber or reuse one.</summary>
public static class RuleCatalog
{
    public static readonly RuleDescriptor MissingCoreFile = new(
        "MI001", "MissingCoreFile", "A core file of the meta-issue is missing",
        "Every meta-issue has README.md, description.md, implementation-log.md and test-cases.md.");

    public static readonly RuleDescriptor AttemptFolderName = new(
        "MI002", "AttemptFolderName", "An attempt folder is not named NNN-slug",
        "Attempt folders are named with three digits, a hyphen and a slug (003-connection-pooling) so they sort and can be referenced.");

    public static readonly RuleDescriptor AttemptNumbering = new(
        "MI003", "AttemptNumbering", "Attempt numbers are duplicated or skip a number",
        "Attempts are numbered 001, 002, 003… without gaps or two folders sharing a number.");

    public static readonly RuleDescriptor MissingSolutionApproach = new(
        "MI004", "MissingSolutionApproach", "An attempt has no solution-approach.md",
        "Each attempt records what was tried, and why, before it is tried.");

    public static readonly RuleDescriptor MissingAttemptResults = new(
        "MI005", "MissingAttemptResults", "An attempt that is over has no recorded results",
        "Once a later attempt exists or the meta-issue is closed, each attempt has an attempt-results.md; once a later attempt has started or the meta-issue is closed, that file records the outcome.");

    public static readonly RuleDescriptor ReadmeStatus = new(
        "MI010", "ReadmeStatus", "The README has no recognised status",
        "The README states the meta-issue's status with a recognised value, e.g. **Status:** Investigating.");

    public static readonly RuleDescriptor ResolvedAttempt = new(
        "MI011", "ResolvedAttempt", "A resolved README does not name a successful attempt",
        "A README that says Resolved names the attempt that resolved it, which exists and succeeded.");

    public static readonly RuleDescriptor StaleStatus = new(
        "MI012", "StaleStatus", "The README status is open although the latest attempt succeeded",
        "When the latest attempt succeeded, the README says so: Resolved (Attempt NNN).");

    public static readonly RuleDescriptor AttemptList = new(
        "MI013", "AttemptList", "The README's attempt list disagrees with the attempts",
        "The README's timeline lists every completed attempt, no attempt that does not exist, and outcomes that match each attempt's results.");

    public static readonly RuleDescriptor ImplementationLogEntry = new(
        "MI014", "ImplementationLogEntry", "The implementation log has no entry for an attempt",
        "implementation-log.md has an entry (a heading, row or line naming the attempt) for every completed attempt.");

    public static readonly RuleDescriptor TestResultsRecorded = new(
        "MI015", "TestResultsRecorded", "The test cases record no result for a completed attempt",
        "test-cases.md records a result for every completed attempt, so attempts can be compared.");

    public static readonly RuleDescriptor UnfilledPlaceholder = new(
        "MI016", "UnfilledPlaceholder", "A finished document still holds a template prompt",
        "Completed attempts' results and every core file of a closed meta-issue have their [Bracketed prompts] and YYYY-MM-DD filled in.");

    public static readonly RuleDescriptor MissingLesson = new(
        "MI020", "MissingLesson", "A closed meta-issue has no lesson",
        "A closed meta-issue has a lesson under the lessons root that links back to it.");

    public static readonly RuleDescriptor LessonBacklink = new(
        "MI021", "LessonBacklink", "The README does not link to a lesson about it",
        "When a lesson links to a meta-issue, the meta-issue's README links back to the lesson.");

    public static readonly RuleDescriptor SupersededLink = new(
        "MI022", "SupersededLink", "A superseded meta-issue does not link to its successor",
        "A Superseded meta-issue links to the meta-issue that supersedes it.");

    public static readonly RuleDescriptor BrokenLink = new(
        "MI030", "BrokenLink", "A relative link points nowhere",
        "Relative links (inline, reference, image and [[wiki]] links) in meta-issue and lesson files point to an existing file or folder inside the repository.");

    public static readonly RuleDescriptor BrokenAnchor = new(
        "MI031", "BrokenAnchor", "A link's #fragment names no heading",
        "A link's #fragment names a heading (GitHub anchor rules) or an HTML anchor of the target Markdown file.");

    public static readonly RuleDescriptor UnreadableFile = new(
        "MI900", "UnreadableFile", "A file could not be read or parsed",
        "A file or folder of the docs tree could not be read (I/O error, not UTF-8, binary, over the size limit, a folder link not followed); the rest is still checked.");

    public static readonly RuleDescriptor OverviewNotWritten = new(
        "MI910", "OverviewNotWritten", "The status overview could not be written",
        "The overview (dotnet build -t:MetaIssueOverview) writes only between its marker comments; a file without them, or one that cannot be written, is left untouched.");

    public static IReadOnlyList<RuleDescriptor> All { get; } = new[]
    {
        MissingCoreFile, AttemptFolderName, AttemptNumbering, MissingSolutionApproach, MissingAttemptResults,
        ReadmeStatus, ResolvedAttempt, StaleStatus, AttemptList, ImplementationLogEntry, TestResultsRecorded,
        UnfilledPlaceholder, MissingLesson, LessonBacklink, SupersededLink, BrokenLink, BrokenAnchor, UnreadableFile, OverviewNotWritten,
    };
}
