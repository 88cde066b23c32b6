namespace MetaIssue;

/// <summary>
/// Every setting of a check as the build gives it (MSBuild properties <c>MetaIssue*</c>, <c>NoWarn</c>,
/// <c>WarningsAsErrors</c>): filled once by the task and read by the checker (<see cref="ToCheckerOptions"/>), the SARIF
/// log and the overview. Every property is part of the replay key (<see cref="ToReplayKey"/>; its unit test fails
/// for a property left out). Paths are as given (relative ones against <see cref="RepositoryRoot"/>); codes are compared
/// ignoring case. Immutable, so thread-safe.
/// </summary>
public sealed record CheckSettings
{
    /// <summary>Settings for the repository at <paramref name="repositoryRoot"/> (absolute), every other setting at its default.</summary>
    public CheckSettings(string repositoryRoot) => RepositoryRoot = repositoryRoot;

    /// <summary>The repository root, absolute: the folder holding <c>.git</c>.</summary>
    public string RepositoryRoot { get; init; }

    /// <summary>Folders (relative to the root) whose immediate subfolders are meta-issues.</summary>
    public IReadOnlyList<string> MetaIssueRoots { get; init; } = new[] { CheckerOptions.DefaultMetaIssueRoot };

    /// <summary>The folder (relative to the root) holding the lessons-learned files.</summary>
    public string LessonsRoot { get; init; } = CheckerOptions.DefaultLessonsRoot;

    /// <summary>Largest Markdown file parsed, in bytes; larger ones get MI900.</summary>
    public long MaxFileBytes { get; init; } = CheckerOptions.DefaultMaxFileBytes;

    /// <summary>Where the rule pages are (<c>{base}/MI012.md</c>); empty for no help links.</summary>
    public string HelpLinkBase { get; init; } = string.Empty;

    /// <summary>The SARIF log to write (relative to the root); empty for none.</summary>
    public string SarifLog { get; init; } = string.Empty;

    /// <summary>The overview file (relative to the root); empty for the first root's README.md.</summary>
    public string OverviewFile { get; init; } = string.Empty;

    /// <summary>Codes the build silences (<c>NoWarn</c>).</summary>
    public IReadOnlyList<string> SuppressedCodes { get; init; } = Array.Empty<string>();

    /// <summary>Codes the build turns into errors (<c>WarningsAsErrors</c>).</summary>
    public IReadOnlyList<string> ErrorCodes { get; init; } = Array.Empty<string>();

    /// <summary>The build treats every warning as an error.</summary>
    public bool TreatWarningsAsErrors { get; init; }

    /// <summary>
    /// Whether <see cref="ErrorCodes"/> is complete. False on an MSBuild worker node (<c>/nodemode:1</c>), whose engine
    /// knows the project's escalations but not the command line's <c>-warnaserror</c>: those are applied later, in the
    /// build's main process (observed on MSBuild 17.8 to 18.0 with <c>MSBUILDNOINPROCNODE=1</c>).
    /// </summary>
    public bool ErrorCodesComplete { get; init; } = true;

    /// <summary>
    /// The key under which a check's findings may be replayed: every property, in declaration order, length-prefixed.
    /// Written by hand, not by a serialiser, so a no-op build loads none; a property added above must be added here.
    /// </summary>
    public string ToReplayKey() => new Caching.ReplayKeyWriter()
        .Add(nameof(RepositoryRoot), RepositoryRoot)
        .Add(nameof(MetaIssueRoots), MetaIssueRoots)
        .Add(nameof(LessonsRoot), LessonsRoot)
        .Add(nameof(MaxFileBytes), MaxFileBytes)
        .Add(nameof(HelpLinkBase), HelpLinkBase)
        .Add(nameof(SarifLog), SarifLog)
        .Add(nameof(OverviewFile), OverviewFile)
        .Add(nameof(SuppressedCodes), SuppressedCodes)
        .Add(nameof(ErrorCodes), ErrorCodes)
        .Add(nameof(TreatWarningsAsErrors), TreatWarningsAsErrors)
        .Add(nameof(ErrorCodesComplete), ErrorCodesComplete)
        .ToString();

    /// <summary>The checker's options for these settings, caching parsed facts in <paramref name="cacheDirectory"/> (null: no cache).</summary>
    public CheckerOptions ToCheckerOptions(string? cacheDirectory) => new(RepositoryRoot)
    {
        MetaIssueRoots = MetaIssueRoots,
        LessonsRoot = LessonsRoot,
        MaxFileBytes = MaxFileBytes,
        CacheDirectory = cacheDirectory,
    };
}
