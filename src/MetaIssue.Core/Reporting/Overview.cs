using System.Text;
using MetaIssue.IO;
using MetaIssue.Model;
using MetaIssue.Conventions;

namespace MetaIssue.Reporting;

/// <summary>
/// The status overview of every meta-issue: a table (title, status, attempts by outcome, created, last activity,
/// lesson, open warnings) and a Mermaid gantt chart of the attempts coloured by outcome, which GitHub renders as a
/// picture. The content depends only on the docs, never on the clock, so an unchanged tree gives an unchanged file.
/// </summary>
public static class Overview
{
    /// <summary>The overview Markdown for <paramref name="result"/>: the table and the gantt chart, with links relative to the
    /// folder of <paramref name="overviewPath"/> (a file path; it is not read or written). Pure: the same result gives the
    /// same text, so it may be called from any thread.</summary>
    public static string Render(CheckResult result, string overviewPath)
    {
        var tree = result.Tree;
        var folder = Path.GetDirectoryName(Path.GetFullPath(overviewPath)) ?? tree.RepositoryRoot;
        var builder = new StringBuilder();

        var warningsByIssue = result.Diagnostics
            .Select(d => result.Tree.MetaIssueContaining(d.FilePath))
            .Where(issue => issue is not null)
            .GroupBy(issue => issue!)
            .ToDictionary(g => g.Key, g => g.Count());
        builder.AppendLine("| Meta-issue | Status | Attempts | Created | Last activity | Lesson | Warnings |");
        builder.AppendLine("|------------|--------|----------|---------|---------------|--------|----------|");
        foreach (var issue in tree.MetaIssues)
        {
            var title = Escape(issue.Title);
            var link = PathText.RelativeLink(folder, issue.Readme?.FullPath ?? issue.FullPath);
            var lesson = result.Links.LessonsLinkingTo(issue).FirstOrDefault();
            var lessonCell = lesson is not null
                ? $"[{Escape(lesson.Facts?.Title?.Text ?? lesson.FileName)}]({PathText.RelativeLink(folder, lesson.FullPath)})"
                : issue.IsClosed ? "⚠️ missing" : "—";
            var warnings = warningsByIssue.TryGetValue(issue, out var count) ? count : 0;
            builder.Append($"| [{title}]({link}) | {StatusCell(issue)} | {AttemptsCell(issue)} | ")
                .Append($"{Date(AttemptDates.Created(issue))} | {Date(AttemptDates.LastActivity(issue))} | {lessonCell} | {warnings} |")
                .AppendLine();
        }

        builder.AppendLine();
        AppendChart(builder, tree);
        return builder.ToString();
    }

    private static void AppendChart(StringBuilder builder, DocsTree tree)
    {
        var sections = tree.MetaIssues
            .Select(issue => (Issue: issue, Bars: issue.NumberedAttempts.Select(a => (Attempt: a, Dates: AttemptDates.Of(issue, a))).Where(b => b.Dates is not null).ToList()))
            .Where(s => s.Bars.Count > 0)
            .ToList();
        if (sections.Count == 0)
        {
            builder.AppendLine("_No attempt has dates yet: write `**Date:** YYYY-MM-DD to YYYY-MM-DD` in its implementation-log section to see it on a timeline._");
            return;
        }

        // Colours: success green (done), failure red (crit), partial amber (active), in progress blue (plain).
        builder.AppendLine("```mermaid");
        builder.AppendLine("%%{init: {'theme': 'base', 'themeVariables': {'doneTaskBkgColor': '#2da44e', 'doneTaskBorderColor': '#1a7f37', 'critBkgColor': '#cf222e', 'critBorderColor': '#a40e26', 'activeTaskBkgColor': '#d4a72c', 'activeTaskBorderColor': '#9a6700', 'taskBkgColor': '#0969da', 'taskBorderColor': '#0550ae'}}}%%");
        builder.AppendLine("gantt");
        builder.AppendLine("    title Attempts by outcome (✅ success, ❌ failed, ⚠️ partial, 🔄 in progress)");
        builder.AppendLine("    dateFormat YYYY-MM-DD");
        builder.AppendLine("    axisFormat %b %d");
        foreach (var (issue, bars) in sections)
        {
            builder.AppendLine($"    section {ChartText(issue.Title)}");
            foreach (var (attempt, dates) in bars)
            {
                var (start, end) = dates!.Value;
                var tag = attempt.Outcome switch
                {
                    AttemptOutcome.Success => "done, ",
                    AttemptOutcome.Failure => "crit, ",
                    AttemptOutcome.Partial => "active, ",
                    _ => string.Empty,
                };
                var label = $"{Symbol(attempt.Outcome)} {AttemptReferences.Format(attempt.Number!.Value)} {Titles.FromSlug(attempt.Slug!)}";
                var finish = end > start ? AttemptDates.Format(end.AddDays(1)) : "1d";
                builder.AppendLine($"    {ChartText(label)} :{tag}{AttemptDates.Format(start)}, {finish}");
            }
        }

        builder.AppendLine("```");
    }

    private static string StatusCell(MetaIssueFolder issue) => issue.Status is { } status
        ? (status.IsClosed ? "✅ " : "🔄 ") + status.Name + (status.NamedAttempt is int n ? $" (Attempt {AttemptReferences.Format(n)})" : string.Empty)
        : "⚠️ no status";

    private static string AttemptsCell(MetaIssueFolder issue)
    {
        var attempts = issue.NumberedAttempts.ToList();
        if (attempts.Count == 0)
        {
            return "0";
        }

        var parts = attempts.GroupBy(a => a.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Symbol(g.Key)}");
        return $"{attempts.Count} ({string.Join(", ", parts)})";
    }

    private static string Symbol(AttemptOutcome outcome) => outcome switch
    {
        AttemptOutcome.Success => "✅",
        AttemptOutcome.Failure => "❌",
        AttemptOutcome.Partial => "⚠️",
        AttemptOutcome.Abandoned => "⏹️",
        AttemptOutcome.InProgress => "🔄",
        _ => "❔",
    };

    private static string Date(DateTime? date) => date is { } d ? AttemptDates.Format(d) : "—";

    private static string Escape(string text) => text.Replace("|", "\\|").Replace("[", "\\[").Replace("]", "\\]");

    /// <summary>Mermaid gantt text: ':' and '#' and ';' end or break a task name.</summary>
    private static string ChartText(string text) => text.Replace(":", " ").Replace("#", " ").Replace(";", ",").Trim();
}
