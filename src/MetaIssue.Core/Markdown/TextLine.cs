using System.Text;

namespace MetaIssue.Markdown;

/// <summary>What a character of a <see cref="TextLine"/> came from, beyond plain text.</summary>
[Flags]
internal enum TextOrigin : byte
{
    Plain = 0,
    LinkLabel = 1,
    Code = 2,
    Escaped = 4,
    Autolink = 8,
}

/// <summary>
/// One rendered line of a paragraph, heading or table cell: the text a reader sees (emphasis markers gone, code and
/// link labels kept), each character mapped back to its source offset and tagged with where it came from.
/// Text-level facts (fields, prompts, attempt names, wiki links) are read from these lines, never from raw Markdown.
/// </summary>
internal sealed class TextLine
{
    private readonly StringBuilder _text = new();
    private readonly List<int> _offsets = new();
    private readonly List<TextOrigin> _origins = new();
    private string? _cached;

    public string Text => _cached ??= _text.ToString();

    public int Length => _text.Length;

    public bool IsEmpty => _text.Length == 0;

    public void Append(char c, int offset, TextOrigin origin)
    {
        _text.Append(c);
        _offsets.Add(offset);
        _origins.Add(origin);
        _cached = null;
    }

    /// <summary>The first link whose label is on this line: its destination and where its label starts and ends.</summary>
    public LinkOnLine? FirstLink { get; private set; }

    private bool _linkOpen;

    public void OpenLink(string url)
    {
        if (FirstLink is null)
        {
            FirstLink = new LinkOnLine(url, _text.Length, _text.Length);
            _linkOpen = true;
        }
    }

    public void CloseLink()
    {
        if (_linkOpen && FirstLink is not null)
        {
            FirstLink = FirstLink with { EndIndex = _text.Length };
            _linkOpen = false;
        }
    }

    public int OffsetAt(int index) => _offsets[Math.Min(Math.Max(index, 0), _offsets.Count - 1)];

    public TextOrigin OriginAt(int index) => _origins[index];

    /// <summary>True when every character in [start, start+length) is ordinary text (no code, link label, escape).</summary>
    public bool IsPlain(int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (_origins[i] != TextOrigin.Plain)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when no character in [start, start+length) comes from code.</summary>
    public bool HasNoCode(int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if ((_origins[i] & TextOrigin.Code) != 0)
            {
                return false;
            }
        }

        return true;
    }

    public SourceRange RangeOf(LineMap map, int start, int length) =>
        length <= 0 ? map.Range(OffsetAt(start), OffsetAt(start)) : map.Range(OffsetAt(start), OffsetAt(start + length - 1));
}

internal sealed record LinkOnLine(string Url, int StartIndex, int EndIndex);
