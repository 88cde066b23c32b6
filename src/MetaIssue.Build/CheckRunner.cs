using System.Runtime.CompilerServices;
using MetaIssue.Caching;

namespace MetaIssue.Build;

/// <summary>The bridge to MetaIssue.Core. Kept apart from the task class so that Core and Markdig load only when called.</summary>
internal static class CheckRunner
{
    public static CheckReport Run(CheckMetaIssues task)
    {
        // A build that writes the overview is a command, not a check: it always looks afresh.
        var cacheDirectory = task.WriteOverview || string.IsNullOrWhiteSpace(task.CacheDirectory) ? null : task.CacheDirectory;
        return (cacheDirectory is null ? null : Replay(task, cacheDirectory)) ?? CheckAfresh(task, cacheDirectory);
    }

    /// <summary>
    /// The last check's report when nothing it read has changed, else null. Its own method, not inlined, so that a
    /// no-op build JIT-compiles and loads only this path: the last-check file, the fingerprint and the settings key,
    /// with no Markdown parser, JSON serialiser, repository configuration or rule type.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static CheckReport? Replay(CheckMetaIssues task, string cacheDirectory)
    {
        CheckSettings? settings = null;
        var last = LastCheckFile.FindReplayable(cacheDirectory, task.RepositoryRoot, codes => ReplayKey(settings = Settings(task, codes)));
        return last is null || settings is null
            ? null
            : new CheckReport(last.Findings, last.Output.Summary, null, OverviewPath(settings), last.Output.OverviewMessage, null)
            {
                ReplayedFrom = Path.Combine(cacheDirectory, LastCheckFile.FileName),
            };
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static CheckReport CheckAfresh(CheckMetaIssues task, string? cacheDirectory)
    {
        var knownCodes = Rules.RuleCatalog.All.Select(r => r.Id).ToList();
        var settings = Settings(task, knownCodes);
        var options = settings.ToCheckerOptions(string.IsNullOrWhiteSpace(task.CacheDirectory) ? null : task.CacheDirectory);
        var overviewPath = OverviewPath(settings);
        var hostKey = ReplayKey(settings);

        // The fingerprint covers the roots the check reads, which .metaissue.json may set. The file is read before the
        // fingerprint looks at it, so an edit in between is newer than the fingerprint (racy: never replayed). The
        // walk lists every folder afresh (the replay decision's walk trusts the listings kept from the last check,
        // which a check must not carry forward), is taken before any file is read (an edit made during the check then
        // shows as a change at the next build), and is what the check reads the tree from.
        var scope = cacheDirectory is null ? null : Scanning.RepositoryConfig.Read(options.RepositoryRoot).Apply(options);
        var treeFingerprint = scope is null ? null : InputFingerprint.OfTree(scope);
        var result = MetaIssueChecker.Check(options, treeFingerprint, task.CancellationToken);
        task.CancellationToken.ThrowIfCancellationRequested();
        var findings = result.Diagnostics.Select(d => LoggedFinding.Of(d, task.EffectiveHelpLinkBase)).ToList();
        var sarifProblem = string.IsNullOrWhiteSpace(settings.SarifLog) ? null : WriteSarif(settings, result);
        var summary = Reporting.CheckSummary.Describe(
            result,
            new HashSet<string>(settings.SuppressedCodes, StringComparer.OrdinalIgnoreCase),
            new HashSet<string>(settings.ErrorCodes, StringComparer.OrdinalIgnoreCase),
            settings.ErrorCodesComplete);
        var (overviewMessage, overviewError) = Overview(task, result, overviewPath);

        // Not kept when a file could not be read for a reason outside it: fixing a permission changes neither its size
        // nor its time (on .NET the fingerprint sees Unix modes, but not Windows ACLs).
        if (scope is not null && treeFingerprint is not null && sarifProblem is null && overviewError is null && !result.Tree.HasProblemsThatMayPass)
        {
            var watched = string.IsNullOrWhiteSpace(settings.SarifLog) ? new[] { overviewPath } : new[] { overviewPath, SarifPath(settings) };
            var last = LastCheck.Of(hostKey, treeFingerprint, scope, knownCodes, result.OutsidePaths.Concat(watched), findings, new ReplayedOutput(summary, overviewMessage));
            LastCheckFile.Write(cacheDirectory!, last);
        }

        return new CheckReport(findings, summary, sarifProblem, overviewPath, overviewMessage, overviewError);
    }

    /// <summary>
    /// The task's properties as the one settings record the checker, SARIF and the overview read.
    /// <paramref name="knownCodes"/>: every rule code, of which the engine is asked which it escalates.
    /// </summary>
    internal static CheckSettings Settings(CheckMetaIssues task, IReadOnlyList<string> knownCodes) => task.ScopeSettings() with
    {
        HelpLinkBase = task.EffectiveHelpLinkBase,
        SarifLog = task.SarifLog,
        OverviewFile = task.OverviewFile,
        SuppressedCodes = Codes(task.SuppressedCodes).OrderBy(c => c, StringComparer.OrdinalIgnoreCase).ToList(),
        ErrorCodes = ErrorCodes(task, knownCodes).OrderBy(c => c, StringComparer.OrdinalIgnoreCase).ToList(),
        TreatWarningsAsErrors = task.TreatWarningsAsErrors,
        ErrorCodesComplete = !OnWorkerNode(),
    };

    /// <summary>
    /// Whether this process is an MSBuild worker node (started with <c>/nodemode:1</c>), where the engine's
    /// <c>ShouldTreatWarningAsError</c> does not know the command line's <c>-warnaserror</c>.
    /// </summary>
    private static bool OnWorkerNode() =>
        Environment.GetCommandLineArgs().Any(a => a.TrimStart('/', '-').Equals("nodemode:1", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The rule codes MSBuild will log as errors in this build: asked of the engine where it can tell (MSBuild 17.0+,
    /// which also knows -warnaserror and -warnnotaserror from the command line), else from the forwarded settings.
    /// Codes logged as messages are never errors (MSBuild's own precedence).
    /// </summary>
    private static IEnumerable<string> ErrorCodes(CheckMetaIssues task, IReadOnlyList<string> knownCodes)
    {
        var silenced = Codes(task.SuppressedCodes);
        var escalated = Codes(task.ErrorCodes);
        var exempted = Codes(task.NotErrorCodes);
        var engine = task.BuildEngine as Microsoft.Build.Framework.IBuildEngine8;
        return knownCodes.Where(code => !silenced.Contains(code) && (engine is not null
            ? engine.ShouldTreatWarningAsError(code)
            : escalated.Contains(code) || (task.TreatWarningsAsErrors && !exempted.Contains(code))));
    }

    /// <summary>Every setting (the record's serialisation), and this build of the task.</summary>
    private static string ReplayKey(CheckSettings settings) =>
        typeof(CheckRunner).Assembly.ManifestModule.ModuleVersionId.ToString("N") + "\n" + settings.ToReplayKey();

    internal static string SarifPath(CheckSettings settings) => SarifPath(settings.RepositoryRoot, settings.SarifLog);

    internal static string SarifPath(string repositoryRoot, string sarifLog) => Path.GetFullPath(Path.Combine(repositoryRoot, sarifLog.Trim()));

    private static string OverviewPath(CheckSettings settings) =>
        Path.GetFullPath(Path.Combine(
            settings.RepositoryRoot,
            string.IsNullOrWhiteSpace(settings.OverviewFile) ? Path.Combine(settings.MetaIssueRoots[0], "README.md") : settings.OverviewFile.Trim()));

    /// <summary>Writes the overview when asked; otherwise says whether the one on disk is stale. Returns (message, error).</summary>
    private static (string? Message, string? Error) Overview(CheckMetaIssues task, CheckResult result, string path)
    {
        var shown = IO.PathText.FromRoot(result.Tree.RepositoryRoot, path);
        try
        {
            if (!task.WriteOverview)
            {
                // Rendered only when there is an overview to compare with: most repositories have none.
                return Reporting.MarkedSection.Read(path) is not null && Reporting.MarkedSection.IsStale(path, Reporting.Overview.Render(result, path))
                    ? ($"MetaIssue: the overview in {shown} is stale; refresh it with: dotnet build -t:MetaIssueOverview", null)
                    : (null, null);
            }

            var content = Reporting.Overview.Render(result, path);
            return Reporting.MarkedSection.Write(path, content, "Meta-Issues") switch
            {
                Reporting.MarkedSectionOutcome.MissingMarkers =>
                    (null, $"{shown} exists but has no overview markers, so nothing was written; {Reporting.MarkedSection.HowToAddMarkers}"),
                Reporting.MarkedSectionOutcome.Created => ($"MetaIssue: wrote the overview to {shown}", null),
                Reporting.MarkedSectionOutcome.Updated => ($"MetaIssue: updated the overview in {shown}", null),
                _ => ($"MetaIssue: the overview in {shown} is up to date", null),
            };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return task.WriteOverview
                ? (null, $"the overview could not be written to {shown} ({exception.GetType().Name}: {exception.Message.Replace(Environment.NewLine, " ")})")
                : (null, null);
        }
    }

    /// <summary>Writes the SARIF log; returns why it could not, or null.</summary>
    private static string? WriteSarif(CheckSettings settings, CheckResult result)
    {
        var path = SarifPath(settings);
        // ErrorCodes are already the codes the build escalates, treat-all and its exemptions included.
        var errors = new HashSet<string>(settings.ErrorCodes, StringComparer.OrdinalIgnoreCase);
        var sarif = new Reporting.SarifSettings
        {
            ToolVersion = typeof(CheckRunner).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            HelpLinkBase = settings.HelpLinkBase,
            Suppressed = new HashSet<string>(settings.SuppressedCodes, StringComparer.OrdinalIgnoreCase),
            Errors = errors,
        };

        try
        {
            Reporting.SarifLog.WriteFile(path, result, sarif);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"the SARIF log could not be written to {path} ({exception.GetType().Name}: {exception.Message.Replace(Environment.NewLine, " ")})";
        }
    }

    private static HashSet<string> Codes(string codes) => new(MetaIssueTask.Split(codes), StringComparer.OrdinalIgnoreCase);

}

internal sealed record CheckReport(
    IReadOnlyList<LoggedFinding> Warnings,
    string Summary,
    string? SarifProblem,
    string OverviewPath,
    string? OverviewMessage,
    string? OverviewError)
{
    /// <summary>The last-check file whose findings were shown again because nothing the check reads had changed.</summary>
    public string? ReplayedFrom { get; init; }
}
