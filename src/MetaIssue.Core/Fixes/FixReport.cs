namespace MetaIssue.Fixes;

/// <summary>
/// What a <see cref="FixApplier"/> run did: the fixes applied and skipped (with why), the files changed, created and
/// the folders renamed (full paths), the unified diff of all of it, and any write that failed.
/// </summary>
public sealed class FixReport
{
    internal FixReport(
        bool dryRun,
        IReadOnlyList<Fix> applied,
        IReadOnlyList<SkippedFix> skipped,
        IReadOnlyList<string> changedFiles,
        IReadOnlyList<string> createdFiles,
        IReadOnlyList<FolderMove> renamedFolders,
        IReadOnlyList<string> problems,
        string diff)
    {
        DryRun = dryRun;
        Applied = applied;
        Skipped = skipped;
        ChangedFiles = changedFiles;
        CreatedFiles = createdFiles;
        RenamedFolders = renamedFolders;
        Problems = problems;
        Diff = diff;
    }

    /// <summary>True when nothing was written (the lists then say what would have been).</summary>
    public bool DryRun { get; }

    /// <summary>Fixes whose every change was (or in a dry run would be) made, in the order given.</summary>
    public IReadOnlyList<Fix> Applied { get; }

    /// <summary>Fixes left out whole, with the reason, in the order given.</summary>
    public IReadOnlyList<SkippedFix> Skipped { get; }

    /// <summary>Existing files rewritten, full paths.</summary>
    public IReadOnlyList<string> ChangedFiles { get; }

    /// <summary>Files created, full paths.</summary>
    public IReadOnlyList<string> CreatedFiles { get; }

    /// <summary>Folders renamed, in order.</summary>
    public IReadOnlyList<FolderMove> RenamedFolders { get; }

    /// <summary>Writes that failed (a file changed meanwhile, an I/O error); empty on success.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The unified diff of every change, file by file in a stable order; empty when nothing changes.</summary>
    public string Diff { get; }

    /// <summary>True when a file was (or in a dry run would be) changed, created or renamed.</summary>
    public bool ChangedAnything => ChangedFiles.Count + CreatedFiles.Count + RenamedFolders.Count > 0;
}

/// <summary>A fix that was not applied, and why (overlap with an earlier fix, a changed file, a path outside the roots, an existing target...).</summary>
public sealed record SkippedFix(Fix Fix, string Reason);

/// <summary>A folder renamed from <see cref="OldPath"/> to <see cref="NewPath"/> (full paths).</summary>
public sealed record FolderMove(string OldPath, string NewPath);
