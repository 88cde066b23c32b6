namespace MetaIssue.Tool;

/// <summary>A usage or run error the user can act on: printed as one line on stderr, exit code 2, nothing written.</summary>
internal sealed class ToolException(string message) : Exception(message);
