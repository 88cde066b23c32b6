using MetaIssue.Markdown;

namespace MetaIssue.Diagnostics;

/// <summary>
/// One finding: the rule, the file (or folder) to edit, where in it (null when the finding is about a whole folder),
/// and a one-line message saying what is wrong and what to do.
/// </summary>
public sealed record Diagnostic(RuleDescriptor Rule, string FilePath, SourceRange? Range, string Message)
{
    public string Code => Rule.Id;

    public override string ToString() =>
        Range is { } r ? $"{FilePath}({r.Line},{r.Column}): {Code}: {Message}" : $"{FilePath}: {Code}: {Message}";
}
