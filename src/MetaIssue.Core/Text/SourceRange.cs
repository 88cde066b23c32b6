namespace MetaIssue.Text;

/// <summary>A 1-based, inclusive line/column range in a text file, as MSBuild and SARIF expect it.</summary>
public readonly record struct SourceRange(int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>The first character of a file: used when a finding concerns the file as a whole.</summary>
    public static SourceRange FileStart { get; } = new(1, 1, 1, 1);

    public override string ToString() => $"({Line},{Column},{EndLine},{EndColumn})";
}
