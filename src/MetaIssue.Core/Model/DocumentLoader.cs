using System.Collections.Concurrent;

namespace MetaIssue.Model;

/// <summary>
/// Reads and parses documents on worker threads with large stacks: parsing is the check's main cost and is
/// independent per file, and a generous stack keeps even pathological nesting from crashing the build process.
/// </summary>
internal static class DocumentLoader
{
    private const int WorkerStackBytes = 64 * 1024 * 1024;
    private const int FilesPerWorker = 8;

    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled: workers stop after their current file.</exception>
    public static void LoadAll(IReadOnlyList<DocumentFile> documents, CheckerOptions options, IFactsCache? cache, CancellationToken cancellationToken = default)
    {
        if (documents.Count == 0)
        {
            return;
        }

        var queue = new ConcurrentQueue<DocumentFile>(documents);
        var parallelism = options.MaxParallelism > 0 ? options.MaxParallelism : Environment.ProcessorCount;
        var workers = Math.Max(1, Math.Min(parallelism, (documents.Count + FilesPerWorker - 1) / FilesPerWorker));

        void Work()
        {
            while (!cancellationToken.IsCancellationRequested && queue.TryDequeue(out var document))
            {
                try
                {
                    Load(document, options.MaxFileBytes, cache);
                }
                catch (Exception exception)
                {
                    // An exception escaping a worker thread would take the whole build process down with it.
                    document.Fail($"could not be checked ({exception.GetType().Name}: {IO.FileContent.OneLine(exception.Message)})");
                }
            }
        }

        var threads = Enumerable.Range(0, workers)
            .Select(_ => new Thread(Work, WorkerStackBytes) { IsBackground = true, Name = "MetaIssue parser" })
            .ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static void Load(DocumentFile document, long maxBytes, IFactsCache? cache)
    {
        if (cache is null)
        {
            document.Load(maxBytes);
            return;
        }

        FileInfo info;
        try
        {
            info = new FileInfo(document.FullPath);
            if (!info.Exists)
            {
                document.Load(maxBytes);
                return;
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            document.Load(maxBytes);
            return;
        }

        var length = info.Length;
        var written = info.LastWriteTimeUtc;
        if (cache.Find(document.FullPath, length, written) is { } facts)
        {
            document.Restore(facts);
            return;
        }

        document.Load(maxBytes);
        if (document.Facts is { } parsed)
        {
            cache.Remember(document.FullPath, length, written, parsed);
        }
    }
}
