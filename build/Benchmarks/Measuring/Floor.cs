using Markdig;

namespace MetaIssue.Benchmarks.Measuring;

/// <summary>
/// The floor no checker can beat: find the Markdown files and read each once; and read + one Markdig parse each with
/// the checker's pipeline features. Both cores are used, as the checker uses them (and once on one thread, for scale).
/// </summary>
internal static class Floor
{
    // The very pipeline the check parses with, so the floor is the same parse and nothing more.
    private static MarkdownPipeline Pipeline => MetaIssue.Markdown.MarkdownFactsReader.Pipeline;

    public static string[] MarkdownFiles(string docs) =>
        Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories).ToArray();

    /// <summary>Characters read, so the work cannot be optimised away.</summary>
    public static long Read(string docs, int parallelism)
    {
        long total = 0;
        Parallel.ForEach(MarkdownFiles(docs), new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            file => Interlocked.Add(ref total, File.ReadAllText(file).Length));
        return total;
    }

    /// <summary>Top-level blocks parsed, so the work cannot be optimised away.</summary>
    public static long ReadAndParse(string docs, int parallelism)
    {
        long total = 0;
        Parallel.ForEach(MarkdownFiles(docs), new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            file => Interlocked.Add(ref total, Markdig.Markdown.Parse(File.ReadAllText(file), Pipeline).Count));
        return total;
    }
}
