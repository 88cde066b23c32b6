using System.Diagnostics;

namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>
/// The scratch folder of one test run: isolated NuGet caches, the packed feed, template hives and sandboxes all
/// live below it, so nothing a test does reaches the user's own caches. Deleted when the test process exits.
/// </summary>
public static class TestRun
{
    public static string Root { get; } = CreateRoot();

    public static string NuGetPackagesDirectory => Path.Combine(Root, "nuget-packages");

    public static string NuGetHttpCacheDirectory => Path.Combine(Root, "nuget-http-cache");

    /// <summary>A new, empty folder below <see cref="Root"/>; <paramref name="purpose"/> makes it recognisable.</summary>
    public static string CreateDirectory(string purpose) =>
        Directory.CreateDirectory(Path.Combine(Root, $"{purpose}-{ShortId()}")).FullName;

    private static string CreateRoot()
    {
        var runs = Path.Combine(Path.GetTempPath(), "metaissue-e2e");
        DeleteRunsOfEndedProcesses(runs);
        var root = Directory.CreateDirectory(Path.Combine(runs, $"run-{Environment.ProcessId}-{ShortId()}")).FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(root);
        return root;
    }

    /// <summary>The test host may be killed before its exit handler finishes; the next run cleans up after it.</summary>
    private static void DeleteRunsOfEndedProcesses(string runs)
    {
        if (!Directory.Exists(runs))
        {
            return;
        }

        foreach (var run in Directory.GetDirectories(runs, "run-*"))
        {
            var owner = Path.GetFileName(run).Split('-')[1];
            if (int.TryParse(owner, out var processId) && !IsRunning(processId))
            {
                DeleteQuietly(run);
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string ShortId() => Guid.NewGuid().ToString("N")[..8];

    internal static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is not worth failing a test run for.
        }
    }
}
