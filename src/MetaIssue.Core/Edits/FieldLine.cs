namespace MetaIssue.Edits;

/// <summary>
/// A <c>**Name:** value</c> line (also <c>Name: value</c>): where its value starts and ends, so an edit replaces the
/// value and keeps the name, the bold markers and a trailing hard break (two spaces) as they are.
/// </summary>
internal readonly record struct FieldLine(int ValueStart, int ValueEnd, string Value)
{
    public static FieldLine? Parse(TextLines.Line line, string name)
    {
        var content = line.Content;
        var lead = 0;
        while (lead < content.Length && content[lead] == ' ')
        {
            lead++;
        }

        if (lead + 1 < content.Length && (content[lead] == '-' || content[lead] == '+') && content[lead + 1] == ' ')
        {
            lead += 2; // a field written as a list item
        }

        foreach (var prefix in new[] { "**" + name + ":**", "**" + name + "**:", name + ":" })
        {
            if (string.Compare(content, lead, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                continue;
            }

            var valueStart = lead + prefix.Length;
            while (valueStart < content.Length && content[valueStart] == ' ')
            {
                valueStart++;
            }

            var valueEnd = content.TrimEnd(' ', '\t').Length;
            if (valueEnd < valueStart)
            {
                valueEnd = valueStart;
            }

            return new FieldLine(line.Start + valueStart, line.Start + valueEnd, content.Substring(valueStart, valueEnd - valueStart));
        }

        return null;
    }

    /// <summary>The first line of <paramref name="lines"/> from <paramref name="from"/> to <paramref name="to"/> (exclusive) holding the field.</summary>
    public static FieldLine? Find(TextLines lines, string name, int from = 0, int to = int.MaxValue)
    {
        for (var i = from; i < Math.Min(to, lines.Lines.Count); i++)
        {
            if (!lines.Lines[i].InFence && Parse(lines.Lines[i], name) is { } field)
            {
                return field;
            }
        }

        return null;
    }
}
