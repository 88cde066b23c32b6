using System.Collections;
using System.Reflection;
using Microsoft.Build.Framework;

namespace MetaIssue.MonoHarness;

/// <summary>
/// Usage: <c>MetaIssue.MonoHarness.exe &lt;task folder&gt; &lt;repository root&gt;</c>. Loads
/// <c>MetaIssue.Build.dll</c> from the task folder, runs its CheckMetaIssues task on the repository (no cache) and
/// prints each logged warning or error in MSBuild's canonical form, then where each bundled assembly was loaded from
/// (the task folder, or the host's own copy).
/// Exit code: 0 when the task returned true, 1 when it returned false, 2 on bad arguments, 3 when it threw.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 2 || !Directory.Exists(args[0]) || !Directory.Exists(args[1]))
        {
            Console.Error.WriteLine("usage: MetaIssue.MonoHarness.exe <task folder> <repository root>");
            return 2;
        }

        var taskFolder = Path.GetFullPath(args[0]);
        try
        {
            var assembly = Assembly.LoadFrom(Path.Combine(taskFolder, "MetaIssue.Build.dll"));
            var task = (ITask)Activator.CreateInstance(assembly.GetType("MetaIssue.Build.CheckMetaIssues", throwOnError: true)!)!;
            var engine = new ConsoleBuildEngine();
            task.BuildEngine = engine;
            task.GetType().GetProperty("RepositoryRoot")!.SetValue(task, Path.GetFullPath(args[1]));
            var succeeded = task.Execute();

            Console.WriteLine($"runtime: {RuntimeDescription()}");
            var bundled = new HashSet<string>(Directory.GetFiles(taskFolder, "*.dll").Select(Path.GetFileNameWithoutExtension), StringComparer.OrdinalIgnoreCase);
            foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && bundled.Contains(a.GetName().Name)).OrderBy(a => a.GetName().Name, StringComparer.Ordinal))
            {
                var from = loaded.Location.StartsWith(taskFolder, StringComparison.Ordinal) ? "task folder" : "host";
                Console.WriteLine($"loaded from {from}: {loaded.GetName().Name} {loaded.GetName().Version}");
            }

            Console.WriteLine($"task returned {succeeded}; {engine.Warnings} warning(s), {engine.Errors} error(s)");
            return succeeded ? 0 : 1;
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine($"harness: the task could not run: {exception}");
            return 3;
        }
    }

    private static string RuntimeDescription() =>
        Type.GetType("Mono.Runtime") is { } mono
            ? "Mono " + mono.GetMethod("GetDisplayName", BindingFlags.NonPublic | BindingFlags.Static)?.Invoke(null, null)
            : ".NET Framework " + Environment.Version;

    /// <summary>The smallest IBuildEngine a task logs through; prints what MSBuild's console logger would print.</summary>
    private sealed class ConsoleBuildEngine : IBuildEngine
    {
        public int Warnings { get; private set; }

        public int Errors { get; private set; }

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "MetaIssue.MonoHarness";

        public void LogErrorEvent(BuildErrorEventArgs e)
        {
            Errors++;
            Console.WriteLine($"{e.File}({e.LineNumber},{e.ColumnNumber}): error {e.Code}: {e.Message}");
        }

        public void LogWarningEvent(BuildWarningEventArgs e)
        {
            Warnings++;
            Console.WriteLine($"{e.File}({e.LineNumber},{e.ColumnNumber}): warning {e.Code}: {e.Message}");
        }

        public void LogMessageEvent(BuildMessageEventArgs e) => Console.WriteLine(e.Message);

        public void LogCustomEvent(CustomBuildEventArgs e) => Console.WriteLine(e.Message);

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;
    }
}
