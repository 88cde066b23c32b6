#if NETFRAMEWORK
using System.Reflection;
using System.Runtime.CompilerServices;

namespace MetaIssue.Build;

/// <summary>
/// On .NET Framework MSBuild (Visual Studio, msbuild.exe) a task's dependencies bind through the host's
/// MSBuild.exe.config, whose binding redirects differ between Visual Studio versions and rarely match the versions
/// bundled here (System.Text.Json, System.Memory, Markdig.Signed's closure). When the host cannot bind a dependency,
/// the runtime raises <see cref="AppDomain.AssemblyResolve"/>; this handler then loads the same-named file from the
/// task's own folder if its version is at least the one asked for (the rule a binding redirect applies), so loading no
/// longer depends on any redirect. Installed by a module initializer: before any type that needs a dependency is
/// touched. On .NET, MSBuild gives each task folder its own load context instead, so this is not compiled there.
/// </summary>
internal static class TaskFolderAssemblyResolver
{
    private static readonly string TaskFolder = Path.GetDirectoryName(typeof(TaskFolderAssemblyResolver).Assembly.Location) ?? string.Empty;

    // CA2255 warns that module initializers belong to applications: a task assembly is the one library that MSBuild
    // loads by path and calls into directly, and the handler must be in place before any of its types is touched.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Install() => AppDomain.CurrentDomain.AssemblyResolve += Resolve;

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        try
        {
            var wanted = new AssemblyName(args.Name);
            var path = Path.Combine(TaskFolder, wanted.Name + ".dll");
            if (TaskFolder.Length == 0 || !File.Exists(path))
            {
                return null;
            }

            var available = AssemblyName.GetAssemblyName(path);
            if (wanted.Version is not null && available.Version is not null && available.Version < wanted.Version)
            {
                return null;
            }

            // Already loaded from this folder (a second request under another version): hand out that one.
            foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies())
            {
                if (!loaded.IsDynamic && string.Equals(loaded.GetName().Name, wanted.Name, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(SafeLocation(loaded), path, StringComparison.OrdinalIgnoreCase))
                {
                    return loaded;
                }
            }

            return Assembly.LoadFrom(path);
        }
        catch (Exception exception) when (exception is IOException or BadImageFormatException or UnauthorizedAccessException or ArgumentException or System.Security.SecurityException)
        {
            return null;
        }
    }

    private static string SafeLocation(Assembly assembly)
    {
        try
        {
            return assembly.Location;
        }
        catch (NotSupportedException)
        {
            return string.Empty;
        }
    }
}
#endif
