using System.Globalization;
using System.Text;

namespace MetaIssue.Text;

/// <summary>
/// Percent-encoding (RFC 3986, 2.1) of chosen code points as their UTF-8 bytes, <c>%XX</c> in upper-case hex, so a
/// printed link or fragment can be read and pasted: browsers and GitHub decode it back to the same text.
/// </summary>
internal static class PercentEncoding
{
    /// <summary>
    /// <paramref name="text"/> with every code point for which <paramref name="mustEncode"/> is true (called with the
    /// code point's value) encoded; the rest is kept as is. A lone surrogate is encoded as U+FFFD's bytes.
    /// </summary>
    public static string Encode(string text, Func<int, bool> mustEncode)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var value = width == 2 ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
            if (!mustEncode(value))
            {
                builder?.Append(text, i, width);
                i += width - 1;
                continue;
            }

            builder ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            foreach (var b in Encoding.UTF8.GetBytes(text.Substring(i, width)))
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }

            i += width - 1;
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>
    /// True for code points a reader cannot see or tell apart: controls, format characters (U+200D zero-width
    /// joiner, U+FEFF), variation selectors (U+FE00–U+FE0F, U+E0100–U+E01EF), combining marks and whitespace.
    /// </summary>
    public static bool IsInvisible(int value)
    {
        if (value is >= 0xFE00 and <= 0xFE0F or >= 0xE0100 and <= 0xE01EF)
        {
            return true;
        }

        var category = value > 0xFFFF
            ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(value), 0)
            : CharUnicodeInfo.GetUnicodeCategory((char)value);
        return value <= 0x20 || category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator;
    }
}
