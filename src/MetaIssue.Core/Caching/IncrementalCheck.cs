using System.Text;
using MetaIssue.Diagnostics;
using MetaIssue.IO;
using MetaIssue.Links;
using MetaIssue.Model;
using MetaIssue.Rules;
using MetaIssue.Text;

namespace MetaIssue.Caching;

/// <summary>
/// Re-checks only the meta-issues an edit can have changed, and takes the other meta-issues' findings from the last
/// check (<see cref="RuleResultsFile"/>). A meta-issue is re-checked when one of its files changed (size or last write
/// time, or written within <see cref="InputFingerprint.RacyWindow"/> of the check, or not vouched for by the last
/// run), when a meta-issue it links into changed, or when a changed meta-issue links (before or after the edit) into it. Anything else
/// (a file added, removed or renamed, a lesson edited, a setting or <c>.metaissue.json</c> changed, a link target
/// outside the tree or the git branches MI003 consulted changed) means a full check. Tree-wide rules other than the link rules always run in full. A
/// lesson's links are resolved again only when a meta-issue they lead into is re-checked; otherwise the last check's
/// link findings on it, and the meta-issues it links to, are taken as they were.
/// </summary>
internal sealed class IncrementalCheck
{
    private readonly DocsTree _tree;
    private readonly RuleResults? _previous;
    private readonly DateTime _startedUtc;
    private readonly Dictionary<string, UnitResults> _previousUnits;
    private readonly Dictionary<string, LessonResults> _previousLessons;
    private readonly StringBuilder _stampText = new(4096);

    private IncrementalCheck(DocsTree tree, string key, RuleResults? previous, DateTime startedUtc)
    {
        _tree = tree;
        Key = key;
        _startedUtc = startedUtc;
        _previous = previous?.Key == key && previous.OutsideFingerprint == InputFingerprint.OfPaths(previous.OutsidePaths) ? previous : null;
        _previousUnits = (_previous?.Units ?? []).ToDictionary(u => u.Path, StringComparer.Ordinal);
        _previousLessons = new Dictionary<string, LessonResults>(StringComparer.Ordinal);
        foreach (var lesson in _previous?.Lessons ?? [])
        {
            _previousLessons[lesson.Path] = lesson;
        }
    }

    private string Key { get; }

    /// <summary>
    /// Opens the last results under <paramref name="cacheDirectory"/> for <paramref name="tree"/> (read with
    /// <paramref name="options"/>, its documents stamped by the loader, the check begun at <paramref name="startedUtc"/>).
    /// </summary>
    public static IncrementalCheck Open(string cacheDirectory, DocsTree tree, CheckerOptions options, DateTime startedUtc) =>
        new(tree, KeyOf(tree, options), RuleResultsFile.Read(cacheDirectory), startedUtc);

    /// <summary>
    /// The meta-issues to re-check (null: all of them), after setting which documents' links <paramref name="links"/>
    /// resolves: those of the meta-issues re-checked, of the meta-issues linking into them, and of the lessons linking
    /// into a re-checked meta-issue. The other lessons keep the last check's link findings and targets.
    /// </summary>
    public ISet<MetaIssueFolder>? Plan(TreeLinks links)
    {
        if (_previous is null)
        {
            return null;
        }

        if (StampOf(_tree.Lessons) is not { } lessons || lessons != _previous.LessonsStamp)
        {
            return null; // a lesson changed: every meta-issue's lessons may have changed
        }

        // Changed: a file's size or time differs, a file is racy now, or the last run could not vouch for the meta-issue.
        var changed = _tree.MetaIssues
            .Where(m => !_previousUnits.TryGetValue(m.FullPath, out var unit) || StampOf(m.Documents) is not { } stamp || stamp != unit.Stamp)
            .ToList();
        var byPath = _tree.MetaIssues.ToDictionary(m => m.FullPath, StringComparer.Ordinal);
        var scope = new HashSet<MetaIssueFolder>(changed);
        foreach (var issue in changed)
        {
            scope.UnionWith(PreviousLinksInto(issue).Select(p => byPath.TryGetValue(p, out var m) ? m : null).OfType<MetaIssueFolder>());
            scope.UnionWith(issue.Documents.SelectMany(links.Resolve).Where(t => t.Kind == LinkTargetKind.Local)
                .Select(t => _tree.MetaIssueContaining(t.Path)).OfType<MetaIssueFolder>());
        }

        var changedPaths = new HashSet<string>(changed.Select(m => m.FullPath), StringComparer.Ordinal);
        scope.UnionWith(_previousUnits.Values.Where(u => u.LinksInto.Any(changedPaths.Contains))
            .Select(u => byPath.TryGetValue(u.Path, out var m) ? m : null).OfType<MetaIssueFolder>());

        // Renaming a folder edits the links into it, so the documents linking into a re-checked meta-issue are resolved too.
        var scopePaths = new HashSet<string>(scope.Select(m => m.FullPath), StringComparer.Ordinal);
        var resolved = new HashSet<MetaIssueFolder>(scope);
        resolved.UnionWith(_previousUnits.Values.Where(u => u.LinksInto.Any(scopePaths.Contains))
            .Select(u => byPath.TryGetValue(u.Path, out var m) ? m : null).OfType<MetaIssueFolder>());

        // A lesson's link findings change only with the meta-issues it links into (anchors; renames edit its links).
        var kept = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var lesson in _tree.Lessons)
        {
            if (_previousLessons.TryGetValue(lesson.FullPath, out var results) && !results.LinksInto.Any(scopePaths.Contains))
            {
                kept[lesson.FullPath] = results.ExistingInto;
            }
        }

