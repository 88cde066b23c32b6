using System.Text.RegularExpressions;
using MetaIssue.IO;
using MetaIssue.Model;

namespace MetaIssue.Links;

/// <summary>
/// Finds what a broken link probably meant: a file of the same name elsewhere in the docs tree (nearest first), or
/// for a link to an attempt folder, the folder that carries the same attempt number in the same meta-issue.
/// </summary>
public sealed class LinkSuggestions
{
    private static readonly Regex AttemptFolderName = new(@"^(\d{3})-", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private readonly Dictionary<string, List<string>> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly DocsTree _tree;

    public LinkSuggestions(DocsTree tree)
    {
        _tree = tree;
        foreach (var document in tree.Documents)
        {
            Add(document.FileName, document.FullPath);
        }

        foreach (var issue in tree.MetaIssues)
        {
            Add(issue.Name, issue.FullPath);
            foreach (var attempt in issue.Attempts)
            {
                Add(attempt.Name, attempt.FullPath);
            }
        }
    }

    /// <summary>A relative link, from the linking file's folder, to what the broken target most likely meant; or null.</summary>
    public string? For(string fromFile, string missingPath, MetaIssueFolder? issue)
    {
        var fromFolder = Path.GetDirectoryName(fromFile) ?? fromFile;
        var name = Path.GetFileName(missingPath.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var isFolder = !Path.HasExtension(name);
        var candidates = _byName.TryGetValue(name, out var found) ? found : new List<string>();

        if (candidates.Count == 0 && issue is not null && AttemptFolderName.Match(name) is { Success: true } match)
        {
            candidates = issue.Attempts.Where(a => a.Name.StartsWith(match.Groups[1].Value + "-", StringComparison.Ordinal)).Select(a => a.FullPath).ToList();
        }

        var best = candidates
            .Where(c => !string.Equals(c, missingPath, StringComparison.Ordinal))
            .OrderBy(c => issue is not null && PathText.IsUnder(issue.FullPath, c) ? 0 : 1)
            .ThenBy(c => PathText.RelativeLink(fromFolder, c).Length)
            .FirstOrDefault();
        if (best is null)
        {
            return null;
        }

        var link = PathText.RelativeLink(fromFolder, best);
        var bestIsFolder = Directory.Exists(best) || (isFolder && !File.Exists(best));
        return bestIsFolder ? link + "/" : link;
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
