using MetaIssue.Text;
using MetaIssue.Diagnostics;
using MetaIssue.Rules;
using MetaIssue.Markdown;

namespace MetaIssue.Caching;

/// <summary>
/// What the last check found, with the fingerprints of what it read. A build in which nothing it read has changed
/// (the common no-op build) shows the same findings again without parsing a file or running a rule.
/// </summary>
/// <param name="HostKey">The caller's settings and identity: a replay needs the very same ones.</param>
/// <param name="Output">What else the caller showed, replayed as it was.</param>
public sealed record LastCheck(
    string HostKey,
    string TreeFingerprint,
    IReadOnlyList<string> OutsidePaths,
    string OutsideFingerprint,
    IReadOnlyList<Diagnostic> Diagnostics,
    ReplayedOutput Output)
{
    /// <summary>
    /// The record of a finished check. <paramref name="treeFingerprint"/> is taken before the check ran, so an edit made
    /// meanwhile shows as a change; the outside paths (those the rules consulted, plus <paramref name="alsoWatched"/>:
    /// files the caller wrote or read) are fingerprinted now.
    /// </summary>
    public static LastCheck Of(string hostKey, string treeFingerprint, CheckResult result, IEnumerable<string> alsoWatched, ReplayedOutput output)
    {
        var outside = result.OutsidePaths.Concat(alsoWatched).Distinct(StringComparer.Ordinal).ToList();
        return new LastCheck(hostKey, treeFingerprint, outside, InputFingerprint.OfPaths(outside), result.Diagnostics, output);
    }
}

/// <summary>What the build showed besides the findings: its summary line, and what it said about the overview (or null).</summary>
public sealed record ReplayedOutput(string Summary, string? OverviewMessage);

/// <summary>
/// The <see cref="LastCheck"/> file under obj/. Like the facts cache it only ever saves time: a missing, foreign or
/// corrupt file means a full check, and a failure to write it is ignored.
/// </summary>
public static class LastCheckFile
{
    /// <summary>The file's name inside the cache folder.</summary>
    public const string FileName = "last-check.cache";
    private const int Magic = 0x434C494D; // "MILC"

    /// <summary>
    /// The last check, when its settings are <paramref name="hostKey"/> and nothing it read has changed since;
    /// otherwise null. Costs one listing of the docs folders and a look at each outside path, no file content.
    /// </summary>
    public static LastCheck? FindReplayable(string directory, string hostKey, CheckerOptions options)
    {
        var last = Read(directory);
        if (last is null || last.HostKey != hostKey)
        {
            return null;
        }

        return last.TreeFingerprint == InputFingerprint.OfTree(options) && last.OutsideFingerprint == InputFingerprint.OfPaths(last.OutsidePaths)
            ? last
            : null;
    }

    /// <summary>The last check saved in <paramref name="directory"/>, or null when the file is missing, foreign or corrupt (never throws for those).</summary>
    public static LastCheck? Read(string directory) =>
        CacheFile.Read(Path.Combine(directory, FileName), Magic, reader =>
        {
            var hostKey = reader.ReadString();
            var treeFingerprint = reader.ReadString();
            var outsidePaths = CacheFile.ReadList(reader, r => r.ReadString());
            var outsideFingerprint = reader.ReadString();
            var diagnostics = CacheFile.ReadList(reader, ReadDiagnostic);
            var output = new ReplayedOutput(reader.ReadString(), reader.ReadBoolean() ? reader.ReadString() : null);
            return new LastCheck(hostKey, treeFingerprint, outsidePaths, outsideFingerprint, diagnostics, output);
        });

    /// <summary>Writes the file atomically; returns false when it could not (the next build then checks in full).</summary>
    public static bool Write(string directory, LastCheck check) =>
        CacheFile.Write(Path.Combine(directory, FileName), Magic, writer =>
        {
            writer.Write(check.HostKey);
            writer.Write(check.TreeFingerprint);
            CacheFile.WriteList(writer, check.OutsidePaths, (w, p) => w.Write(p));
            writer.Write(check.OutsideFingerprint);
            CacheFile.WriteList(writer, check.Diagnostics, WriteDiagnostic);
            writer.Write(check.Output.Summary);
            writer.Write(check.Output.OverviewMessage is not null);
            if (check.Output.OverviewMessage is { } overview)
            {
                writer.Write(overview);
            }
        });

    private static Diagnostic ReadDiagnostic(BinaryReader reader)
    {
        var code = reader.ReadString();
        var rule = RuleCatalog.Find(code) ?? throw new InvalidDataException($"unknown rule {code}");
        var file = reader.ReadString();
        SourceRange? range = reader.ReadBoolean() ? CacheFile.ReadRange(reader) : null;
        return new Diagnostic(rule, file, range, reader.ReadString());
    }

    private static void WriteDiagnostic(BinaryWriter writer, Diagnostic diagnostic)
    {
        writer.Write(diagnostic.Code);
        writer.Write(diagnostic.FilePath);
        writer.Write(diagnostic.Range.HasValue);
        if (diagnostic.Range is { } range)
        {
            CacheFile.WriteRange(writer, range);
        }

        writer.Write(diagnostic.Message);
    }
}
