using MetaIssue.Diagnostics;
using MetaIssue.Model;
using MetaIssue.Vocabulary;

namespace MetaIssue.Rules;

/// <summary>MI005: an attempt that is over (a later attempt exists, or the meta-issue is closed) has an attempt-results.md.</summary>
public sealed class MissingAttemptResultsRule : MetaIssueRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.MissingAttemptResults;

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        var latest = issue.LatestAttempt?.Number ?? 0;
        foreach (var attempt in issue.Attempts.Where(a => a.AttemptResults is null))
        {
            string? why = null;
            if (attempt.Number is int number && number < latest)
            {
                why = $"attempt {AttemptReferences.Format(latest)} has started";
            }
            else if (issue.Status is { IsClosed: true } status)
            {
                why = $"the meta-issue is {status.Name}";
            }

            if (why is not null)
            {
                report.At(attempt.FullPath, null,
                    $"{attempt.Label} has no {AttemptFolder.AttemptResultsFile} although {why}; record what happened and its outcome (**Status:** ✅ Success, ❌ Failed, ⚠️ Partial or Abandoned)");
            }
        }
    }
}
