namespace MetaIssue.Caching;

/// <summary>
/// A finding as a host logs it, kept without its rule so that a replay loads no rule type: code, file path,
/// 1-based line and column with end line and column (all 0 when the finding has no range), message and help link
/// (empty for none).
/// </summary>
public sealed record LoggedFinding(string Code, string FilePath, int Line, int Column, int EndLine, int EndColumn, string Message, string HelpLink)
{
    /// <summary>The finding of <paramref name="diagnostic"/>, linking to its rule's page under <paramref name="helpLinkBase"/>.</summary>
    public static LoggedFinding Of(Diagnostics.Diagnostic diagnostic, string helpLinkBase)
    {
        var range = diagnostic.Range ?? default;
        return new LoggedFinding(diagnostic.Code, diagnostic.FilePath, range.Line, range.Column, range.EndLine, range.EndColumn, diagnostic.Message, diagnostic.Rule.HelpLink(helpLinkBase));
    }
}

/// <summary>
/// What the last check found, with the fingerprints of what it read. A build in which nothing it read has changed
/// (the common no-op build) shows the same findings again without parsing a file or running a rule.
/// </summary>
/// <param name="HostKey">The caller's settings and identity: a replay needs the very same ones.</param>
/// <param name="MetaIssueRoots">The roots the check read, after <c>.metaissue.json</c> (whose state is in the tree fingerprint).</param>
/// <param name="LessonsRoot">The lessons folder the check read, after <c>.metaissue.json</c>.</param>
/// <param name="KnownCodes">Every code the writing checker build knows, so a host can rebuild its key (e.g. which codes are errors) without loading the rules.</param>
/// <param name="Output">What else the caller showed, replayed as it was.</param>
public sealed record LastCheck(
    string HostKey,
    string TreeFingerprint,
    IReadOnlyList<string> MetaIssueRoots,
    string LessonsRoot,
    IReadOnlyList<string> KnownCodes,
    IReadOnlyList<string> OutsidePaths,
    string OutsideFingerprint,
    IReadOnlyList<LoggedFinding> Findings,
    ReplayedOutput Output)
{
    /// <summary>
    /// The folder listings taken with <see cref="TreeFingerprint"/>: the next replay decision lists again only the
    /// folders whose last write time has changed since (their entries' status is read either way).
    /// </summary>
    internal FolderListings? Listings { get; init; }

    /// <summary>
    /// The digest of each subfolder of the roots (a meta-issue, a lesson category) taken with <see cref="TreeFingerprint"/>,
    /// by full path: the next replay decision stops walking at the first that differs, so after an edit it looks at the
    /// tree up to the edited meta-issue, not all of it.
    /// </summary>
    internal IReadOnlyDictionary<string, string>? Subtrees { get; init; }

    /// <summary>
    /// The record of a finished check. <paramref name="treeFingerprint"/> is taken before the check ran, over the roots
    /// of <paramref name="scope"/> (the options after <c>.metaissue.json</c>), so an edit made meanwhile shows as a
    /// change; <paramref name="outsidePaths"/> (those the rules consulted and the files the caller wrote or read) are
    /// fingerprinted now.
    /// </summary>
    public static LastCheck Of(
        string hostKey,
        string treeFingerprint,
        CheckerOptions scope,
        IReadOnlyList<string> knownCodes,
        IEnumerable<string> outsidePaths,
        IReadOnlyList<LoggedFinding> findings,
        ReplayedOutput output)
    {
        var outside = outsidePaths.Distinct(StringComparer.Ordinal).ToList();
        return new LastCheck(hostKey, treeFingerprint, scope.MetaIssueRoots.ToList(), scope.LessonsRoot, knownCodes, outside, InputFingerprint.OfPaths(outside), findings, output)
        {
            Listings = InputFingerprint.WalkOf(treeFingerprint)?.Listings,
            Subtrees = InputFingerprint.WalkOf(treeFingerprint)?.Subtrees,
        };
    }

    /// <summary>
    /// The record of an in-process check whose findings are shown without help links: the roots are those the tree
    /// reader read (full paths), the outside paths those the rules consulted plus <paramref name="alsoWatched"/>. The
    /// tree fingerprint names the roots it walked, so one taken over other roots than these never matches a replay.
    /// </summary>
    public static LastCheck Of(string hostKey, string treeFingerprint, CheckResult result, IEnumerable<string> alsoWatched, ReplayedOutput output)
    {
        var scope = new CheckerOptions(result.Tree.RepositoryRoot) { MetaIssueRoots = result.Tree.MetaIssueRoots, LessonsRoot = result.Tree.LessonsRoot };
        var findings = result.Diagnostics.Select(d => LoggedFinding.Of(d, helpLinkBase: string.Empty)).ToList();
        var codes = Rules.RuleCatalog.All.Select(r => r.Id).ToList();
        return Of(hostKey, treeFingerprint, scope, codes, result.OutsidePaths.Concat(alsoWatched), findings, output);
    }
}

/// <summary>What the build showed besides the findings: its summary line, and what it said about the overview (or null).</summary>
public sealed record ReplayedOutput(string Summary, string? OverviewMessage);

