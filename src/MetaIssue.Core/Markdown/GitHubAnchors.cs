using System.Globalization;
using System.Text;

namespace MetaIssue.Markdown;

/// <summary>
/// Heading anchors as GitHub renders them: the heading's text content lower-cased, every character that is not a
/// letter, mark, decimal digit, connector punctuation, zero-width (non-)joiner, hyphen or space dropped (symbols and
/// emoji included), each space turned into a hyphen (a trailing one too), and repeated anchors suffixed <c>-1</c>,
/// <c>-2</c>, … in document order. Source of the rule: the slug filter of GitHub's html-pipeline TOC filter
/// (<c>[^\p{Word}\- ]</c> removed, where Onigmo's <c>\p{Word}</c> is Alphabetic, Mark, Decimal_Number,
/// Connector_Punctuation and Join_Control).
/// </summary>
internal sealed class GitHubAnchors
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    /// <summary>The anchor of the next heading with this text, taking earlier headings of the same document into account.</summary>
    public string Next(string headingText)
    {
        var slug = Slug(headingText);
        var candidate = slug;
        if (_seen.TryGetValue(slug, out var count))
        {
            do
            {
                count++;
                candidate = slug + "-" + count.ToString(CultureInfo.InvariantCulture);
            }
            while (_seen.ContainsKey(candidate));

            _seen[slug] = count;
        }

        _seen[candidate] = 0;
        return candidate;
    }

    /// <summary>The anchor of one heading's text content, before duplicates are numbered. Not trimmed: see the class.</summary>
    public static string Slug(string headingText)
    {
        var builder = new StringBuilder(headingText.Length);
        foreach (var original in headingText)
        {
            // ASCII, nearly every heading, without the Unicode tables.
            if (original < 128)
            {
                if (original is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '-')
                {
                    builder.Append(original);
                }
                else if (original is >= 'A' and <= 'Z')
                {
                    builder.Append((char)(original + 32));
                }
                else if (original == ' ')
                {
                    builder.Append('-');
                }

                continue;
            }

            var c = char.ToLowerInvariant(original);
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.UppercaseLetter:
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.TitlecaseLetter:
                case UnicodeCategory.ModifierLetter:
                case UnicodeCategory.OtherLetter:
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                case UnicodeCategory.DecimalDigitNumber:
                case UnicodeCategory.LetterNumber:
                case UnicodeCategory.ConnectorPunctuation:
                    builder.Append(c);
                    break;
                case UnicodeCategory.Format when c is '\u200C' or '\u200D':
                    builder.Append(c);
                    break;
                case UnicodeCategory.DashPunctuation when c == '-':
                    builder.Append('-');
                    break;
                case UnicodeCategory.SpaceSeparator when c == ' ':
                    builder.Append('-');
                    break;
            }
        }

        return builder.ToString();
    }
}
