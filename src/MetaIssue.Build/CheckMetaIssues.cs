using System.Runtime.CompilerServices;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace MetaIssue.Build;

/// <summary>
/// Runs the meta-issue checker and logs each finding as a coded warning with file, position and help link.
/// It never fails the build by itself and never writes into the docs: at worst it logs one MI900 warning.
/// Cancellable: Ctrl+C (MSBuild's <see cref="ICancelableTask.Cancel"/>) stops a long check at its next file or rule.
/// </summary>
public sealed class CheckMetaIssues : MetaIssueTask, ICancelableTask
{
    private readonly CancellationTokenSource cancellation = new();

    /// <summary>
    /// Base URL of the rule pages; each warning links to <c>{base}/MIxxx.md</c>. Empty: the pages of the release this
    /// task belongs to (<see cref="DefaultHelpLinkBase"/>), so an old package never links to newer rule text.
    /// </summary>
    public string HelpLinkBase { get; set; } = string.Empty;

    /// <summary>Where parsed files are cached between builds; empty to parse everything every build.</summary>
    public string CacheDirectory { get; set; } = string.Empty;

    /// <summary>When set, a SARIF 2.1.0 log of the check is written there (relative paths: to the repository root).</summary>
    public string SarifLog { get; set; } = string.Empty;

    /// <summary>The status overview file, relative to the repository root (default: README.md of the first meta-issue root).</summary>
    public string OverviewFile { get; set; } = string.Empty;

    /// <summary>Write the overview between its markers (dotnet build -t:MetaIssueOverview); otherwise only say when it is stale.</summary>
    public bool WriteOverview { get; set; }

    /// <summary><c>;</c>-separated codes silenced with NoWarn (left out of the SARIF log too).</summary>
    public string SuppressedCodes { get; set; } = string.Empty;

    /// <summary><c>;</c>-separated codes escalated with WarningsAsErrors (SARIF level "error").</summary>
    public string ErrorCodes { get; set; } = string.Empty;

    /// <summary><c>;</c>-separated codes exempted with WarningsNotAsErrors from a treat-all-as-errors setting.</summary>
    public string NotErrorCodes { get; set; } = string.Empty;

    /// <summary>
    /// Log end line and column too. Off by default: MSBuild then prints <c>file(line,col,endLine,endCol)</c>, which
    /// the problem matcher of actions/setup-dotnet (and so GitHub's inline annotations) does not recognise; the
    /// SARIF log keeps full ranges either way.
    /// </summary>
    public bool WarningEndPositions { get; set; }

    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>Importance of the one-per-build summary message: high, normal or low.</summary>
    public string SummaryImportance { get; set; } = "high";

    [Output]
    public int WarningCount { get; set; }

    /// <summary>The rule pages of this release: <c>https://github.com/metaissue/MetaIssue/blob/v{version}/docs/rules</c>.</summary>
    public static string DefaultHelpLinkBase { get; } = HelpLinks.ForRelease(typeof(CheckMetaIssues).Assembly);

    internal string EffectiveHelpLinkBase => string.IsNullOrWhiteSpace(HelpLinkBase) ? DefaultHelpLinkBase : HelpLinkBase.Trim();

    internal CancellationToken CancellationToken => cancellation.Token;

    /// <summary>Called by MSBuild on another thread when the build is cancelled.</summary>
    public void Cancel() => cancellation.Cancel();

    public override bool Execute()
    {
        try
        {
            Run();
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Log.LogMessage(MessageImportance.High, "MetaIssue: the check was cancelled.");
            return false;
        }
        catch (Exception exception)
        {
            // Also catches a MetaIssue.Core or Markdig that cannot load: Run() is not inlined, so the failure to
            // load it surfaces here, inside the try, rather than as MSB4018 before Execute even starts.
            Log.LogWarning(
                subcategory: null,
                warningCode: "MI900",
                helpKeyword: null,
                helpLink: HelpLink("MI900"),
                file: BuildEngine?.ProjectFileOfTaskNode ?? string.Empty,
                lineNumber: 0,
                columnNumber: 0,
                endLineNumber: 0,
                endColumnNumber: 0,
                message: $"the meta-issue check could not run ({exception.GetType().Name}: {exception.Message.Replace(Environment.NewLine, " ")}); the build goes on without it",
                messageArgs: Array.Empty<object>());
        }

        return !Log.HasLoggedErrors;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Run()
    {
        var report = CheckRunner.Run(this);
        if (report.ReplayedFrom is { } replayedFrom)
        {
            Log.LogMessage(MessageImportance.Low, $"MetaIssue: nothing the check reads has changed since the last build; showing its findings again ({replayedFrom}).");
        }

        foreach (var warning in report.Warnings)
        {
            var ranged = WarningEndPositions && warning.EndLine > 0;
            Log.LogWarning(
                subcategory: null,
                warningCode: warning.Code,
                helpKeyword: null,
                helpLink: warning.HelpLink,
                file: warning.FilePath,
                lineNumber: warning.Line,
                columnNumber: warning.Column,
                endLineNumber: ranged ? warning.EndLine : 0,
                endColumnNumber: ranged ? warning.EndColumn : 0,
                message: warning.Message,
                messageArgs: Array.Empty<object>());
        }

        WarningCount = report.Warnings.Count;
        Log.LogMessage(Importance(), report.Summary);
        if (report.SarifProblem is { } problem)
        {
            Log.LogWarning(null, "MI900", null, RuleHelpLink("MI900"), CheckRunner.SarifPath(RepositoryRoot, SarifLog), 0, 0, 0, 0, problem, Array.Empty<object>());
        }

        if (report.OverviewError is { } overviewError)
        {
            // The user asked for the overview: not writing it is a failed command, not a docs finding.
            Log.LogError(null, "MI910", null, RuleHelpLink("MI910"), report.OverviewPath, 0, 0, 0, 0, overviewError, Array.Empty<object>());
        }
        else if (report.OverviewMessage is { } overviewMessage)
        {
            Log.LogMessage(Importance(), overviewMessage);
        }
    }

    private MessageImportance Importance() => SummaryImportance.Trim().ToLowerInvariant() switch
    {
        "low" => MessageImportance.Low,
        "normal" => MessageImportance.Normal,
        _ => MessageImportance.High,
    };

    /// <summary>The help link as the rule's descriptor gives it; called only once MetaIssue.Core has loaded.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private string RuleHelpLink(string code) => Rules.RuleCatalog.Find(code)?.HelpLink(EffectiveHelpLinkBase) ?? HelpLink(code);

    /// <summary>The help link built without MetaIssue.Core, for when it could not load.</summary>
    private string HelpLink(string code) => EffectiveHelpLinkBase.TrimEnd('/') + "/" + code + ".md";
}
