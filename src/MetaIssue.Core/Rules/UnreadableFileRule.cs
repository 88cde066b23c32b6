using MetaIssue.Text;
using MetaIssue.Diagnostics;
using MetaIssue.Markdown;

namespace MetaIssue.Rules;

/// <summary>MI900: files that could not be read or parsed, and folders that could not be listed or were not followed.</summary>
internal sealed class UnreadableFileRule : Rule
{
    /// <summary>MI900's code, title, description and message format: the source of its catalogue entry and help page.</summary>
    public static readonly RuleDescriptor Definition = new(
        "MI900", "UnreadableFile", "A file could not be read or parsed",
        "A file or folder of the docs tree could not be read (I/O error, not UTF-8, binary, over the size limit, a folder link not followed); the rest is still checked.",
        MessageFormat: "{0} {1}");

    public override RuleDescriptor Descriptor => Definition;

    public override void Check(CheckContext context, RuleSink report)
    {
        foreach (var document in context.Tree.Documents.Where(d => d.Problem is not null))
        {
            report.At(document.FullPath, SourceRange.FileStart, document.FileName, document.Problem);
        }

        foreach (var problem in context.Tree.ConfigProblems)
        {
            report.At(problem.FullPath, problem.Range, Path.GetFileName(problem.FullPath), problem.Message);
        }

        foreach (var problem in context.Tree.Problems)
        {
            report.At(problem.FullPath, null, $"'{Path.GetFileName(problem.FullPath)}'", problem.Message);
        }
    }
}
