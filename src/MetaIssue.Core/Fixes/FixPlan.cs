using System.Text;
using MetaIssue.IO;

namespace MetaIssue.Fixes;

/// <summary>
/// The changes accepted so far in one <see cref="FixApplier"/> run. A fix is staged change by change against the
/// accepted ones and its own earlier changes, and committed only when every change passes.
/// </summary>
internal sealed class FixPlan
{
    private static readonly StringComparer PathComparer =
        Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private readonly FixApplier _applier;
    private readonly Dictionary<string, PlannedFile?> _files = new(PathComparer);
    private readonly Dictionary<string, string?> _problems = new(PathComparer);
    private readonly SortedDictionary<string, string> _creations = new(StringComparer.Ordinal);
    private readonly List<FolderMove> _renames = new();
    private int _order;

    public FixPlan(FixApplier applier) => _applier = applier;

    public IEnumerable<PlannedFile> EditedFiles =>
        _files.Values.Where(file => file is { Accepted.Count: > 0 }).Select(file => file!).OrderBy(file => file.Path, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Creations => _creations;

    public IReadOnlyList<FolderMove> Renames => _renames;

    /// <summary>Accepts the whole fix, or returns why not (and accepts nothing of it).</summary>
    public string? TryAccept(Fix fix)
    {
        var edits = new List<(PlannedFile File, ResolvedEdit Edit)>();
        var creations = new Dictionary<string, string>(PathComparer);
        var renames = new List<FolderMove>();
        foreach (var change in fix.Changes)
        {
            var reason = change switch
            {
                TextEdit edit => StageEdit(fix, edit, edits),
                FileCreation creation => StageCreation(creation, creations, renames),
                FolderRename rename => StageRename(fix, rename, edits, creations, renames),
                _ => $"unknown change {change.GetType().Name}",
            };
            if (reason is not null)
            {
                return reason;
            }
        }

        foreach (var (file, edit) in edits)
        {
            file.Accepted.Add(edit);
        }

        foreach (var creation in creations)
        {
            _creations[creation.Key] = creation.Value;
        }

        _renames.AddRange(renames);
        return null;
    }

    private string? StageEdit(Fix fix, TextEdit edit, List<(PlannedFile File, ResolvedEdit Edit)> staged)
    {
        var path = Full(edit.Path, out var pathProblem);
        if (pathProblem is not null)
        {
            return pathProblem;
        }

        var file = Load(path, out var problem);
        if (file is null)
        {
            return $"{Label(path)} {problem}";
        }

        if (!string.Equals(edit.ExpectedHash, file.Text.Hash, StringComparison.OrdinalIgnoreCase))
        {
            return $"{Label(path)} changed since it was read (its content hash differs); check again and fix from the new text";
        }

        var start = file.Text.Resolve(edit.Start);
        var end = file.Text.Resolve(edit.End);
        if (start < 0 || end < start)
        {
            return $"{Label(path)}: the range {edit.Start} to {edit.End} is not inside the text";
        }

        var resolved = new ResolvedEdit(start, end, file.Text.WithFileLineBreaks(edit.NewText), fix, _order++);
        var earlier = file.Accepted.Concat(staged.Where(s => ReferenceEquals(s.File, file)).Select(s => s.Edit)).ToArray();
        if (earlier.Any(e => e.Start == start && e.End == end && e.NewText == resolved.NewText))
        {
            return null; // the same edit twice (two findings asking for one line) is made once
        }

        var clash = earlier.FirstOrDefault(e => Overlap(e, resolved));
        if (clash is not null)
        {
            return ReferenceEquals(clash.Owner, fix)
                ? $"{Label(path)}: two of its own edits overlap; the fix is inconsistent"
                : $"{Label(path)}: its edit overlaps one of the earlier fix '{clash.Owner.Title}' (the first wins)";
        }

        staged.Add((file, resolved));
        return null;
    }

    private string? StageCreation(FileCreation creation, Dictionary<string, string> staged, List<FolderMove> stagedRenames)
    {
        var path = Full(creation.Path, out var pathProblem);
        if (pathProblem is not null)
        {
            return pathProblem;
        }

        if (File.Exists(path) || Directory.Exists(path) || IsLink(path))
        {
            return $"{Label(path)} already exists; nothing is overwritten";
        }

        if ((_creations.TryGetValue(path, out var planned) || staged.TryGetValue(path, out planned)))
        {
            return planned == creation.Content ? null : $"{Label(path)} is created with other content by an earlier fix (the first wins)";
        }

        var folder = _renames.Concat(stagedRenames).FirstOrDefault(move => Touches(move, path));
        if (folder is not null)
        {
            return $"{Label(path)} lies in {Label(folder.OldPath)} or {Label(folder.NewPath)}, which a rename moves";
        }

        staged[path] = creation.Content;
        return null;
    }

    private string? StageRename(Fix fix, FolderRename rename, List<(PlannedFile File, ResolvedEdit Edit)> edits, Dictionary<string, string> creations, List<FolderMove> staged)
    {
        var oldPath = Full(rename.OldPath, out var problem) ;
        var newPath = problem is null ? Full(rename.NewPath, out problem) : oldPath;
        if (problem is not null)
        {
            return problem;
        }

        if (!Directory.Exists(oldPath) || IsLink(oldPath))
        {
            return $"{Label(oldPath)} is not a folder that can be renamed (missing, a file or a link)";
        }

        if (File.Exists(newPath) || Directory.Exists(newPath) || IsLink(newPath))
        {
            return $"{Label(newPath)} already exists; nothing is overwritten";
        }

        if (PathText.IsUnder(oldPath, newPath))
        {
            return $"{Label(oldPath)} cannot be moved into itself ({Label(newPath)})";
        }

        var move = new FolderMove(oldPath, newPath);
        var clash = _renames.Concat(staged).FirstOrDefault(other => Touches(other, oldPath) || Touches(other, newPath) || Touches(move, other.OldPath));
        if (clash is not null)
        {
            return $"{Label(oldPath)}: its rename conflicts with the rename of {Label(clash.OldPath)} to {Label(clash.NewPath)}";
        }

        if (_creations.Keys.Concat(creations.Keys).Any(created => Touches(move, created)))
        {
            return $"{Label(oldPath)}: a fix creates a file inside the folder it renames";
        }

        foreach (var edit in rename.LinkEdits)
        {
            var reason = StageEdit(fix, edit, edits);
            if (reason is not null)
            {
                return reason;
            }
        }

        staged.Add(move);
        return null;
    }

    /// <summary>Insertions at one point never clash (they keep fix order); any other shared character does.</summary>
    private static bool Overlap(ResolvedEdit a, ResolvedEdit b)
    {
        if (a.Start == a.End && b.Start == b.End)
        {
            return false;
        }

        if (a.Start == a.End)
        {
            return b.Start < a.Start && a.Start < b.End;
        }

        if (b.Start == b.End)
        {
            return a.Start < b.Start && b.Start < a.End;
        }

        return a.Start < b.End && b.Start < a.End;
    }

    private static bool Touches(FolderMove move, string path) => PathText.IsUnder(move.OldPath, path) || PathText.IsUnder(move.NewPath, path);

    private static bool IsLink(string path)
    {
        try
        {
            return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    private string Full(string path, out string? problem)
    {
        problem = null;
        string full;
        try
        {
            full = PathText.Normalize(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            problem = $"'{path}' is not a valid path ({FileContent.OneLine(exception.Message)})";
            return path;
        }

        if (!_applier.InRoots(full))
        {
            problem = $"{Label(full)} is outside the folders fixes may write to";
        }

        return full;
    }

    private PlannedFile? Load(string path, out string? problem)
    {
        if (!_files.TryGetValue(path, out var file))
        {
            var text = EditableText.Read(path, out var readProblem);
            file = text is null ? null : new PlannedFile(path, text);
            _files[path] = file;
            _problems[path] = readProblem;
        }

        problem = _problems[path];
        return file;
    }

    private string Label(string path) => _applier.Label(path);
}

/// <summary>A file with the edits accepted for it, offsets into its text as read.</summary>
internal sealed class PlannedFile
{
    public PlannedFile(string path, EditableText text)
    {
        Path = path;
        Text = text;
    }

    public string Path { get; }

    public EditableText Text { get; }

    public List<ResolvedEdit> Accepted { get; } = new();

    /// <summary>The accepted edits by position; insertions at one point in fix order, before a replacement starting there.</summary>
    public IReadOnlyList<ResolvedEdit> SortedEdits() =>
        Accepted.OrderBy(e => e.Start).ThenBy(e => e.End).ThenBy(e => e.Order).ToArray();

    public string Render()
    {
        var output = new StringBuilder(Text.Text.Length + 256);
        var at = 0;
        foreach (var edit in SortedEdits())
        {
            output.Append(Text.Text, at, edit.Start - at).Append(edit.NewText);
            at = edit.End;
        }

        return output.Append(Text.Text, at, Text.Text.Length - at).ToString();
    }
}
