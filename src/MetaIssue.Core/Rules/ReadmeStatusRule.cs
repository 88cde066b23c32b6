using MetaIssue.Diagnostics;
using MetaIssue.Model;
using MetaIssue.Conventions;

namespace MetaIssue.Rules;

/// <summary>MI010: the README has a status field with a recognised value.</summary>
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
                $"README.md has no status", $"add a line '**Status:** Investigating' (accepted: {StatusVocabulary.AcceptedValues})");
            return;
        }

        if (issue.Status is null)
        {
            report.At(readme.FullPath, field.ValueRange,
                $"status {LeadingWords.Quote(field.Value)} is not recognised", $"use one of: {StatusVocabulary.AcceptedValues}");
        }
    }
}
