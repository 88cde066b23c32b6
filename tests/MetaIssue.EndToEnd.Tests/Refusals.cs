namespace MetaIssue.EndToEnd;

/// <summary>The parts of the templates' refusal messages that the tests look for.</summary>
internal static class Refusals
{
    /// <summary>`dotnet new` itself, when `-n` is missing (the templates set preferDefaultName without a default).</summary>
    public const string MissingName = "the template name is not specified";

    /// <summary>The guard option that makes a name starting with a dot fail.</summary>
    public const string NameStartsWithDot = "'--name-must-not-start-with-a-dot'";

    /// <summary>The refusing post action (exit code 105).</summary>
    public const string NothingWritten = "Refused, nothing was written";

    /// <summary>The refusal below a docs, meta-issues or lessons-learned folder that the templates do not write from.</summary>
    public const string NestedDocsFolder = "would be nested where the checker never looks";

    /// <summary>`dotnet new` itself, when a file it would write exists (exit code 73).</summary>
    public const string WouldOverwrite = "Creating this template will make changes to existing files";
}
