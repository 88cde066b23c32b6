using MetaIssue.Fixes;
using MetaIssue.IO;
using MetaIssue.Links;
using MetaIssue.Model;

namespace MetaIssue.Rules;

/// <summary>
/// Folder renames as the numbering and naming rules propose them: the rename and an edit of every link in the tree
/// whose destination runs through the folder (the folder's name, as one path segment of the destination, becomes the
/// new name; a destination that then needs angle brackets gets them). One plan per meta-issue for renumbering, so
/// every finding of it carries the same fix and applying them all leaves numbers 001, 002, 003… with no new gap.
/// </summary>
internal static class FolderRenames
{
    /// <summary>
    /// The renumbering of a meta-issue's attempts: numbered attempts ordered by number then name (000 last), numbered
    /// 1, 2, 3… in that order; each whose number changes is renamed to <c>NNN-slug</c>. Null when nothing changes.
    /// </summary>
    public static Fix? Renumbering(MetaIssueFolder issue, CheckContext context)
    {
        var ordered = issue.NumberedAttempts
            .OrderBy(a => a.Number == 0 ? 1 : 0).ThenBy(a => a.Number).ThenBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        var changes = new List<FileChange>();
        var renumbered = new Dictionary<int, int>();
        var shared = new HashSet<int>(ordered.GroupBy(a => a.Number!.Value).Where(g => g.Count() > 1).Select(g => g.Key));
        for (var i = 0; i < ordered.Count; i++)
        {
            var attempt = ordered[i];
            if (attempt.Number == i + 1)
            {
                continue;
            }

            var name = Conventions.AttemptReferences.Format(i + 1) + "-" + attempt.Slug;
            changes.Add(Rename(attempt.FullPath, Path.Combine(Path.GetDirectoryName(attempt.FullPath)!, name), context));
            if (!shared.Contains(attempt.Number!.Value))
            {
                renumbered[attempt.Number!.Value] = i + 1; // a number two folders share names neither for sure
            }
        }

        if (changes.Count > 0)
        {
            changes.AddRange(Mentions(issue, renumbered));
        }

        return changes.Count == 0 ? null : new Fix($"Renumber the attempts of {issue.Name} to 001…{Conventions.AttemptReferences.Format(ordered.Count)}", FixApplicability.Review, changes);
    }

    /// <summary>
    /// The attempt numbers the meta-issue's files use as entries (timeline rows, log headings, result lines, the
    /// attempt files' titles) rewritten for each renumbered attempt: the digits inside each such mention's range.
    /// </summary>
    private static IEnumerable<TextEdit> Mentions(MetaIssueFolder issue, IReadOnlyDictionary<int, int> renumbered)
    {
        if (renumbered.Count == 0)
        {
            yield break;
        }

        var documents = issue.CoreDocuments.Values
            .Concat(issue.Attempts.Where(a => a.Number is int n && renumbered.ContainsKey(n)).SelectMany(a => new[] { a.SolutionApproach, a.AttemptResults }).OfType<DocumentFile>());
        foreach (var document in documents)
        {
            if (document.Facts is not { } facts || EditableText.Read(document.FullPath, out _) is not { } text)
            {
                continue;
            }

            foreach (var mention in facts.AttemptMentions.Where(m => m.IsEntry && renumbered.ContainsKey(m.Number)))
            {
                var start = text.Resolve(TextPoint.At(mention.Range.Line, mention.Range.Column));
                var end = text.Resolve(TextPoint.At(mention.Range.EndLine, mention.Range.EndColumn + 1));
                if (start < 0 || end <= start)
                {
                    continue;
                }

                if (DigitsOf(text.Text, start, end, mention.Number) is var (index, length) && length > 0)
                {
                    yield return TextEdit.Replace(document.FullPath, text.Hash, index, length, Conventions.AttemptReferences.Format(renumbered[mention.Number]));
                }
            }
        }
    }

