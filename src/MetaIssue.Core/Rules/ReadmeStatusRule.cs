using MetaIssue.Diagnostics;
using MetaIssue.Model;
using MetaIssue.Conventions;

namespace MetaIssue.Rules;

/// <summary>
/// MI010: the README has a status field with a recognised value. The suggestion comes from what the checker knows:
/// the word the user meant (<see cref="StatusVocabulary.Suggest"/>), with the successful attempt for Resolved.
/// </summary>
public sealed class ReadmeStatusRule : MetaIssueRule
{
    /// <summary>MI010's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI010", "ReadmeStatus", "The README has no recognised status",
        "The README states the meta-issue's status with a recognised value, e.g. **Status:** Investigating.",
        MessageFormat: "{0}; {1}");

    public override RuleDescriptor Descriptor => Definition;

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        if (issue.Readme is not { Facts: not null } readme)
        {
            return; // MI001 or MI900 already says why
        }

        if (issue.StatusField is not { } field)
        {
            report.At(readme.FullPath, Where.Title(readme),
                $"README.md has no status", $"add a line '**Status:** {Written(issue, Computed(issue))}' (accepted: {StatusVocabulary.AcceptedValues})");
            return;
        }

        if (issue.Status is null)
        {
            var meant = StatusVocabulary.Suggest(field.Value, issue.Words);
            var accepted = $"{StatusVocabulary.AcceptedValues}; a team adds its own words in .metaissue.json";
            var advice = meant is { } state ? $"did you mean '{Written(issue, state)}'? (accepted: {accepted})" : $"use one of: {accepted}";
            report.At(readme.FullPath, field.ValueRange,
                $"status {LeadingWords.Quote(field.Value)} is not a status word of the method", advice);
        }
    }

    /// <summary>The status the checker can tell from the attempts: Resolved by the latest attempt when it succeeded, else Investigating.</summary>
    private static StatusState Computed(MetaIssueFolder issue) =>
        issue.LatestAttempt?.Outcome == AttemptOutcome.Success ? StatusState.Resolved : StatusState.Investigating;

    /// <summary>A state as the README writes it: Resolved names the successful attempt when the checker knows it.</summary>
    private static string Written(MetaIssueFolder issue, StatusState state)
    {
        if (state != StatusState.Resolved)
        {
            return StatusVocabulary.DisplayName(state);
        }

        var succeeded = issue.NumberedAttempts.LastOrDefault(a => a.Outcome == AttemptOutcome.Success)?.Number;
        return $"Resolved (Attempt {(succeeded is int n ? AttemptReferences.Format(n) : "NNN")})";
    }
}
