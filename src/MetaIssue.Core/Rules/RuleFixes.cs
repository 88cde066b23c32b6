using MetaIssue.Fixes;
using MetaIssue.Markdown;
using MetaIssue.Text;

namespace MetaIssue.Rules;

/// <summary>
/// What rules share to build their fixes from the checker's own positions: a replacement of a reported range
/// (carrying the content hash of the file as it is now, so a file edited since is never overwritten), a status value
/// in the syntax of the spot that holds it, and the advice text rendered from the fix.
/// </summary>
internal static class RuleFixes
{
    /// <summary>Replaces <paramref name="range"/> of <paramref name="path"/> with <paramref name="text"/>; null when the file cannot be read.</summary>
    public static TextEdit? Replace(string path, SourceRange range, string text) =>
        EditableText.Read(path, out _) is { } file ? TextEdit.Replace(path, file.Hash, range, text) : null;

    /// <summary>
    /// Replaces the text inside <paramref name="range"/> without the spaces around it (a table cell's range holds its
    /// padding), so <c>| 🔄 In Progress |</c> becomes <c>| ❌ Failed |</c>; null when the file cannot be read.
    /// </summary>
    public static TextEdit? ReplaceTrimmed(string path, SourceRange range, string text)
    {
        if (EditableText.Read(path, out _) is not { } file)
        {
            return null;
        }

        var start = file.Resolve(TextPoint.At(range.Line, range.Column));
        var end = file.Resolve(TextPoint.At(range.EndLine, range.EndColumn + 1));
        if (start < 0 || end < start)
        {
            return null;
        }

        var original = file.Text.Substring(start, end - start);
        var lead = original.Length - original.TrimStart().Length;
        var kept = original.Trim().Length;
        return TextEdit.Replace(path, file.Hash, start + lead, kept, text);
    }

    /// <summary>Inserts <paramref name="text"/> at the 0-based offset <paramref name="offset"/> picks in the file (null when it picks a negative one).</summary>
    public static TextEdit? Insert(string path, Func<EditableText, int> offset, string text)
    {
        if (EditableText.Read(path, out _) is not { } file)
        {
            return null;
        }

        var at = offset(file);
        return at < 0 ? null : TextEdit.Insert(path, file.Hash, TextPoint.AtOffset(at), text);
    }

    /// <summary>
    /// The first line of <paramref name="path"/> (outside fenced code) that <paramref name="match"/> accepts given
    /// the line and the non-blank line before it, replaced whole by <paramref name="text"/>; null when none.
    /// </summary>
    public static TextEdit? ReplaceLine(string path, Func<string, string, bool> match, string text)
    {
        if (EditableText.Read(path, out _) is not { } file)
        {
            return null;
        }

        var fenced = false;
        var previous = string.Empty;
        for (var i = 0; i < file.LineCount; i++)
        {
            var start = file.LineStart(i);
            var line = file.Text.Substring(start, file.ContentEnd(i) - start);
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal) || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (!fenced && match(line, previous))
            {
                return TextEdit.Replace(path, file.Hash, start, line.Length, text);
            }

            previous = line.Trim().Length > 0 ? line : previous;
        }

        return null;
    }

    /// <summary>
    /// A field value as the spot's syntax writes it: in YAML front matter a double-quoted scalar (so parentheses,
    /// colons and brackets stay one string), elsewhere the text as is (the field's name, bold markers and a trailing
    /// hard break lie outside the value's range and are kept).
    /// </summary>
    public static string FieldValue(FieldFact field, string value) =>
        field.Origin == FieldOrigin.FrontMatter ? "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"" : value;

    /// <summary>The value's range, or null when the field has no value (its range then covers the name).</summary>
    public static SourceRange? ValueRange(FieldFact field) => field.Value.Trim().Length == 0 ? null : field.ValueRange;

    public static Fix? Safe(string title, params TextEdit?[] edits) =>
        edits.Any(e => e is null) ? null : new Fix(title, FixApplicability.Safe, edits.Select(e => (FileChange)e!).ToArray());

    public static Fix? Review(string title, params TextEdit?[] edits) =>
        edits.Any(e => e is null) ? null : new Fix(title, FixApplicability.Review, edits.Select(e => (FileChange)e!).ToArray());

    /// <summary>The template prompts in <paramref name="text"/>: bracketed ones and the template's placeholder date.</summary>
    public static IReadOnlyList<string> Prompts(string text) =>
        Edits.AttemptEdits.Prompts(new[] { text }).Concat(text.Contains(AttemptListRule.UnknownDate) ? new[] { AttemptListRule.UnknownDate } : Array.Empty<string>()).ToList();

    /// <summary>The advice for a message: rendered from <paramref name="fix"/> when there is one, else <paramref name="prose"/>.</summary>
    public static string Advice(Fix? fix, CheckContext context, string prose) =>
        fix is null ? prose : FixAdvice.Of(fix, context.Display);

    /// <summary>Reports with the fix when there is one, its advice rendered from it.</summary>
    public static void Report(RuleSink report, string path, SourceRange? range, Fix? fix, CheckContext context, string what, string prose)
    {
        if (fix is null)
        {
            report.At(path, range, what, prose);
        }
        else
        {
            report.At(path, range, fix, what, FixAdvice.Of(fix, context.Display));
        }
    }
}
