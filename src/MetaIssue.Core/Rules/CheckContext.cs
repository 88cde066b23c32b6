using System.Collections.Concurrent;
using MetaIssue.IO;
using MetaIssue.Links;
using MetaIssue.Markdown;
using MetaIssue.Model;

namespace MetaIssue.Rules;

/// <summary>
/// What rules share: the tree, link resolution, and indexes built once per run so cross-file rules stay linear
/// (which meta-issue a path belongs to, which lessons link to which meta-issue).
/// </summary>
public sealed class CheckContext
{
    private readonly Dictionary<string, MetaIssueFolder> _metaIssuesByPath;
    private readonly Dictionary<string, DocumentFile> _documentsByPath;
    private readonly ConcurrentDictionary<string, MarkdownFacts?> _outsideFacts = new(StringComparer.Ordinal);
    private readonly long _maxFileBytes;
    private Dictionary<MetaIssueFolder, List<DocumentFile>>? _lessonsByIssue;
    private IReadOnlyList<ResolvedLink>? _resolvedLinks;
    private ILookup<string, ResolvedLink>? _linksByDocument;
    private ILookup<MetaIssueFolder, ScanProblem>? _misplacedAttemptFiles;
    private LinkSuggestions? _suggestions;

    public CheckContext(DocsTree tree, CheckerOptions options)
    {
        Tree = tree;
        _maxFileBytes = options.MaxFileBytes;
        _metaIssuesByPath = tree.MetaIssues.ToDictionary(m => m.FullPath, StringComparer.Ordinal);
        _documentsByPath = new Dictionary<string, DocumentFile>(StringComparer.Ordinal);
        foreach (var document in tree.Documents)
        {
            _documentsByPath[document.FullPath] = document;
        }

        // Wiki links resolve against the docs folder that holds the meta-issue roots, then the repository root.
        var wikiBases = tree.MetaIssueRoots.Select(r => Path.GetDirectoryName(r) ?? r);
        Links = new LinkResolver(tree.RepositoryRoot, wikiBases);
        foreach (var document in _documentsByPath.Values.Where(d => !d.IsFolder))
        {
            Links.Know(document.FullPath, isFolder: false);
        }

        foreach (var issue in tree.MetaIssues)
        {
            Links.Know(issue.FullPath, isFolder: true);
            foreach (var attempt in issue.Attempts)
            {
                Links.Know(attempt.FullPath, isFolder: true);
            }
        }
    }

    public DocsTree Tree { get; }

    public LinkResolver Links { get; }

    /// <summary>The meta-issue a path lies in, or null.</summary>
    public MetaIssueFolder? MetaIssueContaining(string fullPath)
    {
        for (var path = fullPath; !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
        {
            if (_metaIssuesByPath.TryGetValue(path, out var issue))
            {
                return issue;
            }

            if (path.Length <= Tree.RepositoryRoot.Length)
            {
                break;
            }
        }

        return null;
    }

    public DocumentFile? Document(string fullPath) => _documentsByPath.TryGetValue(fullPath, out var document) ? document : null;

    /// <summary>Facts of any Markdown file: from the tree, or read on demand (once) for link targets outside it.</summary>
    public MarkdownFacts? FactsOf(string fullPath)
    {
        if (_documentsByPath.TryGetValue(fullPath, out var document))
        {
            return document.Facts;
        }

        return _outsideFacts.GetOrAdd(fullPath, path =>
        {
            var read = FileContent.Read(path, _maxFileBytes);
            if (read.Text is null)
            {
                return null;
            }

            try
            {
                return MarkdownFactsReader.Read(read.Text);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                return null;
            }
        });
    }

    /// <summary>Paths outside the scanned folders that the rules looked at: link targets probed, Markdown files read for anchors.</summary>
    public IEnumerable<string> OutsidePaths => Links.ProbedPaths.Concat(_outsideFacts.Keys);

    /// <summary>Every link of every readable document, resolved once (in parallel, in document order) for all the link rules.</summary>
    public IReadOnlyList<ResolvedLink> ResolvedLinks => _resolvedLinks ??= Tree.Documents
        .Where(d => d.Facts is not null)
        .ToList()
        .AsParallel()
        .AsOrdered()
        .SelectMany(d => d.Facts!.Links.Select(link => new ResolvedLink(d, link, Links.Resolve(d.FullPath, link))))
        .ToList();

    /// <summary>The resolved links of one document.</summary>
    public IEnumerable<ResolvedLink> LinksOf(DocumentFile document) =>
        (_linksByDocument ??= ResolvedLinks.ToLookup(l => l.Document.FullPath, StringComparer.Ordinal))[document.FullPath];

    /// <summary>Files found among a meta-issue's attempt folders (MI002).</summary>
    public IEnumerable<ScanProblem> MisplacedAttemptFiles(MetaIssueFolder issue) =>
        (_misplacedAttemptFiles ??= Tree.Problems
            .Where(p => p.IsMisplacedAttemptFile && MetaIssueContaining(p.FullPath) is not null)
            .ToLookup(p => MetaIssueContaining(p.FullPath)!))[issue];

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

            foreach (var (_, _, target) in LinksOf(lesson))
            {
                if (target.Kind != LinkTargetKind.Local || !target.Exists || MetaIssueContaining(target.Path) is not { } issue)
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

    /// <summary>A path relative to the repository root, for messages.</summary>
    public string Display(string fullPath) => PathText.FromRoot(Tree.RepositoryRoot, fullPath);
}
