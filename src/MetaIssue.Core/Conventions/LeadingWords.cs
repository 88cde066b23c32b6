using System.Text;

namespace MetaIssue.Conventions;

/// <summary>Splits a status-like value into its leading emoji and its words, the two ways people write a state.</summary>
internal static class LeadingWords
{
    /// <summary>
    /// The value lower-cased with leading decoration (emoji, emphasis marks, punctuation) removed,
    /// e.g. "⚠️ **Partial** success" → "partial success".
    /// </summary>
    public static string Words(string value)
    {
        var builder = new StringBuilder(value.Length);
        var started = false;
        foreach (var c in value)
        {
            if (!started && !char.IsLetterOrDigit(c))
            {
                continue;
            }

            started = true;
            builder.Append(c == '-' || c == '_' ? ' ' : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>The value without template prompts: "[Success / Failed]" states nothing yet.</summary>
    public static string WithoutPrompts(string value)
    {
        var open = value.IndexOf('[');
        if (open < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        var i = 0;
        while (i < value.Length)
        {
            var close = value[i] == '[' ? value.IndexOf(']', i + 1) : -1;
            if (close > i && PromptStyle.IsPrompt(value.Substring(i + 1, close - i - 1)))
            {
                i = close + 1;
                continue;
            }

            builder.Append(value[i]);
            i++;
        }

        return builder.ToString();
    }

    /// <summary>
    /// True when <paramref name="words"/> starts with <paramref name="phrase"/> as whole words.
    /// A phrase followed by a question mark ("success? no") is a question, not a statement, and does not count.
    /// </summary>
    public static bool StartsWithPhrase(string words, string phrase) =>
        words.StartsWith(phrase, StringComparison.Ordinal)
        && (words.Length == phrase.Length || (!char.IsLetterOrDigit(words[phrase.Length]) && words[phrase.Length] != '?'));

    private static readonly string[] Qualifiers = { "not", "no", "never", "hardly", "mostly", "almost", "nearly", "partly", "maybe" };

    /// <summary>
    /// True when the first word qualifies or negates what follows ("not resolved", "almost done") or a question mark
    /// follows it: then no emoji further on may stand in for the meaning.
    /// </summary>
    public static bool IsQualified(string words)
    {
        var end = 0;
        while (end < words.Length && char.IsLetterOrDigit(words[end]))
        {
            end++;
        }

        return Qualifiers.Contains(words.Substring(0, end), StringComparer.Ordinal) || (end < words.Length && words[end] == '?');
    }

    /// <summary>The first symbol of <paramref name="value"/> that is one of <paramref name="symbols"/>, wherever it stands.</summary>
    public static string? FirstSymbol(string value, IEnumerable<string> symbols)
    {
        string? best = null;
        var bestIndex = int.MaxValue;
        foreach (var symbol in symbols)
        {
            var index = value.IndexOf(symbol, StringComparison.Ordinal);
            if (index >= 0 && index < bestIndex)
            {
                best = symbol;
                bestIndex = index;
            }
        }

        return best;
    }

    /// <summary>Quote a value for a message, shortened so a runaway line cannot flood the build log.</summary>
    public static string Quote(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length > 60)
        {
            trimmed = trimmed.Substring(0, 57) + "...";
        }

        return "'" + trimmed + "'";
    }

}
