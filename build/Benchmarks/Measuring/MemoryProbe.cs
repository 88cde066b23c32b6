using System.Globalization;
using System.Reflection;
using MetaIssue.Benchmarks.Tools;

namespace MetaIssue.Benchmarks.Measuring;

/// <summary>
/// Peak memory and time of one check, measured in a fresh child process of this benchmark (hidden option
/// <c>--measure-memory &lt;repo&gt;</c>) so earlier work in this process does not count: VmHWM (peak resident set) from
/// /proc/self/status, next to the resident set before the check (the runtime's own share).
/// </summary>
internal static class MemoryProbe
{
    public sealed record Peak(double BaselineMb, double PeakMb, double Milliseconds)
    {
        public double CheckMb => PeakMb - BaselineMb;
    }

    /// <summary>
    /// The child's side: one check (with the cache when given; with the library of a package's task folder when given,
    /// see <see cref="PackageCheck"/>), then one line <c>memory baseline=… peak=… ms=…</c> (MB, ms).
    /// </summary>
    public static int RunChild(string root, string? cache, string? library = null)
    {
        var baseline = StatusKb("VmRSS");
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var diagnostics = library is null ? InProcessCheck.Run(root, cache).Diagnostics.Count : PackageCheck.Run(library, root, cache);
        var elapsed = stopwatch.Elapsed.TotalMilliseconds;
        var peak = StatusKb("VmHWM");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory baseline={baseline / 1024:F1} peak={peak / 1024:F1} ms={elapsed:F1} diagnostics={diagnostics}"));
        return 0;
    }

    /// <summary>The parent's side: runs the child (a fresh process: JIT and assembly loading included) and reads its line; null when it failed.</summary>
    public static Peak? Measure(string root, string? cache, TimeSpan timeout, string? library = null)
    {
        var (program, prefix) = SelfCommand();
        var arguments = new List<string> { "--measure-memory", root };
        if (cache is not null)
        {
            arguments.AddRange(new[] { "--cache", cache });
        }

        if (library is not null)
        {
            arguments.AddRange(new[] { "--library", library });
        }

        var run = ExternalTool.Run(program, prefix.Concat(arguments), root, timeout,
            new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" });
        var line = run.Tail.LastOrDefault(l => l.StartsWith("memory ", StringComparison.Ordinal));
        if (!run.Succeeded || line is null)
        {
            Console.WriteLine($"  memory probe failed ({run.Describe()}): {string.Join(" | ", run.Tail.TakeLast(5))}");
            return null;
        }

        var values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(part => part.Split('='))
            .ToDictionary(kv => kv[0], kv => kv[1]);
        double Value(string key) => double.Parse(values[key], CultureInfo.InvariantCulture);
        return new Peak(Value("baseline"), Value("peak"), Value("ms"));
    }

    /// <summary>How to start this program again: its apphost, or <c>dotnet &lt;dll&gt;</c>.</summary>
    private static (string Program, string[] Prefix) SelfCommand()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var assembly = Assembly.GetEntryAssembly()!.Location;
        return Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? (process, new[] { assembly })
            : (process, Array.Empty<string>());
    }

    private static double StatusKb(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return double.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return double.NaN;
    }
}
