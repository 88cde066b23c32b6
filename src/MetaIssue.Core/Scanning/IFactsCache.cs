using MetaIssue.Markdown;

namespace MetaIssue.Scanning;

/// <summary>Remembers the facts of files that did not change since the last run, so only changed files are parsed again.</summary>
internal interface IFactsCache
{
    /// <summary>The cached facts of a file whose size and last write time are unchanged, or null.</summary>
    MarkdownFacts? Find(string fullPath, long length, DateTime lastWriteTimeUtc);

    void Remember(string fullPath, long length, DateTime lastWriteTimeUtc, MarkdownFacts facts);
}
