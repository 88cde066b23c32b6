namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>A scratch folder for one test, below the test run's folder; deleted on <see cref="Dispose"/>.</summary>
public sealed class TempDirectory : IDisposable
{
    private TempDirectory(string path) => Path = path;

    public string Path { get; }

    public static TempDirectory Create(string purpose = "sandbox") => new(TestRun.CreateDirectory(purpose));

    /// <summary>Creates (if needed) and returns a folder below this one, e.g. <c>"repo/docs/meta-issues"</c>.</summary>
    public string CreateDirectory(string relativePath) =>
        Directory.CreateDirectory(System.IO.Path.Combine(Path, relativePath)).FullName;

    public void Dispose() => TestRun.DeleteQuietly(Path);
}
