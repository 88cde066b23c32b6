using System.Reflection;

namespace MetaIssue.Build;

/// <summary>Where the rule pages of a release live.</summary>
internal static class HelpLinks
{
    private const string Repository = "https://github.com/metaissue/MetaIssue";

    /// <summary>
    /// <c>{repository}/blob/v{version}/docs/rules</c> for the assembly's informational version without its
    /// <c>+commit</c> suffix (the package version, which is also the release tag); the tree of the commit it was
    /// built from when the version is a local <c>0.0.0</c> build.
    /// </summary>
    public static string ForRelease(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? string.Empty;
        var plus = informational.IndexOf('+');
        var version = plus >= 0 ? informational.Substring(0, plus) : informational;
        var commit = plus >= 0 ? informational.Substring(plus + 1) : string.Empty;
        var reference = version.Length > 0 && version != "0.0.0" ? "v" + version : commit.Length > 0 ? commit : "main";
        return $"{Repository}/blob/{reference}/docs/rules";
    }
}
