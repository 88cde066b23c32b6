using System.Globalization;
using System.Runtime.InteropServices;

namespace MetaIssue.Benchmarks.Reporting;

/// <summary>The machine the numbers come from: cores, CPU, memory, OS, .NET, and how busy it was.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var cpu = ProcField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ProcField("/proc/meminfo", "MemTotal") is { } kb
            ? (double.Parse(kb.Split(' ')[0], CultureInfo.InvariantCulture) / 1024 / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " GiB RAM"
            : "RAM unknown";
        return $"{Environment.ProcessorCount} cores ({cpu}), {memory}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }

    /// <summary>The 1-minute load average (other people's compiles show up here), or "?".</summary>
    public static string Load()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static string? ProcField(string file, string name)
    {
        try
        {
            var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
            return line?[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
