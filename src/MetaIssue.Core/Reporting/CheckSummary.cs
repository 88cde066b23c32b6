using System.Text;
using MetaIssue.Model;
using MetaIssue.Conventions;
using MetaIssue.Text;

namespace MetaIssue.Reporting;

/// <summary>
/// The one message a build prints about the docs: how many meta-issues in which state, how many warnings, and for
/// every open meta-issue the exact command that scaffolds its next attempt (so nobody counts folders).
/// </summary>
public static class CheckSummary
{
    /// <param name="silencedCodes">Codes shown as messages (NoWarn): counted apart, not as warnings.</param>
    /// <param name="errorCodes">Codes the build logs as errors (WarningsAsErrors and the like): counted as errors.</param>
    /// <param name="errorCodesComplete">
    /// False when the build may escalate more codes than <paramref name="errorCodes"/> says (a check on an MSBuild
    /// worker node cannot see <c>-warnaserror</c>): the shown findings are then counted without telling warnings from
    /// errors, so the summary never contradicts the build.
    /// </param>
    public static string Describe(CheckResult result, ICollection<string>? silencedCodes = null, ICollection<string>? errorCodes = null, bool errorCodesComplete = true)
    {
        var tree = result.Tree;
        var builder = new StringBuilder();
        var states = tree.MetaIssues
            .GroupBy(m => m.Status?.Name ?? "without a recognised status")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key}");
        var issues = tree.MetaIssues.Count == 1 ? "meta-issue" : "meta-issues";
        var lessons = tree.Lessons.Count == 1 ? "lesson" : "lessons";
        var silenced = silencedCodes is null ? 0 : result.Diagnostics.Count(d => silencedCodes.Contains(d.Code));
        var errors = errorCodes is null ? 0 : result.Diagnostics.Count(d => errorCodes.Contains(d.Code) && silencedCodes?.Contains(d.Code) != true);
        var shown = result.Diagnostics.Count - silenced - errors;
        var warnings = shown == 1 ? "warning" : "warnings";
        builder.Append($"MetaIssue: {tree.MetaIssues.Count} {issues}");
        if (tree.MetaIssues.Count > 0)
        {
            builder.Append(" (").Append(string.Join(", ", states)).Append(')');
        }

        builder.Append($" and {tree.Lessons.Count} {lessons} checked, ");
        if (!errorCodesComplete && shown + errors > 0)
        {
            builder.Append(Count(shown + errors, "finding"));
        }
        else
        {
            builder.Append($"{shown} {warnings}");
        }

        if (errors > 0 && errorCodesComplete)
        {
            builder.Append(errors == 1 ? " and 1 error" : $" and {errors} errors");
        }

        builder.Append(silenced > 0 ? $" ({silenced} more silenced by NoWarn)." : ".");
        if (tree.MetaIssues.Count == 0)
        {
            builder.Append(" No meta-issue folders under ")
                .Append(string.Join(", ", tree.MetaIssueRoots.Count > 0 ? tree.MetaIssueRoots.Select(r => IO.PathText.FromRoot(tree.RepositoryRoot, r)) : new[] { "the configured roots (MetaIssueRoots)" }))
                .Append("; create one with: dotnet new metaissue -n <name>");
        }

        foreach (var issue in tree.MetaIssues.Where(m => m.Status is { IsOpen: true }))
        {
            builder.AppendLine();
            builder.Append($"  {issue.Name} ({issue.Status!.Name}, {Count(issue.Attempts.Count, "attempt")}): ");
            if (issue.LatestAttempt is { Outcome: AttemptOutcome.Success, Number: int number })
            {
                // The saga is over but the README does not say so yet: a next attempt is the wrong advice.
                builder.Append($"attempt {AttemptReferences.Format(number)} succeeded: set '**Status:** Resolved (Attempt {AttemptReferences.Format(number)})' in {issue.RelativePath}/README.md");
            }
            else
            {
                builder.Append("next attempt: ").Append(NextAttemptCommand(issue));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The command that scaffolds the meta-issue's next attempt, runnable from the repository root. Outside the
    /// default root the template is run inside the meta-issue's folder, with --issue naming it. Paths and names are
    /// shell-quoted (<see cref="ShellQuote"/>); <c>&lt;slug&gt;</c> is the one word left for the reader to replace.
    /// </summary>
    public static string NextAttemptCommand(MetaIssueFolder issue)
    {
        var number = AttemptReferences.Format(issue.NextAttemptNumber);
        var name = ShellQuote.Word(issue.Name);
        return issue.RootRelativePath == CheckerOptions.DefaultMetaIssueRoot
            ? $"dotnet new metaattempt -n <slug> --number {number} --issue {name}"
            : $"cd {ShellQuote.Word(issue.RelativePath)} && dotnet new metaattempt -n <slug> --number {number} --issue {name}";
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
