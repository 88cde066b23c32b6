using System.Diagnostics;

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
/// Runs a process with standard input closed, a timeout after which the whole process tree is killed, and its output
/// streamed (never held whole: a linter on 150,000 files prints a lot): lines are counted, the last ones kept, lines
/// containing given markers counted per marker, and lines a filter picks kept.
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
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var gate = new object();
        var tail = new Queue<string>();
        var counts = (countLinesContaining ?? Array.Empty<string>()).ToDictionary(m => m, _ => 0, StringComparer.Ordinal);
        var kept = new List<string>();
        var lines = 0;
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

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

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExit((int)Math.Min(int.MaxValue, timeout.TotalMilliseconds));
        if (!exited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // it ended between the timeout and the kill
            }

            process.WaitForExit(30_000);
        }
        else
        {
            process.WaitForExit(); // drains the asynchronous output readers
        }

        var elapsed = stopwatch.Elapsed.TotalMilliseconds;
        lock (gate)
        {
            return new ToolRun(exited ? process.ExitCode : null, elapsed, !exited, lines, tail.ToList(), counts, kept);
        }
    }

    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? Find(string program)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
