using MetaIssue.Fixes;
using MetaIssue.Text;

namespace MetaIssue.Diagnostics;

/// <summary>
/// One finding: the rule, the file (or folder) to edit, where in it (null when the finding is about a whole folder),
/// and a one-line message saying what is wrong and what to do.
/// </summary>
public sealed record Diagnostic(RuleDescriptor Rule, string FilePath, SourceRange? Range, string Message)
{
    /// <summary>The rule's code, e.g. <c>MI012</c>.</summary>
    public string Code => Rule.Id;

    /// <summary>
    /// The change that resolves the finding, when the rule can derive one (its message's advice is rendered from it,
    /// see <see cref="FixAdvice"/>); null when only a person can resolve it. Filled through
    /// <c>RuleSink.At(path, range, fix, arguments)</c>; applied by <c>MetaIssueFixer</c>.
    /// </summary>
    public Fix? Fix { get; init; }

    /// <summary>Two findings are the same finding whatever fix they carry (a replayed finding carries none).</summary>
    public bool Equals(Diagnostic? other) =>
        other is not null && Rule == other.Rule && FilePath == other.FilePath && Range == other.Range && Message == other.Message;

    public override int GetHashCode() =>
        unchecked((((Rule.GetHashCode() * 31) + StringComparer.Ordinal.GetHashCode(FilePath)) * 31 + Range.GetHashCode()) * 31 + StringComparer.Ordinal.GetHashCode(Message));

    public override string ToString() =>
        Range is { } r ? $"{FilePath}({r.Line},{r.Column}): {Code}: {Message}" : $"{FilePath}: {Code}: {Message}";
}
