using System.Reflection;
using System.Runtime.Loader;

namespace MetaIssue.Benchmarks.Measuring;

/// <summary>
/// The checker of a restored package rather than of this build: MetaIssue.Core and Markdig loaded from the package's
/// task folder into their own load context, so a baseline package can be measured by the same memory probe. Bound by
/// reflection to <c>MetaIssue.MetaIssueChecker.Check(CheckerOptions, …)</c> and <c>CheckerOptions(string)</c>, the
/// public API both packages share; optional parameters get their defaults.
/// </summary>
internal static class PackageCheck
{
    /// <summary>Runs one cold or warm check with the library in <paramref name="taskFolder"/>; returns the diagnostics count.</summary>
    /// <exception cref="InvalidOperationException">The folder has no MetaIssue.Core.dll, or its API does not match.</exception>
    public static int Run(string taskFolder, string root, string? cacheDirectory)
    {
        var core = Path.Combine(taskFolder, "MetaIssue.Core.dll");
        if (!File.Exists(core))
        {
            throw new InvalidOperationException($"no MetaIssue.Core.dll in {taskFolder}");
        }

        var context = new AssemblyLoadContext("metaissue-package", isCollectible: false);
        context.Resolving += (ctx, name) =>
            File.Exists(Path.Combine(taskFolder, name.Name + ".dll")) ? ctx.LoadFromAssemblyPath(Path.Combine(taskFolder, name.Name + ".dll")) : null;
        var assembly = context.LoadFromAssemblyPath(core);
        var optionsType = assembly.GetType("MetaIssue.CheckerOptions", throwOnError: true)!;
        var checker = assembly.GetType("MetaIssue.MetaIssueChecker", throwOnError: true)!;
        var options = Activator.CreateInstance(optionsType, root)!;
        optionsType.GetProperty("CacheDirectory")!.SetValue(options, cacheDirectory);
        var check = checker.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == "Check" && m.GetParameters() is { Length: > 0 } p && p[0].ParameterType == optionsType && p.Skip(1).All(q => q.IsOptional))
            ?? throw new InvalidOperationException("MetaIssueChecker.Check(CheckerOptions) not found in the package's MetaIssue.Core");
        var arguments = check.GetParameters().Select((p, i) => i == 0 ? options : p.DefaultValue is DBNull ? null : p.DefaultValue).ToArray();
        var result = check.Invoke(null, arguments)!;
        var diagnostics = (System.Collections.ICollection)result.GetType().GetProperty("Diagnostics")!.GetValue(result)!;
        return diagnostics.Count;
    }
}
