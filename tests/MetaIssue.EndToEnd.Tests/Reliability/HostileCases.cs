using System.Text;
using MetaIssue.EndToEnd.Infrastructure;
using MetaIssue.Testing;

namespace MetaIssue.EndToEnd.Reliability;

/// <summary>The hostile inputs (docs/reliability.md), each planted beside a minimal valid meta-issue of its own.</summary>
internal static class HostileCases
{
    private static readonly (string Code, string File)[] Nothing = [];

    public static IReadOnlyList<HostileCase> All { get; } =
    [
        new("invalid-utf8", "bytes that are not UTF-8 in a `.md` file",
            (r, f) => r.WriteBytes($"{f}/description.md", [0x23, 0x20, 0x41, 0xC3, 0x28, 0xFF, 0x0A]),
            [("MI900", "description.md")], "not valid UTF-8"),
        new("binary", "binary bytes (NUL) in a `.md` file",
            (r, f) => r.WriteBytes($"{f}/description.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]),
            [("MI900", "description.md")], "NUL byte"),
        new("utf16", "a UTF-16 file (Windows PowerShell 5 `>`)",
            (r, f) => r.WriteBytes($"{f}/description.md", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("# Description\n")]),
            [("MI900", "description.md")], "UTF-16"),
        new("bom", "a UTF-8 BOM before an unknown status",
            (r, f) => r.WriteBytes($"{f}/README.md", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Readme("Sorta"))]),
            [("MI010", "README.md")], "'Sorta'"),
        new("crlf", "CRLF line endings",
            (r, f) => r.Write($"{f}/README.md", Readme("Sorta").Replace("\n", "\r\n")),
            [("MI010", "README.md")], "'Sorta'"),
        new("cr-only", "CR-only line endings",
            (r, f) => r.Write($"{f}/README.md", Readme("Sorta").Replace("\n", "\r")),
            [("MI010", "README.md")], "'Sorta'"),
        new("giant", "a 50 MB Markdown file",
            (r, f) => r.Write($"{f}/description.md", "# Giant\n\n" + string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet [link](./x.md) ", 1_250_000))),
            [("MI900", "description.md")], "over the 2 MB limit"),
        new("nested-lists", "10,000 nested list levels",
            (r, f) => r.Write($"{f}/description.md", string.Concat(Enumerable.Range(0, 10_000).Select(i => new string(' ', Math.Min(i * 2, 40)) + "- item\n"))),
            Nothing),
        new("nested-quotes", "10,000 nested quote levels",
            (r, f) => r.Write($"{f}/description.md", string.Concat(Enumerable.Repeat("> ", 10_000)) + "deep\n"),
            [("MI900", "description.md")], "too deeply nested"),
        new("wide-table", "a 5,000-column table",
            (r, f) => r.Write($"{f}/description.md",
                "|" + string.Concat(Enumerable.Range(0, 5000).Select(i => $" c{i} |")) + "\n|" + string.Concat(Enumerable.Repeat("---|", 5000)) + "\n|"
                + string.Concat(Enumerable.Range(0, 4999).Select(i => $" {i} |")) + " [last](./missing.md) |\n"),
            [("MI030", "description.md")]),
        new("long-line", "a single 1.5 MB line",
            (r, f) => r.Write($"{f}/description.md", "# Long\n\n" + new string('x', 1_500_000) + " [gone](./gone.md)\n"),
            [("MI030", "description.md")]),
        new("attempts-file", "an `attempts/` entry that is a file, not a folder",
            (r, f) => r.Write($"{f}/attempts/002-notes.md", "# Notes\n"),
            [("MI002", "attempts/002-notes.md")]),
        new("readme-folder", "a README.md that is a folder",
            (r, f) => { r.Delete($"{f}/README.md"); Directory.CreateDirectory(r.PathOf($"{f}/README.md")); },
            [("MI900", "README.md")], "is a folder"),
        new("symlink-loop", "a folder link pointing back up (a loop)",
            (r, f) => Directory.CreateSymbolicLink(r.PathOf($"{f}/analysis"), ".."),
            [("MI900", "analysis")], "does not follow folder links", UnixOnly: true),
        new("dangling-link", "a dangling file link",
            (r, f) => File.CreateSymbolicLink(r.PathOf($"{f}/notes.md"), "./gone.md"),
            [("MI900", "notes.md")], "broken symbolic link", UnixOnly: true),
        new("device", "a `.md` link to /dev/zero (endless)",
            (r, f) => File.CreateSymbolicLink(r.PathOf($"{f}/zero.md"), "/dev/zero"),
            [("MI900", "zero.md")], "it is a device", UnixOnly: true),
        new("fifo", "a named pipe called `notes.md`",
            (r, f) => Run("mkfifo", r.PathOf($"{f}/notes.md")),
            Nothing, UnixOnly: true),
        new("unreadable", "a file without read permission",
            (r, f) => RemoveReadPermission(r.PathOf($"{f}/description.md")),
            IsRoot ? Nothing : [("MI900", "description.md")], IsRoot ? null : "cannot be read", UnixOnly: true,
            DocumentedOutcome: "MI900: description.md cannot be read (UnauthorizedAccessException …); as root (CI) it is read normally"),
        new("odd-names", "folder and file names with spaces, unicode, `#` and `%`",
            (r, f) => r.Write($"{f}/analysis/über 50% #1.md", "# Notes\n\n[back](../README.md) [next](./über%2050%25%20%232.md)\n"),
            [("MI030", "analysis/über 50% #1.md")]),
        new("long-path", "a file whose path is close to the OS limit (4,096 bytes)",
            (r, f) => r.Write(LongPath(r, f), "# Deep\n\n[gone](./gone.md)\n"),
            [("MI030", "LONG")]),
        new("climbing-links", "links whose `..` climb out of the repository",
            (r, f) => r.Write($"{f}/description.md", "# D\n\n[passwd](../../../../../../../../etc/passwd) [[../../../../../../../../etc/hosts]]\n"),
            [("MI030", "description.md"), ("MI030", "description.md")], "outside the repository"),
    ];

    /// <summary>A README with a recognised or unrecognised status and nothing else to complain about.</summary>
    public static string Readme(string status) => $"# Meta-Issue: X\n\n**Status:** {status}\n";

    /// <summary>Plants the three other core files so each case only shows its own finding.</summary>
    public static void PlantValidMetaIssue(SampleRepository repository, string folder)
    {
        repository.Write($"{folder}/README.md", Readme("Investigating"));
        repository.Write($"{folder}/description.md", "# Description\n");
        repository.Write($"{folder}/implementation-log.md", "# Log\n");
        repository.Write($"{folder}/test-cases.md", "# Tests\n");
    }

    /// <summary>
    /// Plants every case this OS can make (each in its own otherwise valid meta-issue) and returns them, in
    /// <see cref="All"/>'s order.
    /// </summary>
    public static IReadOnlyList<HostileCase> PlantAll(SampleRepository repository)
    {
        var cases = All.Where(c => !c.UnixOnly || !OperatingSystem.IsWindows()).ToList();
        foreach (var hostile in cases)
        {
            PlantValidMetaIssue(repository, hostile.Folder);
            hostile.Plant(repository, hostile.Folder);
        }

        return cases;
    }

    public static bool IsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    /// <summary>A path of 16 folders of 240 characters: about 3,900 bytes from the file system root.</summary>
    private static string LongPath(SampleRepository repository, string folder)
    {
        var budget = 3900 - repository.PathOf(folder).Length;
        var segments = new List<string>();
        while (budget > 260)
        {
            segments.Add(new string((char)('a' + segments.Count % 26), 240));
            budget -= 241;
        }

        return $"{folder}/{string.Join("/", segments)}/deep.md";
    }

    private static void RemoveReadPermission(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
        }
    }

    private static void Run(string program, string argument) =>
        ProcessRunner.RunAsync(program, [argument], Path.GetTempPath(), TimeSpan.FromMinutes(1)).GetAwaiter().GetResult();
}
