using System.Text;
using MetaIssue.Text;
using MetaIssue.Markdown;

namespace MetaIssue.Caching;

/// <summary>
/// Writes and reads <see cref="MarkdownFacts"/> in a compact binary form for the between-builds cache, one record at a
/// time. A record is a table of strings (each distinct string once, numbered in order) followed by its entries (path,
/// size, last write time, facts); the facts refer to strings by number. Integers are 7-bit encoded (most are small:
/// lines, columns, counts). A tree's facts repeat their headings, anchors, link destinations and field names from
/// file to file, so the record is smaller and the facts read back share their strings as freshly parsed ones do
/// (<see cref="StringPool"/>). Each entry's facts are a byte range of their own: a reader indexes a record without
/// decoding any facts, and decodes an entry's facts only when asked (<see cref="Record.ReadFacts"/>).
/// </summary>
internal static partial class FactsSerializer
{
    /// <summary>Builds one record; string numbers are local to it.</summary>
    public sealed class Writer
    {
        private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
        private readonly ByteBuffer _strings = new();
        private readonly ByteBuffer _entries = new();
        private readonly ByteBuffer _facts = new();

        /// <summary>How many entries were written.</summary>
        public int Count { get; private set; }

        public void WriteEntry(string path, long length, long ticks, MarkdownFacts facts)
        {
            _facts.Clear();
            Write(_facts, facts);
            _entries.WriteNumber(Number(path));
            _entries.WriteInt64(length);
            _entries.WriteInt64(ticks);
            _entries.WriteNumber(_facts.Length);
            _entries.Append(_facts);
            Count++;
        }

        /// <summary>The record's bytes: the string table, then the entries.</summary>
        public byte[] ToRecord()
        {
            var record = new ByteBuffer();
            record.WriteNumber(_numbers.Count);
            record.Append(_strings);
            record.WriteNumber(Count);
            record.Append(_entries);
            return record.ToArray();
        }

        private int Number(string value)
        {
            if (!_numbers.TryGetValue(value, out var number))
            {
                _numbers[value] = number = _numbers.Count;
                var bytes = Encoding.UTF8.GetBytes(value);
                _strings.WriteNumber(bytes.Length);
                _strings.Append(bytes, bytes.Length);
            }

            return number;
        }

        private void Write(ByteBuffer b, MarkdownFacts facts)
        {
            b.WriteNumber(facts.LineCount);
            b.WriteNumber(facts.Headings.Count);
            foreach (var h in facts.Headings)
            {
                b.WriteNumber(h.Level);
                b.WriteNumber(Number(h.Text));
                b.WriteNumber(Number(h.Anchor));
                b.WriteRange(h.Range);
            }

            b.WriteNumber(facts.HtmlAnchors.Count);
            foreach (var anchor in facts.HtmlAnchors)
            {
                b.WriteNumber(Number(anchor));
            }

            b.WriteNumber(facts.Links.Count);
            foreach (var l in facts.Links)
            {
                b.WriteByte((byte)l.Kind);
                b.WriteNumber(Number(l.Url));
                b.WriteNumber(Number(l.Label));
                b.WriteRange(l.Range);
            }

            b.WriteNumber(facts.Fields.Count);
            foreach (var f in facts.Fields)
            {
                b.WriteNumber(Number(f.Name));
                b.WriteNumber(Number(f.Value));
                b.WriteByte((byte)f.Origin);
                b.WriteRange(f.ValueRange);
            }

            b.WriteNumber(facts.AttemptTables.Count);
            foreach (var t in facts.AttemptTables)
            {
                WriteRow(b, t.Header);
                b.WriteNumber(t.Rows.Count);
                foreach (var row in t.Rows)
                {
                    WriteRow(b, row);
                }

                b.WriteRange(t.Range);
            }

            b.WriteNumber(facts.AttemptMentions.Count);
            foreach (var m in facts.AttemptMentions)
            {
                b.WriteNumber(m.Number);
                b.WriteByte((byte)m.Kind);
                b.WriteByte(m.HasContent ? (byte)1 : (byte)0);
                b.WriteRange(m.Range);
            }

            b.WriteNumber(facts.Placeholders.Count);
            foreach (var p in facts.Placeholders)
            {
                b.WriteNumber(Number(p.Text));
                b.WriteRange(p.Range);
            }
        }

        private void WriteRow(ByteBuffer b, TableRowFact row)
        {
            b.WriteNumber(row.Cells.Count);
            foreach (var c in row.Cells)
            {
                b.WriteNumber(Number(c.Text));
                b.WriteRange(c.Range);
            }

            b.WriteRange(row.Range);
            b.WriteNumber((row.Attempt ?? -1) + 1);
        }
    }

    /// <summary>A growable byte array with the writes a record needs.</summary>
    private sealed class ByteBuffer
    {
        private byte[] _bytes = new byte[256];

        public int Length { get; private set; }

        public void Clear() => Length = 0;

        public void WriteByte(byte value)
        {
            Reserve(1);
            _bytes[Length++] = value;
        }

        public void WriteNumber(int value)
        {
            var rest = unchecked((uint)value);
            Reserve(5);
            while (rest >= 0x80)
            {
                _bytes[Length++] = (byte)(rest | 0x80);
                rest >>= 7;
            }

            _bytes[Length++] = (byte)rest;
        }

        public void WriteInt64(long value)
        {
            Reserve(8);
            for (var i = 0; i < 8; i++)
            {
                _bytes[Length++] = (byte)(value >> (8 * i));
            }
        }

        // Ends are written relative to starts: most ranges are on one line, so the difference takes a single byte.
        public void WriteRange(SourceRange range)
        {
            WriteNumber(range.Line);
            WriteNumber(range.Column);
            WriteNumber(range.EndLine - range.Line);
            WriteNumber(range.EndColumn);
        }

        public void Append(ByteBuffer other) => Append(other._bytes, other.Length);

        public void Append(byte[] bytes, int count)
        {
            Reserve(count);
            Buffer.BlockCopy(bytes, 0, _bytes, Length, count);
            Length += count;
        }

        public byte[] ToArray()
        {
            var copy = new byte[Length];
            Buffer.BlockCopy(_bytes, 0, copy, 0, Length);
            return copy;
        }

        private void Reserve(int count)
        {
            if (Length + count > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + count));
            }
        }
    }
}
