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
        Fields = pool is null ? Compact(fields) : Compact(fields, f => f with { Name = pool.Share(f.Name), Value = pool.Share(f.Value) });
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

internal readonly record struct HeadingFact(int Level, string Text, string Anchor, SourceRange Range);

internal enum LinkKind
{
    Inline,
    Image,
    /// <summary>A reference definition (<c>[label]: url</c>); reference-style usages are checked through their definition.</summary>
    Definition,
    /// <summary>An Obsidian/wiki style <c>[[target]]</c> or <c>[[target|label]]</c>.</summary>
    Wiki,
}

/// <summary>A link as written: <see cref="Url"/> is the raw destination, <see cref="Range"/> where to edit it.</summary>
internal readonly record struct LinkFact(LinkKind Kind, string Url, string Label, SourceRange Range);

internal enum FieldOrigin
{
    FrontMatter,
    Line,
    ListItem,
    Heading,
}

/// <summary>A <c>Name: value</c> field. <see cref="ValueRange"/> covers the value (or the name when the value is empty).</summary>
internal readonly record struct FieldFact(string Name, string Value, FieldOrigin Origin, SourceRange ValueRange);

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
internal readonly record struct AttemptMention(int Number, MentionKind Kind, bool HasContent, SourceRange Range)
{
    public bool IsEntry => Kind != MentionKind.Text;
}

internal readonly record struct PlaceholderFact(string Text, SourceRange Range);
