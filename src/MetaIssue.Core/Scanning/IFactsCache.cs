using MetaIssue.Markdown;

namespace MetaIssue.Scanning;

/// <summary>Remembers the facts of files that did not change since the last run, so only changed files are parsed again.</summary>
internal interface IFactsCache
{
    /// <summary>
    /// The cached facts of a file whose size and last write time are unchanged, as a decoder to call when they are
    /// first needed (an incremental check reads few of a tree's files); null when not cached. The decoder returns null
    /// when the cached bytes cannot be decoded. Both are thread-safe.
    /// </summary>
    Func<MarkdownFacts?>? Find(string fullPath, long length, DateTime lastWriteTimeUtc);

    void Remember(string fullPath, long length, DateTime lastWriteTimeUtc, MarkdownFacts facts);
}
