using System.Text;
using MetaIssue.Diagnostics;

namespace MetaIssue.Tests.Support;

/// <summary>A throw-away repository folder: write Markdown into it, run the checker, read what it reports.</summary>
internal sealed class TempRepository : IDisposable
{
    public TempRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "metaissue-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public TempRepository Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        Settle(path);
        return this;
    }

    public TempRepository WriteBytes(string relative, byte[] content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        Settle(path);
        return this;
    }

    /// <summary>
    /// Dates a file as written a minute ago (each call a distinct time): a file written within the racy window of a
    /// check is rightly never trusted by size and time (InputFingerprint.RacyWindow), which caching tests must not hit
    /// by accident. Tests of that window set times themselves.
    /// </summary>
    private static void Settle(string path) => File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Replaces the first occurrence of <paramref name="old"/> in a file, failing loudly if it is not there.</summary>
    public TempRepository Edit(string relative, string old, string replacement)
    {
        var text = Read(relative);
        var index = text.IndexOf(old, StringComparison.Ordinal);
        if (index < 0)
        {
            throw new InvalidOperationException($"'{old}' not found in {relative}");
        }

        return Write(relative, text.Substring(0, index) + replacement + text.Substring(index + old.Length));
    }

    public TempRepository Delete(string relative)
    {
        var path = PathOf(relative);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }

        return this;
    }

    public TempRepository CreateFolder(string relative)
    {
        Directory.CreateDirectory(PathOf(relative));
        return this;
    }

    /// <summary>1-based line of the first line of a file containing <paramref name="text"/>.</summary>
    public int LineOf(string relative, string text)
    {
        var lines = Read(relative).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(text, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"'{text}' not found in {relative}");
    }

    public CheckResult Check(Action<CheckerOptions>? configure = null)
    {
        var options = new CheckerOptions(Root);
        configure?.Invoke(options);
        return MetaIssueChecker.Check(options);
    }

    public Findings Findings(Action<CheckerOptions>? configure = null) => new(this, Check(configure).Diagnostics);

    public void Dispose()
    {
        try
        {
            MakeWritable(Root);
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void MakeWritable(string folder)
    {
        if (!OperatingSystem.IsWindows())
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories))
            {
                try
                {
                    File.SetUnixFileMode(entry, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
                catch (IOException)
                {
                }
            }
        }
    }
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
