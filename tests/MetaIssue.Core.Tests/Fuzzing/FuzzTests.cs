using System.Text;
using MetaIssue.Tests.Support;

namespace MetaIssue.Tests.Fuzzing;

/// <summary>
/// Random meta-issue trees through the whole checker: it must never throw, never have a rule give up, and every
/// diagnostic must point inside its file with valid 1-based positions. Seeded, so a failure names its seed.
/// </summary>
public sealed class FuzzTests
{
    private const int Trees = 100;

    private static readonly string[] Files =
    {
        "README.md", "description.md", "implementation-log.md", "test-cases.md",
        "attempts/001-a/solution-approach.md", "attempts/001-a/attempt-results.md",
        "attempts/002-b/solution-approach.md", "attempts/002-b/attempt-results.md",
        "attempts/3-c/attempt-results.md", "attempts/002-dup/solution-approach.md", "analysis/notes.md",
    };

    [Fact]
    public void Random_trees_are_checked_without_exceptions_and_with_valid_positions()
    {
        for (var seed = 1; seed <= Trees; seed++)
        {
            var fuzzer = new MarkdownFuzzer(seed);
            using var repository = new TempRepository();
            var issues = 1 + (seed % 3);
            for (var issue = 0; issue < issues; issue++)
            {
                foreach (var file in Files.Where((_, i) => (seed + i + issue) % 4 != 0))
                {
                    repository.WriteBytes($"docs/meta-issues/issue-{issue}/{file}", fuzzer.Bytes());
                }
            }

            repository.WriteBytes("docs/lessons-learned/debugging/lesson.md", fuzzer.Bytes());

            CheckResult result;
            try
            {
                result = repository.Check();
            }
            catch (Exception exception)
            {
                throw new Xunit.Sdk.XunitException($"seed {seed}: the checker threw {exception}");
            }

            foreach (var diagnostic in result.Diagnostics)
            {
                Assert.False(diagnostic.Message.Contains("stopped with", StringComparison.Ordinal), $"seed {seed}: a rule failed: {diagnostic.Message}");
                Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message), $"seed {seed}: empty message");
                Assert.DoesNotContain('\n', diagnostic.Message);
                if (diagnostic.Range is { } range)
                {
                    AssertInside(seed, diagnostic.FilePath, range, diagnostic.ToString());
                }
            }
        }
    }

    private static void AssertInside(int seed, string path, MetaIssue.Text.SourceRange range, string what)
    {
        var lines = LinesOf(path);
        var context = $"seed {seed}: {what} (file has {lines.Count} lines)";
        Assert.True(range.Line >= 1 && range.Column >= 1, context);
        Assert.True(range.EndLine >= range.Line, context);
        Assert.True(range.EndLine < range.Line || range.EndColumn >= range.Column || range.EndLine > range.Line, context);
        Assert.True(range.EndLine <= Math.Max(1, lines.Count), context);
        Assert.True(range.Column <= lines[Math.Min(range.Line, lines.Count) - 1].Length + 1, context);
        Assert.True(range.EndColumn <= lines[Math.Min(range.EndLine, lines.Count) - 1].Length + 1, context);
    }

    /// <summary>The file's lines as the checker counts them (\n, \r\n and \r end a line; a BOM is not a column).</summary>
    private static List<string> LinesOf(string path)
    {
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(path)).TrimStart('\uFEFF');
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                lines.Add(text.Substring(start, i - start).TrimEnd('\r'));
                start = i + 1;
            }
        }

        lines.Add(text.Substring(start));
        return lines;
    }
}
