using MetaIssue.Diagnostics;
using MetaIssue.Markdown;

namespace MetaIssue.Rules;

/// <summary>MI900: files that could not be read or parsed, and folders that could not be listed or were not followed.</summary>
public sealed class UnreadableFileRule : IRule
{
    public RuleDescriptor Descriptor => RuleCatalog.UnreadableFile;

    public void Check(CheckContext context, DiagnosticSink sink)
    {
        foreach (var document in context.Tree.Documents.Where(d => d.Problem is not null))
        {
            sink.Report(Descriptor, document.FullPath, SourceRange.FileStart, $"{document.FileName} {document.Problem}");
        }

        foreach (var problem in context.Tree.Problems.Where(p => !p.IsMisplacedAttemptFile))
        {
            sink.Report(Descriptor, problem.FullPath, null, $"'{Path.GetFileName(problem.FullPath)}' {problem.Message}");
        }
    }
}
