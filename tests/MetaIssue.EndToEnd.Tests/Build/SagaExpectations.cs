using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd.Build;

/// <summary>The findings tests/corpus/performance-saga.expected.tsv lists for the real meta-issue, in a stable order.</summary>
internal static class SagaExpectations
{
    public static List<(string Code, string File, int Line, int Column)> Expected() =>
        Ordered(File.ReadAllLines(RepositoryLayout.PathTo("tests/corpus/performance-saga.expected.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(f => (Code: f[0], File: "docs/meta-issues/performance-saga/" + f[1], Line: int.Parse(f[2]), Column: int.Parse(f[3]))));

    public static List<(string Code, string File, int Line, int Column)> Ordered(IEnumerable<(string Code, string File, int Line, int Column)> findings) =>
        findings.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
}
