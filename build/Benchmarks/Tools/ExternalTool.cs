using MetaIssue.Testing;

namespace MetaIssue.Benchmarks.Tools;

/// <summary>How a process ended: exit code (null when it was killed on timeout), wall time, output line counts and tails.</summary>
internal sealed record ToolRun(
    int? ExitCode,
    double Milliseconds,
    bool TimedOut,
    int OutputLines,
    IReadOnlyList<string> Tail,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<string> Kept)
{
    public bool Succeeded => ExitCode == 0;

    public int Count(string key) => Counts.TryGetValue(key, out var n) ? n : 0;

    public string Describe() => TimedOut ? "timed out" : $"exit {ExitCode}";
}

/// <summary>
/// Runs a process through <see cref="ProcessRunner"/> (standard input closed, the whole process tree killed after the
/// timeout) with its output streamed, never held whole (a linter on 150,000 files prints a lot): lines are counted,
/// the last ones kept, lines containing given markers counted per marker, and lines a filter picks kept.
/// </summary>
internal static class ExternalTool
{
    private const int TailLines = 40;

    public static ToolRun Run(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null,
        IReadOnlyCollection<string>? countLinesContaining = null,
        Func<string, bool>? keepLine = null)
    {
        var gate = new object();
        var tail = new Queue<string>();
        var counts = (countLinesContaining ?? Array.Empty<string>()).ToDictionary(m => m, _ => 0, StringComparer.Ordinal);
        var kept = new List<string>();
        var lines = 0;
        void OnLine(string line)
        {
            lock (gate)
            {
                lines++;
                tail.Enqueue(line);
                if (tail.Count > TailLines)
                {
                    tail.Dequeue();
                }

                if (keepLine is not null && kept.Count < 200 && keepLine(line))
                {
                    kept.Add(line);
                }

                foreach (var marker in counts.Keys.ToList())
                {
                    if (line.Contains(marker, StringComparison.Ordinal))
                    {
                        counts[marker]++;
                    }
                }
            }
        }

        var overrides = environment?.ToDictionary(pair => pair.Key, pair => (string?)pair.Value, StringComparer.Ordinal);
        var run = ProcessRunner.RunAsync(fileName, arguments, workingDirectory, timeout, overrides, OnLine).GetAwaiter().GetResult();
        lock (gate)
        {
            return new ToolRun(
                run.TimedOut ? null : run.ExitCode, run.Duration.TotalMilliseconds, run.TimedOut, lines, tail.ToList(), counts, kept);
        }
    }

    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? Find(string program) => ProcessRunner.Which(program);
}
