using MetaIssue.Diagnostics;
using MetaIssue.IO;
using MetaIssue.Model;
using MetaIssue.Text;

namespace MetaIssue.Rules;

/// <summary>
/// MI006: a meta-issue the check cannot see where it is. A folder outside the meta-issue roots that looks like one
/// (README.md plus <c>attempts/NNN-…</c>, or the four core files) is never checked; a folder under a root holding only
/// <c>attempts/</c>, named one edit from a meta-issue (two for names of 12 characters or more), is a mistyped
/// <c>--issue</c>. Each gets one warning at the folder with the <c>git mv</c> command, run from the repository root,
/// that puts it where it belongs.
/// </summary>
internal sealed class MisplacedMetaIssueRule : Rule
{
    /// <summary>MI006's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI006", "MisplacedMetaIssue", "A meta-issue lies where it is never checked, or under a mistyped name",
        "A folder that looks like a meta-issue lies outside the meta-issue roots, or a folder holding only attempts/ is named one edit away from a meta-issue.",
        MessageFormat: "{0}; {1}");

    public override RuleDescriptor Descriptor => Definition;

    public override void Check(CheckContext context, RuleSink report)
    {
        var tree = context.Tree;
        var root = tree.MetaIssueRoots.Count > 0 ? tree.MetaIssueRoots[0] : Path.Combine(tree.RepositoryRoot, CheckerOptions.DefaultMetaIssueRoot);
        foreach (var stray in tree.StrayFolders)
        {
            var target = Path.Combine(root, Path.GetFileName(stray));
            var where = $"'{context.Display(stray)}' looks like a meta-issue but lies outside {context.Display(root)}/, so it is never checked";
            if (Directory.Exists(target) || File.Exists(target))
            {
                report.At(stray, null, where, $"{context.Display(target)} already exists: merge the two by hand, or move it under another name: git mv {Quoted(context, stray)} {ShellQuote.Word(context.Display(root) + "/<new-name>")}");
                continue;
            }

            var prepare = Directory.Exists(root) ? string.Empty : $"mkdir -p {Quoted(context, root)} && ";
            report.At(stray, null, where, $"move it, from the repository root: {prepare}git mv {Quoted(context, stray)} {Quoted(context, target)}");
        }

        foreach (var (twin, original) in tree.Twins)
        {
            var moves = twin.Attempts
                .Select(a => $"git mv {Quoted(context, a.FullPath)} {Quoted(context, Path.Combine(original.FullPath, MetaIssueFolder.AttemptsFolder, a.Name))}")
                .ToList();
            var command = moves.Count == 0 ? $"git rm -r {Quoted(context, twin.FullPath)}" : string.Join(" && ", moves);
            report.At(twin.FullPath, null,
                $"'{twin.Name}' holds only attempts/ and its name is {Edits(EditDistance.Between(twin.Name.ToLowerInvariant(), original.Name.ToLowerInvariant()))} from meta-issue '{original.Name}'",
                $"did you mean {original.Name}? move its attempts, from the repository root: {command}");
        }
    }

    private static string Edits(int count) => count == 1 ? "one edit" : $"{count} edits";

    private static string Quoted(CheckContext context, string fullPath) => ShellQuote.Word(context.Display(fullPath));
}
