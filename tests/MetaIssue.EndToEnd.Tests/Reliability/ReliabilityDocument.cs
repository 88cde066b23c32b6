using System.Text;
using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd.Reliability;

/// <summary>
/// docs/reliability.md: one table per reliability test, written from what the test observed. A test fails when the
/// document no longer says what happened; `METAISSUE_APPROVE_SNAPSHOTS=1` rewrites the table instead.
/// </summary>
internal static class ReliabilityDocument
{
    private static readonly object Gate = new();

    public static string Path => RepositoryLayout.PathTo("docs/reliability.md");

    public static void AssertMatches(string section, IReadOnlyList<string> rows)
    {
        var table = new StringBuilder()
            .AppendLine("| Case | Input | Outcome |")
            .AppendLine("| --- | --- | --- |");
        foreach (var row in rows)
        {
            table.AppendLine(row);
        }

        var start = $"<!-- table: {section} -->";
        var end = $"<!-- end: {section} -->";
        lock (Gate)
        {
            var text = File.ReadAllText(Path).Replace("\r\n", "\n");
            var from = text.IndexOf(start, StringComparison.Ordinal);
            var to = text.IndexOf(end, StringComparison.Ordinal);
            Assert.True(from >= 0 && to > from, $"docs/reliability.md has no '{start}' ... '{end}' markers");
            var current = text[(from + start.Length)..to].Trim('\n');
            var observed = table.ToString().Replace("\r\n", "\n").Trim('\n');
            if (current == observed)
            {
                return;
            }

            if (Environment.GetEnvironmentVariable("METAISSUE_APPROVE_SNAPSHOTS") == "1")
            {
                File.WriteAllText(Path, text[..(from + start.Length)] + "\n" + observed + "\n" + text[to..]);
                return;
            }

            Assert.Fail($"docs/reliability.md no longer matches what the tests observed in '{section}'. "
                + $"Rerun with METAISSUE_APPROVE_SNAPSHOTS=1 to rewrite it.\n{LineDiff.Render(current, observed)}");
        }
    }
}
