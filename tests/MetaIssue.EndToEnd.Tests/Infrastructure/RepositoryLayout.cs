using MetaIssue.Testing;

namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>Paths inside the checkout under test (found by <see cref="RepositoryRoot"/>).</summary>
public static class RepositoryLayout
{
    public static string Root => RepositoryRoot.Path;

    public static string SnapshotsDirectory { get; } = PathTo("tests/MetaIssue.EndToEnd.Tests/Snapshots");

    public static string PathTo(string relativePath) => RepositoryRoot.PathTo(relativePath);
}
