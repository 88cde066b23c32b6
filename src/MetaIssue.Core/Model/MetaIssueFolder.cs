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

    /// <summary>Makes the folder and its attempts from documents already loaded; nothing is added or changed later.</summary>
    /// <param name="coreFiles">Core files that exist, by file name (<see cref="CoreFiles"/>).</param>
    /// <param name="attempts">The attempt folders' paths and files, in any order: they are kept in order of number (misnamed ones last, by name).</param>
    /// <param name="words">Status and outcome words the team added in <c>.metaissue.json</c>.</param>
    internal MetaIssueFolder(
        string fullPath,
        string relativePath,
        string rootRelativePath,
        IReadOnlyDictionary<string, DocumentFile> coreFiles,
        IReadOnlyList<AttemptFiles> attempts,
        IReadOnlyList<DocumentFile> otherDocuments,
        IReadOnlyList<MisplacedEntry> misplacedEntries,
        ExtraWords words)
    {
        MisplacedEntries = misplacedEntries;
        FullPath = fullPath;
        RelativePath = relativePath;
        RootRelativePath = rootRelativePath;
        Name = Path.GetFileName(fullPath);
        CoreDocuments = coreFiles;
        OtherDocuments = otherDocuments;
        Words = words;
        var folders = new AttemptFolder[attempts.Count];
        for (var i = 0; i < folders.Length; i++)
        {
            folders[i] = new AttemptFolder(this, attempts[i]);
        }

        Array.Sort(folders, (x, y) => (x.Number ?? int.MaxValue).CompareTo(y.Number ?? int.MaxValue) is var byNumber and not 0
            ? byNumber
            : string.CompareOrdinal(x.Name, y.Name));
        Attempts = folders;
    }

    /// <summary>Status and outcome words the team added (<c>.metaissue.json</c>).</summary>
    internal ExtraWords Words { get; }

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

    /// <summary>The recognised status; read on first use and kept (every rule asks for it).</summary>
    public ReadmeStatus? Status => ReadStatus().Status;

    /// <summary>Read on first use; the README and the words were final when this folder was made.</summary>
    private (FieldFact? Field, ReadmeStatus? Status) ReadStatus() => _status ??= StatusOf(Readme?.Facts?.FindField("Status"), Words);

    private static (FieldFact? Field, ReadmeStatus? Status) StatusOf(FieldFact? field, ExtraWords words) =>
        (field, field is { } status ? StatusVocabulary.Parse(status.Value, words) : null);

    public bool IsClosed => Status?.IsClosed == true;

    public string Title => Readme?.Facts?.Title?.Text is { Length: > 0 } title ? StripPrefix(title) : Name;

    /// <summary>Well-named attempts in number order.</summary>
    public IEnumerable<AttemptFolder> NumberedAttempts => Attempts.Where(a => a.Number is not null);

    private IReadOnlyDictionary<int, IReadOnlyList<AttemptReference>>? _withoutFolder;

    /// <summary>Attempt numbers that entries or links refer to but no <c>NNN-slug</c> folder holds (read on first use and kept).</summary>
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
