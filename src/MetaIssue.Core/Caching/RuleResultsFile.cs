using MetaIssue.Diagnostics;
using MetaIssue.Fixes;

namespace MetaIssue.Caching;

/// <summary>
/// What the last check found per meta-issue and what those findings depended on, so the next check re-runs the rules
/// only where an input changed (<see cref="IncrementalCheck"/>).
/// </summary>
/// <param name="Key">The settings, the configuration file and the shape of the tree (every meta-issue, attempt folder and document path, the lessons, the scan problems): any change means a full check.</param>
/// <param name="LessonsStamp">The lessons' paths, sizes and write times, hashed; null when one was unreadable or racy (the next check is then a full one).</param>
/// <param name="OutsidePaths">Paths outside the tree's documents the rules looked at (link targets probed, files read for anchors).</param>
/// <param name="OutsideFingerprint">Their <see cref="InputFingerprint.OfPaths"/> when the results were computed.</param>
/// <param name="Units">The findings per meta-issue, for the meta-issues whose files were all stable when read.</param>
/// <param name="Lessons">Per lesson, the meta-issues its links lead into and the link rules' findings on it.</param>
internal sealed record RuleResults(
    string Key,
    string? LessonsStamp,
    IReadOnlyList<string> OutsidePaths,
    string OutsideFingerprint,
    IReadOnlyList<UnitResults> Units,
    IReadOnlyList<LessonResults> Lessons);

