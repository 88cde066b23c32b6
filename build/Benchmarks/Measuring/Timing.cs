using System.Diagnostics;

namespace MetaIssue.Benchmarks.Measuring;

/// <summary>A figure measured several times: its samples in milliseconds and their median.</summary>
internal sealed record Sample(IReadOnlyList<double> Milliseconds)
{
    public double Median => Timing.Median(Milliseconds);

    public double Min => Milliseconds.Count == 0 ? double.NaN : Milliseconds.Min();

    public double Max => Milliseconds.Count == 0 ? double.NaN : Milliseconds.Max();

    public int Count => Milliseconds.Count;

    public static Sample None { get; } = new(Array.Empty<double>());
}

internal static class Timing
{
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Runs <paramref name="action"/> <paramref name="warmUps"/> times untimed (JIT, file cache), then <paramref name="runs"/> times timed.</summary>
    public static Sample Measure(int runs, int warmUps, Action action, Action? beforeEach = null)
    {
        for (var i = 0; i < warmUps; i++)
        {
            beforeEach?.Invoke();
            action();
        }

        var samples = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            beforeEach?.Invoke();
            Settle();
            var stopwatch = Stopwatch.StartNew();
            action();
            samples.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        return new Sample(samples);
    }

    public static double Time(Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        action();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Starts each timed run from a collected heap, so one run's garbage is not billed to the next.</summary>
    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>a / b, or NaN when either is missing.</summary>
    public static double Ratio(double a, double b) => double.IsNaN(a) || double.IsNaN(b) || b <= 0 ? double.NaN : a / b;
}
