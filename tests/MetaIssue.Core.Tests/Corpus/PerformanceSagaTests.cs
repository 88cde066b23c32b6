using MetaIssue.Tests.Support;

namespace MetaIssue.Tests.Corpus;

/// <summary>
/// The real meta-issue in tests/corpus/kg-example-performance-saga, copied to docs/meta-issues/performance-saga of a
/// fresh repository. Every expected diagnostic below was derived by reading the files, not by running the checker.
/// </summary>
public sealed class PerformanceSagaTests
{
    private const string Saga = "docs/meta-issues/performance-saga";

    /// <summary>(code, file, line, column, why) from tests/corpus/performance-saga.expected.tsv: the complete list.</summary>
    public static IReadOnlyList<(string Code, string File, int Line, int Column, string Why)> Expected =>
        File.ReadAllLines(Path.Combine(Path.GetDirectoryName(CorpusFolder)!, "performance-saga.expected.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(f => (f[0], f[1], int.Parse(f[2]), int.Parse(f[3]), f[4]))
            .ToList();

    // Deliberately not expected, and why:
    // MI012: the status is closed. MI014: the log has '## Attempt 001/002' sections. MI015: test-cases.md has
    // '### Attempt 001/002' result sections. MI005: both attempts have results. MI013 outcomes agree: 001 is
    // '❌ Failed' in README and results; 002 is '⚠️ Partial' in README and '## Assessment: ⚠️ Partial Success' in
    // its results. The 002 files link with ../../ and ../001-baseline/, which resolve. 'Total Attempts: 3' is
    // wrong too, but no rule reads free-text counts.

    public static string CorpusFolder
    {
        get
        {
            for (var folder = AppContext.BaseDirectory; folder is not null; folder = Path.GetDirectoryName(folder))
            {
                var candidate = Path.Combine(folder, "tests", "corpus", "kg-example-performance-saga");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("tests/corpus/kg-example-performance-saga not found above " + AppContext.BaseDirectory);
        }
    }

    [Fact]
    public void The_checker_reports_exactly_the_expected_diagnostics()
    {
        using var repository = new TempRepository();
        Copy(CorpusFolder, repository.PathOf(Saga));

        var findings = repository.Findings();
        var actual = findings.All
            .Select(d => (d.Code, File: findings.Relative(d).Substring(Saga.Length + 1), d.Range!.Value.Line, d.Range!.Value.Column))
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        var expected = Expected
            .Select(e => (e.Code, e.File, e.Line, e.Column))
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Suggestions_point_at_what_the_author_meant()
    {
        using var repository = new TempRepository();
        Copy(CorpusFolder, repository.PathOf(Saga));
        var messages = repository.Findings().OfCode("MI030").Select(d => d.Message).ToList();
        Assert.Contains(messages, m => m.Contains("'../test-cases.md' does not exist; did you mean '../../test-cases.md'?"));
        Assert.Contains(messages, m => m.Contains("'../002-query-optimization/' does not exist; did you mean '../002-caching/'?"));
        Assert.Contains(messages, m => m.Contains("did you mean '../../test-cases.md#attempt-001-caching-layer'?"));
    }

    internal static void Copy(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
