using System.Globalization;
using System.Text.RegularExpressions;
using MetaIssue.Fixes;
using MetaIssue.IO;
using MetaIssue.Markdown;
using MetaIssue.Model;
using MetaIssue.Templates;
using MetaIssue.Conventions;

namespace MetaIssue.Edits;

/// <summary>
/// The edits that change a meta-issue as a whole: a new version of its understanding in description.md, and its
/// closing (the README status in the syntax of the line that holds it, the lesson from the metalesson template and
/// the README's link to it). <see cref="Notes"/> collects what could not be placed and must be added by hand.
/// </summary>
public sealed partial class IssueEdits
{
    // Source-generated where the framework has the generator (net8.0): a fresh build process then parses no
    // pattern and JIT-compiles no interpreter for it; netstandard2.0 builds them once, at first use.
    private const string VersionHeadingText = @"^Version\s+(\d+)";
    private const string ListItemText = @"^\s*[-*+]\s";

#if NET7_0_OR_GREATER
    [GeneratedRegex(VersionHeadingText, RegexOptions.IgnoreCase)]
    private static partial Regex VersionHeading();
    [GeneratedRegex(ListItemText, RegexOptions.None)]
    private static partial Regex ListItem();
#else
    private static readonly Regex VersionHeadingInstance = new(VersionHeadingText, RegexOptions.IgnoreCase);
    private static readonly Regex ListItemInstance = new(ListItemText, RegexOptions.None);

    private static Regex VersionHeading() => VersionHeadingInstance;
    private static Regex ListItem() => ListItemInstance;
#endif

    private readonly List<string> _notes = new();

    public IReadOnlyList<string> Notes => _notes;

    /// <summary>
    /// Adds <c>### Version N (date) - summary</c> (N one past the highest version) at the end of "Evolution of
    /// Understanding", with the template's fields and the theory filled in, and makes the theory the text of
    /// "Current Understanding".
    /// </summary>
    public Fix Understanding(MetaIssueFolder issue, string theory, DateTime today)
    {
        var path = Path.Combine(issue.FullPath, MetaIssueFolder.DescriptionFile);
        var file = SourceFile.Read(path, out var problem) ?? throw new IOException($"{path} {problem}");
        var lines = file.Lines;
        var version = Enumerable.Range(0, lines.Lines.Count)
            .Where(i => lines.HeadingLevel(i) > 0)
            .Select(i => VersionHeading().Match(lines.HeadingText(i)))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0).Max() + 1;
        var date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var fields = TemplateSnippets.UnderstandingFields()
            .Select(f => f.StartsWith("**Theory:**", StringComparison.Ordinal) ? "**Theory:** " + theory + "  " : f)
            .ToArray();
        var block = $"### Version {version} ({date}) - {Summary(theory)}\n\n" + string.Concat(fields.Select(f => f + "\n"));

        var changes = new List<FileChange>();
        var current = lines.FindHeading("Current Understanding");
        if (current >= 0)
        {
            var (first, last) = Body(lines, current);
            changes.Add(first < 0
                ? file.InsertLinesAfter(current, new[] { string.Empty, theory })
                : file.Replace(lines.Lines[first].Start, lines.Lines[last].End, theory));
        }
        else
        {
            _notes.Add($"{path} has no 'Current Understanding' section; the theory went into the new version only");
        }

        var evolution = lines.FindHeading("Evolution");
        var evolutionEnd = evolution >= 0 ? Body(lines, evolution).Last : -1;
        if (evolutionEnd >= 0)
        {
            changes.Add(file.InsertLinesAfter(evolutionEnd, new[] { string.Empty }.Concat(block.TrimEnd('\n').Split('\n'))));
        }
        else
        {
            changes.Add(file.AppendBlock(block));
        }

