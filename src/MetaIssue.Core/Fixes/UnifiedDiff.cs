using System.Text;

namespace MetaIssue.Fixes;

/// <summary>
/// Renders changes in the unified diff format (<c>---</c>/<c>+++</c> file headers, <c>@@ -l,s +l,s @@</c> hunks with
/// three lines of context, <c>\ No newline at end of file</c>), as GNU diff and git print it; a folder rename is
/// printed as git's <c>rename from</c>/<c>rename to</c> extended header for each file it moves.
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>The diff of a file whose edits (sorted, not overlapping, offsets into the old text) give <paramref name="newText"/>.</summary>
    public static string ForEdits(string label, EditableText old, IReadOnlyList<ResolvedEdit> edits)
    {
        var changes = Changes(old, edits);
        if (changes.Count == 0)
        {
            return string.Empty;
        }

        var oldLines = SplitLines(old.Text);
        var output = new StringBuilder();
        output.Append("--- a/").Append(label).Append('\n');
        output.Append("+++ b/").Append(label).Append('\n');

        var delta = 0;
        var index = 0;
        while (index < changes.Count)
        {
            var last = index;
            while (last + 1 < changes.Count && changes[last + 1].OldIndex - (changes[last].OldIndex + changes[last].Removed.Count) <= 2 * Context)
            {
                last++;
            }

            var oldStart = Math.Max(0, changes[index].OldIndex - Context);
            var oldEnd = Math.Min(oldLines.Count, changes[last].OldIndex + changes[last].Removed.Count + Context);
            var body = new StringBuilder();
            int oldCount = 0, newCount = 0, line = oldStart, hunkDelta = 0;
            for (var k = index; k <= last; k++)
            {
                var change = changes[k];
                for (; line < change.OldIndex; line++, oldCount++, newCount++)
                {
                    AppendLine(body, ' ', oldLines[line]);
                }

                foreach (var removed in change.Removed)
                {
                    AppendLine(body, '-', removed);
                    oldCount++;
                }

                foreach (var added in change.Added)
                {
                    AppendLine(body, '+', added);
                    newCount++;
                }

                line += change.Removed.Count;
                hunkDelta += change.Added.Count - change.Removed.Count;
            }

            for (; line < oldEnd; line++, oldCount++, newCount++)
            {
                AppendLine(body, ' ', oldLines[line]);
            }

            var newStart = oldStart + delta;
            output.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
            output.Append(body);
            delta += hunkDelta;
            index = last + 1;
        }

        return output.ToString();
    }

    public static string ForCreation(string label, string content)
    {
        var output = new StringBuilder();
        output.Append("--- /dev/null\n+++ b/").Append(label).Append('\n');
        var lines = SplitLines(content);
        if (lines.Count > 0)
        {
            output.Append("@@ -0,0 +").Append(Range(0, lines.Count)).Append(" @@\n");
            foreach (var line in lines)
            {
                AppendLine(output, '+', line);
            }
        }

        return output.ToString();
    }

    public static string ForRename(string oldLabel, string newLabel) =>
        $"diff --git a/{oldLabel} b/{newLabel}\nsimilarity index 100%\nrename from {oldLabel}\nrename to {newLabel}\n";

    /// <summary>A hunk range: 1-based start and count; an empty range names the line before it, as diff prints it.</summary>
    private static string Range(int start, int count) =>
        count == 0 ? $"{start},0" : count == 1 ? $"{start + 1}" : $"{start + 1},{count}";

    private static void AppendLine(StringBuilder output, char marker, string line)
    {
        var breakLength = line.EndsWith("\r\n", StringComparison.Ordinal) ? 2
            : line.EndsWith("\n", StringComparison.Ordinal) || line.EndsWith("\r", StringComparison.Ordinal) ? 1
            : 0;
        output.Append(marker).Append(line, 0, line.Length - breakLength).Append('\n');
        if (breakLength == 0)
        {
            output.Append("\\ No newline at end of file\n");
        }
    }

    /// <summary>Lines with their breaks; "a\nb\n" is two lines, "a\nb" too (the last without a break).</summary>
    internal static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                lines.Add(text.Substring(start, i + 1 - start));
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text.Substring(start));
        }

        return lines;
    }

    /// <summary>The changed lines: edits grouped by the whole lines they touch, lines equal on both sides trimmed off.</summary>
    private static List<LineChange> Changes(EditableText old, IReadOnlyList<ResolvedEdit> edits)
    {
        var changes = new List<LineChange>();
        var i = 0;
        while (i < edits.Count)
        {
            var regionStart = old.LineStart(old.LineIndexOf(edits[i].Start));
            var regionEnd = RegionEnd(old, edits[i]);
            var j = i;
            while (j + 1 < edits.Count && old.LineStart(old.LineIndexOf(edits[j + 1].Start)) <= regionEnd)
            {
                j++;
                regionEnd = Math.Max(regionEnd, RegionEnd(old, edits[j]));
            }

            var replaced = new StringBuilder();
            var at = regionStart;
            for (var k = i; k <= j; k++)
            {
                replaced.Append(old.Text, at, edits[k].Start - at).Append(edits[k].NewText);
                at = edits[k].End;
            }

            replaced.Append(old.Text, at, regionEnd - at);
            var before = SplitLines(old.Text.Substring(regionStart, regionEnd - regionStart));
            var after = SplitLines(replaced.ToString());
            var prefix = 0;
            while (prefix < before.Count && prefix < after.Count && before[prefix] == after[prefix])
            {
                prefix++;
            }

            var suffix = 0;
            while (suffix < before.Count - prefix && suffix < after.Count - prefix && before[before.Count - 1 - suffix] == after[after.Count - 1 - suffix])
            {
                suffix++;
            }

            var removed = before.GetRange(prefix, before.Count - prefix - suffix);
            var added = after.GetRange(prefix, after.Count - prefix - suffix);
            if (removed.Count > 0 || added.Count > 0)
            {
                changes.Add(new LineChange(old.LineIndexOf(regionStart) + prefix, removed, added));
            }

            i = j + 1;
        }

        return changes;
    }

    /// <summary>The end of the last whole line an edit touches, its line break included.</summary>
    private static int RegionEnd(EditableText old, ResolvedEdit edit)
    {
        var lineIndex = old.LineIndexOf(edit.End);
        return edit.End > edit.Start && edit.End == old.LineStart(lineIndex) ? edit.End : old.LineStart(lineIndex + 1);
    }

    private sealed record LineChange(int OldIndex, List<string> Removed, List<string> Added);
}

/// <summary>A text edit resolved against a file's current text: offsets, the text in the file's line breaks, and the fix it belongs to.</summary>
internal sealed record ResolvedEdit(int Start, int End, string NewText, Fix Owner, int Order);
