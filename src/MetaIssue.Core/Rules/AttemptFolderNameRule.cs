using MetaIssue.Diagnostics;
using MetaIssue.Fixes;
using MetaIssue.Model;
using MetaIssue.Conventions;

namespace MetaIssue.Rules;

/// <summary>MI002: attempt folders are named NNN-slug, and attempts/ holds folders, not loose files.</summary>
internal sealed class AttemptFolderNameRule : MetaIssueRule
{
    /// <summary>MI002's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI002", "AttemptFolderName", "An attempt folder is not named NNN-slug",
        "Attempt folders are named with three digits, a hyphen and a slug (003-connection-pooling) so they sort and can be referenced.",
        MessageFormat: "{0}; {1}");

    public override RuleDescriptor Descriptor => Definition;

    protected override void Check(MetaIssueFolder issue, CheckContext context, RuleSink report)
    {
        foreach (var attempt in issue.Attempts.Where(a => !a.IsWellNamed))
        {
            var name = Suggest(issue, attempt);
            var fix = attempt.IntendedNumber is null || name.EndsWith("-name", StringComparison.Ordinal)
                ? null
                : new Fix($"Rename '{attempt.Name}' to '{name}'", FixApplicability.Review,
                    new FileChange[] { FolderRenames.Rename(attempt.FullPath, Path.Combine(Path.GetDirectoryName(attempt.FullPath)!, name), context) });
            RuleFixes.Report(report, attempt.FullPath, null, fix, context,
                $"attempt folder '{attempt.Name}' is not named NNN-slug (three digits, a hyphen, a name)", $"rename it to '{name}'");
        }

        foreach (var problem in issue.MisplacedEntries)
        {
            report.At(problem.FullPath, null,
                $"'{Path.GetFileName(problem.FullPath)}' {problem.Message}", $"make it a folder named NNN-slug holding solution-approach.md and attempt-results.md");
        }
    }

    /// <summary>The intended number and a slug: the rest of the name, else the one the references agree on, else "name".</summary>
    private static string Suggest(MetaIssueFolder issue, AttemptFolder attempt)
    {
        var number = attempt.IntendedNumber is int n ? AttemptReferences.Format(n) : "NNN";
        var fromReferences = attempt.IntendedNumber is int m && issue.ReferencedWithoutFolder.TryGetValue(m, out var references)
            ? AttemptReferenceIndex.AgreedSlug(references)
            : null;
        return number + "-" + (attempt.IntendedSlug ?? fromReferences ?? "name");
    }
}
