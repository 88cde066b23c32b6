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
    private ResolvedLink[]? _resolvedLinks;
    private Dictionary<string, (int Start, int Count)>? _linkSpans;
    private Dictionary<string, List<ResolvedLink>>? _linksOfSharedPaths;
    private LinkSuggestions? _suggestions;

    public TreeLinks(DocsTree tree, long maxFileBytes)
    {
        Tree = tree;
        _maxFileBytes = maxFileBytes;
        // Sized up front: at 10,000 meta-issues a dictionary grown by doubling leaves 170,000-entry arrays behind as garbage.
        var documents = tree.Documents.ToList();
        _documentsByPath = new Dictionary<string, DocumentFile>(documents.Count, StringComparer.Ordinal);
        foreach (var document in documents)
        {
            _documentsByPath[document.FullPath] = document;
        }

        // Wiki links resolve against the docs folder that holds the meta-issue roots, then the repository root.
        var wikiBases = tree.MetaIssueRoots.Select(r => Path.GetDirectoryName(r) ?? r);
        Resolver = new LinkResolver(tree.RepositoryRoot, wikiBases, documents.Count + tree.MetaIssues.Sum(m => 1 + m.Attempts.Count));
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
    /// For the lessons whose links <see cref="Resolving"/> leaves out: the meta-issues (full paths) each links into with an
    /// existing target, as the last check found them, by lesson path. Set with <see cref="Resolving"/>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? KnownLessonTargets { get; set; }

    /// <summary>
    /// Every link of every readable document (of those <see cref="Resolving"/> selects), resolved once (in parallel, in
    /// document order) for all the link rules.
    /// </summary>
    public IReadOnlyList<ResolvedLink> All => _resolvedLinks ??= ResolveAll();

    /// <summary>The links of one document resolved now, outside the index (for deciding what to re-check).</summary>
    public IEnumerable<LinkTarget> Resolve(DocumentFile document) =>
        document.Facts is { } facts ? facts.Links.Select(link => Resolver.Resolve(document.FullPath, link)) : Enumerable.Empty<LinkTarget>();

    /// <summary>The resolved links of one document (of every document with that path), in order.</summary>
    public IEnumerable<ResolvedLink> Of(DocumentFile document)
    {
        var all = _resolvedLinks ?? ResolveAll();
        _resolvedLinks = all;
        if (_linksOfSharedPaths!.TryGetValue(document.FullPath, out var shared))
        {
            return shared;
        }

        return _linkSpans!.TryGetValue(document.FullPath, out var span) ? new ArraySegment<ResolvedLink>(all, span.Start, span.Count) : Array.Empty<ResolvedLink>();
    }

    /// <summary>
    /// One array of link values, each document's links side by side, so a document's links are a span of it (no
    /// per-link objects, no second copy for the per-document index). Filled in parallel, each document into its slots.
    /// </summary>
    private ResolvedLink[] ResolveAll()
    {
        var documents = Tree.Documents
            .Where(d => (Resolving is null || Resolving(d)) && d.Facts is { Links.Count: > 0 }) // asks for facts (decoding them) last
            .ToList();
        var starts = new int[documents.Count + 1];
        for (var i = 0; i < documents.Count; i++)
        {
            starts[i + 1] = starts[i] + documents[i].Facts!.Links.Count;
        }

        var links = new ResolvedLink[starts[documents.Count]];
        Parallel.For(0, documents.Count, i =>
        {
            var document = documents[i];
            var facts = document.Facts!.Links;
            var folder = Path.GetDirectoryName(document.FullPath);
            for (var j = 0; j < facts.Count; j++)
            {
                links[starts[i] + j] = new ResolvedLink(document, j, Resolver.Resolve(document.FullPath, folder, facts[j]));
            }
        });

        _linkSpans = new Dictionary<string, (int Start, int Count)>(documents.Count, StringComparer.Ordinal);
        _linksOfSharedPaths = new Dictionary<string, List<ResolvedLink>>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            var path = documents[i].FullPath;
            var span = (starts[i], starts[i + 1] - starts[i]);
            if (_linksOfSharedPaths.TryGetValue(path, out var shared))
            {
                shared.AddRange(new ArraySegment<ResolvedLink>(links, span.Item1, span.Item2));
            }
            else if (_linkSpans.TryGetValue(path, out var first))
            {
                _linkSpans.Remove(path);
                // Two documents with one path (never in a well-formed tree): their links, in order, under that path.
                _linksOfSharedPaths[path] = new List<ResolvedLink>(new ArraySegment<ResolvedLink>(links, first.Start, first.Count));
                _linksOfSharedPaths[path].AddRange(new ArraySegment<ResolvedLink>(links, span.Item1, span.Item2));
            }
            else
            {
                _linkSpans[path] = span;
            }
        }

        return links;
    }

    public LinkSuggestions Suggestions => _suggestions ??= new LinkSuggestions(Tree);

    /// <summary>The lessons that link to a meta-issue (to its folder or any file in it).</summary>
    public IReadOnlyList<DocumentFile> LessonsLinkingTo(MetaIssueFolder issue)
    {
        _lessonsByIssue ??= IndexLessons();
        return _lessonsByIssue.TryGetValue(issue, out var lessons) ? lessons : (IReadOnlyList<DocumentFile>)Array.Empty<DocumentFile>();
    }

    /// <summary>
    /// The meta-issues <paramref name="lesson"/> links into with an existing target, each once, in the order of its
    /// links: from <see cref="KnownLessonTargets"/> when it holds the lesson, else from its resolved links.
    /// </summary>
    public IReadOnlyList<MetaIssueFolder> MetaIssuesLinkedFrom(DocumentFile lesson)
    {
        var issues = new List<MetaIssueFolder>();
        void Add(MetaIssueFolder? issue)
        {
            if (issue is not null && !issues.Contains(issue))
            {
                issues.Add(issue);
            }
        }

        if (KnownLessonTargets is not null && KnownLessonTargets.TryGetValue(lesson.FullPath, out var known))
        {
            foreach (var path in known)
            {
                Add(Tree.MetaIssueContaining(path));
            }
        }
        else if (lesson.Facts is not null)
        {
            foreach (var (_, _, target) in Of(lesson))
            {
                if (target.Kind == LinkTargetKind.Local && target.Exists)
                {
                    Add(Tree.MetaIssueContaining(target.Path));
                }
            }
        }

        return issues;
    }

    private Dictionary<MetaIssueFolder, List<DocumentFile>> IndexLessons()
    {
        var index = new Dictionary<MetaIssueFolder, List<DocumentFile>>();
        foreach (var lesson in Tree.Lessons)
        {
            foreach (var issue in MetaIssuesLinkedFrom(lesson))
            {
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
