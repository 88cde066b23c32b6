using MetaIssue.Diagnostics;
using MetaIssue.Edits;
using MetaIssue.Fixes;
using MetaIssue.Markdown;
using MetaIssue.Model;
using MetaIssue.Conventions;

namespace MetaIssue.Rules;

/// <summary>
/// MI010: the README has a status field with a recognised value. The suggestion comes from what the checker knows:
/// the word the user meant (<see cref="StatusVocabulary.Suggest"/>), with the successful attempt for Resolved.
/// </summary>
internal sealed class ReadmeStatusRule : MetaIssueRule
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

        var derived = Derived(issue);
        if (issue.StatusField is not { } field)
        {
            RuleFixes.Report(report, readme.FullPath, Where.Title(readme), Missing(readme, derived), context,
                $"README.md has no status", $"add a line '**Status:** {Written(issue, Computed(issue))}' (accepted: {StatusVocabulary.AcceptedValues})");
            return;
        }

        if (issue.Status is null)
        {
            var meant = StatusVocabulary.Suggest(field.Value, issue.Words);
            var accepted = $"{StatusVocabulary.AcceptedValues}; a team adds its own words in .metaissue.json";
            var advice = meant is { } state ? $"did you mean '{Written(issue, state)}'? (accepted: {accepted})" : $"use one of: {accepted}";
            // Someone wrote this value: replacing it (with the word they meant, else the derived status) is proposed
            // for review, never applied by default.
            var value = meant is { } intended ? Written(issue, intended) : derived;
            var fix = !value.Contains("NNN") && RuleFixes.ValueRange(field) is { } range
                ? RuleFixes.Review($"Set the status to {value}", RuleFixes.Replace(readme.FullPath, range, RuleFixes.FieldValue(field, value)))
                : null;
            // With a fix the advice is rendered from it; the did-you-mean (or the accepted values) stays in the message.
            var what = fix is null ? $"status {LeadingWords.Quote(field.Value)} is not a status word of the method"
                : meant is not null ? $"status {LeadingWords.Quote(field.Value)} is not a status word of the method; did you mean '{value}'?"
                : $"status {LeadingWords.Quote(field.Value)} is not a status word of the method (accepted: {accepted})";
            RuleFixes.Report(report, readme.FullPath, field.ValueRange, fix, context, what, advice);
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

    /// <summary>The status the recorded outcomes give: Resolved by the latest attempt when it succeeded, else Investigating.</summary>
    private static string Derived(MetaIssueFolder issue) =>
        issue.LatestAttempt is { Outcome: AttemptOutcome.Success, Number: int number }
            ? IssueEdits.StatusText(StatusState.Resolved, number, null, null)
            : "Investigating";

    /// <summary>
    /// A status line where the README keeps its fields: a <c>status:</c> key in its front matter when it has one,
    /// else a <c>**Status:**</c> paragraph after the title (or at the top).
    /// </summary>
    private static Fix? Missing(DocumentFile readme, string value)
    {
        var facts = readme.Facts!;
        var frontMatter = facts.Fields.Any(f => f.Origin == FieldOrigin.FrontMatter);
        var title = facts.Title?.Range;
        var edit = frontMatter
            ? RuleFixes.Insert(readme.FullPath, file => file.LineCount > 1 ? file.LineStart(1) : -1, "status: \"" + value + "\"\n")
            : title is { } heading
                ? RuleFixes.Insert(readme.FullPath, file => heading.EndLine < file.LineCount ? file.LineStart(heading.EndLine) : -1, "\n**Status:** " + value + "\n")
                : RuleFixes.Insert(readme.FullPath, _ => 0, "**Status:** " + value + "\n\n");
        return RuleFixes.Safe($"Add the status {value}", edit);
    }
}
