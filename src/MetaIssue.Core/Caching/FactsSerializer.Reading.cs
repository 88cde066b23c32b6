using System.Text;
using MetaIssue.Text;
using MetaIssue.Markdown;

namespace MetaIssue.Caching;

/// <summary>The reading side of <see cref="FactsSerializer"/>: a record's index and its entries' facts, decoded on demand.</summary>
internal static partial class FactsSerializer
{
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
}
