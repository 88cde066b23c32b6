using System.Security.Cryptography;
using System.Text;

namespace MetaIssue.Benchmarks.Corpus;

/// <summary>What was written: where, how much, its SHA-256 (paths and bytes, in order), and the defects planted per rule.</summary>
internal sealed record CorpusInfo(
    string Root,
    int MetaIssues,
    int MarkdownFiles,
    long Bytes,
    string Hash,
    IReadOnlyDictionary<string, int> PlantedDefects)
{
    public string Docs => Path.Combine(Root, "docs");
}

/// <summary>
/// Writes a seeded corpus: <c>docs/meta-issues/&lt;name&gt;/…</c> with 3–9 attempts each and lessons under
/// <c>docs/lessons-learned/</c>, in a folder with a <c>.git</c> marker so it is a repository root for MetaIssue.Build.
/// The same size and seed always give byte-identical files, and so the same hash.
/// </summary>
internal static class CorpusGenerator
{
    public static CorpusInfo Generate(string root, int metaIssues, int seed)
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(root, ".git"));
        File.WriteAllText(Path.Combine(root, ".git", "HEAD"), "ref: refs/heads/main\n");

        var plans = CorpusPlanner.Plan(metaIssues, seed);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = 0;
        long bytes = 0;

        void Write(string relative, string text) => WriteBytes(relative, Encoding.UTF8.GetBytes(text));

        void WriteBytes(string relative, byte[] content)
        {
            var full = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, content);
            hash.AppendData(Encoding.UTF8.GetBytes(relative + "\0"));
            hash.AppendData(content);
            files++;
            bytes += content.Length;
        }

        var rng = new Prng(seed).Fork(0x5EED);
        foreach (var issue in plans)
        {
            var writer = new DocumentWriter(issue, plans, rng.Fork(issue.Index));
            var folder = $"docs/meta-issues/{issue.Name}";
            Write($"{folder}/README.md", writer.Readme());
            if (!issue.Has("MI001"))
            {
                Write($"{folder}/description.md", writer.Description());
            }

            Write($"{folder}/implementation-log.md", writer.ImplementationLog());
            Write($"{folder}/test-cases.md", writer.TestCases());
            foreach (var attempt in issue.Attempts)
            {
                if (attempt.HasApproach)
                {
                    Write($"{folder}/attempts/{attempt.FolderName}/solution-approach.md", writer.SolutionApproach(attempt));
                }

                if (attempt.HasResults)
                {
                    Write($"{folder}/attempts/{attempt.FolderName}/attempt-results.md", writer.AttemptResults(attempt));
                }
            }

            if (issue.Has("MI002", 0))
            {
                Write($"{folder}/attempts/{issue.Last.Number + 1:000}-notes.md", writer.MisplacedNote());
            }
            else if (issue.Has("MI002", 1))
            {
                var draft = new AttemptPlan { Number = issue.Last.Number + 1, Slug = "next-idea", Outcome = Outcome.InProgress };
                Write($"{folder}/attempts/draft-next-idea/solution-approach.md", writer.SolutionApproach(draft));
                Write($"{folder}/attempts/draft-next-idea/attempt-results.md", writer.AttemptResults(draft));
            }

            if (issue.MisplacedFolder is { } misplaced)
            {
                var draft = new AttemptPlan { Number = issue.Has("MI006", 0) ? 1 : issue.Last.Number + 1, Slug = "next-idea", Outcome = Outcome.InProgress };
                if (issue.Has("MI006", 0))
                {
                    Write($"{misplaced}/README.md", writer.Readme());
                }

                Write($"{misplaced}/attempts/{draft.FolderName}/solution-approach.md", writer.SolutionApproach(draft));
            }

            if (issue.HasAnalysis)
            {
                Write($"{folder}/analysis/profiling-notes.md", writer.ProfilingNotes());
            }

            if (issue.Has("MI900"))
            {
                WriteBytes($"{folder}/analysis/raw-notes.md", DocumentWriter.BrokenEncodingNote());
            }

            if (issue.Lesson is { } lesson)
            {
                Write($"docs/lessons-learned/{lesson.Category}/{lesson.FileName}", writer.Lesson(lesson));
            }
        }

        var planted = plans.Where(p => p.Defect is not null)
            .GroupBy(p => p.Defect!.Rule)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new CorpusInfo(root, metaIssues, files, bytes, Convert.ToHexStringLower(hash.GetHashAndReset()), planted);
    }
}
