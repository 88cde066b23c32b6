using Task = Microsoft.Build.Utilities.Task;

namespace MetaIssue.Build;

/// <summary>
/// What the check and the fix tasks share: the repository and the folders they read, as MSBuild passes them (strings,
/// <c>;</c>- or <c>,</c>-separated lists), and the one translation of those into <see cref="CheckSettings"/>.
/// </summary>
public abstract class MetaIssueTask : Task
{
    /// <summary>The folder that repository-relative paths (roots, lessons, links starting with /) are relative to.</summary>
    [Microsoft.Build.Framework.Required]
    public string RepositoryRoot { get; set; } = string.Empty;

    /// <summary><c>;</c>-separated meta-issue roots, relative to <see cref="RepositoryRoot"/>.</summary>
    public string Roots { get; set; } = "docs/meta-issues";

    public string LessonsRoot { get; set; } = "docs/lessons-learned";

    /// <summary>Largest Markdown file read, in bytes (0: the default); larger files are reported (MI900) instead.</summary>
    public long MaxFileSize { get; set; }

    /// <summary>The repository, roots, lessons folder and size cap as settings; empty values take the defaults.</summary>
    internal CheckSettings ScopeSettings() => new(RepositoryRoot)
    {
        MetaIssueRoots = Split(Roots) is { Count: > 0 } roots ? roots : new[] { CheckerOptions.DefaultMetaIssueRoot },
        LessonsRoot = string.IsNullOrWhiteSpace(LessonsRoot) ? CheckerOptions.DefaultLessonsRoot : LessonsRoot.Trim(),
        MaxFileBytes = MaxFileSize > 0 ? MaxFileSize : CheckerOptions.DefaultMaxFileBytes,
    };

    /// <summary>An MSBuild list property's values: split on <c>;</c> and <c>,</c>, trimmed, empty ones dropped.</summary>
    internal static IReadOnlyList<string> Split(string values) =>
        values.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
}
