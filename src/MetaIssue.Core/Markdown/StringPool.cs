using System.Collections.Concurrent;

namespace MetaIssue.Markdown;

/// <summary>
/// Shares equal strings among the facts of many files (string interning scoped to one check): heading texts, anchors,
/// link destinations and field names repeat across a docs tree (a 17,000-file tree holds ~800,000 such strings,
/// ~100,000 of them distinct), and a tree's facts stay in memory for the whole check. Thread-safe. Unlike
/// <see cref="string.Intern(string)"/>, what it holds is freed with it.
/// </summary>
internal sealed class StringPool
{
    /// <summary>
    /// Longer strings are kept as they are: a long field value or heading is rarely repeated word for word, and
    /// pooling it would only add an entry to look up.
    /// </summary>
    public const int MaxPooledLength = 96;

    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>How many distinct strings the pool holds.</summary>
    public int Count => _strings.Count;

    /// <summary>The pooled string equal to <paramref name="value"/> (adding it when new); null, empty and long strings as given.</summary>
    public string Share(string value)
    {
        if (value is null || value.Length > MaxPooledLength)
        {
            return value!;
        }

        return value.Length == 0 ? string.Empty : _strings.GetOrAdd(value, value);
    }
}
