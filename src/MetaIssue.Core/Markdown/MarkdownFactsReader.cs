using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MetaIssue.Conventions;

namespace MetaIssue.Markdown;

/// <summary>
/// Parses a Markdown file once with Markdig (GitHub flavour: pipe tables, task lists, YAML front matter, precise
/// source spans) and walks the tree once to collect its <see cref="MarkdownFacts"/>. The walk uses explicit stacks,
/// never recursion, so pathological nesting cannot overflow the stack.
/// </summary>
public static class MarkdownFactsReader
{
    /// <summary>The Markdig pipeline every file is parsed with (also the benchmark's read + parse floor).</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UsePipeTables()
        .UseTaskLists()
        .UseYamlFrontMatter()
        .Build();

    public static MarkdownFacts Read(string text)
    {
        var document = Markdig.Markdown.Parse(text, Pipeline);
        return new Walker(text).Collect(document);
    }

    private sealed class Walker
    {
        private static readonly Regex FrontMatterPattern = new(
            @"^(?<key>[A-Za-z_][\w -]{0,39}?)\s*:\s*(?<value>.*?)\s*$",
            RegexOptions.CultureInvariant);

        private static readonly Regex HtmlAnchorPattern = new(
            @"\b(?:id|name)\s*=\s*[""']([^""']+)[""']",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex WikiLinkPattern = new(
            @"\[\[(?<target>[^\[\]|\r\n]+?)(?:\|(?<label>[^\[\]\r\n]*))?\]\]",
            RegexOptions.CultureInvariant);

        private const string DatePrompt = "YYYY-MM-DD";

        // Scratch space reused by every file parsed on the same thread: the walk would otherwise allocate (and
        // collect) a stack and a few growing buffers for every paragraph, which costs more than the parse itself.
        [ThreadStatic]
        private static Stack<(Inline Node, TextOrigin Origin)>? t_inlines;

        [ThreadStatic]
        private static List<TextLine>? t_lines;

        private readonly LineMap _map;
        private readonly Stack<(Inline Node, TextOrigin Origin)> _inlines = t_inlines ??= new();
        private readonly List<TextLine> _linePool = t_lines ??= new();
        private int _linesInUse;
        private readonly GitHubAnchors _anchors = new();
        private readonly List<HeadingFact> _headings = new();
        private readonly List<string> _htmlAnchors = new();
        private readonly List<LinkFact> _links = new();
        private readonly List<FieldFact> _fields = new();
        private readonly List<TableFact> _tables = new();
        private readonly List<AttemptMention> _mentions = new();
        private readonly List<PlaceholderFact> _placeholders = new();

        public Walker(string text) => _map = new LineMap(text);

        public MarkdownFacts Collect(MarkdownDocument document)
        {
            var blocks = new Stack<Block>();
            PushChildren(blocks, document);
            while (blocks.Count > 0)
            {
                var block = blocks.Pop();
                _linesInUse = 0; // the lines of the previous block are no longer needed
                switch (block)
                {
                    case YamlFrontMatterBlock frontMatter:
                        ReadFrontMatter(frontMatter);
                        break;
                    case HeadingBlock heading:
                        ReadHeading(heading);
                        break;
                    case ParagraphBlock paragraph:
                        ReadParagraph(paragraph);
                        break;
                    case Table table:
                        ReadTable(table);
                        break;
                    case LinkReferenceDefinitionGroup definitions:
                        ReadDefinitions(definitions);
                        break;
                    case HtmlBlock html:
                        ReadHtmlAnchors(html.Lines.ToString());
                        break;
                    case CodeBlock:
                        break; // fenced or indented code: examples, not content
                    case ContainerBlock container:
                        PushChildren(blocks, container);
                        break;
                }
            }

            return new MarkdownFacts(_map.LineCount, _headings, _htmlAnchors, _links, _fields, _tables, _mentions, _placeholders);
        }

        private static void PushChildren(Stack<Block> stack, ContainerBlock container)
        {
            for (var i = container.Count - 1; i >= 0; i--)
            {
                stack.Push(container[i]);
            }
        }

        private void ReadFrontMatter(YamlFrontMatterBlock block)
        {
            foreach (var line in block.Lines.Lines.Take(block.Lines.Count))
            {
                var raw = line.Slice.ToString();
                if (raw.Length == 0 || char.IsWhiteSpace(raw[0]))
                {
                    continue; // only top-level scalar keys matter here
                }

                var match = FrontMatterPattern.Match(raw);
                if (!match.Success)
                {
                    continue;
                }

                var value = match.Groups["value"];
                var text = UnquoteYamlScalar(value.Value);
                var start = line.Position + (value.Length > 0 ? value.Index : match.Groups["key"].Index);
                var length = Math.Max(1, value.Length > 0 ? value.Length : match.Groups["key"].Length);
                _fields.Add(new FieldFact(match.Groups["key"].Value.Trim(), text, FieldOrigin.FrontMatter, _map.Range(start, start + length - 1)));
            }
        }

        private static string UnquoteYamlScalar(string value)
        {
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0])
            {
                return value.Substring(1, value.Length - 2);
            }

