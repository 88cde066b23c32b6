using System.Globalization;
using System.Text.RegularExpressions;
using MetaIssue.Markdown;
using MetaIssue.Model;

namespace MetaIssue.Reporting;

/// <summary>
/// When an attempt ran, read from the dates people write: <c>**Date:** 2024-09-01 to 2024-09-07</c> in its
/// implementation-log section and in its own files, and dated lines of its log section (<c>**2024-10-05:** …</c>).
/// </summary>
public static class AttemptDates
{
    private static readonly Regex IsoDate = new(@"\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b", RegexOptions.CultureInvariant);

    private static readonly string[] DateFields = { "date", "dates", "started", "start", "ended", "end", "completed", "finished", "created" };

    /// <summary>The first and last date recorded for an attempt, or null when none is written down.</summary>
    public static (DateTime Start, DateTime End)? Of(MetaIssueFolder issue, AttemptFolder attempt)
    {
        var dates = new List<DateTime>();
        if (attempt.Number is int number && issue.ImplementationLog?.Facts is { } log)
        {
            var found = log.AttemptMentions.Where(m => m.Kind == MentionKind.Heading && m.Number == number).Select(m => (AttemptMention?)m).FirstOrDefault();
            if (found is { } heading)
            {
                var section = log.SectionOf(heading.Range.Line);
                var next = section + 1 < log.Headings.Count ? log.Headings[section + 1].Range.Line : int.MaxValue;
                foreach (var field in log.Fields.Where(f => f.ValueRange.Line > heading.Range.Line && f.ValueRange.Line < next))
                {
                    if (IsDateField(field.Name))
                    {
                        dates.AddRange(Parse(field.Value));
                    }
                    else
                    {
                        dates.AddRange(Parse(field.Name)); // "**2024-10-05:** pool configured"
                    }
                }
            }
        }

        foreach (var facts in new[] { attempt.SolutionApproach?.Facts, attempt.AttemptResults?.Facts })
        {
            foreach (var field in facts?.Fields.Where(f => IsDateField(f.Name)) ?? Enumerable.Empty<FieldFact>())
            {
                dates.AddRange(Parse(field.Value));
            }
        }

        return dates.Count == 0 ? null : (dates.Min(), dates.Max());
    }

    /// <summary>The newest date written anywhere in the meta-issue's fields: its last recorded activity.</summary>
    public static DateTime? LastActivity(MetaIssueFolder issue) =>
        issue.Documents
            .Where(d => d.Facts is not null)
            .SelectMany(d => d.Facts!.Fields)
            .SelectMany(f => Parse(f.Name + " " + f.Value))
            .Select(d => (DateTime?)d)
            .DefaultIfEmpty(null)
            .Max();

    public static DateTime? Created(MetaIssueFolder issue) =>
        issue.Readme?.Facts?.FindField("Created", "Opened", "Started") is { } field ? Parse(field.Value).Select(d => (DateTime?)d).FirstOrDefault() : null;

    public static string Format(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool IsDateField(string name) => DateFields.Contains(name.Trim().ToLowerInvariant());

    private static IEnumerable<DateTime> Parse(string text)
    {
        foreach (Match match in IsoDate.Matches(text))
        {
            if (DateTime.TryParseExact(match.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                yield return date;
            }
        }
    }
}
