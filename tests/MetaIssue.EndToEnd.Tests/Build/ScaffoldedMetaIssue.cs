using System.Text.RegularExpressions;
using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd.Build;

/// <summary>
/// A meta-issue made the way users make one — the real `dotnet new metaissue` and `metaattempt` from the packed
/// pack — and, on request, carried to the end the way the guide describes: outcomes recorded, the README, log and
/// test cases updated, prompts filled in, resolved, and a lesson linking both ways.
/// </summary>
internal static partial class ScaffoldedMetaIssue
{
    public const string Issue = "perf-degradation";
    public const string Folder = "docs/meta-issues/" + Issue;
    public static readonly string[] Attempts = ["001-baseline", "002-query-tuning", "003-connection-pooling"];

    /// <summary>`dotnet new metaissue -n perf-degradation`, then attempts 002 and 003 from the repository root.</summary>
    public static async Task CreateAsync(TemplateHive hive, SampleRepository repository)
    {
        (await hive.NewAsync(repository.Root, "metaissue", "-n", Issue)).AssertExitCode(0);
        (await hive.NewAsync(repository.Root, "metaattempt", "-n", "query-tuning", "--number", "2", "--issue", Issue)).AssertExitCode(0);
        (await hive.NewAsync(repository.Root, "metaattempt", "-n", "connection-pooling", "--number", "3", "--issue", Issue)).AssertExitCode(0);
    }

    /// <summary>Finishes the scaffolded meta-issue in <paramref name="folder"/> as a diligent user would.</summary>
    public static void Finish(SampleRepository repository, string folder = Folder, string lessonName = "Perf_Resolution")
    {
        // Attempt 001 was scaffolded today; the later attempts follow it, as they would in real life.
        string Day(int offset) => DateTime.Today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var file in Directory.EnumerateFiles(repository.PathOf(folder), "*.md", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            text = Prompt().Replace(text, "Recorded.").Replace("YYYY-MM-DD", Day(7));
            File.WriteAllText(file, text);
        }

        string[] outcomes = ["❌ Failed", "⚠️ Partial", "✅ Success"];
        for (var i = 0; i < Attempts.Length; i++)
        {
            repository.Edit($"{folder}/attempts/{Attempts[i]}/attempt-results.md", "**Status:** 🔄 In Progress", $"**Status:** {outcomes[i]}");
        }

        var readme = $"{folder}/README.md";
        repository.Edit(readme, "**Status:** Investigating", "**Status:** Resolved (Attempt 003)");
        repository.Edit(readme, "| 🔄 In Progress |", "| ❌ Failed |\n"
            + $"| [002](./attempts/002-query-tuning/) | {Day(10)} to {Day(20)} | Query tuning | ⚠️ Partial |\n"
            + $"| [003](./attempts/003-connection-pooling/) | {Day(21)} to {Day(31)} | Connection pooling | ✅ Success |");
        repository.Edit(readme, "## Lessons Learned\n", $"## Lessons Learned\n\n- [{lessonName.Replace('_', ' ')}](../../lessons-learned/debugging/{lessonName}.md)\n");

        var log = $"{folder}/implementation-log.md";
        repository.Edit(log, "🔄 In Progress", "❌ Failed");
        repository.Write(log, repository.Read(log)
            + $"\n## Attempt 002: Query Tuning\n\n**Date:** {Day(10)} to {Day(20)}  \n**Result:** ⚠️ Partial\n"
            + $"\n## Attempt 003: Connection Pooling\n\n**Date:** {Day(21)} to {Day(31)}  \n**Result:** ✅ Success\n");

        var testCases = $"{folder}/test-cases.md";
        repository.Edit(testCases, "- Attempt 001:", "- Attempt 003: 380 ms (PASS)\n- Attempt 002: 3,800 ms (FAIL)\n- Attempt 001:");

        var issue = Path.GetFileName(folder);
        repository.Write($"docs/lessons-learned/debugging/{lessonName}.md",
            $"# Lesson: {lessonName.Replace('_', ' ')}\n\n**Meta-Issue:** [[../../meta-issues/{issue}/]]\n\n## Problem\n\nSlow under load.\n\n## Root Cause\n\nOne connection per request.\n\n## Solution\n\nPooling.\n\n## Prevention\n\nLoad-test before release.\n");
    }

    /// <summary>Copies a meta-issue folder under another name (its own lesson included), to mutate one copy per rule.</summary>
    public static void CopyFinished(SampleRepository repository, string name)
    {
        var source = repository.PathOf(Folder);
        var target = repository.PathOf("docs/meta-issues/" + name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        var lesson = $"{name}_lesson";
        repository.Edit($"docs/meta-issues/{name}/README.md", "Perf_Resolution.md", $"{lesson}.md");
        repository.Write($"docs/lessons-learned/debugging/{lesson}.md",
            repository.Read("docs/lessons-learned/debugging/Perf_Resolution.md").Replace($"meta-issues/{Issue}/", $"meta-issues/{name}/"));
    }

    /// <summary>A bracketed prompt in the templates' style (capitalised, not a link or task box).</summary>
    [GeneratedRegex(@"\[(?:[A-Z]|\.\.\.)[^\]\n]*\](?![\(\[])")]
    private static partial Regex Prompt();
}
