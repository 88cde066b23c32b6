using MetaIssue.IO;

namespace MetaIssue.Tests.Support;

/// <summary>This project's own source checkout, for tests that keep its docs and layout true.</summary>
internal static class SourceTree
{
    private static readonly Lazy<string> RootValue = new(() =>
        RepositoryRoot.Find(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException($"no folder above {AppContext.BaseDirectory} is a git repository root"));

    /// <summary>The repository root (the folder holding .git), absolute.</summary>
    public static string Root => RootValue.Value;
}
