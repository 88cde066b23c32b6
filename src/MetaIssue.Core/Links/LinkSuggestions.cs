using MetaIssue.Conventions;
using MetaIssue.IO;
using MetaIssue.Model;

namespace MetaIssue.Links;

/// <summary>
/// Finds what a broken link probably meant: a file of the same name elsewhere in the docs tree (nearest first), or
/// for a link to an attempt folder, the folder that carries the same attempt number in the same meta-issue.
/// </summary>
internal sealed class LinkSuggestions
{
    // How many same-named files elsewhere are ranked at most: in a tree of thousands of meta-issues every one has an
    // attempt-results.md, and the nearest of the first few is as good a guess as the nearest of all.
    private const int MaxRankedElsewhere = 32;

    private readonly Dictionary<string, List<string>> _byName = new(StringComparer.OrdinalIgnoreCase);

    public LinkSuggestions(DocsTree tree)
    {
        foreach (var issue in tree.MetaIssues)
        {
            Add(issue.Name, issue.FullPath);
            foreach (var document in issue.Documents)
            {
                Add(document.FileName, document.FullPath);
            }

            foreach (var attempt in issue.Attempts)
            {
                Add(attempt.Name, attempt.FullPath);
            }
        }

        foreach (var lesson in tree.Lessons)
        {
            Add(lesson.FileName, lesson.FullPath);
        }
    }

    /// <summary>A relative link, from the linking file's folder, to what the broken target most likely meant; or null.</summary>
    public string? For(string fromFile, string missingPath, MetaIssueFolder? issue)
    {
        var fromFolder = Path.GetDirectoryName(fromFile) ?? fromFile;
        var name = Path.GetFileName(missingPath.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var isFolder = !Path.HasExtension(name);
        IEnumerable<string> candidates;
        if (issue is not null && SameNameIn(issue, name) is { Count: > 0 } nearby)
        {
            candidates = nearby;
        }
        else if (issue is not null && name.Length > 3 && AttemptNumber.CountDigits(name) == 3 && name[3] == '-'
            && issue.Attempts.Where(a => a.Name.StartsWith(name.Substring(0, 4), StringComparison.Ordinal)).Select(a => a.FullPath).ToList() is { Count: > 0 } sameNumber)
        {
            candidates = sameNumber;
        }
        else
        {
            candidates = _byName.TryGetValue(name, out var found) ? found.Take(MaxRankedElsewhere) : Enumerable.Empty<string>();
        }

        var best = candidates
            .Where(c => !string.Equals(c, missingPath, StringComparison.Ordinal))
            .OrderBy(c => PathText.RelativeLink(fromFolder, c).Length)
            .FirstOrDefault();
        if (best is null)
        {
            return null;
        }

        var link = PathText.RelativeLink(fromFolder, best);
        var bestIsFolder = Directory.Exists(best) || (isFolder && !File.Exists(best));
        return bestIsFolder ? link + "/" : link;
    }

    /// <summary>
    /// The documents and attempt folders of <paramref name="issue"/> named <paramref name="name"/> (compared lower-cased,
    /// invariant culture), documents first. Searched when asked, not indexed: a meta-issue holds a few dozen entries, and
    /// an index of every meta-issue's names would hold the whole tree a second time.
    /// </summary>
    private static List<string> SameNameIn(MetaIssueFolder issue, string name)
    {
        var wanted = name.ToLowerInvariant();
        var found = new List<string>();
        foreach (var document in issue.Documents)
        {
            if (string.Equals(document.FileName.ToLowerInvariant(), wanted, StringComparison.Ordinal))
            {
                found.Add(document.FullPath);
            }
        }

        foreach (var attempt in issue.Attempts)
        {
            if (string.Equals(attempt.Name.ToLowerInvariant(), wanted, StringComparison.Ordinal))
            {
                found.Add(attempt.FullPath);
            }
        }

        return found;
    }

    private void Add(string name, string path)
    {
        if (!_byName.TryGetValue(name, out var list))
        {
            _byName[name] = list = new List<string>();
        }

        list.Add(path);
    }
}
