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
/// Parses a Markdown file once with Markdig, its extensions those of GitHub Flavored Markdown 0.29 (tables, task
/// lists, strikethrough, extended autolinks) plus the two GitHub renders beyond the spec (footnotes, YAML front
/// matter), and no other that changes what a line means; precise source spans and walks the tree once to collect its <see cref="MarkdownFacts"/>. The walk uses explicit stacks,
/// never recursion, so pathological nesting cannot overflow the stack.
/// </summary>
internal static partial class MarkdownFactsReader
{
    /// <summary>The Markdig pipeline every file is parsed with (also the benchmark's read + parse floor).</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UsePipeTables()
        .UseTaskLists()
        .UseFootnotes()
        .UseAutoLinks()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .UseYamlFrontMatter()
        .Build();

    public static MarkdownFacts Read(string text) => Read(text, pool: null);

    /// <summary>The facts of <paramref name="text"/>, their strings shared through <paramref name="pool"/> when given.</summary>
    internal static MarkdownFacts Read(string text, StringPool? pool)
    {
        var document = Markdig.Markdown.Parse(text, Pipeline);
        return new Walker(LineMap.Of(document, text), pool).Collect(document);
    }

    private sealed partial class Walker
    {
        // Source-generated where the framework has the generator (net8.0): a fresh build process then parses no
        // pattern and JIT-compiles no interpreter for it; netstandard2.0 builds them once, at first use.
        private const string FrontMatterText = @"^(?<key>[A-Za-z_][\w -]{0,39}?)\s*:\s*(?<value>.*?)\s*$";
        private const string WikiLinkText = @"\[\[(?<target>[^\[\]|\r\n]+?)(?:\|(?<label>[^\[\]\r\n]*))?\]\]";

#if NET7_0_OR_GREATER
        [GeneratedRegex(FrontMatterText, RegexOptions.CultureInvariant)]
        private static partial Regex FrontMatterPattern();
        [GeneratedRegex(WikiLinkText, RegexOptions.CultureInvariant)]
        private static partial Regex WikiLinkPattern();
#else
        private static readonly Regex FrontMatterPatternInstance = new(FrontMatterText, RegexOptions.CultureInvariant);
        private static readonly Regex WikiLinkPatternInstance = new(WikiLinkText, RegexOptions.CultureInvariant);

        private static Regex FrontMatterPattern() => FrontMatterPatternInstance;
        private static Regex WikiLinkPattern() => WikiLinkPatternInstance;
#endif

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

        // A heading that is only a field name ("## Status") makes the first line of the paragraph after it the value.
        private static readonly string[] SectionFieldNames = { "Status", "Outcome" };
        private string? _sectionField;

        private readonly StringPool? _pool;

        public Walker(LineMap map, StringPool? pool)
        {
            _map = map;
            _pool = pool;
        }

        public MarkdownFacts Collect(MarkdownDocument document)
        {
            var blocks = new Stack<Block>();
            PushChildren(blocks, document);
            while (blocks.Count > 0)
            {
                var block = blocks.Pop();
                _linesInUse = 0; // the lines of the previous block are no longer needed
                var sectionField = _sectionField;
                _sectionField = null;
                switch (block)
                {
                    case YamlFrontMatterBlock frontMatter:
                        ReadFrontMatter(frontMatter);
                        break;
                    case HeadingBlock heading:
                        ReadHeading(heading);
                        break;
                    case ParagraphBlock paragraph:
                        ReadParagraph(paragraph, sectionField);
                        break;
                    case Table table:
                        ReadTable(table);
                        break;
                    case LinkReferenceDefinitionGroup definitions:
                        ReadDefinitions(definitions);
                        break;
                    case HtmlBlock html:
                        ReadHtmlBlock(html);
                        break;
                    case CodeBlock:
                        break; // fenced or indented code: examples, not content
                    case ContainerBlock container:
                        PushChildren(blocks, container);
                        break;
                }
            }

            return new MarkdownFacts(_map.LineCount, _headings, _htmlAnchors, _links, _fields, _tables, _mentions, _placeholders, _pool);
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

                var match = FrontMatterPattern().Match(raw);
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
            _headings.Add(new HeadingFact(heading.Level, text, _anchors.Next(AnchorText(heading.Inline)), range));

            var bare = text.TrimEnd(':', ' ');
            _sectionField = SectionFieldNames.FirstOrDefault(name => string.Equals(name, bare, StringComparison.OrdinalIgnoreCase));

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

        private void ReadParagraph(ParagraphBlock paragraph, string? sectionField)
        {
            var inListItem = paragraph.Parent is ListItemBlock item && item.Count > 0 && item[0] == paragraph;
            var lines = BuildLines(paragraph.Inline);
            if (sectionField is not null && !inListItem && lines.Count > 0 && FieldSyntax.Split(lines[0].Text) is null && lines[0].Text.Trim() is { Length: > 0 } value)
            {
                var start = lines[0].Text.Length - lines[0].Text.TrimStart().Length;
                _fields.Add(new FieldFact(sectionField, value, FieldOrigin.Heading, lines[0].RangeOf(_map, start, value.Length)));
            }

            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                ReadTextFacts(line);
                var origin = inListItem && i == 0 ? FieldOrigin.ListItem : FieldOrigin.Line;
                ReadField(line, origin);
                ReadLineStartEntry(line);
            }
        }
    }
}
