using System.Globalization;
using MetaIssue.Conventions;
using MetaIssue.Edits;
using MetaIssue.Fixes;
using MetaIssue.Model;
using MetaIssue.Templates;

namespace MetaIssue.Rules;

/// <summary>
/// Missing files created from the embedded template sources (the files <c>dotnet new</c> writes, one source of
/// truth). A core file of a meta-issue that already has attempts lists those attempts the way the attempt command
/// adds them (timeline rows, log sections, result lines, each with the outcome the attempt records) instead of the
/// template's first attempt, so the new file agrees with the folder at once. The prompts it brings are declared.
/// </summary>
internal static class TemplateFiles
{
    /// <summary>The fix that creates core file <paramref name="fileName"/> of <paramref name="issue"/>; null when the template has no such file.</summary>
    public static Fix? CoreFile(MetaIssueFolder issue, string fileName)
    {
        var attempts = issue.NumberedAttempts.GroupBy(a => a.Number!.Value).Select(g => g.First()).OrderBy(a => a.Number).ToList();
        var first = attempts.FirstOrDefault()?.Slug ?? "baseline";
        var rendered = Render("metaissue", issue.Name, new Dictionary<string, string> { ["first-attempt"] = first }, fileName);
        if (rendered is null)
        {
            return null;
        }

        var lines = rendered.Replace("\r\n", "\n").Split('\n').ToList();
        string Title(AttemptFolder a) => Titles.FromSlug(a.Slug!);
        string Label(AttemptFolder a) => AttemptReferences.Format(a.Number!.Value);
        switch (fileName)
        {
            case MetaIssueFolder.ReadmeFile:
                Splice(lines, l => l.StartsWith("|", StringComparison.Ordinal) && l.Contains("/attempts/"), attempts.Select(a =>
                    AttemptListRule.WithOutcome(TemplateSnippets.TimelineRow(Label(a), a.Slug!, Title(a), AttemptListRule.UnknownDate), a.Outcome)));
                break;
            case MetaIssueFolder.ImplementationLogFile:
                var section = lines.FindIndex(l => l.StartsWith("## Attempt ", StringComparison.Ordinal));
                if (section >= 0)
                {
                    lines.RemoveRange(section, lines.Count - section);
                    lines.AddRange(string.Join("\n", attempts.Select(a =>
                        AttemptListRule.WithOutcome(TemplateSnippets.LogSection(Label(a), Title(a), AttemptListRule.UnknownDate), a.Outcome))).Split('\n'));
                }

                break;
            case MetaIssueFolder.TestCasesFile:
                Splice(lines, l => l.TrimStart().StartsWith("- Attempt ", StringComparison.Ordinal), attempts.Select(a => TemplateSnippets.ResultLine(Label(a))));
                break;
        }

        var content = string.Join("\n", lines).TrimEnd('\n') + "\n";
        return new Fix($"Create {fileName} from the template", FixApplicability.Safe, new FileChange[] { new FileCreation(Path.Combine(issue.FullPath, fileName), content) })
        {
            InsertedPrompts = RuleFixes.Prompts(content),
        };
    }

    /// <summary>The fix that creates <paramref name="fileName"/> of an attempt from the metaattempt template, its status set to <paramref name="outcome"/> when one is known.</summary>
    public static Fix? AttemptFile(MetaIssueFolder issue, AttemptFolder attempt, string fileName, AttemptOutcome outcome = AttemptOutcome.Unknown)
    {
        if (attempt.Number is not int number || attempt.Slug is null)
        {
            return null;
        }

        var parameters = new Dictionary<string, string> { ["number"] = number.ToString(CultureInfo.InvariantCulture), ["issue"] = issue.Name };
        var content = Render("metaattempt", attempt.Slug, parameters, fileName)?.Replace("\r\n", "\n");
        if (content is null)
        {
            return null;
        }

        if (outcome.IsCompleted())
        {
            content = AttemptListRule.WithOutcome(content, outcome);
        }

        return new Fix($"Create {attempt.Name}/{fileName} from the template", FixApplicability.Safe, new FileChange[] { new FileCreation(Path.Combine(attempt.FullPath, fileName), content) })
        {
            InsertedPrompts = RuleFixes.Prompts(content),
        };
    }

    private static string? Render(string template, string name, Dictionary<string, string> parameters, string fileName)
    {
        try
        {
            return TemplateRenderer.Render(template, name, parameters, DateTime.Today)
                .FirstOrDefault(f => f.Path.EndsWith("/" + fileName, StringComparison.Ordinal))?.Content;
        }
        catch (Exception exception) when (exception is InvalidOperationException or FileNotFoundException or ArgumentException)
        {
            return null; // a name the template refuses: the finding keeps its prose advice
        }
    }

    /// <summary>Replaces the first line <paramref name="match"/> accepts with <paramref name="replacement"/> (no lines: removes it).</summary>
    private static void Splice(List<string> lines, Func<string, bool> match, IEnumerable<string> replacement)
    {
        var at = lines.FindIndex(l => match(l));
        if (at >= 0)
        {
            lines.RemoveAt(at);
            lines.InsertRange(at, replacement);
        }
    }
}
