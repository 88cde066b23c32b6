using MetaIssue.Diagnostics;
using MetaIssue.Testing;

namespace MetaIssue.Tests.Support;

/// <summary>A throw-away repository folder: write Markdown into it, run the checker, read what it reports.</summary>
internal sealed class TempRepository : TemporaryRepository<TempRepository>
{
    public TempRepository()
        : base(ScratchFolder.Create("repository-"))
    {
    }

    /// <summary>
    /// Dates each written file a minute back (each write a distinct time): a file written within the racy window of a
    /// check is rightly never trusted by size and time (InputFingerprint.RacyWindow), which caching tests must not hit
    /// by accident. Tests of that window set times themselves.
    /// </summary>
    protected override void Written(string path) => File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));

    public CheckResult Check(Action<CheckerOptions>? configure = null)
    {
        var options = new CheckerOptions(Root);
        configure?.Invoke(options);
        return MetaIssueChecker.Check(options);
    }

    public Findings Findings(Action<CheckerOptions>? configure = null) => new(this, Check(configure).Diagnostics);
}

/// <summary>The diagnostics of one run, with assertions phrased in repository-relative paths.</summary>
internal sealed class Findings
{
    private readonly TempRepository _repository;

    public Findings(TempRepository repository, IReadOnlyList<Diagnostic> all)
    {
        _repository = repository;
        All = all;
    }

    public IReadOnlyList<Diagnostic> All { get; }

    public IReadOnlyList<Diagnostic> OfCode(string code) => All.Where(d => d.Code == code).ToList();

    public string Relative(Diagnostic diagnostic) =>
        Path.GetRelativePath(_repository.Root, diagnostic.FilePath).Replace('\\', '/');

    /// <summary>Exactly one <paramref name="code"/> diagnostic, on that file (and line, when given); returns it.</summary>
    public Diagnostic Single(string code, string file, int? line = null)
    {
        var matches = OfCode(code);
        Assert.True(matches.Count == 1, $"expected one {code}, got {matches.Count}:\n{Describe()}");
        var diagnostic = matches[0];
        Assert.Equal(file, Relative(diagnostic));
        if (line is int expected)
        {
            Assert.NotNull(diagnostic.Range);
            Assert.Equal(expected, diagnostic.Range!.Value.Line);
        }

        return diagnostic;
    }

    public void None(string code) =>
        Assert.True(OfCode(code).Count == 0, $"expected no {code}, got:\n{Describe()}");

    public void Empty() => Assert.True(All.Count == 0, $"expected no diagnostics, got:\n{Describe()}");

    public string Describe() =>
        All.Count == 0 ? "(none)" : string.Join("\n", All.Select(d => $"  {Relative(d)}{d.Range}: {d.Code}: {d.Message}"));
}
