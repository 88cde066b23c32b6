using System.Reflection;

namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>Paths inside the checkout under test (its root is baked in at build time by the test project).</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = typeof(RepositoryLayout).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepositoryRoot")
        .Value!;

    public static string SnapshotsDirectory { get; } = PathTo("tests/MetaIssue.EndToEnd.Tests/Snapshots");

    public static string PathTo(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));
}
