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

    /// <summary>A path relative to the repository root, for messages.</summary>
    public string Display(string fullPath) => PathText.FromRoot(Tree.RepositoryRoot, fullPath);
}
