using MetaIssue.Markdown;
using MetaIssue.Model;

namespace MetaIssue.Links;

/// <summary>
/// A link of a checked document together with where it leads. A value (40 bytes) that names the link by its index in
/// the document's <see cref="MarkdownFacts.Links"/> rather than copying it: a large tree has hundreds of thousands.
/// </summary>
internal readonly struct ResolvedLink
{
    private readonly int _index;

    public ResolvedLink(DocumentFile document, int index, LinkTarget target)
    {
        Document = document;
        _index = index;
        Target = target;
    }

    public DocumentFile Document { get; }

    /// <summary>The link as written (the document's facts are kept for the whole check).</summary>
    public LinkFact Link => Document.Facts!.Links[_index];

    public LinkTarget Target { get; }

    public void Deconstruct(out DocumentFile document, out LinkFact link, out LinkTarget target)
    {
        document = Document;
        link = Link;
        target = Target;
    }
}
