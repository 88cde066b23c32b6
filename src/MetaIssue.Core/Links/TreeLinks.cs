using System.Collections.Concurrent;
using MetaIssue.Markdown;
using MetaIssue.Model;
using MetaIssue.Scanning;

namespace MetaIssue.Links;

/// <summary>
/// The links of a checked tree, resolved once per run and indexed so cross-file rules and reports stay linear: every
/// link with its target, the links of one document, the lessons that link to each meta-issue, what a broken link
/// probably meant, and the facts of link targets outside the tree (read once, on demand). Lazily built; use from one
/// thread at a time (link resolution itself runs in parallel inside).
/// </summary>
internal sealed class TreeLinks
{
    private readonly Dictionary<string, DocumentFile> _documentsByPath;
    private readonly ConcurrentDictionary<string, MarkdownFacts?> _outsideFacts = new(StringComparer.Ordinal);
    private readonly long _maxFileBytes;
    private Dictionary<MetaIssueFolder, List<DocumentFile>>? _lessonsByIssue;
    private IReadOnlyList<ResolvedLink>? _resolvedLinks;
    private ILookup<string, ResolvedLink>? _linksByDocument;
    private LinkSuggestions? _suggestions;

    public TreeLinks(DocsTree tree, long maxFileBytes)
    {
        Tree = tree;
        _maxFileBytes = maxFileBytes;
        _documentsByPath = new Dictionary<string, DocumentFile>(StringComparer.Ordinal);
        foreach (var document in tree.Documents)
        {
            _documentsByPath[document.FullPath] = document;
        }

        // Wiki links resolve against the docs folder that holds the meta-issue roots, then the repository root.
        var wikiBases = tree.MetaIssueRoots.Select(r => Path.GetDirectoryName(r) ?? r);
        Resolver = new LinkResolver(tree.RepositoryRoot, wikiBases);
        foreach (var document in _documentsByPath.Values.Where(d => !d.IsFolder))
        {
            Resolver.Know(document.FullPath, isFolder: false);
        }

        foreach (var issue in tree.MetaIssues)
        {
            Resolver.Know(issue.FullPath, isFolder: true);
            foreach (var attempt in issue.Attempts)
            {
                Resolver.Know(attempt.FullPath, isFolder: true);
            }
        }
    }

    public DocsTree Tree { get; }

    public LinkResolver Resolver { get; }

    /// <summary>Facts of any Markdown file: from the tree, or read on demand (once) for link targets outside it.</summary>
    public MarkdownFacts? FactsOf(string fullPath)
    {
        if (_documentsByPath.TryGetValue(fullPath, out var document))
        {
            return document.Facts;
        }

        return _outsideFacts.GetOrAdd(fullPath, path => DocumentLoader.ReadFacts(path, _maxFileBytes).Facts);
    }

    /// <summary>Paths outside the scanned folders that the rules looked at: link targets probed, Markdown files read for anchors.</summary>
    public IEnumerable<string> OutsidePaths => Resolver.ProbedPaths.Concat(_outsideFacts.Keys);

    /// <summary>
    /// The documents whose links <see cref="All"/> holds, or null for every document. Set before <see cref="All"/> is
    /// first read: an incremental check resolves only the links of what it re-checks.
    /// </summary>
    public Func<DocumentFile, bool>? Resolving { get; set; }

    /// <summary>
    /// Every link of every readable document (of those <see cref="Resolving"/> selects), resolved once (in parallel, in
    /// document order) for all the link rules.
    /// </summary>
    public IReadOnlyList<ResolvedLink> All => _resolvedLinks ??= Tree.Documents
        .Where(d => d.Facts is not null && (Resolving is null || Resolving(d)))
        .ToList()
        .AsParallel()
        .AsOrdered()
        .SelectMany(d => d.Facts!.Links.Select(link => new ResolvedLink(d, link, Resolver.Resolve(d.FullPath, link))))
        .ToList();

    /// <summary>The links of one document resolved now, outside the index (for deciding what to re-check).</summary>
    public IEnumerable<LinkTarget> Resolve(DocumentFile document) =>
        document.Facts is { } facts ? facts.Links.Select(link => Resolver.Resolve(document.FullPath, link)) : Enumerable.Empty<LinkTarget>();

    /// <summary>The resolved links of one document.</summary>
    public IEnumerable<ResolvedLink> Of(DocumentFile document) =>
        (_linksByDocument ??= All.ToLookup(l => l.Document.FullPath, StringComparer.Ordinal))[document.FullPath];

    public LinkSuggestions Suggestions => _suggestions ??= new LinkSuggestions(Tree);

    /// <summary>The lessons that link to a meta-issue (to its folder or any file in it).</summary>
    public IReadOnlyList<DocumentFile> LessonsLinkingTo(MetaIssueFolder issue)
    {
        _lessonsByIssue ??= IndexLessons();
        return _lessonsByIssue.TryGetValue(issue, out var lessons) ? lessons : (IReadOnlyList<DocumentFile>)Array.Empty<DocumentFile>();
    }

    private Dictionary<MetaIssueFolder, List<DocumentFile>> IndexLessons()
    {
        var index = new Dictionary<MetaIssueFolder, List<DocumentFile>>();
        foreach (var lesson in Tree.Lessons)
        {
            if (lesson.Facts is null)
            {
                continue;
            }

            foreach (var (_, _, target) in Of(lesson))
            {
                if (target.Kind != LinkTargetKind.Local || !target.Exists || Tree.MetaIssueContaining(target.Path) is not { } issue)
                {
                    continue;
                }

                if (!index.TryGetValue(issue, out var lessons))
                {
                    index[issue] = lessons = new List<DocumentFile>();
                }

                if (!lessons.Contains(lesson))
                {
                    lessons.Add(lesson);
                }
            }
        }

        return index;
    }
}
