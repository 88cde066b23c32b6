using MetaIssue.Tests.Support;

namespace MetaIssue.Tests.Fixes;

/// <summary>
/// One defect per rule that carries a fix, planted into <see cref="Scenario.Healthy"/> (attempts 001 caching, failed;
/// 002 query-tuning, partial; and in the random runs 003 pooling, succeeded): the fixtures of the fix tests.
/// </summary>
internal static class Mutations
{
    public static IReadOnlyDictionary<string, Action<TempRepository>> All { get; } = new Dictionary<string, Action<TempRepository>>
    {
        ["MI001 description.md missing"] = r => r.Delete(Scenario.Description),
        ["MI001 implementation-log.md missing"] = r => r.Delete(Scenario.Log),
        ["MI001 test-cases.md missing"] = r => r.Delete(Scenario.TestCases),
        ["MI002 folder not NNN-slug"] = r => Move(r, Scenario.AttemptFolder(2, "query-tuning"), Scenario.Folder + "/attempts/2-query-tuning"),
        ["MI003 gap"] = r => Renumber(r, 2, 4, "query-tuning"),
        ["MI003 duplicate"] = r => r.Write(Scenario.Approach(1, "retry"), "# Attempt 001: Retry\n\n## Hypothesis\n\nRetries.\n"),
        ["MI004 no solution-approach.md"] = r => r.Delete(Scenario.Approach(1, "caching")),
        ["MI005 no attempt-results.md"] = r => r.Delete(Scenario.Results(1, "caching")),
        ["MI010 unrecognised status"] = r => r.Edit(Scenario.Readme, "**Status:** Investigating", "**Status:** Sorta"),
        ["MI010 no status"] = r => r.Edit(Scenario.Readme, "**Status:** Investigating  \n", string.Empty),
        ["MI012 stale status"] = r => r.Edit(Scenario.Results(2, "query-tuning"), "⚠️ Partial", "✅ Success").Edit(Scenario.Readme, "| ⚠️ Partial |", "| ✅ Success |"),
        ["MI012 stale status in front matter"] = r => r
            .Edit(Scenario.Results(2, "query-tuning"), "⚠️ Partial", "✅ Success").Edit(Scenario.Readme, "| ⚠️ Partial |", "| ✅ Success |")
            .Edit(Scenario.Readme, "**Status:** Investigating  \n", string.Empty)
            .Edit(Scenario.Readme, "# Meta-Issue: Perf", "---\nstatus: Investigating\n---\n\n# Meta-Issue: Perf"),
        ["MI013 no timeline row"] = r => r.Edit(Scenario.Readme, "| [002](./attempts/002-query-tuning/) | 2026-01-02 | Query Tuning | ⚠️ Partial |\n", string.Empty),
        ["MI017 outcome disagrees"] = r => r.Edit(Scenario.Readme, "| ⚠️ Partial |", "| ❌ Failed |"),
        ["MI014 no log section"] = r => r.Edit(Scenario.Log, "## Attempt 002: Query Tuning\n\n**Date:** 2026-01-02  \n**Result:** ⚠️ Partial\n", string.Empty),
        ["MI015 no result line"] = r => r.Edit(Scenario.TestCases, "- Attempt 002: 800 ms (FAIL)\n", string.Empty),
        ["MI021 no backlink"] = r => r.WithLesson(),
    };

    /// <summary>Fixtures whose only fixes need review (none is applied at the safe level).</summary>
    public static IReadOnlySet<string> ReviewOnly { get; } = new HashSet<string> { "MI002 folder not NNN-slug", "MI003 gap", "MI003 duplicate", "MI010 unrecognised status" };

    /// <summary>Mutations that can be planted together in any combination (no two edit the same text).</summary>
    public static IReadOnlyList<string> Combinable { get; } = new[]
    {
        "MI001 description.md missing", "MI004 no solution-approach.md", "MI005 no attempt-results.md", "MI010 no status",
        "MI013 no timeline row", "MI014 no log section", "MI015 no result line", "MI021 no backlink",
    };

    /// <summary>Attempt <paramref name="from"/> numbered <paramref name="to"/> everywhere: its folder, its timeline row and link, its log heading, its result line and its own titles.</summary>
    public static void Renumber(TempRepository repository, int from, int to, string slug)
    {
        string F(int n) => n.ToString("000");
        Move(repository, Scenario.AttemptFolder(from, slug), Scenario.AttemptFolder(to, slug));
        repository.Edit(Scenario.Readme, $"[{F(from)}](./attempts/{F(from)}-{slug}/)", $"[{F(to)}](./attempts/{F(to)}-{slug}/)");
        repository.Edit(Scenario.Log, $"## Attempt {F(from)}:", $"## Attempt {F(to)}:");
        repository.Edit(Scenario.TestCases, $"- Attempt {F(from)}:", $"- Attempt {F(to)}:");
        repository.Edit(Scenario.Approach(to, slug), $"# Attempt {F(from)}:", $"# Attempt {F(to)}:");
        repository.Edit(Scenario.Results(to, slug), $"# Attempt {F(from)} Results", $"# Attempt {F(to)} Results");
    }

    private static void Move(TempRepository repository, string from, string to) =>
        Directory.Move(repository.PathOf(from), repository.PathOf(to));
}
