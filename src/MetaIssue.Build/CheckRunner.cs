using MetaIssue.Diagnostics;

namespace MetaIssue.Build;

/// <summary>The bridge to MetaIssue.Core. Kept apart from the task class so that Core and Markdig load only when called.</summary>
internal static class CheckRunner
{
    public static CheckReport Run(CheckMetaIssues task)
    {
        var options = new CheckerOptions(task.RepositoryRoot)
        {
            MetaIssueRoots = Split(task.Roots),
            LessonsRoot = string.IsNullOrWhiteSpace(task.LessonsRoot) ? CheckerOptions.DefaultLessonsRoot : task.LessonsRoot,
            MaxFileBytes = task.MaxFileSize > 0 ? task.MaxFileSize : CheckerOptions.DefaultMaxFileBytes,
            CacheDirectory = string.IsNullOrWhiteSpace(task.CacheDirectory) ? null : task.CacheDirectory,
        };

        var result = MetaIssueChecker.Check(options);
        var warnings = result.Diagnostics.Select(ToWarning).ToList();
        var sarifProblem = string.IsNullOrWhiteSpace(task.SarifLog) ? null : WriteSarif(task, result);
        return new CheckReport(warnings, Reporting.CheckSummary.Describe(result, Codes(task.SuppressedCodes)), sarifProblem);
    }

    /// <summary>Writes the SARIF log; returns why it could not, or null.</summary>
    private static string? WriteSarif(CheckMetaIssues task, CheckResult result)
    {
        var path = Path.Combine(task.RepositoryRoot, task.SarifLog.Trim());
        var suppressed = Codes(task.SuppressedCodes);
        var errors = task.TreatWarningsAsErrors
            ? new HashSet<string>(Diagnostics.RuleCatalog.All.Select(r => r.Id), StringComparer.OrdinalIgnoreCase)
            : Codes(task.ErrorCodes);
        var settings = new Reporting.SarifSettings
        {
            ToolVersion = typeof(CheckRunner).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            HelpLinkBase = task.HelpLinkBase,
            Suppressed = suppressed,
            Errors = errors,
        };

        try
        {
            Reporting.SarifLog.WriteFile(path, result, settings);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"the SARIF log could not be written to {path} ({exception.GetType().Name}: {exception.Message.Replace(Environment.NewLine, " ")})";
        }
    }

    private static HashSet<string> Codes(string codes) =>
        new(codes.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()).Where(c => c.Length > 0), StringComparer.OrdinalIgnoreCase);

    private static IReadOnlyList<string> Split(string roots)
    {
        var list = roots.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(r => r.Trim()).Where(r => r.Length > 0).ToList();
        return list.Count > 0 ? list : new List<string> { CheckerOptions.DefaultMetaIssueRoot };
    }

    private static Warning ToWarning(Diagnostic diagnostic) => diagnostic.Range is { } range
        ? new Warning(diagnostic.Code, diagnostic.FilePath, range.Line, range.Column, range.EndLine, range.EndColumn, diagnostic.Message)
        : new Warning(diagnostic.Code, diagnostic.FilePath, 0, 0, 0, 0, diagnostic.Message);
}

internal sealed record Warning(string Code, string File, int Line, int Column, int EndLine, int EndColumn, string Message);

internal sealed record CheckReport(IReadOnlyList<Warning> Warnings, string Summary, string? SarifProblem);
