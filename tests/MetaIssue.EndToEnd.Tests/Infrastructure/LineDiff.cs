using System.Text;

namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>A line diff for assertion messages: '-' expected, '+' actual, a little context around each change.</summary>
public static class LineDiff
{
    public static string Render(string expected, string actual, int context = 2)
    {
        var lines = Diff(expected.Split('\n'), actual.Split('\n'));
        var shown = new bool[lines.Count];
        for (var index = 0; index < lines.Count; index++)
        {
            if (lines[index].Kind != ' ')
            {
                for (var near = Math.Max(0, index - context); near <= Math.Min(lines.Count - 1, index + context); near++)
                {
                    shown[near] = true;
                }
            }
        }

        var text = new StringBuilder();
        for (var index = 0; index < lines.Count; index++)
        {
            if (shown[index])
            {
                text.Append(lines[index].Kind).Append(' ').Append(lines[index].Text).Append('\n');
            }
            else if (index == 0 || shown[index - 1])
            {
                text.Append("  ...\n");
            }
        }

        return text.ToString();
    }

    /// <summary>Longest-common-subsequence diff; fine for files of a few hundred lines.</summary>
    private static List<(char Kind, string Text)> Diff(string[] expected, string[] actual)
    {
        var common = new int[expected.Length + 1, actual.Length + 1];
        for (var e = expected.Length - 1; e >= 0; e--)
        {
            for (var a = actual.Length - 1; a >= 0; a--)
            {
                common[e, a] = expected[e] == actual[a]
                    ? common[e + 1, a + 1] + 1
                    : Math.Max(common[e + 1, a], common[e, a + 1]);
            }
        }

        var lines = new List<(char Kind, string Text)>();
        int i = 0, j = 0;
        while (i < expected.Length || j < actual.Length)
        {
            if (i < expected.Length && j < actual.Length && expected[i] == actual[j])
            {
                lines.Add((' ', expected[i++]));
                j++;
            }
            else if (i < expected.Length && (j == actual.Length || common[i + 1, j] >= common[i, j + 1]))
            {
                lines.Add(('-', expected[i++]));
            }
            else
            {
                lines.Add(('+', actual[j++]));
            }
        }

        return lines;
    }
}