/// <summary>
/// The findings the per-meta-issue rules and link rules reported while checking one meta-issue (full path), and the
/// other meta-issues its links lead into (their files' content can change its findings, and theirs link back to it).
/// <see cref="Stamp"/> hashes its files' paths, sizes and write times when the findings were computed.
/// </summary>
internal sealed record UnitResults(string Path, string Stamp, IReadOnlyList<string> LinksInto, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// One lesson (full path): the meta-issues (full paths) its links lead into (<see cref="LinksInto"/>, any local target
/// in them; <see cref="ExistingInto"/>, existing targets only, as <see cref="Links.TreeLinks.LessonsLinkingTo"/> counts
/// them) and the link rules' findings on it. Valid while the lessons and the tree's shape are unchanged
/// (<see cref="RuleResults.LessonsStamp"/>, <see cref="RuleResults.Key"/>) and no meta-issue it links into is re-checked:
/// the content of one can change its anchor findings, and renaming a folder in one edits its links.
/// </summary>
internal sealed record LessonResults(string Path, IReadOnlyList<string> LinksInto, IReadOnlyList<string> ExistingInto, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>The <see cref="RuleResults"/> file under obj/, with the layout and failure policy of <see cref="CacheFile"/>.</summary>
internal static class RuleResultsFile
{
    public const string FileName = "rule-results.cache";
    private const int Magic = 0x3252494D; // "MIR2": with the lessons' results

    public static RuleResults? Read(string directory) =>
        CacheFile.Read(Path.Combine(directory, FileName), Magic, reader =>
        {
            var key = reader.ReadString();
            var lessons = reader.ReadBoolean() ? reader.ReadString() : null;
            var outside = CacheFile.ReadList(reader, r => r.ReadString());
            var outsideFingerprint = reader.ReadString();
            var units = CacheFile.ReadList(reader, r => new UnitResults(
                r.ReadString(),
                r.ReadString(),
                CacheFile.ReadList(r, s => s.ReadString()),
                CacheFile.ReadList(r, ReadDiagnostic)));
            var lessonResults = CacheFile.ReadList(reader, r => new LessonResults(
                r.ReadString(),
                CacheFile.ReadList(r, s => s.ReadString()),
                CacheFile.ReadList(r, s => s.ReadString()),
                CacheFile.ReadList(r, ReadDiagnostic)));
            return new RuleResults(key, lessons, outside, outsideFingerprint, units, lessonResults);
        });

    /// <summary>Writes the file atomically; false when it could not (the next check is then a full one).</summary>
    public static bool Write(string directory, RuleResults results) =>
        CacheFile.Write(Path.Combine(directory, FileName), Magic, writer =>
        {
            writer.Write(results.Key);
            writer.Write(results.LessonsStamp is not null);
            if (results.LessonsStamp is { } lessons)
            {
                writer.Write(lessons);
            }

            CacheFile.WriteList(writer, results.OutsidePaths, (w, p) => w.Write(p));
            writer.Write(results.OutsideFingerprint);
            CacheFile.WriteList(writer, results.Units, (w, unit) =>
            {
                w.Write(unit.Path);
                w.Write(unit.Stamp);
                CacheFile.WriteList(w, unit.LinksInto, (x, p) => x.Write(p));
                CacheFile.WriteList(w, unit.Diagnostics, WriteDiagnostic);
            });
            CacheFile.WriteList(writer, results.Lessons, (w, lesson) =>
            {
                w.Write(lesson.Path);
                CacheFile.WriteList(w, lesson.LinksInto, (x, p) => x.Write(p));
                CacheFile.WriteList(w, lesson.ExistingInto, (x, p) => x.Write(p));
                CacheFile.WriteList(w, lesson.Diagnostics, WriteDiagnostic);
            });
        });

    private static void WriteDiagnostic(BinaryWriter writer, Diagnostic diagnostic)
    {
        CacheFile.WriteDiagnostic(writer, diagnostic);
        writer.Write(diagnostic.Fix is not null);
        if (diagnostic.Fix is { } fix)
        {
            writer.Write(fix.Title);
            writer.Write((int)fix.Applicability);
            CacheFile.WriteList(writer, fix.InsertedPrompts, (w, p) => w.Write(p));
            CacheFile.WriteList(writer, fix.Changes, WriteChange);
        }
    }

    private static Diagnostic ReadDiagnostic(BinaryReader reader)
    {
        var diagnostic = CacheFile.ReadDiagnostic(reader);
        if (reader.ReadBoolean())
        {
            var title = reader.ReadString();
            var applicability = (FixApplicability)reader.ReadInt32();
            var prompts = CacheFile.ReadList(reader, r => r.ReadString());
            return diagnostic with { Fix = new Fix(title, applicability, CacheFile.ReadList(reader, ReadChange)) { InsertedPrompts = prompts } };
        }

        return diagnostic;
    }

    private static void WriteChange(BinaryWriter writer, FileChange change)
    {
        switch (change)
        {
            case TextEdit edit:
                writer.Write((byte)0);
                WriteEdit(writer, edit);
                break;
            case FileCreation creation:
                writer.Write((byte)1);
                writer.Write(creation.Path);
                writer.Write(creation.Content);
                break;
            case FolderRename rename:
                writer.Write((byte)2);
                writer.Write(rename.OldPath);
                writer.Write(rename.NewPath);
                CacheFile.WriteList(writer, rename.LinkEdits, WriteEdit);
                break;
            default:
                throw new NotSupportedException($"a fix change of type {change.GetType().Name} cannot be cached");
        }
    }

    private static FileChange ReadChange(BinaryReader reader) => reader.ReadByte() switch
    {
        0 => ReadEdit(reader),
        1 => new FileCreation(reader.ReadString(), reader.ReadString()),
        2 => new FolderRename(reader.ReadString(), reader.ReadString(), CacheFile.ReadList(reader, ReadEdit)),
        var kind => throw new InvalidDataException($"unknown fix change {kind}"),
    };

    private static void WriteEdit(BinaryWriter writer, TextEdit edit)
    {
        writer.Write(edit.Path);
        writer.Write(edit.ExpectedHash);
        WritePoint(writer, edit.Start);
        WritePoint(writer, edit.End);
        writer.Write(edit.NewText);
    }

    private static TextEdit ReadEdit(BinaryReader reader) =>
        new(reader.ReadString(), reader.ReadString(), ReadPoint(reader), ReadPoint(reader), reader.ReadString());

    private static void WritePoint(BinaryWriter writer, TextPoint point)
    {
        writer.Write(point.Line);
        writer.Write(point.Column);
        writer.Write(point.Offset);
    }

    private static TextPoint ReadPoint(BinaryReader reader)
    {
        var (line, column, offset) = (reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
        return line > 0 ? TextPoint.At(line, column) : offset < 0 ? TextPoint.EndOfText : TextPoint.AtOffset(offset);
    }
}
