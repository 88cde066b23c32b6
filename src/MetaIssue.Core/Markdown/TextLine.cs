using MetaIssue.Text;
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
/// link labels kept), with every character traceable to its source offset and to what it came from.
/// Text-level facts (fields, prompts, attempt names, wiki links) are read from these lines, never from raw Markdown.
/// The text is built in runs (one per literal, code span, entity) rather than per character: most lines are only
/// searched, and only the few matches are mapped back to source positions.
/// </summary>
internal sealed class TextLine
{
    private readonly StringBuilder _text = new();
    private readonly List<Run> _runs = new();
    private string? _cached;
    private bool _linkOpen;

    public string Text => _cached ??= _text.ToString();

    /// <summary>Empties the line for reuse: lines are pooled per thread, since a file has thousands of them.</summary>
    public void Reset()
    {
        _text.Clear();
        _runs.Clear();
        _cached = null;
        _linkOpen = false;
        FirstLink = null;
    }

    public int Length => _text.Length;

    /// <summary>The first link whose label is on this line: its destination and where its label starts and ends.</summary>
    public LinkOnLine? FirstLink { get; private set; }

    /// <summary>
    /// Appends <paramref name="count"/> characters of <paramref name="source"/> found at source offsets
    /// <paramref name="sourceStart"/>..<paramref name="sourceEnd"/>. When the text is the source verbatim
    /// (<paramref name="verbatim"/>), each character maps to its own offset; otherwise (entities, code spans with
    /// trimmed spaces) they are clamped into the span.
    /// </summary>
    public void Append(string source, int start, int count, int sourceStart, int sourceEnd, TextOrigin origin, bool verbatim)
    {
        if (count <= 0)
        {
            return;
        }

        _runs.Add(new Run(_text.Length, count, sourceStart, Math.Max(sourceStart, sourceEnd), origin, verbatim));
        _text.Append(source, start, count);
        _cached = null;
    }

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

    public int OffsetAt(int index)
    {
        if (_runs.Count == 0)
        {
            return 0;
        }

        var run = _runs[RunIndexOf(Math.Min(Math.Max(index, 0), _text.Length - 1))];
        var offset = run.SourceStart + (index - run.Start);
        return run.Verbatim ? offset : Math.Min(offset, run.SourceEnd);
    }

    public TextOrigin OriginAt(int index) => _runs.Count == 0 ? TextOrigin.Plain : _runs[RunIndexOf(index)].Origin;

    /// <summary>True when every character in [start, start+length) is ordinary text (no code, link label, escape).</summary>
    public bool IsPlain(int start, int length) => !AnyOrigin(start, length, TextOrigin.LinkLabel | TextOrigin.Code | TextOrigin.Escaped | TextOrigin.Autolink);

    /// <summary>True when no character in [start, start+length) comes from code.</summary>
    public bool HasNoCode(int start, int length) => !AnyOrigin(start, length, TextOrigin.Code);

    public bool HasCode => _runs.Any(r => (r.Origin & TextOrigin.Code) != 0);

    public SourceRange RangeOf(LineMap map, int start, int length) =>
        length <= 0 ? map.Range(OffsetAt(start), OffsetAt(start)) : map.Range(OffsetAt(start), OffsetAt(start + length - 1));

    private bool AnyOrigin(int start, int length, TextOrigin origins)
    {
        if (length <= 0 || _runs.Count == 0)
        {
            return false;
        }

        for (var i = RunIndexOf(start); i < _runs.Count && _runs[i].Start < start + length; i++)
        {
            if ((_runs[i].Origin & origins) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private int RunIndexOf(int index)
    {
        int low = 0, high = _runs.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (_runs[middle].Start <= index)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    private readonly record struct Run(int Start, int Length, int SourceStart, int SourceEnd, TextOrigin Origin, bool Verbatim);
}

internal sealed record LinkOnLine(string Url, int StartIndex, int EndIndex);
