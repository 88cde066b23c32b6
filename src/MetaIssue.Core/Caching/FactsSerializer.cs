using MetaIssue.Text;
using MetaIssue.Markdown;

namespace MetaIssue.Caching;

/// <summary>
/// Writes and reads <see cref="MarkdownFacts"/> in a compact binary form for the between-builds cache. Integers are
/// 7-bit encoded (most are small: lines, columns, counts). Each distinct string is written once, the first time it
/// occurs, and referred to by number after that: a tree's facts repeat their headings, anchors, link destinations and
/// field names from file to file, so the file is smaller, reading it decodes fewer strings, and the facts read back
/// share their strings as freshly parsed ones do (<see cref="StringPool"/>).
/// </summary>
internal static class FactsSerializer
{
    /// <summary>Writes facts and paths; one instance per cache file, since string numbers run across its entries.</summary>
    public sealed class Writer
    {
        private readonly BinaryWriter _writer;
        private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

        public Writer(BinaryWriter writer) => _writer = writer;

        /// <summary>0 then the string when it is new; otherwise its number plus one.</summary>
        public void WriteString(string value)
        {
            if (_numbers.TryGetValue(value, out var number))
            {
                WriteNumber(number + 1);
                return;
            }

            _numbers[value] = _numbers.Count;
            WriteNumber(0);
            _writer.Write(value);
        }

        public void WriteNumber(int value) => WriteNumber(unchecked((uint)value));

        public void WriteLong(long value) => _writer.Write(value);

        public void Write(MarkdownFacts facts)
        {
            WriteNumber(facts.LineCount);
            WriteList(facts.Headings, h =>
            {
                WriteNumber(h.Level);
                WriteString(h.Text);
                WriteString(h.Anchor);
                WriteRange(h.Range);
            });
            WriteList(facts.HtmlAnchors, WriteString);
            WriteList(facts.Links, l =>
            {
                _writer.Write((byte)l.Kind);
                WriteString(l.Url);
                WriteString(l.Label);
                WriteRange(l.Range);
            });
            WriteList(facts.Fields, f =>
            {
                WriteString(f.Name);
                WriteString(f.Value);
                _writer.Write((byte)f.Origin);
                WriteRange(f.ValueRange);
            });
            WriteList(facts.AttemptTables, t =>
            {
                WriteRow(t.Header);
                WriteList(t.Rows, WriteRow);
                WriteRange(t.Range);
            });
            WriteList(facts.AttemptMentions, m =>
            {
                WriteNumber(m.Number);
                _writer.Write((byte)m.Kind);
                _writer.Write(m.HasContent);
                WriteRange(m.Range);
            });
            WriteList(facts.Placeholders, p =>
            {
                WriteString(p.Text);
                WriteRange(p.Range);
            });
        }

        private void WriteRow(TableRowFact row)
        {
            WriteList(row.Cells, c =>
            {
                WriteString(c.Text);
                WriteRange(c.Range);
            });
            WriteRange(row.Range);
            WriteNumber((row.Attempt ?? -1) + 1);
        }

        private void WriteList<T>(IReadOnlyList<T> items, Action<T> write)
        {
            WriteNumber(items.Count);
            foreach (var item in items)
            {
                write(item);
            }
        }

        // Ends are written relative to starts: most ranges are on one line, so the difference takes a single byte.
        private void WriteRange(SourceRange range)
        {
            WriteNumber(range.Line);
            WriteNumber(range.Column);
            WriteNumber(range.EndLine - range.Line);
            WriteNumber(range.EndColumn);
        }

        private void WriteNumber(uint value)
        {
            while (value >= 0x80)
            {
                _writer.Write((byte)(value | 0x80));
                value >>= 7;
            }

            _writer.Write((byte)value);
        }
    }

    /// <summary>Reads what a <see cref="Writer"/> wrote; anything that does not fit throws <see cref="InvalidDataException"/> or <see cref="EndOfStreamException"/>.</summary>
    public sealed class Reader
    {
        private readonly BinaryReader _reader;
        private readonly List<string> _strings = new();

        public Reader(BinaryReader reader) => _reader = reader;

        public string ReadString()
        {
            var number = ReadNumber();
            if (number == 0)
            {
                var value = _reader.ReadString();
                _strings.Add(value);
                return value;
            }

            return number <= _strings.Count ? _strings[number - 1] : throw new InvalidDataException("corrupt string number");
        }

        public long ReadLong() => _reader.ReadInt64();

        public MarkdownFacts Read()
        {
            var lineCount = ReadNumber();
            var headings = ReadList(() => new HeadingFact(ReadNumber(), ReadString(), ReadString(), ReadRange()));
            var anchors = ReadList(ReadString);
            var links = ReadList(() => new LinkFact((LinkKind)_reader.ReadByte(), ReadString(), ReadString(), ReadRange()));
            var fields = ReadList(() => new FieldFact(ReadString(), ReadString(), (FieldOrigin)_reader.ReadByte(), ReadRange()));
            var tables = ReadList(() => new TableFact(ReadRow(), ReadList(ReadRow), ReadRange()));
            var mentions = ReadList(() => new AttemptMention(ReadNumber(), (MentionKind)_reader.ReadByte(), _reader.ReadBoolean(), ReadRange()));
            var placeholders = ReadList(() => new PlaceholderFact(ReadString(), ReadRange()));
            return new MarkdownFacts(lineCount, headings, anchors, links, fields, tables, mentions, placeholders);
        }

        /// <summary>A count of entries or items: each takes at least one byte, so more than the bytes left is corruption.</summary>
        public int ReadCount()
        {
            var count = ReadNumber();
            var stream = _reader.BaseStream;
            return count >= 0 && count <= stream.Length - stream.Position ? count : throw new InvalidDataException("corrupt list length");
        }

        private TableRowFact ReadRow()
        {
            var cells = ReadList(() => new TableCellFact(ReadString(), ReadRange()));
            var range = ReadRange();
            var attempt = ReadNumber() - 1;
            return new TableRowFact(cells, range, attempt < 0 ? null : attempt);
        }

        private T[] ReadList<T>(Func<T> read)
        {
            var count = ReadCount();
            if (count == 0)
            {
                return Array.Empty<T>();
            }

            var items = new T[count];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = read();
            }

            return items;
        }

        private SourceRange ReadRange()
        {
            var line = ReadNumber();
            var column = ReadNumber();
            var endLine = unchecked(line + ReadNumber());
            return new SourceRange(line, column, endLine, ReadNumber());
        }

        private int ReadNumber()
        {
            uint value = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var part = _reader.ReadByte();
                value |= (uint)(part & 0x7F) << shift;
                if ((part & 0x80) == 0)
                {
                    return unchecked((int)value);
                }
            }

            throw new InvalidDataException("corrupt number");
        }
    }
}
