using System.Text;
using MetaIssue.IO;

namespace MetaIssue.Fixes;

/// <summary>
/// Applies fixes as one change. Fixes are taken in the order given; each is planned whole against the files as read
/// and against the fixes already accepted, and is skipped whole (never half-applied) when any of its changes would
/// overlap an accepted edit (the first wins), edit a file whose content hash differs from the one it was computed
/// from, touch a path outside the allowed roots or a symbolic link, create something that exists, or rename a
/// folder that is missing or onto one that exists. Several insertions at one point are kept in fix order.
/// Accepted edits are then written file by file, atomically (<see cref="AtomicFile"/>), keeping the BOM, the line
/// break style and every byte outside the edited ranges; creations follow, renames last. A dry run plans the same
/// and writes nothing; both give the unified diff.
/// </summary>
public sealed class FixApplier
{
    private readonly string _repositoryRoot;
    private readonly IReadOnlyList<string> _roots;

    /// <param name="repositoryRoot">The folder diff labels and messages are relative to.</param>
    /// <param name="allowedRoots">The only folders the applier writes into (meta-issue roots and the lessons root).</param>
    public FixApplier(string repositoryRoot, IEnumerable<string> allowedRoots)
    {
        _repositoryRoot = PathText.Normalize(repositoryRoot);
        _roots = allowedRoots.Select(PathText.Normalize).ToArray();
    }

    /// <summary>Applies <paramref name="fixes"/> in order, each whole or not at all: a fix is skipped (with its reason in
    /// <see cref="FixReport.Skipped"/>) when it overlaps an earlier one, its file changed since it was computed (content
    /// hash), or it writes outside the allowed roots or over an existing file. Writes are atomic. I/O failures are
    /// reported in <see cref="FixReport.Problems"/>, not thrown. With <paramref name="dryRun"/> nothing is written and the
    /// report says what would be. Calls that touch the same files must not run at the same time.</summary>
    public FixReport Apply(IEnumerable<Fix> fixes, bool dryRun = false)
    {
        var plan = new FixPlan(this);
        var applied = new List<Fix>();
        var skipped = new List<SkippedFix>();
        foreach (var fix in fixes)
        {
            var reason = plan.TryAccept(fix);
            if (reason is null)
            {
                applied.Add(fix);
            }
            else
            {
                skipped.Add(new SkippedFix(fix, reason));
            }
        }

        var problems = new List<string>();
        var changed = new List<string>();
        var created = new List<string>();
        var renamed = new List<FolderMove>();
        var diff = new StringBuilder();

        foreach (var file in plan.EditedFiles)
        {
            var newText = file.Render();
            if (newText == file.Text.Text)
            {
                continue;
            }

            diff.Append(UnifiedDiff.ForEdits(Label(file.Path), file.Text, file.SortedEdits()));
            if (dryRun || Write(file.Path, () => WriteEdited(file, newText), problems))
            {
                changed.Add(file.Path);
            }
        }

        foreach (var creation in plan.Creations)
        {
            diff.Append(UnifiedDiff.ForCreation(Label(creation.Key), creation.Value));
            if (dryRun || Write(creation.Key, () => WriteCreated(creation.Key, creation.Value), problems))
            {
                created.Add(creation.Key);
            }
        }

        foreach (var move in plan.Renames)
        {
            foreach (var file in FilesBelow(move.OldPath))
            {
                var relative = file.Substring(move.OldPath.Length);
                diff.Append(UnifiedDiff.ForRename(Label(file), Label(move.NewPath + relative)));
            }

            if (dryRun || Write(move.OldPath, () => Move(move), problems))
            {
                renamed.Add(move);
            }
        }

        return new FixReport(dryRun, applied, skipped, changed, created, renamed, problems, diff.ToString());
    }

    /// <summary>The full path, '/'-separated and relative to the repository root, as messages and diffs show it.</summary>
    internal string Label(string fullPath) => PathText.FromRoot(_repositoryRoot, fullPath);

    internal bool InRoots(string fullPath) => _roots.Any(root => PathText.IsUnder(root, fullPath) && fullPath.Length > root.Length);

    private static void WriteEdited(PlannedFile file, string newText)
    {
        // The edits were computed from the text read while planning; a write that raced with an editor must not win.
        var current = EditableText.Read(file.Path, out var problem);
        if (current is null || current.Hash != file.Text.Hash || current.HasBom != file.Text.HasBom)
        {
            throw new IOException(current is null ? problem : "it changed while the fixes were applied; not written");
        }

        var bytes = file.Text.Encode(newText);
        AtomicFile.Write(file.Path, stream => stream.Write(bytes, 0, bytes.Length));
    }

    private static void WriteCreated(string path, string content)
    {
        if (File.Exists(path) || Directory.Exists(path))
        {
            throw new IOException("it appeared while the fixes were applied; nothing is overwritten");
        }

        var bytes = new UTF8Encoding(false).GetBytes(content);
        AtomicFile.Write(path, stream => stream.Write(bytes, 0, bytes.Length));
    }

    private static void Move(FolderMove move)
    {
        var parent = Path.GetDirectoryName(move.NewPath);
        if (!string.IsNullOrEmpty(parent))
        {
            Directory.CreateDirectory(parent);
        }

        // Directory.Move never replaces an existing target: a target that appeared meanwhile fails here.
        Directory.Move(move.OldPath, move.NewPath);
    }

    private bool Write(string path, Action write, List<string> problems)
    {
        try
        {
            write();
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            problems.Add($"{Label(path)}: {FileContent.OneLine(exception.Message)}");
            return false;
        }
    }

    private static IEnumerable<string> FilesBelow(string folder)
    {
        try
        {
            return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).OrderBy(path => path, StringComparer.Ordinal).ToArray();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }
}
