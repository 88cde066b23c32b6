using MetaIssue.Git;
using MetaIssue.IO;
using MetaIssue.Links;
using MetaIssue.Model;

namespace MetaIssue.Rules;

/// <summary>
/// What rules share: the tree (with its model-level indexes), the tree's links (resolved once, see
/// <see cref="TreeLinks"/>), and how paths are shown in messages.
/// </summary>
internal sealed class CheckContext
{
    public CheckContext(DocsTree tree, CheckerOptions options)
    {
        Tree = tree;
        Links = new TreeLinks(tree, options.MaxFileBytes);
    }

    public DocsTree Tree { get; }

    public TreeLinks Links { get; }

    /// <summary>Attempt numbers on other git branches; each repository's branches are listed once per check.</summary>
    public BranchAttempts Branches { get; } = new();

    /// <summary>
    /// What the rules looked at outside the tree's documents, for a later check to tell whether it changed: link targets
    /// probed, files read for anchors, and the git branches MI003 consulted (<see cref="BranchAttempts.Inputs"/>).
    /// </summary>
    public IEnumerable<string> OutsideInputs => Links.OutsidePaths.Concat(Branches.Inputs);

    /// <summary>
    /// The meta-issues per-meta-issue rules check in this run, or null for all of them (an incremental check re-checks
    /// only those whose inputs changed; the others' findings come from the last run).
    /// </summary>
    public ISet<MetaIssueFolder>? Scope { get; internal set; }

    /// <summary>The meta-issues of <see cref="Tree"/> in <see cref="Scope"/>, in tree order.</summary>
    public IEnumerable<MetaIssueFolder> MetaIssuesInScope =>
        Scope is null ? Tree.MetaIssues : Tree.MetaIssues.Where(Scope.Contains);

    /// <summary>A path relative to the repository root, for messages.</summary>
    public string Display(string fullPath) => PathText.FromRoot(Tree.RepositoryRoot, fullPath);
}
