using MetaIssue.Tests.Support;

namespace MetaIssue.Tests.Corpus;

/// <summary>
/// The real meta-issue in tests/corpus/kg-example-performance-saga, copied to docs/meta-issues/performance-saga of a
/// fresh repository. Every expected diagnostic below was derived by reading the files, not by running the checker.
/// </summary>
public sealed class PerformanceSagaTests
{
    private const string Saga = "docs/meta-issues/performance-saga";

    /// <summary>(code, file, line, column, why) — the complete list: anything else reported is a false positive.</summary>
    public static readonly (string Code, string File, int Line, int Column, string Why)[] Expected =
    {
        ("MI011", "README.md", 6, 13, "'Resolved (Attempt 003)' but only attempts/001-baseline and attempts/002-caching exist"),
        ("MI020", "README.md", 6, 13, "resolved, yet no lesson links to it (its Related section still says 'Create after resolving')"),
        ("MI016", "README.md", 52, 42, "'attempt #[ID]' is the guide's [ATTEMPT_ID] prompt left unfilled in a closed meta-issue"),
        ("MI030", "README.md", 61, 9, "timeline row 002 links attempts/002-query-optimization/, but the folder is 002-caching"),
        ("MI013", "README.md", 62, 1, "timeline lists attempt 003, which has no folder"),
        ("MI030", "README.md", 62, 9, "attempts/003-connection-pooling/ does not exist"),
        ("MI030", "README.md", 160, 16, "[[patterns.md#meta-issue-tracking]]: no patterns.md beside it, in docs/ or at the root"),
        ("MI030", "attempts/001-baseline/attempt-results.md", 320, 38, "../test-cases.md from attempts/001-baseline/ lands in attempts/; it is ../../test-cases.md"),
        ("MI030", "attempts/001-baseline/attempt-results.md", 321, 54, "../implementation-log.md, one level short in the same way"),
        ("MI030", "attempts/001-baseline/attempt-results.md", 322, 50, "../002-query-optimization/ is really ../002-caching/"),
        ("MI030", "attempts/001-baseline/solution-approach.md", 183, 21, "../test-cases.md, one level short"),
        ("MI030", "attempts/001-baseline/solution-approach.md", 309, 31, "../README.md, one level short"),
        ("MI030", "attempts/001-baseline/solution-approach.md", 310, 46, "../attempts/002-query-optimization/ does not exist"),
        ("MI030", "attempts/001-baseline/solution-approach.md", 311, 37, "../test-cases.md#… — the file is missing, so MI030 (not MI031)"),
    };

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
