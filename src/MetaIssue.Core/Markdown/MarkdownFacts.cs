using MetaIssue.Text;
namespace MetaIssue.Markdown;

/// <summary>
/// Everything the rules need to know about one Markdown file, extracted from its syntax tree in a single walk.
/// Plain data with resolved positions, so it can be cached between builds without keeping the text or the tree.
/// </summary>
internal sealed class MarkdownFacts
{
    /// <summary>
    /// Facts kept as exact-size arrays (the empty lists, about half of them, as one shared empty array), their strings
    /// shared through <paramref name="pool"/> when given: a docs tree's facts all stay in memory for the whole check.
    /// </summary>
    internal MarkdownFacts(
        int lineCount,
        IReadOnlyList<HeadingFact> headings,
        IReadOnlyList<string> htmlAnchors,
        IReadOnlyList<LinkFact> links,
        IReadOnlyList<FieldFact> fields,
        IReadOnlyList<TableFact> attemptTables,
        IReadOnlyList<AttemptMention> attemptMentions,
        IReadOnlyList<PlaceholderFact> placeholders,
        StringPool? pool = null)
    {
        LineCount = lineCount;
        Headings = pool is null ? Compact(headings) : Compact(headings, h => h with { Text = pool.Share(h.Text), Anchor = pool.Share(h.Anchor) });
        HtmlAnchors = pool is null ? Compact(htmlAnchors) : Compact(htmlAnchors, pool.Share);
        Links = pool is null ? Compact(links) : Compact(links, l => l with { Url = pool.Share(l.Url), Label = pool.Share(l.Label) });
        Fields = pool is null ? Compact(fields) : Compact(fields, f => f.WithSharedStrings(pool));
        AttemptTables = Compact(attemptTables, t => new TableFact(CompactRow(t.Header, pool), Compact(t.Rows, r => CompactRow(r, pool)), t.Range));
        AttemptMentions = Compact(attemptMentions);
        Placeholders = pool is null ? Compact(placeholders) : Compact(placeholders, x => x with { Text = pool.Share(x.Text) });
    }

    public int LineCount { get; }

    /// <summary>Headings in document order, with their GitHub anchors (duplicates already suffixed).</summary>
    public IReadOnlyList<HeadingFact> Headings { get; }

    /// <summary>Anchors declared by raw HTML (<c>id="…"</c> or <c>name="…"</c>), which GitHub also links to.</summary>
    public IReadOnlyList<string> HtmlAnchors { get; }

    public IReadOnlyList<LinkFact> Links { get; }

    /// <summary><c>Name: value</c> lines (bold or plain, in paragraphs, list items or headings) and front matter keys.</summary>
    public IReadOnlyList<FieldFact> Fields { get; }

    /// <summary>
    /// Tables that list attempts (a row starts with an attempt number), such as the README timeline. Other tables are
    /// read for entries, links and prompts but not kept: a docs tree has thousands, and only these are compared.
    /// </summary>
    public IReadOnlyList<TableFact> AttemptTables { get; }

    /// <summary>Every place the file names an attempt number (<c>Attempt 003</c>, <c>#3</c>, a link to <c>attempts/003-…</c>, a table row).</summary>
    public IReadOnlyList<AttemptMention> AttemptMentions { get; }

    /// <summary>Unfilled template prompts: bracketed prompts and <c>YYYY-MM-DD</c>.</summary>
    public IReadOnlyList<PlaceholderFact> Placeholders { get; }

    public HeadingFact? Title => Headings.Count > 0 ? Headings[0] : null;

