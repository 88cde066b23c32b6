namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>The environment of every process a test starts: quiet, no lingering build servers, no shared caches.</summary>
public static class IsolatedEnvironment
{
    /// <summary>The overrides for a child process; a null value removes an inherited variable.</summary>
    public static IReadOnlyDictionary<string, string?> Variables { get; } = new Dictionary<string, string?>
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1",
        // Build servers would outlive the test and keep files of the test run open.
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        // Packages packed by this run must never land in, or be served from, the user's NuGet caches.
        ["NUGET_PACKAGES"] = TestRun.NuGetPackagesDirectory,
        ["NUGET_HTTP_CACHE_PATH"] = TestRun.NuGetHttpCacheDirectory,
        // Tests assert on messages, so they must not depend on the machine's language.
        ["DOTNET_CLI_UI_LANGUAGE"] = "en-US",
        // Set by `dotnet test` for its own MSBuild; a child `dotnet` must find its SDK on its own.
        ["MSBuildExtensionsPath"] = null,
        ["MSBuildSDKsPath"] = null,
        ["MSBUILD_EXE_PATH"] = null,
    };
}
