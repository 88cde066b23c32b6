using System.Text.RegularExpressions;
using MetaIssue.Conventions;

namespace MetaIssue.Markdown;

/// <summary>The walk, continued: what running text says (fields, prompts, wiki links, attempt mentions and entries).</summary>
internal static partial class MarkdownFactsReader
{
    private sealed partial class Walker
    {
        /// <summary>Placeholders, wiki links and attempt names in running text: the same for every kind of block.</summary>
        private void ReadTextFacts(TextLine line)
        {
            var text = line.Text;
            ReadPlaceholders(line);

            if (text.IndexOf("[[", StringComparison.Ordinal) >= 0)
            {
                foreach (Match match in WikiLinkPattern().Matches(text))
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
    }
}
