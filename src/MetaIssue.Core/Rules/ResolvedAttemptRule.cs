using MetaIssue.Diagnostics;
using MetaIssue.Markdown;
using MetaIssue.Model;
using MetaIssue.Conventions;

namespace MetaIssue.Rules;

/// <summary>
/// MI011: a Resolved README names the attempt that resolved it (in the status, else in its Resolution section),
/// and that attempt exists and succeeded.
/// </summary>
internal sealed class ResolvedAttemptRule : MetaIssueRule
{
    /// <summary>MI011's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI011", "ResolvedAttempt", "A resolved README does not name a successful attempt",
        "A README that says Resolved names the attempt that resolved it, which exists and succeeded.",
        MessageFormat: "{0}; {1}");

    public override RuleDescriptor Descriptor => Definition;

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        if (issue.Status is not { State: StatusState.Resolved } status || issue.Readme?.Facts is not { } facts || issue.StatusField is not { } field)
        {
            return;
        }

        var readme = issue.Readme.FullPath;
        var named = status.NamedAttempt ?? NamedInResolutionSection(issue, facts);
        var succeeded = issue.NumberedAttempts.LastOrDefault(a => a.Outcome == AttemptOutcome.Success);
        if (named is not int number)
        {
            var suggestion = succeeded?.Number ?? issue.LatestAttempt?.Number;
            var write = suggestion is int s ? $"'**Status:** Resolved (Attempt {AttemptReferences.Format(s)})'" : "'**Status:** Resolved (Attempt NNN)'";
            report.At(readme, field.ValueRange, $"README says Resolved but names no attempt", $"write {write}");
            return;
        }

        var label = AttemptReferences.Format(number);
        var attempt = issue.NumberedAttempts.FirstOrDefault(a => a.Number == number);
        if (attempt is null && issue.IsMissingAttemptReported(number))
        {
            return; // MI002 (a misnamed folder) or MI003 (referred to, no folder) already says so
        }

        if (attempt is null)
        {
            var hint = succeeded?.Number is int s ? $"; attempt {AttemptReferences.Format(s)} is the one that succeeded" : string.Empty;
            report.At(readme, field.ValueRange,
                $"README says Resolved by attempt {label}, but there is no attempts/{label}-* folder{hint}", $"fix the number or add the attempt");
            return;
        }

        if (attempt.Outcome != AttemptOutcome.Success)
        {
            var recorded = attempt.AttemptResults is null
                ? $"{attempt.RelativePath} has no {AttemptFolder.AttemptResultsFile}"
                : attempt.Outcome == AttemptOutcome.Unknown
                    ? $"{attempt.RelativePath}/{AttemptFolder.AttemptResultsFile} records no outcome"
                    : $"{attempt.RelativePath}/{AttemptFolder.AttemptResultsFile} records '{attempt.Outcome.DisplayName()}'";
            report.At(readme, field.ValueRange,
                $"README says Resolved by attempt {label}, but {recorded}", $"name the attempt that succeeded or record its success (**Status:** ✅ Success)");
        }
    }

    /// <summary>
    /// The attempt the Resolution section names: a successful one if it mentions any ("001 failed, 003 met every
    /// target" names 003), else the first it mentions.
    /// </summary>
    private static int? NamedInResolutionSection(MetaIssueFolder issue, MarkdownFacts facts)
    {
        var section = facts.Headings.ToList().FindIndex(h => h.Text.IndexOf("resolution", StringComparison.OrdinalIgnoreCase) >= 0);
        if (section < 0)
        {
            return null;
        }

        var mentioned = facts.AttemptMentions.Where(m => facts.SectionOf(m.Range.Line) == section).Select(m => m.Number).ToList();
        var successful = issue.NumberedAttempts.Where(a => a.Outcome == AttemptOutcome.Success).Select(a => a.Number!.Value);
        return mentioned.Intersect(successful).Cast<int?>().FirstOrDefault() ?? mentioned.Cast<int?>().FirstOrDefault();
    }
}
