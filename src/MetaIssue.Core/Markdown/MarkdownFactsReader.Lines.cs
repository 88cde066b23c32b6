using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MetaIssue.Conventions;

namespace MetaIssue.Markdown;

/// <summary>The walk, continued: rebuilding a block's inlines into positioned text lines, and the links met on the way.</summary>
internal static partial class MarkdownFactsReader
{
    private sealed partial class Walker
    {
        /// <summary>The line's text with code spans blanked out, so <c>`attempt-003`</c> in code names nothing.</summary>
        private static string CodeFree(TextLine line)
        {
            var text = line.Text;
            if (!line.HasCode)
            {
                return text;
            }

            char[]? chars = null;
            for (var i = 0; i < text.Length; i++)
            {
                if ((line.OriginAt(i) & TextOrigin.Code) != 0)
                {
                    chars ??= text.ToCharArray();
                    chars[i] = ' ';
                }
            }

            return chars is null ? text : new string(chars);
        }

        /// <summary>
        /// Flattens an inline tree into rendered lines (split at line breaks), recording links on the way.
        /// Reference-style usages are not recorded: their definition is, once, where its URL can be fixed.
        /// </summary>
        private List<TextLine> BuildLines(ContainerInline? root)
        {
            var lines = new List<TextLine>();
            var current = RentLine();
            lines.Add(current);
            if (root is null)
            {
                return lines;
            }

            var stack = _inlines;
            stack.Clear();
            PushInlineChildren(stack, root, TextOrigin.Plain);
            while (stack.Count > 0)
            {
                var (node, origin) = stack.Pop();
                switch (node)
                {
                    case LiteralInline literal:
                        AppendLiteral(current, literal, origin);
                        break;
                    case LineBreakInline:
                        current = RentLine();
                        lines.Add(current);
                        break;
                    case CodeInline code:
                        AppendSpan(current, code.Content, code.Span.Start + code.DelimiterCount, code.Span.End, origin | TextOrigin.Code);
                        break;
                    case HtmlEntityInline entity:
                        AppendSpan(current, entity.Transcoded.ToString(), entity.Span.Start, entity.Span.End, origin);
                        break;
                    case HtmlInline html:
                        ReadHtml(html.Tag ?? string.Empty, html.Span.Start);
                        break;
                    case AutolinkInline autolink:
                        AppendSpan(current, autolink.Url ?? string.Empty, autolink.Span.Start + 1, autolink.Span.End, origin | TextOrigin.Autolink);
                        break;
                    case TaskList task when !IsGfmTaskMarker(task):
                        // Markdig takes [x] anywhere in a list item for a checkbox; GitHub shows it as text.
                        AppendSpan(current, task.Checked ? "[x]" : "[ ]", task.Span.Start, task.Span.End, origin);
                        break;
                    case TaskList:
                        break;
                    case LinkInline link:
                        RecordLink(link);
                        current.OpenLink(link.Url ?? string.Empty);
                        stack.Push((LinkEnd.Instance, origin));
                        PushInlineChildren(stack, link, origin | TextOrigin.LinkLabel);
                        break;
                    case LinkEnd:
                        current.CloseLink();
                        break;
                    case ContainerInline container:
                        PushInlineChildren(stack, container, origin);
                        break;
                }
            }

            return lines;
        }

        /// <summary>
        /// A task list item marker as GFM 0.29 defines it (section 5.3): <c>[ ]</c>, <c>[x]</c> or <c>[X]</c> at the very
        /// start of the first paragraph of a list item, followed by whitespace or the end of the line.
        /// </summary>
        private static bool IsGfmTaskMarker(TaskList task)
        {
            if (task.PreviousSibling is not null || task.Parent is not { ParentBlock: ParagraphBlock paragraph }
                || paragraph.Parent is not ListItemBlock item || item.Count == 0 || item[0] != paragraph)
            {
                return false;
            }

            return task.NextSibling switch
            {
                null or LineBreakInline => true,
                LiteralInline literal => literal.Content.Length == 0 || char.IsWhiteSpace(literal.Content.CurrentChar),
                _ => false,
            };
        }

        private void RecordLink(LinkInline link)
        {
            if (link.Reference is not null || link.IsAutoLink)
            {
                return;
            }

            var url = link.Url ?? string.Empty;
            var span = link.UrlSpan.IsEmpty || link.UrlSpan.Start < link.Span.Start ? link.Span : link.UrlSpan;
            var range = _map.Range(span.Start, Math.Max(span.Start, span.End));
            _links.Add(new LinkFact(link.IsImage ? LinkKind.Image : LinkKind.Inline, url, link.Title ?? string.Empty, range));
            if (AttemptReferences.FromPath(url) is int number)
            {
                _mentions.Add(new AttemptMention(number, MentionKind.Text, true, range));
            }
        }

        private TextLine RentLine()
        {
            if (_linesInUse == _linePool.Count)
            {
                _linePool.Add(new TextLine());
            }

            var line = _linePool[_linesInUse++];
            line.Reset();
            return line;
        }

        /// <summary>Marks, on the inline stack, where a link's label ends.</summary>
        private sealed class LinkEnd : LeafInline
        {
            public static readonly LinkEnd Instance = new();
        }

        private static void PushInlineChildren(Stack<(Inline, TextOrigin)> stack, ContainerInline container, TextOrigin origin)
        {
            for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push((child, origin));
            }
        }

        private static void AppendLiteral(TextLine line, LiteralInline literal, TextOrigin origin)
        {
            var content = literal.Content;
            var length = content.Length;
            if (length <= 0)
            {
                return;
            }

            var spanLength = literal.Span.Length;
            if (literal.IsFirstCharacterEscaped && spanLength == length + 1)
            {
                // "\[" is one character of text for two of source: the escaped character is its own run.
                line.Append(content.Text, content.Start, 1, literal.Span.Start + 1, literal.Span.Start + 1, origin | TextOrigin.Escaped, verbatim: true);
                line.Append(content.Text, content.Start + 1, length - 1, literal.Span.Start + 2, literal.Span.End, origin, verbatim: true);
                return;
            }

            var escaped = literal.IsFirstCharacterEscaped ? TextOrigin.Escaped : TextOrigin.Plain;
            line.Append(content.Text, content.Start, length, literal.Span.Start, literal.Span.End, origin | escaped, verbatim: spanLength == length);
        }

        private static void AppendSpan(TextLine line, string text, int start, int end, TextOrigin origin) =>
            line.Append(text, 0, text.Length, start, end, origin, verbatim: end - start + 1 == text.Length);
    }
}
