using System.Collections.Concurrent;
using MetaIssue.IO;
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

    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled: workers stop after their current file.</exception>
    public static void LoadAll(IReadOnlyList<DocumentFile> documents, CheckerOptions options, IFactsCache? cache, CancellationToken cancellationToken = default)
    {
        if (documents.Count == 0)
        {
            return;
        }

        var queue = new ConcurrentQueue<DocumentFile>(documents);
        var strings = new StringPool(); // equal strings of the files parsed in this run are kept once
        var parallelism = options.MaxParallelism > 0 ? options.MaxParallelism : Environment.ProcessorCount;
        var workers = Math.Max(1, Math.Min(parallelism, (documents.Count + FilesPerWorker - 1) / FilesPerWorker));

        void Work()
        {
            while (!cancellationToken.IsCancellationRequested && queue.TryDequeue(out var document))
            {
                try
                {
                    Load(document, options.MaxFileBytes, cache, strings);
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

    private static void Load(DocumentFile document, long maxBytes, IFactsCache? cache, StringPool strings)
    {
        if (cache is null)
        {
            Read(document, maxBytes, strings);
            return;
        }

        FileInfo info;
        try
        {
            info = new FileInfo(document.FullPath);
            if (!info.Exists)
            {
                Read(document, maxBytes, strings);
                return;
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Read(document, maxBytes, strings);
            return;
        }

        var length = info.Length;
        var written = info.LastWriteTimeUtc;
        document.Stamp = (length, written.Ticks);
        if (cache.Find(document.FullPath, length, written) is { } facts)
        {
            document.Restore(facts);
            return;
        }

        Read(document, maxBytes, strings);
        if (document.Facts is { } parsed)
        {
            cache.Remember(document.FullPath, length, written, parsed);
        }
    }

    /// <summary>Reads and parses one file; the only place the docs tree's Markdown is read from disk.</summary>
    private static void Read(DocumentFile document, long maxBytes, StringPool strings)
    {
        if (document.IsFolder)
        {
            document.Reject("is a folder where a Markdown file is expected; rename or remove it", mayPass: false);
            return;
        }

        var (facts, problem, mayPass) = ReadFacts(document.FullPath, maxBytes, strings);
        if (facts is not null)
        {
            document.Restore(facts);
        }
        else
        {
            document.Reject(problem!, mayPass);
        }
    }

    /// <summary>
    /// Reads one Markdown file (strict UTF-8, at most <paramref name="maxBytes"/> bytes) and extracts its facts; or
    /// says why it could not, and whether that may pass with the file unchanged. Never throws for I/O or parsing.
    /// Thread-safe.
    /// </summary>
    internal static (MarkdownFacts? Facts, string? Problem, bool MayPass) ReadFacts(string fullPath, long maxBytes, StringPool? strings = null)
    {
        var read = FileContent.Read(fullPath, maxBytes);
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