/// <summary>
/// The <see cref="LastCheck"/> file under obj/. Like the facts cache it only ever saves time: a missing, foreign or
/// corrupt file means a full check, and a failure to write it is ignored. Reading it and deciding on a replay uses
/// only this file, <see cref="CacheFile"/> and <see cref="InputFingerprint"/>: no Markdown parser, no JSON, no rule.
/// </summary>
public static class LastCheckFile
{
    public const string FileName = "last-check.cache";
    private const int Magic = 0x344C494D; // "MIL4": findings kept without their rules, folder listings and subfolder digests kept

    /// <summary>
    /// The last check, when the key <paramref name="hostKeyFor"/> gives for its <see cref="LastCheck.KnownCodes"/> is
    /// its <see cref="LastCheck.HostKey"/> and nothing it read below <paramref name="repositoryRoot"/> has changed
    /// since; otherwise null. Costs a look at every entry of the folders it read (a listing only of the folders changed
    /// since) and at each outside path, no file content.
    /// </summary>
    public static LastCheck? FindReplayable(string directory, string repositoryRoot, Func<IReadOnlyList<string>, string> hostKeyFor)
    {
        var last = Read(directory);
        if (last is null || last.HostKey != hostKeyFor(last.KnownCodes))
        {
            return null;
        }

        // Trusts the kept listings (a folder whose time is unchanged has the same names), keeps nothing of the walk, and
        // stops it at the first subfolder whose digest differs from the last check's (null: changed).
        var scope = new CheckerOptions(repositoryRoot) { MetaIssueRoots = last.MetaIssueRoots, LessonsRoot = last.LessonsRoot };
        return last.TreeFingerprint == InputFingerprint.OfTree(scope, last.Listings, record: null, snapshot: null, last.Subtrees)
            && last.OutsideFingerprint == InputFingerprint.OfPaths(last.OutsidePaths)
            ? last
            : null;
    }

    /// <summary>The last check, when it was saved under <paramref name="hostKey"/> and nothing it read has changed since.</summary>
    public static LastCheck? FindReplayable(string directory, string hostKey, CheckerOptions options) =>
        FindReplayable(directory, options.RepositoryRoot, _ => hostKey);

    public static LastCheck? Read(string directory) =>
        CacheFile.Read(Path.Combine(directory, FileName), Magic, reader =>
        {
            var hostKey = reader.ReadString();
            var treeFingerprint = reader.ReadString();
            var roots = CacheFile.ReadList(reader, r => r.ReadString());
            var lessons = reader.ReadString();
            var codes = CacheFile.ReadList(reader, r => r.ReadString());
            var outsidePaths = CacheFile.ReadList(reader, r => r.ReadString());
            var outsideFingerprint = reader.ReadString();
            var findings = CacheFile.ReadList(reader, ReadFinding);
            var output = new ReplayedOutput(reader.ReadString(), reader.ReadBoolean() ? reader.ReadString() : null);
            var listings = reader.ReadBoolean() ? FolderListings.Read(reader) : null;
            var subtrees = reader.ReadBoolean() ? ReadSubtrees(reader) : null;
            return new LastCheck(hostKey, treeFingerprint, roots, lessons, codes, outsidePaths, outsideFingerprint, findings, output) { Listings = listings, Subtrees = subtrees };
        });

    /// <summary>Writes the file atomically; returns false when it could not (the next build then checks in full).</summary>
    public static bool Write(string directory, LastCheck check) =>
        CacheFile.Write(Path.Combine(directory, FileName), Magic, writer =>
        {
            writer.Write(check.HostKey);
            writer.Write(check.TreeFingerprint);
            CacheFile.WriteList(writer, check.MetaIssueRoots, (w, r) => w.Write(r));
            writer.Write(check.LessonsRoot);
            CacheFile.WriteList(writer, check.KnownCodes, (w, c) => w.Write(c));
            CacheFile.WriteList(writer, check.OutsidePaths, (w, p) => w.Write(p));
            writer.Write(check.OutsideFingerprint);
            CacheFile.WriteList(writer, check.Findings, WriteFinding);
            writer.Write(check.Output.Summary);
            writer.Write(check.Output.OverviewMessage is not null);
            if (check.Output.OverviewMessage is { } overview)
            {
                writer.Write(overview);
            }

            writer.Write(check.Listings is not null);
            check.Listings?.Write(writer);
            writer.Write(check.Subtrees is not null);
            if (check.Subtrees is { } subtrees)
            {
                writer.Write(subtrees.Count);
                foreach (var pair in subtrees)
                {
                    writer.Write(pair.Key);
                    writer.Write(pair.Value);
                }
            }
        });

    private static Dictionary<string, string> ReadSubtrees(BinaryReader reader)
    {
        // Not CacheFile.ReadList: a list of pairs would be generic code over a value type, JIT-compiled on the no-op path.
        var count = reader.ReadInt32();
        if (count < 0 || count > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException("corrupt subfolder digest count");
        }

        var subtrees = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            subtrees[reader.ReadString()] = reader.ReadString();
        }

        return subtrees;
    }

    private static LoggedFinding ReadFinding(BinaryReader reader) => new(
        reader.ReadString(), reader.ReadString(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadString(), reader.ReadString());

    private static void WriteFinding(BinaryWriter writer, LoggedFinding finding)
    {
        writer.Write(finding.Code);
        writer.Write(finding.FilePath);
        writer.Write(finding.Line);
        writer.Write(finding.Column);
        writer.Write(finding.EndLine);
        writer.Write(finding.EndColumn);
        writer.Write(finding.Message);
        writer.Write(finding.HelpLink);
    }
}