    /// <summary>The first field with this name (case-insensitive), front matter first.</summary>
    public FieldFact? FindField(params string[] names)
    {
        foreach (var field in Fields)
        {
            foreach (var name in names)
            {
                if (string.Equals(field.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return field;
                }
            }
        }

        return null;
    }

    private static IReadOnlyList<T> Compact<T>(IReadOnlyList<T> items, Func<T, T>? share = null)
    {
        if (items.Count == 0)
        {
            return Array.Empty<T>();
        }

        if (share is null && items is T[] exact)
        {
            return exact; // already compact (read from the cache)
        }

        var array = new T[items.Count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = share is null ? items[i] : share(items[i]);
        }

        return array;
    }

    private static TableRowFact CompactRow(TableRowFact row, StringPool? pool) =>
        new(pool is null ? Compact(row.Cells) : Compact(row.Cells, c => c with { Text = pool.Share(c.Text) }), row.Range, row.Attempt);

    /// <summary>Index of the heading whose section contains <paramref name="line"/>, or -1 before the first heading.</summary>
    public int SectionOf(int line)
    {
        var section = -1;
        for (var i = 0; i < Headings.Count && Headings[i].Range.Line <= line; i++)
        {
            section = i;
        }

        return section;
    }
}

/// <summary>A heading: its level (1–6), text, GitHub anchor and range. 32 bytes (<see cref="PackedSourceRange"/>).</summary>
internal readonly record struct HeadingFact
{
    private readonly PackedSourceRange _range;
    private readonly byte _level;

    public HeadingFact(int level, string text, string anchor, SourceRange range)
    {
        _level = ToLevel(level);
        Text = text;
        Anchor = anchor;
        _range = new PackedSourceRange(range);
    }

    public int Level { get => _level; init => _level = ToLevel(value); }

    public string Text { get; init; }

    public string Anchor { get; init; }

    public SourceRange Range { get => _range.ToSourceRange(); init => _range = new PackedSourceRange(value); }

    private static byte ToLevel(int level) => (byte)(level < 0 ? 0 : level > byte.MaxValue ? byte.MaxValue : level);
}

internal enum LinkKind : byte
{
    Inline,
    Image,
    /// <summary>A reference definition (<c>[label]: url</c>); reference-style usages are checked through their definition.</summary>
    Definition,
    /// <summary>An Obsidian/wiki style <c>[[target]]</c> or <c>[[target|label]]</c>.</summary>
    Wiki,
}

/// <summary>A link as written: <see cref="Url"/> is the raw destination, <see cref="Range"/> where to edit it. 32 bytes.</summary>
internal readonly record struct LinkFact
{
    private readonly PackedSourceRange _range;

    public LinkFact(LinkKind kind, string url, string label, SourceRange range)
    {
        Kind = kind;
        Url = url;
        Label = label;
        _range = new PackedSourceRange(range);
    }

    public LinkKind Kind { get; init; }

    public string Url { get; init; }

    public string Label { get; init; }

    public SourceRange Range { get => _range.ToSourceRange(); init => _range = new PackedSourceRange(value); }
}

internal enum FieldOrigin : byte
{
    FrontMatter,
    Line,
    ListItem,
    Heading,
}

/// <summary>
/// A <c>Name: value</c> field. <see cref="ValueRange"/> covers the value (or the name when the value is empty). 32
/// bytes, and a value longer than <see cref="TextLength"/> characters, all of them Latin-1 (U+0000–U+00FF), is kept as
/// one byte per character and made a string again when read: field values are most of the prose a docs tree's facts
/// hold (about 60 MB of 134 MB of strings at 10,000 meta-issues), rarely repeat, and only a few rules read them.
/// </summary>
internal readonly record struct FieldFact
{
    /// <summary>Values up to this length are kept as strings (and shared through the string pool: statuses, dates, owners).</summary>
    public const int TextLength = 32;

    private readonly object _value; // a string, or the Latin-1 bytes of a longer value
    private readonly PackedSourceRange _valueRange;

    public FieldFact(string name, string value, FieldOrigin origin, SourceRange valueRange)
    {
        Name = name;
        _value = Store(value);
        Origin = origin;
        _valueRange = new PackedSourceRange(valueRange);
    }

    public string Name { get; init; }

    public string Value { get => _value as string ?? Latin1.ToText((byte[])_value); init => _value = Store(value); }

    public FieldOrigin Origin { get; init; }

    public SourceRange ValueRange { get => _valueRange.ToSourceRange(); init => _valueRange = new PackedSourceRange(value); }

    /// <summary>This field with its name, and its value when kept as a string, taken from <paramref name="pool"/>.</summary>
    public FieldFact WithSharedStrings(StringPool pool) =>
        _value is string text ? this with { Name = pool.Share(Name), Value = pool.Share(text) } : this with { Name = pool.Share(Name) };

    public bool Equals(FieldFact other) =>
        string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Origin == other.Origin
        && _valueRange.Equals(other._valueRange)
        && (_value is byte[] bytes && other._value is byte[] otherBytes
            ? bytes.AsSpan().SequenceEqual(otherBytes)
            : string.Equals(Value, other.Value, StringComparison.Ordinal));

    public override int GetHashCode() =>
        unchecked(((StringComparer.Ordinal.GetHashCode(Name ?? string.Empty) * 31 + StringComparer.Ordinal.GetHashCode(Value ?? string.Empty)) * 31 + (int)Origin) * 31 + _valueRange.GetHashCode());

    private static object Store(string value)
    {
        if (value is null || value.Length <= TextLength)
        {
            return value!;
        }

        return Latin1.ToBytes(value) ?? (object)value;
    }
}

internal readonly record struct TableCellFact(string Text, SourceRange Range);

/// <summary>A table row; <see cref="Attempt"/> is the attempt its first cell names, if any.</summary>
internal sealed record TableRowFact(IReadOnlyList<TableCellFact> Cells, SourceRange Range, int? Attempt = null);

internal sealed record TableFact(TableRowFact Header, IReadOnlyList<TableRowFact> Rows, SourceRange Range);

internal enum MentionKind : byte
{
    /// <summary>Anywhere in running text, or in a link to an attempt folder.</summary>
    Text,
    /// <summary>A heading that names the attempt (<c>## Attempt 002: …</c>): an entry for it.</summary>
    Heading,
    /// <summary>A line or list item that starts with the attempt (<c>- Attempt 002: 3,800 ms</c>): an entry for it.</summary>
    LineStart,
    /// <summary>A table row whose first cell is the attempt: an entry for it.</summary>
    TableRow,
    /// <summary>A table header cell naming the attempt (one column per attempt): an entry for it.</summary>
    TableColumn,
}

/// <summary>
/// A mention of attempt <see cref="Number"/>. <see cref="HasContent"/> tells whether an entry says anything beyond
/// the attempt's name and unfilled prompts (e.g. <c>- Attempt 002: [Result]</c> has none yet).
/// </summary>
internal readonly record struct AttemptMention
{
    private readonly PackedSourceRange _range;

    public AttemptMention(int number, MentionKind kind, bool hasContent, SourceRange range)
    {
        Number = number;
        Kind = kind;
        HasContent = hasContent;
        _range = new PackedSourceRange(range);
    }

    public int Number { get; init; }

    public MentionKind Kind { get; init; }

    public bool HasContent { get; init; }

    public SourceRange Range { get => _range.ToSourceRange(); init => _range = new PackedSourceRange(value); }

    public bool IsEntry => Kind != MentionKind.Text;
}

internal readonly record struct PlaceholderFact(string Text, SourceRange Range);