    /// <summary>
    /// The first run of ASCII digits in <paramref name="text"/> from <paramref name="start"/> to <paramref name="end"/>
    /// (exclusive) that is <paramref name="number"/> with any leading zeros (<c>3</c>, <c>003</c>), as (index in
    /// <paramref name="text"/>, length); length 0 when there is none. A run is whole: <c>13</c> and <c>30</c> are not 3.
    /// </summary>
    internal static (int Index, int Length) DigitsOf(string text, int start, int end, int number)
    {
        var wanted = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = start; i < end;)
        {
            if (!IsDigit(text[i]))
            {
                i++;
                continue;
            }

            var runEnd = i;
            while (runEnd < end && IsDigit(text[runEnd]))
            {
                runEnd++;
            }

            var significant = i;
            while (significant < runEnd - wanted.Length && text[significant] == '0')
            {
                significant++;
            }

            if (runEnd - significant == wanted.Length && string.CompareOrdinal(text, significant, wanted, 0, wanted.Length) == 0)
            {
                return (i, runEnd - i);
            }

            i = runEnd;
        }

        return (start, 0);

        static bool IsDigit(char c) => c is >= '0' and <= '9';
    }

    /// <summary>Renames <paramref name="oldPath"/> to <paramref name="newPath"/> (full paths) and edits every link into it.</summary>
    public static FolderRename Rename(string oldPath, string newPath, CheckContext context)
    {
        var oldName = Path.GetFileName(oldPath);
        var newName = Path.GetFileName(newPath);
        var edits = new List<TextEdit>();
        var texts = new Dictionary<string, EditableText?>(StringComparer.Ordinal);
        foreach (var link in context.Links.All.Where(l => l.Target.Kind == LinkTargetKind.Local && PathText.IsUnder(oldPath, l.Target.Path)))
        {
            var path = link.Document.FullPath;
            if (!texts.TryGetValue(path, out var text))
            {
                texts[path] = text = EditableText.Read(path, out _);
            }

            if (text is not null && Destination(text, link, oldName, newName) is { } edit)
            {
                edits.Add(TextEdit.Replace(path, text.Hash, edit.Offset, edit.Length, edit.Text));
            }
        }

        return new FolderRename(oldPath, newPath, edits.Distinct().ToList());
    }

    /// <summary>Where in the link's source the folder's name stands as a segment of its destination, and what replaces it.</summary>
    private static (int Offset, int Length, string Text)? Destination(EditableText text, ResolvedLink link, string oldName, string newName)
    {
        var range = link.Link.Range;
        var start = text.Resolve(TextPoint.At(range.Line, range.Column));
        var end = text.Resolve(TextPoint.At(range.EndLine, range.EndColumn + 1));
        if (start < 0 || end <= start)
        {
            return null;
        }

        var source = text.Text.Substring(start, end - start);
        var url = source.LastIndexOf(link.Link.Url, StringComparison.Ordinal);
        if (url < 0 || link.Link.Url.Length == 0)
        {
            return null;
        }

        var segment = Segment(link.Link.Url, oldName);
        if (segment < 0)
        {
            return null;
        }

        var bracketed = url > 0 && source[url - 1] == '<';
        if (!bracketed && newName.IndexOf(' ') >= 0)
        {
            // A destination with a space is only valid between angle brackets: the whole destination is rewritten.
            var rewritten = "<" + link.Link.Url.Substring(0, segment) + newName + link.Link.Url.Substring(segment + oldName.Length) + ">";
            return (start + url, link.Link.Url.Length, rewritten);
        }

        return (start + url + segment, oldName.Length, newName);
    }

    /// <summary>The index of <paramref name="name"/> as a whole '/'-separated segment of <paramref name="url"/>, or -1.</summary>
    private static int Segment(string url, string name)
    {
        for (var at = url.IndexOf(name, StringComparison.Ordinal); at >= 0; at = url.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || url[at - 1] == '/';
            var afterIndex = at + name.Length;
            var after = afterIndex == url.Length || url[afterIndex] is '/' or '#' or '?';
            if (before && after)
            {
                return at;
            }
        }

        return -1;
    }
}
