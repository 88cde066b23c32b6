using System.Text;
using MetaIssue.Tests.Support;

namespace MetaIssue.Tests.Fuzzing;

/// <summary>
/// Random meta-issue trees through the whole checker: it must never throw, never have a rule give up, and every
/// diagnostic must point inside its file with valid 1-based positions. One theory row per seed, so a failure names
/// the seed that reproduces it. The seeds are split over four classes: xunit runs the rows of one class one after
/// another, but classes side by side.
/// </summary>
public abstract class FuzzTests
{
    private const int SeedsPerPart = 25;

    private static readonly string[] Files =
    {
        "README.md", "description.md", "implementation-log.md", "test-cases.md",
        "attempts/001-a/solution-approach.md", "attempts/001-a/attempt-results.md",
        "attempts/002-b/solution-approach.md", "attempts/002-b/attempt-results.md",
        "attempts/3-c/attempt-results.md", "attempts/002-dup/solution-approach.md", "analysis/notes.md",
        "attempts/٠٠٤-d/attempt-results.md",
    };

    /// <summary>Seeds 25 × (part − 1) + 1 to 25 × part.</summary>
    protected static TheoryData<int> SeedsOfPart(int part) =>
        new(Enumerable.Range(1 + ((part - 1) * SeedsPerPart), SeedsPerPart));

    protected static void CheckRandomTree(int seed)
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

        // Thousands of diagnostics per tree: each file is split once, and a message is formatted only for a failure.
        var linesByFile = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var diagnostic in result.Diagnostics)
        {
            var message = diagnostic.Message;
            if (string.IsNullOrWhiteSpace(message) || message.Contains('\n') || GaveUp(message))
            {
                Assert.Fail($"seed {seed}: the checker gave up, or a message is empty or spans lines: {diagnostic}");
            }

            if (diagnostic.Range is not { } range)
            {
                continue;
            }

            if (!linesByFile.TryGetValue(diagnostic.FilePath, out var lines))
            {
                lines = LinesOf(diagnostic.FilePath);
                linesByFile.Add(diagnostic.FilePath, lines);
            }

            if (!IsInside(range, lines))
            {
                Assert.Fail($"seed {seed}: {diagnostic} points outside its file of {lines.Count} lines");
            }
        }
    }

    /// <summary>
    /// A rule that threw, or a file whose parse or check threw (MI900): the checker's own code or Markdig failed on
    /// input it should have read or refused by name.
    /// </summary>
    private static bool GaveUp(string message) =>
        message.Contains("stopped with", StringComparison.Ordinal)
        || message.Contains("could not be parsed as Markdown (", StringComparison.Ordinal)
        || message.Contains("could not be checked (", StringComparison.Ordinal);

    /// <summary>
    /// 1-based, the end not before the start, and both ends on the file's lines (a column may be just past a line's
    /// last character).
    /// </summary>
    private static bool IsInside(MetaIssue.Text.SourceRange range, List<string> lines) =>
        range.Line >= 1 && range.Column >= 1
        && (range.EndLine > range.Line || (range.EndLine == range.Line && range.EndColumn >= range.Column))
        && range.EndLine <= Math.Max(1, lines.Count)
        && range.Column <= lines[Math.Min(range.Line, lines.Count) - 1].Length + 1
        && range.EndColumn <= lines[Math.Min(range.EndLine, lines.Count) - 1].Length + 1;

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

public sealed class FuzzTestsPart1 : FuzzTests
{
    public static TheoryData<int> Seeds => SeedsOfPart(1);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_trees_are_checked_without_exceptions_and_with_valid_positions(int seed) => CheckRandomTree(seed);
}

public sealed class FuzzTestsPart2 : FuzzTests
{
    public static TheoryData<int> Seeds => SeedsOfPart(2);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_trees_are_checked_without_exceptions_and_with_valid_positions(int seed) => CheckRandomTree(seed);
}

public sealed class FuzzTestsPart3 : FuzzTests
{
    public static TheoryData<int> Seeds => SeedsOfPart(3);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_trees_are_checked_without_exceptions_and_with_valid_positions(int seed) => CheckRandomTree(seed);
}

public sealed class FuzzTestsPart4 : FuzzTests
{
    public static TheoryData<int> Seeds => SeedsOfPart(4);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_trees_are_checked_without_exceptions_and_with_valid_positions(int seed) => CheckRandomTree(seed);
}
