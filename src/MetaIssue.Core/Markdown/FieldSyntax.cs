namespace MetaIssue.Markdown;

/// <summary>
/// A rendered line of the form <c>Name: value</c> (what <c>**Status:** Open</c> renders to): a name of up to 40
/// letters, digits, spaces and <c>_'/-</c> starting with a letter, a colon not followed by <c>//</c> (so URLs are not
/// fields), and the rest of the line as the value. Written by hand: it runs on every line of every file.
/// </summary>
internal static class FieldSyntax
{
    private const int MaxNameLength = 40;

    /// <summary>Where the name and value are in <paramref name="line"/>, or null when it is not a field line.</summary>
    public static (int NameStart, int NameLength, int ValueStart, int ValueLength)? Split(string line)
    {
        var colon = line.IndexOf(':');
        if (colon < 0)
        {
            return null;
        }

        var nameStart = 0;
        while (nameStart < colon && char.IsWhiteSpace(line[nameStart]))
        {
            nameStart++;
        }

        if (nameStart == colon || !char.IsLetter(line[nameStart]))
        {
            return null;
        }

        var nameEnd = colon;
        while (nameEnd > nameStart && char.IsWhiteSpace(line[nameEnd - 1]))
        {
            nameEnd--;
        }

        if (nameEnd - nameStart > MaxNameLength)
        {
            return null;
        }

        for (var i = nameStart; i < nameEnd; i++)
        {
            var c = line[i];
            if (!(char.IsLetter(c) || char.IsNumber(c) || c is ' ' or '_' or '\'' or '/' or '-'))
            {
                return null;
            }
        }

        if (colon + 2 < line.Length && line[colon + 1] == '/' && line[colon + 2] == '/')
        {
            return null;
        }

        var valueStart = colon + 1;
        while (valueStart < line.Length && char.IsWhiteSpace(line[valueStart]))
        {
            valueStart++;
        }

        var valueEnd = line.Length;
        while (valueEnd > valueStart && char.IsWhiteSpace(line[valueEnd - 1]))
        {
            valueEnd--;
        }

        return (nameStart, nameEnd - nameStart, valueStart, valueEnd - valueStart);
    }
}
