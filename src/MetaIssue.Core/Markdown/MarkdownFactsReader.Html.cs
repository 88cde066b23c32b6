using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace MetaIssue.Markdown;

/// <summary>The walk, continued: raw HTML (its links and anchors) and the text GitHub makes a heading's anchor from.</summary>
internal static partial class MarkdownFactsReader
{
    private sealed partial class Walker
    {
        // Source-generated where the framework has the generator (net8.0): a fresh build process then parses no
        // pattern and JIT-compiles no interpreter for it; netstandard2.0 builds them once, at first use.
        // An attribute inside a start tag, preceded by whitespace so data-id= is not id=; values double-, single- or
        // un-quoted (HTML Living Standard, 13.1.2.3 "Attributes").
        private const string HtmlAttributeText = @"(?<=\s)(?<name>href|src|id|name)\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s""'=<>`]+))";
        private const string StartTagText = @"<(?<tag>[A-Za-z][A-Za-z0-9-]*)(?<attributes>(?:\s[^<>]*)?)/?>";

#if NET7_0_OR_GREATER
        [GeneratedRegex(HtmlAttributeText, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
        private static partial Regex HtmlAttributePattern();
        [GeneratedRegex(StartTagText, RegexOptions.CultureInvariant)]
        private static partial Regex StartTagPattern();
#else
        private static readonly Regex HtmlAttributePatternInstance = new(HtmlAttributeText, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex StartTagPatternInstance = new(StartTagText, RegexOptions.CultureInvariant);

        private static Regex HtmlAttributePattern() => HtmlAttributePatternInstance;
        private static Regex StartTagPattern() => StartTagPatternInstance;
#endif

        private void ReadHtmlBlock(HtmlBlock block)
        {
            if (block.Type == HtmlBlockType.Comment || block.Lines.Count == 0)
            {
                return;
            }

            var source = block.Lines.Lines[0].Slice.Text;
            if (source is null || block.Span.Start < 0 || block.Span.End >= source.Length)
            {
                return;
            }

            ReadHtml(source.Substring(block.Span.Start, block.Span.Length), block.Span.Start);
        }

        /// <summary>
        /// Links (<c>&lt;a href&gt;</c>, <c>&lt;img src&gt;</c> and any other tag's <c>href</c>/<c>src</c>) and anchors
        /// (<c>id</c>, and <c>name</c> on <c>&lt;a&gt;</c>) of raw HTML starting at source offset <paramref name="offset"/>.
        /// </summary>
        private void ReadHtml(string html, int offset)
        {
            if (html.IndexOf('=') < 0 || html.StartsWith("<!--", StringComparison.Ordinal))
            {
                return;
            }

            foreach (Match tag in StartTagPattern().Matches(html))
            {
                var tagName = tag.Groups["tag"].Value;
                var attributes = tag.Groups["attributes"];
                foreach (Match attribute in HtmlAttributePattern().Matches(attributes.Value))
                {
                    var name = attribute.Groups["name"].Value.ToLowerInvariant();
                    var value = attribute.Groups["value"];
                    var decoded = WebUtility.HtmlDecode(value.Value);
                    if (name == "id" || (name == "name" && tagName.Equals("a", StringComparison.OrdinalIgnoreCase)))
                    {
                        _htmlAnchors.Add(decoded);
                    }
                    else if (name is "href" or "src")
                    {
                        var start = offset + attributes.Index + value.Index;
                        var range = _map.Range(start, start + Math.Max(0, value.Length - 1));
                        var kind = name == "src" ? LinkKind.Image : LinkKind.Inline;
                        _links.Add(new LinkFact(kind, decoded.Trim(), string.Empty, range));
                    }
                }
            }
        }

        /// <summary>
        /// The text GitHub builds a heading's anchor from: the text content of the rendered heading, so literal text,
        /// code span contents, decoded entities and link labels count, while images (their alt text is an attribute),
        /// HTML tags and footnote markers do not. Inner spaces are kept as they are, a trailing one included.
        /// </summary>
        private static string AnchorText(ContainerInline? root)
        {
            var builder = new StringBuilder();
            if (root is null)
            {
                return string.Empty;
            }

            var stack = new Stack<Inline>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                switch (stack.Pop())
                {
                    case LiteralInline literal:
                        builder.Append(literal.Content.ToString());
                        break;
                    case CodeInline code:
                        builder.Append(code.Content);
                        break;
                    case HtmlEntityInline entity:
                        builder.Append(entity.Transcoded.ToString());
                        break;
                    case LineBreakInline:
                        builder.Append(' ');
                        break;
                    case AutolinkInline autolink:
                        builder.Append(autolink.Url);
                        break;
                    case LinkInline { IsImage: true }:
                        break;
                    case ContainerInline container:
                        for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
                        {
                            stack.Push(child);
                        }

                        break;
                }
            }

            return builder.ToString();
        }
    }
}
