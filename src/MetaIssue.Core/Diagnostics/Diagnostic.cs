using MetaIssue.Fixes;
using MetaIssue.Text;

namespace MetaIssue.Diagnostics;

/// <summary>
/// One finding: the rule, the file (or folder) to edit, where in it (null when the finding is about a whole folder),
/// and a one-line message saying what is wrong and what to do.
/// </summary>
public sealed record Diagnostic(RuleDescriptor Rule, string FilePath, SourceRange? Range, string Message)
{
    public string Code => Rule.Id;

    /// <summary>
    /// The edit that would resolve the finding (<see cref="Fixes.Fix"/>: text edits, file creations, folder renames,
    /// applied by <see cref="Fixes.FixApplier"/>), when the rule can propose one; null otherwise. A rule fills it
    /// through <c>RuleSink.At(path, range, fix, arguments)</c>.
    /// </summary>
    public Fix? Fix { get; init; }

    public override string ToString() =>
        Range is { } r ? $"{FilePath}({r.Line},{r.Column}): {Code}: {Message}" : $"{FilePath}: {Code}: {Message}";
}
