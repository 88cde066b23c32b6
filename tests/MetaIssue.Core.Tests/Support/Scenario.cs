namespace MetaIssue.Tests.Support;

/// <summary>
/// Writes a consistent meta-issue (every rule satisfied) that a test then breaks in exactly one way, so each test
/// shows one cause and its one effect.
/// </summary>
internal static class Scenario
{
    public const string Issue = "perf";
    public const string Folder = "docs/meta-issues/perf";
    public const string Readme = Folder + "/README.md";
    public const string Log = Folder + "/implementation-log.md";
    public const string TestCases = Folder + "/test-cases.md";
    public const string Description = Folder + "/description.md";

    public static string AttemptFolder(int number, string slug) => $"{Folder}/attempts/{number:000}-{slug}";

    public static string Results(int number, string slug) => AttemptFolder(number, slug) + "/attempt-results.md";

    public static string Approach(int number, string slug) => AttemptFolder(number, slug) + "/solution-approach.md";

    /// <summary>
    /// A meta-issue whose attempts have the given outcomes (as written in attempt-results.md), listed in the README
    /// timeline, the implementation log and the test cases. The default is an open issue with two finished attempts.
    /// </summary>
    public static TempRepository Healthy(string status = "Investigating", params (string Slug, string Outcome)[] attempts)
    {
        if (attempts.Length == 0)
        {
            attempts = new[] { ("caching", "❌ Failed"), ("query-tuning", "⚠️ Partial") };
        }

        var repository = new TempRepository();
        var rows = new List<string>();
        var log = new List<string>();
        var results = new List<string>();
        for (var i = 0; i < attempts.Length; i++)
        {
            var number = i + 1;
            var (slug, outcome) = attempts[i];
            rows.Add($"| [{number:000}](./attempts/{number:000}-{slug}/) | 2026-01-0{number} | {Title(slug)} | {outcome} |");
            log.Add($"## Attempt {number:000}: {Title(slug)}\n\n**Date:** 2026-01-0{number}  \n**Result:** {outcome}\n");
            results.Add($"- Attempt {number:000}: {400 * number} ms ({(outcome.Contains("Success") ? "PASS" : "FAIL")})");
            repository.Write(Approach(number, slug), $"# Attempt {number:000}: {Title(slug)}\n\n## Hypothesis\n\nThe bottleneck is {slug}.\n\nSee [the test cases](../../test-cases.md).\n");
            repository.Write(Results(number, slug), $"# Attempt {number:000} Results: {Title(slug)}\n\n**Status:** {outcome}\n\n## Actual Results\n\nMeasured {400 * number} ms.\n");
        }

        repository.Write(Readme, $"""
            # Meta-Issue: Perf

            **Status:** {status}  
            **Created:** 2026-01-01

            ## Quick Navigation

            - [Description](./description.md)
            - [Implementation Log](./implementation-log.md)
            - [Test Cases](./test-cases.md#tc-001-load)
            - [Attempts](./attempts/)

            ## Timeline

            | Attempt | Dates | Approach | Result |
            |---------|-------|----------|--------|
            {string.Join("\n", rows)}

            ## Resolution

            Not yet.

            ## Lessons Learned

            None yet.

            """);
        repository.Write(Description, "# Description: Perf\n\n## Current Understanding\n\nConnections are the bottleneck.\n");
        repository.Write(Log, "# Implementation Log: Perf\n\n" + string.Join("\n", log));
        repository.Write(TestCases, "# Test Cases: Perf\n\n## Success Criteria\n\n- Under 1,000 ms.\n\n## TC-001: Load\n\n**Results:**\n\n" + string.Join("\n", results) + "\n");
        return repository;
    }

    /// <summary>A lesson under docs/lessons-learned that links to the meta-issue with a wiki link, as the guide shows.</summary>
    public static TempRepository WithLesson(this TempRepository repository, string name = "Perf_Resolution", string category = "debugging")
    {
        repository.Write($"docs/lessons-learned/{category}/{name}.md",
            $"# Lesson: Perf Resolution\n\n**Meta-Issue:** [[../../meta-issues/{Issue}/]]\n\n## Problem\n\nSlow.\n");
        return repository;
    }

    /// <summary>Closes the healthy scenario properly: resolved by the last attempt, which succeeded, with a lesson both ways.</summary>
    public static TempRepository Resolved()
    {
        var repository = Healthy("Resolved (Attempt 003)", ("caching", "❌ Failed"), ("query-tuning", "⚠️ Partial"), ("pooling", "✅ Success"));
        repository.WithLesson();
        repository.Edit(Readme, "None yet.", "- [Perf Resolution](../../lessons-learned/debugging/Perf_Resolution.md)");
        return repository;
    }

    public static string Title(string slug) =>
        string.Join(" ", slug.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
