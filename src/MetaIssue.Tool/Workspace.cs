using MetaIssue.Fixes;
using MetaIssue.IO;
using MetaIssue.Model;

namespace MetaIssue.Tool;

/// <summary>The repository a command works on: its root, the checker's settings for it, and the writes allowed in it.</summary>
internal sealed class Workspace
{
    private Workspace(string root)
    {
        Root = root;
        Options = new CheckerOptions(root);
    }

    public string Root { get; }

    public CheckerOptions Options { get; }

    public IReadOnlyList<string> MetaIssueRoots => Options.MetaIssueRoots.Select(r => PathText.Normalize(Path.Combine(Root, r))).ToArray();

    public string LessonsRoot => PathText.Normalize(Path.Combine(Root, Options.LessonsRoot));

    /// <summary>The folder given, else the nearest folder above the current one holding .git, else the current folder.</summary>
    public static Workspace Open(string? root)
    {
        if (!string.IsNullOrWhiteSpace(root))
        {
            var full = PathText.Normalize(root);
            return Directory.Exists(full) ? new Workspace(full) : throw new ToolException($"--root {root}: no such folder");
        }

        var current = PathText.Normalize(Directory.GetCurrentDirectory());
        for (var folder = new DirectoryInfo(current); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, ".git")) || File.Exists(Path.Combine(folder.FullName, ".git")))
            {
                return new Workspace(PathText.Normalize(folder.FullName));
            }
        }

        return new Workspace(current);
    }

    public CheckResult Check() => MetaIssueChecker.Check(Options);

    /// <summary>The meta-issue named <paramref name="name"/> (its folder name) under any root.</summary>
    public MetaIssueFolder Issue(DocsTree tree, string name) =>
        tree.MetaIssues.FirstOrDefault(issue => issue.Name == name)
        ?? throw new ToolException($"there is no meta-issue '{name}' under {string.Join(", ", Options.MetaIssueRoots)}; nothing was written"
            + (tree.MetaIssues.Count > 0 ? $" (meta-issues: {string.Join(", ", tree.MetaIssues.Select(i => i.Name))})" : string.Empty));

    public string Show(string path) => PathText.FromRoot(Root, path);

    /// <summary>Applies one fix whole, or refuses with its reason (exit 2, nothing written); prints what changed.</summary>
    public FixReport Apply(Fix fix, TextWriter output, bool dryRun = false)
    {
        var applier = new FixApplier(Root, MetaIssueRoots.Append(LessonsRoot));
        var report = applier.Apply(new[] { fix }, dryRun);
        if (report.Skipped.Count > 0)
        {
            throw new ToolException($"{report.Skipped[0].Reason}; nothing was written");
        }

        Print(report, output);
        if (report.Problems.Count > 0)
        {
            throw new ToolException("could not write: " + string.Join("; ", report.Problems));
        }

        return report;
    }

    public void Print(FixReport report, TextWriter output)
    {
        var verb = report.DryRun ? "would " : string.Empty;
        foreach (var created in report.CreatedFiles)
        {
            output.WriteLine($"{verb}create {Show(created)}");
        }

        foreach (var changed in report.ChangedFiles)
        {
            output.WriteLine($"{verb}change {Show(changed)}");
        }

        foreach (var moved in report.RenamedFolders)
        {
            output.WriteLine($"{verb}rename {Show(moved.OldPath)} -> {Show(moved.NewPath)}");
        }
    }
}