        return new Fix($"Add understanding version {version}", FixApplicability.Safe, changes)
        {
            InsertedPrompts = AttemptEdits.Prompts(fields),
        };
    }

    /// <summary>
    /// Closes the meta-issue: its README status becomes "Resolved (Attempt NNN)", "Abandoned" or "Superseded by
    /// [other](link)", and, when <paramref name="lessonName"/> is given, the lesson is created under
    /// <paramref name="lessonsRoot"/> from the metalesson template and linked under "Lessons Learned".
    /// </summary>
    public Fix Close(MetaIssueFolder issue, string status, string? lessonName, string? category, string lessonsRoot, DateTime today)
    {
        var readmePath = Path.Combine(issue.FullPath, MetaIssueFolder.ReadmeFile);
        var readme = SourceFile.Read(readmePath, out var problem) ?? throw new IOException($"{readmePath} {problem}");
        var changes = new List<FileChange>();
        var field = StatusField(readme.Lines);
        if (field is { } f)
        {
            changes.Add(readme.Replace(f.ValueStart, f.ValueEnd, status));
        }
        else
        {
            _notes.Add($"{readmePath} has no Status line; write '**Status:** {status}' under its title");
        }

        if (lessonName is not null)
        {
            var parameters = new Dictionary<string, string> { ["issue"] = issue.Name, ["category"] = category ?? string.Empty };
            var lesson = TemplateRenderer.Render("metalesson", lessonName, parameters, today).Single();
            var lessonPath = Path.Combine(lessonsRoot, lesson.Path.Replace('/', Path.DirectorySeparatorChar));
            changes.Add(new FileCreation(lessonPath, lesson.Content));
            var title = lesson.Content.Split('\n')[0].Substring(lesson.Content.IndexOf(':') + 1).Trim();
            changes.Add(LessonLink(readme, issue.FullPath, lessonPath, title));
        }

        return new Fix($"Close the meta-issue: {status}", FixApplicability.Review, changes)
        {
            InsertedPrompts = lessonName is null ? Array.Empty<string>() : AttemptEdits.Prompts(new[] { TemplateSources.Read("metalesson/lesson-category/lesson-name.md") }),
        };
    }

    /// <summary>
    /// The README's link to a lesson, <c>- [title](relative path)</c> (the path percent-encoded where Markdown needs it, the title's brackets escaped), at
    /// the end of "Lessons Learned" (joining its list, or starting one after a paragraph), or in a new such section at
    /// the end. Null when the README cannot be read. The line <c>metaissue close</c> writes and MI021 proposes.
    /// </summary>
    internal static TextEdit? LessonLink(string readmePath, string issueFolder, string lessonPath, string title) =>
        SourceFile.Read(readmePath, out _) is { } readme ? LessonLink(readme, issueFolder, lessonPath, title) : null;

    private static TextEdit LessonLink(SourceFile readme, string issueFolder, string lessonPath, string title)
    {
        // Destination percent-encoded and label escaped, so any file name and title make a valid link.
        var link = LinkDestination.Format(PathText.RelativeLink(issueFolder, lessonPath));
        var line = $"- [{LinkLabel(title)}]({link})";
        var section = readme.Lines.FindHeading("Lessons Learned");
        if (section < 0)
        {
            return readme.AppendBlock("## Lessons Learned\n\n" + line + "\n");
        }

        var (_, last) = Body(readme.Lines, section);
        // After a list item the link joins the list; after a paragraph (or nothing) it starts one.
        var joinsList = last >= 0 && ListItem().IsMatch(readme.Lines.Lines[last].Content);
        return readme.InsertLinesAfter(last >= 0 ? last : section, joinsList ? new[] { line } : new[] { string.Empty, line });
    }

    /// <summary>A title as link text: brackets and backslashes escaped, so the label cannot close the link early.</summary>
    public static string LinkLabel(string title) =>
        title.Replace("\\", "\\\\").Replace("[", "\\[").Replace("]", "\\]");

    /// <summary>The status value for a closing state, as the README vocabulary and the rules want it.</summary>
    public static string StatusText(StatusState state, int? attempt, string? supersededBy, string? supersededLink) => state switch
    {
        StatusState.Resolved => $"Resolved (Attempt {AttemptReferences.Format(attempt!.Value)})",
        StatusState.Superseded => $"Superseded by [{supersededBy}]({supersededLink})",
        _ => "Abandoned",
    };

    /// <summary>The status in front matter (<c>status:</c>) when there is front matter holding one, else the first <c>**Status:**</c> line.</summary>
    private static FieldLine? StatusField(TextLines lines)
    {
        if (lines.Lines.Count > 0 && lines.Lines[0].Content.Trim() == "---")
        {
            for (var i = 1; i < lines.Lines.Count && lines.Lines[i].Content.Trim() != "---"; i++)
            {
                if (FieldLine.Parse(lines.Lines[i], "status") is { } yaml)
                {
                    return yaml;
                }
            }
        }

        return FieldLine.Find(lines, "Status");
    }

    /// <summary>The first and last non-blank lines of a heading's section, or (-1, -1) when it is empty.</summary>
    private static (int First, int Last) Body(TextLines lines, int heading)
    {
        var end = lines.SectionEnd(heading);
        int first = -1, last = -1;
        for (var i = heading + 1; i < end; i++)
        {
            if (!lines.Lines[i].IsBlank)
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }

        return (first, last);
    }

    private static string Summary(string theory)
    {
        var line = theory.Split('\n')[0].Trim();
        if (line.Length <= 60)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', 60);
        return line.Substring(0, cut > 20 ? cut : 60) + "...";
    }
}
