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
internal static class FactsSerializer
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

    /// <summary>Where one entry's facts lie in a record, and the size and time of the file they were parsed from.</summary>
    public readonly struct Entry
    {
        public Entry(Record record, long length, long ticks, int factsStart, int factsLength)
        {
            Record = record;
            Length = length;
            Ticks = ticks;
            FactsStart = factsStart;
            FactsLength = factsLength;
        }

        public Record Record { get; }

        public long Length { get; }

        public long Ticks { get; }

        public int FactsStart { get; }

        public int FactsLength { get; }
    }

    /// <summary>
    /// One record over the buffer it was read into: its string table, decoded string by string when first used (from
    /// any thread), and its entries' positions. Anything that does not fit throws <see cref="InvalidDataException"/>.
    /// </summary>
    public sealed class Record
    {
        private readonly byte[] _buffer;
        private readonly int[] _starts;
        private readonly int[] _lengths;
        private readonly string?[] _decoded;

        private Record(byte[] buffer, int[] starts, int[] lengths)
        {
            _buffer = buffer;
            _starts = starts;
            _lengths = lengths;
            _decoded = new string?[starts.Length];
        }

        /// <summary>
        /// Reads the record in <paramref name="buffer"/> from <paramref name="start"/> to <paramref name="end"/> and
        /// adds its entries, in the order written, to <paramref name="entries"/>.
        /// </summary>
        public static Record Read(byte[] buffer, int start, int end, List<(string Path, Entry Entry)> entries)
        {
            var cursor = new Cursor(buffer, start, end, null);
            var count = cursor.ReadCount();
            var starts = new int[count];
            var lengths = new int[count];
            for (var i = 0; i < count; i++)
            {
                lengths[i] = cursor.ReadCount();
                starts[i] = cursor.Skip(lengths[i]);
            }

            var record = new Record(buffer, starts, lengths);
            var entryCount = cursor.ReadCount();
            for (var i = 0; i < entryCount; i++)
            {
                var path = record.String(cursor.ReadNumber());
                var length = cursor.ReadInt64();
                var ticks = cursor.ReadInt64();
                var factsLength = cursor.ReadCount();
                var factsStart = cursor.Skip(factsLength);
                entries.Add((path, new Entry(record, length, ticks, factsStart, factsLength)));
            }

            return cursor.Position == end ? record : throw new InvalidDataException("bytes after the last entry");
        }

        /// <summary>Decodes the facts of <paramref name="entry"/>, one of this record's.</summary>
        public MarkdownFacts ReadFacts(Entry entry)
        {
            var cursor = new Cursor(_buffer, entry.FactsStart, entry.FactsStart + entry.FactsLength, this);
            var facts = cursor.ReadFacts();
            return cursor.Position == entry.FactsStart + entry.FactsLength ? facts : throw new InvalidDataException("bytes after the facts");
        }

        /// <summary>String <paramref name="number"/> of the table; decoded once, then shared.</summary>
        public string String(int number)
        {
            if ((uint)number >= (uint)_starts.Length)
            {
                throw new InvalidDataException("corrupt string number");
            }

            return _decoded[number] ?? Interlocked.CompareExchange(ref _decoded[number], Encoding.UTF8.GetString(_buffer, _starts[number], _lengths[number]), null) ?? _decoded[number]!;
        }
    }

    /// <summary>A read position in a buffer, bounded by an end.</summary>
    private sealed class Cursor
    {
        private readonly byte[] _buffer;
        private readonly int _end;
        private readonly Record? _strings;

        public Cursor(byte[] buffer, int start, int end, Record? strings)
        {
            _buffer = buffer;
            Position = start;
            _end = end;
            _strings = strings;
        }

        public int Position { get; private set; }

        /// <summary>Moves past <paramref name="count"/> bytes and returns where they start.</summary>
        public int Skip(int count)
        {
            var start = Position;
            Position = count <= _end - Position ? Position + count : throw new InvalidDataException("past the end of the record");
            return start;
        }

        public byte ReadByte() => Position < _end ? _buffer[Position++] : throw new InvalidDataException("past the end of the record");

        public long ReadInt64()
        {
            var start = Skip(8);
            return BitConverter.IsLittleEndian ? BitConverter.ToInt64(_buffer, start) : throw new PlatformNotSupportedException("big-endian");
        }

        public int ReadNumber()
        {
            uint value = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var part = ReadByte();
                value |= (uint)(part & 0x7F) << shift;
                if ((part & 0x80) == 0)
                {
                    return unchecked((int)value);
                }
            }

            throw new InvalidDataException("corrupt number");
        }

        /// <summary>A count of items: each takes at least one byte, so more than the bytes left is corruption.</summary>
        public int ReadCount()
        {
            var count = ReadNumber();
            return count >= 0 && count <= _end - Position ? count : throw new InvalidDataException("corrupt count");
        }

        public MarkdownFacts ReadFacts()
        {
            var lineCount = ReadNumber();
            var headings = new HeadingFact[ReadCount()];
            for (var i = 0; i < headings.Length; i++)
            {
                headings[i] = new HeadingFact(ReadNumber(), ReadString(), ReadString(), ReadRange());
            }

            var anchors = new string[ReadCount()];
            for (var i = 0; i < anchors.Length; i++)
            {
                anchors[i] = ReadString();
            }

            var links = new LinkFact[ReadCount()];
            for (var i = 0; i < links.Length; i++)
            {
                links[i] = new LinkFact((LinkKind)ReadByte(), ReadString(), ReadString(), ReadRange());
            }

            var fields = new FieldFact[ReadCount()];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = new FieldFact(ReadString(), ReadString(), (FieldOrigin)ReadByte(), ReadRange());
            }

            var tables = new TableFact[ReadCount()];
            for (var i = 0; i < tables.Length; i++)
            {
                var header = ReadRow();
                var rows = new TableRowFact[ReadCount()];
                for (var r = 0; r < rows.Length; r++)
                {
                    rows[r] = ReadRow();
                }

                tables[i] = new TableFact(header, rows, ReadRange());
            }

            var mentions = new AttemptMention[ReadCount()];
            for (var i = 0; i < mentions.Length; i++)
            {
                mentions[i] = new AttemptMention(ReadNumber(), (MentionKind)ReadByte(), ReadByte() != 0, ReadRange());
            }

            var placeholders = new PlaceholderFact[ReadCount()];
            for (var i = 0; i < placeholders.Length; i++)
            {
                placeholders[i] = new PlaceholderFact(ReadString(), ReadRange());
            }

            return new MarkdownFacts(lineCount, headings, anchors, links, fields, tables, mentions, placeholders);
        }

        private string ReadString() => _strings!.String(ReadNumber());

        private TableRowFact ReadRow()
        {
            var cells = new TableCellFact[ReadCount()];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = new TableCellFact(ReadString(), ReadRange());
            }

            var range = ReadRange();
            var attempt = ReadNumber() - 1;
            return new TableRowFact(cells, range, attempt < 0 ? null : attempt);
        }

        private SourceRange ReadRange()
        {
            var line = ReadNumber();
            var column = ReadNumber();
            var endLine = unchecked(line + ReadNumber());
            return new SourceRange(line, column, endLine, ReadNumber());
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
