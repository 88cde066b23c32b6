using MetaIssue.Markdown;
using MetaIssue.Conventions;

namespace MetaIssue.Model;

/// <summary>One meta-issue: an immediate subfolder of a meta-issues root, with its core files and attempts.</summary>
public sealed class MetaIssueFolder
{
    public const string ReadmeFile = "README.md";
    public const string DescriptionFile = "description.md";
    public const string ImplementationLogFile = "implementation-log.md";
    public const string TestCasesFile = "test-cases.md";
    public const string AttemptsFolder = "attempts";

    public static readonly IReadOnlyList<string> CoreFiles = new[] { ReadmeFile, DescriptionFile, ImplementationLogFile, TestCasesFile };

    internal MetaIssueFolder(
        string fullPath,
        string relativePath,
        string rootRelativePath,
        IReadOnlyDictionary<string, DocumentFile> coreFiles,
        IReadOnlyList<AttemptFolder> attempts,
        IReadOnlyList<DocumentFile> otherDocuments,
        IReadOnlyList<MisplacedEntry> misplacedEntries)
    {
        MisplacedEntries = misplacedEntries;
        FullPath = fullPath;
        RelativePath = relativePath;
        RootRelativePath = rootRelativePath;
        Name = Path.GetFileName(fullPath);
        CoreDocuments = coreFiles;
        Attempts = attempts;
        foreach (var attempt in attempts)
        {
            attempt.Issue = this;
        }

        OtherDocuments = otherDocuments;
    }

    /// <summary>Status and outcome words the team added (<c>.metaissue.json</c>); none unless the tree reader sets them.</summary>
    internal ExtraWords Words { get; set; } = ExtraWords.None;

    /// <summary>Files standing where an attempt folder (or the attempts folder) belongs (MI002).</summary>
    internal IReadOnlyList<MisplacedEntry> MisplacedEntries { get; }

    /// <summary>The folder name, also the slug users pass as <c>--issue</c>.</summary>
    public string Name { get; }

    public string FullPath { get; }

    public string RelativePath { get; }

    /// <summary>The meta-issues root this folder sits in, relative to the repository root (e.g. <c>docs/meta-issues</c>).</summary>
    public string RootRelativePath { get; }

    /// <summary>Core files that exist, by file name (README.md, description.md, …).</summary>
    internal IReadOnlyDictionary<string, DocumentFile> CoreDocuments { get; }

    /// <summary>Attempt folders in order of number (misnamed ones last, by name).</summary>
    public IReadOnlyList<AttemptFolder> Attempts { get; }

    /// <summary>Any other Markdown below the folder (analysis notes, profiling write-ups): links are checked there too.</summary>
    internal IReadOnlyList<DocumentFile> OtherDocuments { get; }

    internal DocumentFile? Readme => Core(ReadmeFile);

    internal DocumentFile? ImplementationLog => Core(ImplementationLogFile);

    internal DocumentFile? TestCases => Core(TestCasesFile);

    private (FieldFact? Field, ReadmeStatus? Status)? _status;

    /// <summary>The README's status field (front matter <c>status:</c> first, then the first <c>Status:</c> line).</summary>
    internal FieldFact? StatusField => ReadStatus().Field;

    /// <summary>The recognised status; read once, after the files are loaded (every rule asks for it).</summary>
    public ReadmeStatus? Status => ReadStatus().Status;

    private (FieldFact? Field, ReadmeStatus? Status) ReadStatus()
    {
        if (_status is { } known)
        {
            return known;
        }

        var field = Readme?.Facts?.FindField("Status");
        var read = (field, field is { } status ? StatusVocabulary.Parse(status.Value, Words) : null);
        if (Readme?.Facts is not null || Readme is null || Readme.Problem is not null)
        {
            _status = read; // remember only once the README has been loaded (or cannot be)
        }

        return read;
    }

    public bool IsClosed => Status?.IsClosed == true;

    public string Title => Readme?.Facts?.Title?.Text is { Length: > 0 } title ? StripPrefix(title) : Name;

    /// <summary>Well-named attempts in number order.</summary>
    public IEnumerable<AttemptFolder> NumberedAttempts => Attempts.Where(a => a.Number is not null);

    private IReadOnlyDictionary<int, IReadOnlyList<AttemptReference>>? _withoutFolder;

    /// <summary>Attempt numbers that entries or links refer to but no <c>NNN-slug</c> folder holds (read once, after loading).</summary>
    internal IReadOnlyDictionary<int, IReadOnlyList<AttemptReference>> ReferencedWithoutFolder =>
        _withoutFolder ??= AttemptReferenceIndex.WithoutFolder(this);

    /// <summary>The misnamed folder that meant to be this attempt (<c>01-caching</c> for 1), or null.</summary>
    public AttemptFolder? MisnamedFolderFor(int number) => Attempts.FirstOrDefault(a => !a.IsWellNamed && a.IntendedNumber == number);

    /// <summary>
    /// True when attempt <paramref name="number"/> has no folder and one finding already says so: a misnamed folder
    /// meant it (MI002) or documents refer to it (MI003). Other rules stay silent about it: one warning per cause.
    /// </summary>
    public bool IsMissingAttemptReported(int number) =>
        !NumberedAttempts.Any(a => a.Number == number) && (MisnamedFolderFor(number) is not null || ReferencedWithoutFolder.ContainsKey(number));

    public AttemptFolder? LatestAttempt => NumberedAttempts.LastOrDefault();

    public int NextAttemptNumber => (NumberedAttempts.Select(a => a.Number!.Value).DefaultIfEmpty(0).Max()) + 1;

    internal IEnumerable<DocumentFile> Documents =>
        CoreDocuments.Values
            .Concat(Attempts.SelectMany(a => new[] { a.SolutionApproach, a.AttemptResults }).OfType<DocumentFile>())
            .Concat(OtherDocuments);

    private DocumentFile? Core(string name) => CoreDocuments.TryGetValue(name, out var file) ? file : null;

    private static string StripPrefix(string title)
    {
        const string prefix = "Meta-Issue:";
        return title.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? title.Substring(prefix.Length).Trim() : title;
    }

    public override string ToString() => RelativePath;
}

/// <summary>A file found where the method expects a folder: an attempt folder in attempts/, or attempts/ itself; and why.</summary>
internal sealed record MisplacedEntry(string FullPath, string Message);
