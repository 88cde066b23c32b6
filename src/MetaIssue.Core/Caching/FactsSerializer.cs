using MetaIssue.Text;
using static MetaIssue.Caching.CacheFile;
using MetaIssue.Markdown;

namespace MetaIssue.Caching;

/// <summary>Writes and reads <see cref="MarkdownFacts"/> in a compact binary form for the between-builds cache.</summary>
internal static class FactsSerializer
{
    public static void Write(BinaryWriter writer, MarkdownFacts facts)
    {
        writer.Write(facts.LineCount);
        WriteList(writer, facts.Headings, (w, h) =>
        {
            w.Write(h.Level);
            w.Write(h.Text);
            w.Write(h.Anchor);
            WriteRange(w, h.Range);
        });
        WriteList(writer, facts.HtmlAnchors, (w, a) => w.Write(a));
        WriteList(writer, facts.Links, (w, l) =>
        {
            w.Write((byte)l.Kind);
            w.Write(l.Url);
            w.Write(l.Label);
            WriteRange(w, l.Range);
        });
        WriteList(writer, facts.Fields, (w, f) =>
        {
            w.Write(f.Name);
            w.Write(f.Value);
            w.Write((byte)f.Origin);
            WriteRange(w, f.ValueRange);
        });
        WriteList(writer, facts.AttemptTables, (w, t) =>
        {
            WriteRow(w, t.Header);
            WriteList(w, t.Rows, WriteRow);
            WriteRange(w, t.Range);
        });
        WriteList(writer, facts.AttemptMentions, (w, m) =>
        {
            w.Write(m.Number);
            w.Write((byte)m.Kind);
            w.Write(m.HasContent);
            WriteRange(w, m.Range);
        });
        WriteList(writer, facts.Placeholders, (w, p) =>
        {
            w.Write(p.Text);
            WriteRange(w, p.Range);
        });
    }

    public static MarkdownFacts Read(BinaryReader reader, StringPool? strings = null)
    {
        var lineCount = reader.ReadInt32();
        var headings = ReadList(reader, r => new HeadingFact(r.ReadInt32(), r.ReadString(), r.ReadString(), ReadRange(r)));
        var anchors = ReadList(reader, r => r.ReadString());
        var links = ReadList(reader, r => new LinkFact((LinkKind)r.ReadByte(), r.ReadString(), r.ReadString(), ReadRange(r)));
        var fields = ReadList(reader, r => new FieldFact(r.ReadString(), r.ReadString(), (FieldOrigin)r.ReadByte(), ReadRange(r)));
        var tables = ReadList(reader, r => new TableFact(ReadRow(r), ReadList(r, ReadRow), ReadRange(r)));
        var mentions = ReadList(reader, r => new AttemptMention(r.ReadInt32(), (MentionKind)r.ReadByte(), r.ReadBoolean(), ReadRange(r)));
        var placeholders = ReadList(reader, r => new PlaceholderFact(r.ReadString(), ReadRange(r)));
        return new MarkdownFacts(lineCount, headings, anchors, links, fields, tables, mentions, placeholders, strings);
    }

    private static void WriteRow(BinaryWriter writer, TableRowFact row)
    {
        WriteList(writer, row.Cells, (w, c) =>
        {
            w.Write(c.Text);
            WriteRange(w, c.Range);
        });
        WriteRange(writer, row.Range);
        writer.Write(row.Attempt ?? -1);
    }

    private static TableRowFact ReadRow(BinaryReader reader)
    {
        var cells = ReadList(reader, r => new TableCellFact(r.ReadString(), ReadRange(r)));
        var range = ReadRange(reader);
        var attempt = reader.ReadInt32();
        return new TableRowFact(cells, range, attempt < 0 ? null : attempt);
    }
}
