using MetaIssue.IO;
using MetaIssue.Text;
using MetaIssue.Markdown;
using MetaIssue.Model;

namespace MetaIssue.Scanning;

/// <summary>
/// Reads and parses documents on worker threads with large stacks: parsing is the check's main cost and is
/// independent per file, and a generous stack keeps even pathological nesting from crashing the build process.
/// </summary>
internal static class DocumentLoader
{
    private const int WorkerStackBytes = 64 * 1024 * 1024;
    private const int FilesPerWorker = 8;

    /// <summary>
    /// Loads the listed <paramref name="files"/> but those in <paramref name="unread"/> (indexes): each becomes a
    /// <see cref="DocumentFile"/> holding its facts (from <paramref name="cache"/> when its size and last write time
    /// are unchanged, else read and parsed) or the problem that stopped it, with its path relative to
    /// <paramref name="repositoryRoot"/>. Returns one slot per listed file, null for the unread ones. Never throws for
    /// a file; a failure on one becomes its problem.
    /// </summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled: workers stop after their current file.</exception>
    public static DocumentFile?[] LoadAll(
        string repositoryRoot,
        IReadOnlyList<ListedFile> files,
        ICollection<int> unread,
        CheckerOptions options,
        IFactsCache? cache,
        CancellationToken cancellationToken = default)
    {
        var documents = new DocumentFile?[files.Count];
        var count = files.Count - unread.Count;
        if (count == 0)
        {
            return documents;
        }

        var next = -1;
        var strings = new StringPool(); // equal strings of the files parsed in this run are kept once
        var parallelism = options.MaxParallelism > 0 ? options.MaxParallelism : Environment.ProcessorCount;
        var workers = Math.Max(1, Math.Min(parallelism, (count + FilesPerWorker - 1) / FilesPerWorker));

        void Work()
        {
            int index;
            while (!cancellationToken.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < files.Count)
            {
                if (unread.Contains(index))
                {
                    continue;
                }

                var file = files[index];
                var relativePath = file.RelativeTo(repositoryRoot);
                try
                {
                    documents[index] = Load(file, relativePath, options.MaxFileBytes, cache, strings);
                }
                catch (Exception exception)
                {
                    // An exception escaping a worker thread would take the whole build process down with it.
                    documents[index] = new DocumentFile(file.FullPath, relativePath, file.IsFolder,
                        problem: $"could not be checked ({exception.GetType().Name}: {IO.FileContent.OneLine(exception.Message)})", problemMayPass: true);
                }
            }
        }

        var threads = Enumerable.Range(0, workers)
            .Select(_ => new Thread(Work, WorkerStackBytes) { IsBackground = true, Name = "MetaIssue parser" })
            .ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        cancellationToken.ThrowIfCancellationRequested();
        return documents;
    }

    private static DocumentFile Load(ListedFile file, RelativePathText relativePath, long maxBytes, IFactsCache? cache, StringPool strings)
    {
        if (cache is null)
        {
            return Read(file, relativePath, maxBytes, strings, stamp: null);
        }

        // The walk that listed the file may have read its size and time already: then no second status call.
        long length;
        DateTime written;
        if (file.Stamp is { } stamp)
        {
            (length, written) = (stamp.Length, new DateTime(stamp.Ticks, DateTimeKind.Utc));
        }
        else
        {
            try
            {
                var info = new FileInfo(file.FullPath);
                if (!info.Exists)
                {
                    return Read(file, relativePath, maxBytes, strings, stamp: null);
                }

                (length, written) = (info.Length, info.LastWriteTimeUtc);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return Read(file, relativePath, maxBytes, strings, stamp: null);
            }
        }

        if (cache.Find(file.FullPath, length, written) is { } cached)
        {
            // Decoded on first use; should the cached bytes not decode, the file is read and parsed then instead.
            var path = file.FullPath;
            var facts = new Lazy<MarkdownFacts?>(() => cached() ?? ReadFacts(path, maxBytes).Facts);
            return new DocumentFile(path, relativePath, file.IsFolder, facts, stamp: (length, written.Ticks));
        }

        var document = Read(file, relativePath, maxBytes, strings, (length, written.Ticks));
        if (document.Facts is { } parsed)
        {
            cache.Remember(file.FullPath, length, written, parsed);
        }

        return document;
    }

    /// <summary>Reads and parses one file; the only place the docs tree's Markdown is read from disk.</summary>
    private static DocumentFile Read(ListedFile file, RelativePathText relativePath, long maxBytes, StringPool strings, (long Length, long Ticks)? stamp)
    {
        if (file.IsFolder)
        {
            return new DocumentFile(file.FullPath, relativePath, isFolder: true,
                problem: "is a folder where a Markdown file is expected; rename or remove it", stamp: stamp);
        }

        var (facts, problem, mayPass) = ReadFacts(file.FullPath, maxBytes, strings);
        return new DocumentFile(file.FullPath, relativePath, isFolder: false, facts, problem, mayPass, stamp);
    }

    /// <summary>
    /// Reads one Markdown file (strict UTF-8, at most <paramref name="maxBytes"/> bytes, and never more than
    /// <see cref="PackedSourceRange.MaxFileBytes"/>, the largest file whose positions the facts keep exactly) and
    /// extracts its facts; or says why it could not, and whether that may pass with the file unchanged. Never throws
    /// for I/O or parsing. Thread-safe.
    /// </summary>
    internal static (MarkdownFacts? Facts, string? Problem, bool MayPass) ReadFacts(string fullPath, long maxBytes, StringPool? strings = null)
    {
        var ceiling = maxBytes > PackedSourceRange.MaxFileBytes;
        var read = FileContent.Read(fullPath, ceiling ? PackedSourceRange.MaxFileBytes : maxBytes, ceiling);
        if (read.Text is null)
        {
            return (null, read.Problem, read.ProblemMayPass);
        }

        try
        {
            return (MarkdownFactsReader.Read(read.Text, strings), null, false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Markdig should never throw, but a build must not fail because one file surprised it.
            return (null, $"could not be parsed as Markdown ({exception.GetType().Name}: {FileContent.OneLine(exception.Message)})", false);
        }
    }
}

