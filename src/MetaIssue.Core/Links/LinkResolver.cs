using System.Collections.Concurrent;
using MetaIssue.IO;
using MetaIssue.Markdown;

namespace MetaIssue.Links;

/// <summary>
/// Resolves link destinations as GitHub does: relative to the linking file, <c>/…</c> relative to the repository root,
/// percent-escapes decoded, query and fragment split off. Wiki links (<c>[[target]]</c>) are tried relative to the file,
/// then to the docs folder above the meta-issue roots, then to the repository root, with and without <c>.md</c>.
/// Existence checks are memoised: many files link to the same few targets.
/// </summary>
internal sealed class LinkResolver
{
    private readonly string _repositoryRoot;
    private readonly IReadOnlyList<string> _wikiBases;
    private readonly ConcurrentDictionary<string, (bool Exists, bool IsFolder, string Path)> _existence = new(StringComparer.Ordinal);

    // What the scan saw: a plain dictionary (a third of a concurrent one's size per entry), read-only while links resolve.
    private readonly Dictionary<string, (bool IsFolder, string Path)> _known;
    private readonly ConcurrentDictionary<string, bool> _probed = new(StringComparer.Ordinal);

    // Every resolved link keeps its fragment; most name one of a few headings, so equal fragments share one string.
    private readonly StringPool _fragments = new();

    /// <param name="expectedKnown">How many paths <see cref="Know"/> will be given (the dictionary is sized for them), or 0.</param>
    public LinkResolver(string repositoryRoot, IEnumerable<string> wikiBases, int expectedKnown = 0)
    {
        _known = new Dictionary<string, (bool IsFolder, string Path)>(expectedKnown, StringComparer.Ordinal);
        _repositoryRoot = PathText.Normalize(repositoryRoot);
        _wikiBases = wikiBases.Select(PathText.Normalize).Concat(new[] { _repositoryRoot }).Distinct().ToList();
    }

    /// <summary>
    /// Records paths the scan has already seen, so links to them are resolved without asking the file system. Call
    /// before the first <see cref="Resolve(string, LinkFact)"/>: resolving reads what is known from several threads.
    /// </summary>
    public void Know(string fullPath, bool isFolder) => _known[fullPath] = (isFolder, fullPath);

    public LinkTarget Resolve(string fromFile, LinkFact link) => Resolve(fromFile, Path.GetDirectoryName(fromFile), link);

    /// <summary>As <see cref="Resolve(string, LinkFact)"/>, with the linking file's folder (<c>Path.GetDirectoryName</c>) already known.</summary>
    public LinkTarget Resolve(string fromFile, string? fromFolder, LinkFact link)
    {
        var url = link.Url.Trim();
        if (url.Length == 0)
        {
            return LinkTarget.External; // [text]() links to the page itself
        }

        if (url[0] == '#')
        {
            return new LinkTarget(LinkTargetKind.SameDocument, fromFile, _fragments.Share(Decode(url.Substring(1))), true, false);
        }

        if (url.StartsWith("//", StringComparison.Ordinal) || HasScheme(url))
        {
            return LinkTarget.External;
        }

        var (path, fragment) = Split(url, link.Kind != LinkKind.Wiki);
        fragment = fragment is null ? null : _fragments.Share(fragment);
        if (path.Length == 0)
        {
            return new LinkTarget(LinkTargetKind.SameDocument, fromFile, fragment, true, false);
        }

        fromFolder ??= _repositoryRoot;
        if (link.Kind == LinkKind.Wiki)
        {
            return ResolveWiki(fromFolder, path, fragment);
        }

        var start = path[0] == '/' ? _repositoryRoot : fromFolder;
        return Locate(start, path.TrimStart('/'), fragment);
    }

    /// <summary>True for a URI scheme (<c>https:</c>, <c>mailto:</c>): a letter, then letters, digits, '+', '.', '-', then ':'.</summary>
    private static bool HasScheme(string url)
    {
        if (url.Length < 2 || !IsAsciiLetter(url[0]))
        {
            return false;
        }

        for (var i = 1; i < url.Length; i++)
        {
            var c = url[i];
            if (c == ':')
            {
                return true;
            }

            if (!(IsAsciiLetter(c) || (c >= '0' && c <= '9') || c is '+' or '.' or '-'))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private LinkTarget ResolveWiki(string fromFolder, string path, string? fragment)
    {
        LinkTarget? first = null;
        foreach (var start in new[] { fromFolder }.Concat(_wikiBases))
        {
            foreach (var candidate in WikiCandidates(path))
            {
                var target = Locate(start, candidate, fragment);
                if (target.Kind == LinkTargetKind.Local && target.Exists)
                {
                    return target;
                }

                first ??= target;
            }
        }

        return first ?? LinkTarget.Invalid;
    }

    private static IEnumerable<string> WikiCandidates(string path)
    {
        yield return path;
        if (!path.EndsWith("/", StringComparison.Ordinal) && !Path.HasExtension(path))
        {
            yield return path + ".md";
        }
    }

    private LinkTarget Locate(string start, string relative, string? fragment)
    {
        if (PathText.CombineOrNull(start, relative) is not { } full)
        {
            return LinkTarget.Invalid;
        }

        if (!PathText.IsUnder(_repositoryRoot, full))
        {
            return new LinkTarget(LinkTargetKind.OutsideRepository, full, fragment, false, false);
        }

        // The path as first seen (usually a document's own): tens of thousands of links then share a few strings.
        var (exists, isFolder, path) = _known.TryGetValue(full, out var known) ? (true, known.IsFolder, known.Path) : _existence.GetOrAdd(full, Probe);
        return new LinkTarget(LinkTargetKind.Local, path, fragment, exists, isFolder);
    }

    /// <summary>The paths whose existence was asked of the file system (not known from the scan): what a replay must re-check.</summary>
    public IEnumerable<string> ProbedPaths => _probed.Keys;

    private (bool, bool, string) Probe(string path)
    {
        _probed[path] = true;
        try
        {
            if (Directory.Exists(path))
            {
                return (true, true, path);
            }

            return (File.Exists(path), false, path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (false, false, path);
        }
    }

    private static (string Path, string? Fragment) Split(string url, bool decode)
    {
        string? fragment = null;
        var hash = url.IndexOf('#');
        if (hash >= 0)
        {
            fragment = Decode(url.Substring(hash + 1));
            url = url.Substring(0, hash);
        }

        var query = url.IndexOf('?');
        if (query >= 0)
        {
            url = url.Substring(0, query);
        }

        return (decode ? Decode(url) : url, fragment);
    }

    private static string Decode(string text)
    {
        if (text.IndexOf('%') < 0)
        {
            return text;
        }

        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}
