using MetaIssue.Markdown;
using MetaIssue.Model;

namespace MetaIssue.Links;

/// <summary>A link of a checked document together with where it leads.</summary>
internal sealed record ResolvedLink(DocumentFile Document, LinkFact Link, LinkTarget Target);