            var comment = value.IndexOf(" #", StringComparison.Ordinal);
            return (comment >= 0 ? value.Substring(0, comment) : value).Trim();
        }

        private void ReadHeading(HeadingBlock heading)
        {
            var lines = BuildLines(heading.Inline);
            var text = string.Join(" ", lines.Select(l => l.Text)).Trim();
            var range = _map.Range(heading.Span.Start, heading.Span.End);
            _headings.Add(new HeadingFact(heading.Level, text, _anchors.Next(text), range));

            var named = new HashSet<int>();
            foreach (var line in lines)
            {
                ReadTextFacts(line);
                ReadField(line, FieldOrigin.Heading);
                foreach (var (number, _, _) in AttemptReferences.FindInText(CodeFree(line)))
                {
                    if (named.Add(number))
                    {
                        _mentions.Add(new AttemptMention(number, MentionKind.Heading, true, range));
                    }
                }
            }
        }

        private void ReadParagraph(ParagraphBlock paragraph)
        {
            var inListItem = paragraph.Parent is ListItemBlock item && item.Count > 0 && item[0] == paragraph;
            var lines = BuildLines(paragraph.Inline);
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                ReadTextFacts(line);
                var origin = inListItem && i == 0 ? FieldOrigin.ListItem : FieldOrigin.Line;
                ReadField(line, origin);
                ReadLineStartEntry(line);
            }
        }

        /// <summary>Placeholders, wiki links and attempt names in running text: the same for every kind of block.</summary>
        private void ReadTextFacts(TextLine line)
        {
            var text = line.Text;
            ReadPlaceholders(line);

            if (text.IndexOf("[[", StringComparison.Ordinal) >= 0)
            {
                foreach (Match match in WikiLinkPattern.Matches(text))
                {
                    if (!line.IsPlain(match.Index, match.Length))
                    {
                        continue;
                    }

                    var target = match.Groups["target"].Value.Trim();
                    var label = match.Groups["label"].Success ? match.Groups["label"].Value : target;
                    _links.Add(new LinkFact(LinkKind.Wiki, target, label, line.RangeOf(_map, match.Index, match.Length)));
                    var number = AttemptReferences.FromPath(target);
                    if (number is int n)
                    {
                        _mentions.Add(new AttemptMention(n, MentionKind.Text, true, line.RangeOf(_map, match.Index, match.Length)));
                    }
                }
            }

            foreach (var (number, index, length) in AttemptReferences.FindInText(CodeFree(line)))
            {
                _mentions.Add(new AttemptMention(number, MentionKind.Text, true, line.RangeOf(_map, index, length)));
            }
        }

        private void ReadPlaceholders(TextLine line)
        {
            var text = line.Text;
            for (var open = text.IndexOf('['); open >= 0 && open < text.Length; open = text.IndexOf('[', open + 1))
            {
                var close = text.IndexOf(']', open + 1);
                if (close < 0)
                {
                    break;
                }

                var inner = text.IndexOf('[', open + 1);
                if (inner >= 0 && inner < close)
                {
                    continue; // nested: the innermost bracket pair is looked at on its own
                }

                if (!line.IsPlain(open, close - open + 1)
                    || (open > 0 && (text[open - 1] == '[' || char.IsLetterOrDigit(text[open - 1])))
                    || (close + 1 < text.Length && (text[close + 1] == ']' || text[close + 1] == '(')))
                {
                    continue;
                }

                var content = text.Substring(open + 1, close - open - 1);
                if (PromptStyle.IsPrompt(content))
                {
                    _placeholders.Add(new PlaceholderFact("[" + content + "]", line.RangeOf(_map, open, close - open + 1)));
                }
            }

            for (var at = text.IndexOf(DatePrompt, StringComparison.Ordinal); at >= 0; at = text.IndexOf(DatePrompt, at + DatePrompt.Length, StringComparison.Ordinal))
            {
                if (line.HasNoCode(at, DatePrompt.Length))
                {
                    _placeholders.Add(new PlaceholderFact(DatePrompt, line.RangeOf(_map, at, DatePrompt.Length)));
                }
            }
        }

        private void ReadField(TextLine line, FieldOrigin origin)
        {
            if (FieldSyntax.Split(line.Text) is not var (nameStart, nameLength, valueStart, valueLength))
            {
                return;
            }

            if ((line.OriginAt(nameStart) & (TextOrigin.Code | TextOrigin.LinkLabel)) != 0)
            {
                return;
            }

            var text = line.Text;
            var range = valueLength > 0 ? line.RangeOf(_map, valueStart, valueLength) : line.RangeOf(_map, nameStart, nameLength);
            _fields.Add(new FieldFact(text.Substring(nameStart, nameLength), text.Substring(valueStart, valueLength), origin, range));
        }

        /// <summary>A line or list item that starts with an attempt (<c>Attempt 002: …</c> or a link to its folder) is an entry for it.</summary>
        private void ReadLineStartEntry(TextLine line)
        {
            var text = line.Text;
            int? number = null;
            var consumed = 0;
            if (AttemptReferences.AtStartOfLine(text) is (int n, int length) && line.HasNoCode(0, length))
            {
                number = n;
                consumed = length;
            }
            else if (line.FirstLink is { } first && first.StartIndex == LeadingWhitespace(text) && AttemptReferences.FromPath(first.Url) is int fromLink)
            {
                number = fromLink;
                consumed = first.EndIndex;
            }

            if (number is int attempt)
            {
                var hasContent = HasContentBeyondPrompts(text.Substring(Math.Min(consumed, text.Length)));
                _mentions.Add(new AttemptMention(attempt, MentionKind.LineStart, hasContent, line.RangeOf(_map, 0, text.Length)));
            }
        }

        private static int LeadingWhitespace(string text)
        {
            var i = 0;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            return i;
        }

        /// <summary>True when <paramref name="text"/> says something once prompts, punctuation and spaces are taken away.</summary>
        internal static bool HasContentBeyondPrompts(string text)
        {
            text = text.Replace(DatePrompt, " ");
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '[')
                {
                    var close = text.IndexOf(']', i + 1);
                    if (close > i && PromptStyle.IsPrompt(text.Substring(i + 1, close - i - 1)))
                    {
                        i = close + 1;
                        continue;
                    }
                }
                else if (char.IsLetterOrDigit(c))
                {
                    return true;
                }

                i++;
            }

            return false;
        }

        /// <summary>
        /// Every cell is read for prompts, links and attempt names; only the header and the rows that start with an
        /// attempt are kept as facts (they are what the README timeline rule compares), which spares building cell
        /// texts for the thousands of other table rows in a docs tree.
        /// </summary>
        private void ReadTable(Table table)
        {
            TableRowFact? header = null;
            var rows = new List<TableRowFact>();
            var columnHoldsAttempts = false;
            var cells = new List<(TableCell Cell, List<TextLine> Lines)>();
            foreach (var rowBlock in table.OfType<TableRow>())
            {
                cells.Clear();
                foreach (var cell in rowBlock.OfType<TableCell>())
                {
                    var lines = new List<TextLine>();
                    foreach (var paragraph in cell.OfType<ParagraphBlock>())
                    {
                        lines.AddRange(BuildLines(paragraph.Inline));
                    }

                    foreach (var line in lines)
                    {
                        ReadTextFacts(line);
                    }

                    cells.Add((cell, lines));
                }

                if (rowBlock.IsHeader && header is null)
                {
                    header = RowFact(rowBlock, cells, null);
                    var headerCells = header.Cells;
                    columnHoldsAttempts = headerCells.Count > 0 && (headerCells[0].Text.IndexOf("attempt", StringComparison.OrdinalIgnoreCase) >= 0 || headerCells[0].Text == "#");
                    for (var i = 1; i < headerCells.Count; i++)
                    {
                        foreach (var (number, _, _) in AttemptReferences.FindInText(headerCells[i].Text))
                        {
                            _mentions.Add(new AttemptMention(number, MentionKind.TableColumn, true, headerCells[i].Range));
                        }
                    }

                    continue;
                }

                if (cells.Count > 0 && RowAttempt(cells[0].Lines, columnHoldsAttempts) is int attempt)
                {
                    var row = RowFact(rowBlock, cells, attempt);
                    var hasContent = row.Cells.Skip(1).Any(c => HasContentBeyondPrompts(c.Text));
                    _mentions.Add(new AttemptMention(attempt, MentionKind.TableRow, hasContent, row.Range));
                    rows.Add(row);
                }
            }

            if (rows.Count > 0)
            {
                header ??= new TableRowFact(Array.Empty<TableCellFact>(), _map.Range(table.Span.Start, table.Span.Start));
                _tables.Add(new TableFact(header, rows, _map.Range(table.Span.Start, Math.Max(table.Span.Start, table.Span.End))));
            }
        }

        /// <summary>The attempt a row's first cell names (<c>003</c>, <c>[003](…)</c>, <c>Attempt 3</c>, a link to its folder).</summary>
        private static int? RowAttempt(List<TextLine> firstCell, bool columnHoldsAttempts)
        {
            if (firstCell.Count == 0)
            {
                return null;
            }

            var text = string.Concat(firstCell.Select(CodeFree));
            return AttemptReferences.FromFirstCell(text, columnHoldsAttempts)
                ?? (firstCell[0].FirstLink is { } link ? AttemptReferences.FromPath(link.Url) : null);
        }

        private TableRowFact RowFact(TableRow row, List<(TableCell Cell, List<TextLine> Lines)> cells, int? attempt)
        {
            var facts = new TableCellFact[cells.Count];
            for (var i = 0; i < cells.Count; i++)
            {
                var (cell, lines) = cells[i];
                var text = lines.Count == 1 ? lines[0].Text.Trim() : string.Join(" ", lines.Select(l => l.Text)).Trim();
                facts[i] = new TableCellFact(text, _map.Range(cell.Span.Start, Math.Max(cell.Span.Start, cell.Span.End)));
            }

            // Markdig starts a row after its leading pipe; point at the start of the line, where the row visibly begins.
            return new TableRowFact(facts, _map.Range(_map.LineStart(row.Span.Start), Math.Max(row.Span.Start, row.Span.End)), attempt);
        }

        private void ReadDefinitions(LinkReferenceDefinitionGroup group)
        {
            foreach (var definition in group.OfType<LinkReferenceDefinition>())
            {
                var url = definition.Url ?? string.Empty;
                var span = definition.UrlSpan.IsEmpty ? definition.Span : definition.UrlSpan;
                var range = _map.Range(span.Start, Math.Max(span.Start, span.End));
                _links.Add(new LinkFact(LinkKind.Definition, url, definition.Label ?? string.Empty, range));
                if (AttemptReferences.FromPath(url) is int number)
                {
                    _mentions.Add(new AttemptMention(number, MentionKind.Text, true, range));
                }
            }
        }

        private void ReadHtmlAnchors(string html)
        {
            if (html.IndexOf("id", StringComparison.OrdinalIgnoreCase) < 0 && html.IndexOf("name", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return;
            }

            foreach (Match match in HtmlAnchorPattern.Matches(html))
            {
                _htmlAnchors.Add(match.Groups[1].Value);
            }
        }

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
                        ReadHtmlAnchors(html.Tag ?? string.Empty);
                        break;
                    case AutolinkInline autolink:
                        AppendSpan(current, autolink.Url ?? string.Empty, autolink.Span.Start + 1, autolink.Span.End, origin | TextOrigin.Autolink);
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