        links.KnownLessonTargets = kept;
        links.Resolving = document => _tree.MetaIssueContaining(document.FullPath) is { } issue ? resolved.Contains(issue) : !kept.ContainsKey(document.FullPath);
        return scope;
    }

    /// <summary>
    /// The findings of the whole tree: the fresh ones of this run (<paramref name="sink"/>, with rules run on
    /// <paramref name="scope"/>) and, for meta-issues outside it, the last run's. <paramref name="consulted"/>: what this
    /// run's rules looked at outside the tree (link targets, files read for anchors, git's branches), kept with the last
    /// run's. Saves the results for the next run under <paramref name="cacheDirectory"/>, unless it is null.
    /// </summary>
    public (List<Diagnostic> Diagnostics, IReadOnlyList<string> OutsidePaths) Merge(
        DiagnosticSink sink, ISet<MetaIssueFolder>? scope, TreeLinks links, IEnumerable<string> consulted, string? cacheDirectory)
    {
        var fresh = new Dictionary<MetaIssueFolder, List<Diagnostic>>();
        var freshLessons = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        foreach (var lesson in _tree.Lessons)
        {
            freshLessons[lesson.FullPath] = new List<Diagnostic>();
        }
        var diagnostics = new List<Diagnostic>();
        for (var i = 0; i < sink.Diagnostics.Count; i++)
        {
            var diagnostic = sink.Diagnostics[i];
            var producer = sink.Producers[i] ?? (IsLinkRule(diagnostic.Rule) ? _tree.MetaIssueContaining(diagnostic.FilePath) : null);
            if (producer is null)
            {
                diagnostics.Add(diagnostic);
                if (IsLinkRule(diagnostic.Rule) && freshLessons.TryGetValue(diagnostic.FilePath, out var onLesson))
                {
                    onLesson.Add(diagnostic);
                }
            }
            else if (scope is null || scope.Contains(producer))
            {
                diagnostics.Add(diagnostic);
                if (!fresh.TryGetValue(producer, out var list))
                {
                    fresh[producer] = list = new List<Diagnostic>();
                }

                list.Add(diagnostic);
            }
        }

        var units = new List<UnitResults>();
        foreach (var issue in _tree.MetaIssues)
        {
            if (scope is not null && !scope.Contains(issue))
            {
                var kept = _previousUnits[issue.FullPath];
                diagnostics.AddRange(kept.Diagnostics);
                units.Add(kept);
            }
            else if (StampOf(issue.Documents) is { } stamp)
            {
                var linksInto = MetaIssuesInto(issue.Documents.SelectMany(links.Of), except: issue);
                units.Add(new UnitResults(issue.FullPath, stamp, linksInto, fresh.TryGetValue(issue, out var found) ? found.Distinct().ToList() : []));
            }
        }

        var lessons = new List<LessonResults>();
        foreach (var lesson in _tree.Lessons)
        {
            if (scope is not null && links.KnownLessonTargets is { } kept && kept.ContainsKey(lesson.FullPath))
            {
                var results = _previousLessons[lesson.FullPath];
                diagnostics.AddRange(results.Diagnostics);
                lessons.Add(results);
            }
            else
            {
                var linksInto = MetaIssuesInto(links.Of(lesson), except: null);
                var existingInto = links.MetaIssuesLinkedFrom(lesson).Select(m => m.FullPath).ToList();
                lessons.Add(new LessonResults(lesson.FullPath, linksInto, existingInto, freshLessons[lesson.FullPath].Distinct().ToList()));
            }
        }

        var outside = consulted.Concat(_previous?.OutsidePaths ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (cacheDirectory is null)
        {
            return (diagnostics, outside);
        }

        RuleResultsFile.Write(cacheDirectory, new RuleResults(Key, StampOf(_tree.Lessons), outside, InputFingerprint.OfPaths(outside), units, lessons));
        return (diagnostics, outside);
    }

    /// <summary>The meta-issues (full paths, each once) that <paramref name="resolved"/> lead into with a local target, existing or not, but <paramref name="except"/>.</summary>
    private List<string> MetaIssuesInto(IEnumerable<ResolvedLink> resolved, MetaIssueFolder? except) => resolved
        .Where(l => l.Target.Kind == LinkTargetKind.Local)
        .Select(l => _tree.MetaIssueContaining(l.Target.Path))
        .OfType<MetaIssueFolder>()
        .Where(m => m != except)
        .Select(m => m.FullPath)
        .Distinct(StringComparer.Ordinal)
        .ToList();

    /// <summary>The link rules report at the document holding the link: their findings belong to its meta-issue.</summary>
    private static bool IsLinkRule(RuleDescriptor rule) => rule == BrokenLinkRule.Definition || rule == BrokenAnchorRule.Definition;

    private IEnumerable<string> PreviousLinksInto(MetaIssueFolder issue) =>
        _previousUnits.TryGetValue(issue.FullPath, out var unit) ? unit.LinksInto : [];

    /// <summary>
    /// The paths, sizes and last write times of <paramref name="documents"/>, hashed; null when one of them could not
    /// be read, or was written so close to this check that a later write could keep its size and time.
    /// </summary>
    private string? StampOf(IEnumerable<DocumentFile> documents)
    {
        var text = _stampText.Clear(); // one buffer for the thousands of stamps of a check (called on one thread)
        foreach (var document in documents)
        {
            if (document.Problem is not null || document.Stamp is not { } stamp
                || InputFingerprint.IsRacy(new DateTime(stamp.Ticks, DateTimeKind.Utc), _startedUtc))
            {
                return null;
            }

            text.Append(document.FullPath).Append('\u001f').Append(stamp.Length).Append('\u001f').Append(stamp.Ticks).Append('\n');
        }

        return Sha256Hex.Of(text);
    }

    /// <summary>The settings, <c>.metaissue.json</c>'s bytes and the tree's shape: what no incremental check may see change.</summary>
    private static string KeyOf(DocsTree tree, CheckerOptions options)
    {
        // Fields joined by U+001F, one line each, written without per-line arrays or boxing; a meta-issue's paths are
        // written from its folder on (17,000 lines at 1,000 meta-issues: full paths would make megabytes to hash).
        var text = new StringBuilder(256 * 1024);
        void Line(string kind, string? a, string? b = null, string? c = null)
        {
            text.Append(kind).Append('\u001f').Append(a).Append('\u001f').Append(b).Append('\u001f').Append(c).Append('\n');
        }

        void Below(string kind, string folder, string? path, string? more = null)
        {
            text.Append(kind).Append('\u001f');
            if (path is not null && path.Length > folder.Length && path.StartsWith(folder, StringComparison.Ordinal))
            {
                text.Append(path, folder.Length, path.Length - folder.Length);
            }
            else
            {
                text.Append(path);
            }

            text.Append('\u001f').Append(more).Append('\n');
        }

        Line("options", tree.RepositoryRoot, options.MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), tree.LessonsRoot);
        Line("roots", string.Join("\u001e", tree.MetaIssueRoots));
        var config = Path.Combine(tree.RepositoryRoot, Scanning.RepositoryConfig.FileName);
        Line("config", File.Exists(config) ? Sha256Hex.Of(File.ReadAllBytes(config)) : "-");
        foreach (var issue in tree.MetaIssues)
        {
            Line("issue", issue.FullPath, issue.RootRelativePath);
            var folder = issue.FullPath;
            foreach (var core in issue.CoreDocuments)
            {
                Below("core", folder, core.Value.FullPath, core.Key + (core.Value.IsFolder ? " folder" : " file"));
            }

            foreach (var attempt in issue.Attempts)
            {
                Below("attempt", folder, attempt.FullPath);
                Below("approach", folder, attempt.SolutionApproach?.FullPath);
                Below("results", folder, attempt.AttemptResults?.FullPath);
            }

            foreach (var other in issue.OtherDocuments)
            {
                Below("other", folder, other.FullPath);
            }

            foreach (var misplaced in issue.MisplacedEntries)
            {
                Below("misplaced", folder, misplaced.FullPath, misplaced.Message);
            }
        }

        foreach (var lesson in tree.Lessons)
        {
            Line("lesson", lesson.FullPath);
        }

        foreach (var problem in tree.Problems)
        {
            Line("problem", problem.FullPath, problem.Message);
        }

        foreach (var twin in tree.Twins)
        {
            Line("twin", twin.Twin.FullPath, twin.Original.FullPath);
        }

        foreach (var stray in tree.StrayFolders)
        {
            Line("stray", stray);
        }

        return Sha256Hex.Of(text);
    }
}
