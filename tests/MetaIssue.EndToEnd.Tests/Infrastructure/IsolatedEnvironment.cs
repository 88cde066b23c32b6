namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>The environment of every process a test starts: quiet, no lingering build servers, no shared caches.</summary>
public static class IsolatedEnvironment
{
    public static void ApplyTo(IDictionary<string, string?> environment)
    {
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1";
        // Build servers would outlive the test and keep files of the test run open.
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        // Packages packed by this run must never land in, or be served from, the user's NuGet caches.
        environment["NUGET_PACKAGES"] = TestRun.NuGetPackagesDirectory;
        environment["NUGET_HTTP_CACHE_PATH"] = TestRun.NuGetHttpCacheDirectory;
        // Tests assert on messages, so they must not depend on the machine's language.
        environment["DOTNET_CLI_UI_LANGUAGE"] = "en-US";

        // Set by `dotnet test` for its own MSBuild; a child `dotnet` must find its SDK on its own.
        foreach (var inherited in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH" })
        {
            environment.Remove(inherited);
        }
    }
}
