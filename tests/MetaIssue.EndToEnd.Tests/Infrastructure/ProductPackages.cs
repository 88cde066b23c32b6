using System.Text.RegularExpressions;

namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>
/// The product's NuGet packages, packed from the checkout once per test run into a local folder feed. Build output
/// goes below the test run's folder too (--artifacts-path), so packing never touches the checkout's bin/ and obj/.
/// </summary>
public sealed class ProductPackages
{
    /// <summary>The projects whose packages the tests use: one line per shipped package.</summary>
    private static readonly string[] PackedProjects =
    [
        "MetaIssue.Templates.csproj",
        "src/MetaIssue.Build/MetaIssue.Build.csproj",
        "src/MetaIssue.Tool/MetaIssue.Tool.csproj",
    ];

    // The MSBuild package compiles ReadyToRun images of two task folders: minutes on a loaded 2-core machine.
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(12);

    private static readonly Lazy<Task<ProductPackages>> PackedOnce = new(PackAsync);

    private ProductPackages(string feedDirectory) => FeedDirectory = feedDirectory;

    public string FeedDirectory { get; }

    /// <summary>Packs on first use; every later caller gets the same packages (or the same failure).</summary>
    public static Task<ProductPackages> GetAsync() => PackedOnce.Value;

    /// <summary>The path of the one .nupkg with this id, e.g. <c>PathOf("MetaIssue.Templates")</c>.</summary>
    public string PathOf(string packageId)
    {
        var fileName = new Regex($@"^{Regex.Escape(packageId)}\.\d+\.\d+\.\d+.*\.nupkg$", RegexOptions.IgnoreCase);
        var matches = Directory.GetFiles(FeedDirectory, "*.nupkg")
            .Where(path => fileName.IsMatch(Path.GetFileName(path)))
            .ToArray();
        return matches.Length == 1
            ? matches[0]
            : throw new InvalidOperationException(
                $"Expected one {packageId} package in {FeedDirectory}, found {matches.Length}.");
    }

    private static async Task<ProductPackages> PackAsync()
    {
        var feed = TestRun.CreateDirectory("feed");
        var artifacts = TestRun.CreateDirectory("artifacts");
        foreach (var project in PackedProjects)
        {
            var pack = await DotnetCli.RunAsync(
                RepositoryLayout.Root,
                ["pack", RepositoryLayout.PathTo(project), "-c", "Release", "-o", feed, "--artifacts-path", artifacts],
                PackTimeout);
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException($"Packing {project} failed.\n{pack}");
            }
        }

        return new ProductPackages(feed);
    }
}
