namespace MetaIssue.Templates;

/// <summary>A file a template writes: its '/'-separated path relative to the folder the template writes into, and its text.</summary>
public sealed record RenderedFile(string Path, string Content);
