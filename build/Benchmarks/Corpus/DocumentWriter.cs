using System.Globalization;
using System.Text;

namespace MetaIssue.Benchmarks.Corpus;

/// <summary>
/// Renders the Markdown files of one meta-issue (and its lesson) from its plan: fields, timeline tables, links between
/// the files with heading anchors, code blocks, and filler up to a seeded size of 1–6 KB per file. Links only point at
/// files the plan says exist, except the planted MI030/MI031 defects.
/// </summary>
internal sealed class DocumentWriter
{
    private const int MinBytes = 1024;
    private const int MaxBytes = 6 * 1024;

    private static readonly string[] TestNames = { "Load Test", "Soak Test", "Cold Start", "Memory Ceiling", "Error Rate", "Failover" };
    private static readonly string[] Owners = { "Ana", "Bo", "Chidi", "Dana", "Eli", "Fatima", "Goran", "Hana" };

    private readonly IssuePlan _issue;
    private readonly IReadOnlyList<IssuePlan> _all;
    private readonly Prng _rng;
    private readonly DateOnly _start;
    private readonly List<string> _tests;

    public DocumentWriter(IssuePlan issue, IReadOnlyList<IssuePlan> all, Prng rng)
    {
        _issue = issue;
        _all = all;
        _rng = rng;
        _start = new DateOnly(2023, 1, 2).AddDays(rng.Below(900));
        _tests = TestNames.OrderBy(_ => rng.Next()).Take(rng.Between(2, 4)).ToList();
    }

    private static string Title(string slug) => string.Join(" ", slug.Split('-').Select(w => w == "gc" || w == "io" ? w.ToUpperInvariant() : Prose.Capital(w)));

    private static string Anchor(string heading) =>
        new string(heading.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').ToArray()).Replace(' ', '-');

    private string TestId(int i) => $"TC-{i + 1:000}: {_tests[i]}";

    private string Date(int days) => _start.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Dates(AttemptPlan attempt) => $"{Date(attempt.Number * 9)} to {Date(attempt.Number * 9 + 6)}";

    private static string Shown(Outcome outcome) => outcome switch
    {
        Outcome.Failed => "❌ Failed",
        Outcome.Partial => "⚠️ Partial",
        Outcome.Success => "✅ Success",
        Outcome.InProgress => "🔄 In Progress",
        _ => "Abandoned",
    };

    private string Finish(StringBuilder text)
    {
        Prose.PadTo(text, _rng, _rng.Between(MinBytes, MaxBytes), MaxBytes);
        return text.ToString();
    }

    private AttemptPlan First => _issue.Attempts[0];

    public string Readme()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Meta-Issue: {_issue.Title}\n\n**Status:** {Status()}  \n**Created:** {Date(0)}  \n");
        text.Append(CultureInfo.InvariantCulture, $"**Owner:** {_rng.Pick(Owners)}  \n**Domain:** {_issue.Domain}  \n**Severity:** high\n\n");
        text.Append("## Summary\n\n").Append(Prose.Paragraph(_rng));
        text.Append("## Quick Navigation\n\n");
        if (!_issue.Has("MI001"))
        {
            text.Append("- [Description](./description.md) - how the understanding evolved\n");
        }

        var latest = _issue.Last; // always in the log (the MI014 defect leaves out the first attempt)
        text.Append(CultureInfo.InvariantCulture, $"- [Implementation Log](./implementation-log.md#{Anchor($"Attempt {latest.Label}: {Title(latest.Slug)}")}) - latest attempt\n");
        text.Append(CultureInfo.InvariantCulture, $"- [Test Cases](./test-cases.md#{Anchor(TestId(0))}) - validation\n");
        text.Append("- [Attempts](./attempts/) - one folder per attempt\n");
        if (_issue.HasAnalysis)
        {
            text.Append("- [Profiling notes](./analysis/profiling-notes.md#findings)\n");
        }

        if (_issue.Has("MI030", 0))
        {
            text.Append(CultureInfo.InvariantCulture, $"- [First results](./attempts/{First.Label}-first-try/attempt-results.md)\n");
        }
        else if (_issue.Has("MI030", 1))
        {
            text.Append("- [Log](./implementaton-log.md)\n");
        }
        else if (_issue.Has("MI031"))
        {
            text.Append("- [Failover case](./test-cases.md#tc-099-failover-drill)\n");
        }

        text.Append("\n## Timeline\n\n| Attempt | Dates | Approach | Result |\n| --- | --- | --- | --- |\n");
        foreach (var attempt in _issue.Attempts)
        {
            if (attempt == First && _issue.Has("MI013"))
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture,
                $"| [{attempt.Label}](./attempts/{attempt.FolderName}/) | {Dates(attempt)} | {Title(attempt.Slug)} | {Shown(attempt.Outcome)} |\n");
        }

        text.Append("\n## Resolution\n\n");
        if (_issue.State == IssueState.Resolved)
        {
            var last = _issue.Last;
            text.Append(CultureInfo.InvariantCulture,
                $"Attempt {last.Label} ([{Title(last.Slug)}](./attempts/{last.FolderName}/attempt-results.md#actual-results)) met every target.\n\n");
        }
        else
        {
            text.Append("Not resolved yet.\n\n");
        }

        text.Append("## Lessons Learned\n\n");
        if (_issue.Lesson is { } lesson && _issue.ReadmeLinksLesson)
        {
            text.Append(CultureInfo.InvariantCulture, $"- [{lesson.Title}](../../lessons-learned/{lesson.Category}/{lesson.FileName})\n\n");
        }
        else
        {
            text.Append("None yet.\n\n");
        }

        if (_issue.Related.Count > 0)
        {
            text.Append("## Related\n\n");
            foreach (var other in _issue.Related.Select(i => _all[i]))
            {
                text.Append(CultureInfo.InvariantCulture, $"- [{other.Title}](../{other.Name}/README.md#summary)\n");
            }

            text.Append('\n');
        }

        text.Append("## Notes\n\n").Append(Prose.Paragraph(_rng));
        return Finish(text);
    }

    private string Status()
    {
        if (_issue.Has("MI010"))
        {
            return "Pending review";
        }

        if (_issue.Has("MI011"))
        {
            return $"Resolved (Attempt {First.Label})";
        }

        return _issue.State switch
        {
            IssueState.Resolved => $"Resolved (Attempt {_issue.Last.Label})",
            IssueState.Investigating => "Investigating",
            IssueState.Blocked => "Blocked",
            IssueState.Abandoned => "Abandoned",
            _ => _issue.SupersededBy is int by ? $"Superseded by [{_all[by].Name}](../{_all[by].Name}/)" : "Superseded",
        };
    }

    public string Description()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Description: {_issue.Title}\n\n## Current Understanding (v{_issue.Attempts.Count})\n\n");
        text.Append(Prose.Paragraph(_rng)).Append("## Evolution of Understanding\n\n");
        foreach (var attempt in _issue.Attempts)
        {
            text.Append(CultureInfo.InvariantCulture, $"### Version {attempt.Number} ({Date(attempt.Number * 9)}) - {Title(attempt.Slug)}\n\n");
            text.Append("**Theory:** ").Append(Prose.Sentence(_rng)).Append("  \n");
            text.Append("**Evidence:** ").Append(Prose.Sentence(_rng)).Append("  \n");
            var target = attempt.HasApproach ? $"./attempts/{attempt.FolderName}/solution-approach.md#hypothesis" : $"./attempts/{attempt.FolderName}/";
            text.Append(CultureInfo.InvariantCulture, $"**Test:** see [{Title(attempt.Slug)}]({target})  \n");
            text.Append("**Learning:** ").Append(Prose.Sentence(_rng)).Append("\n\n");
        }

        return Finish(text);
    }

    public string ImplementationLog()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Implementation Log: {_issue.Title}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Back to the [README](./README.md#timeline).\n\n");
        foreach (var attempt in _issue.Attempts)
        {
            if (attempt == First && _issue.Has("MI014"))
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"## Attempt {attempt.Label}: {Title(attempt.Slug)}\n\n");
            text.Append(CultureInfo.InvariantCulture, $"**Date:** {Dates(attempt)}  \n**Hypothesis:** {Prose.Sentence(_rng, 5, 10)}  \n");
            var logged = attempt == First && _issue.Has("MI017") ? Outcome.Success : attempt.Outcome; // a stale copy of a failure
            text.Append(CultureInfo.InvariantCulture, $"**Result:** {Shown(logged)}  \n**Learning:** {Prose.Sentence(_rng, 5, 12)}\n\n");
            if (attempt.HasResults)
            {
                text.Append(CultureInfo.InvariantCulture, $"Details in [the results](./attempts/{attempt.FolderName}/attempt-results.md#analysis).\n\n");
            }
        }

        return Finish(text);
    }

    public string TestCases()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Test Cases: {_issue.Title}\n\n## Success Criteria\n\n| Metric | Target |\n| --- | --- |\n");
        text.Append("| Response time | < 1,000 ms |\n| Memory | < 512 MB |\n| Error rate | < 1% |\n\n");
        for (var i = 0; i < _tests.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"## {TestId(i)}\n\n**Procedure:** {Prose.Sentence(_rng)}\n\n**Results:**\n\n");
            foreach (var attempt in _issue.Attempts)
            {
                if (attempt == First && _issue.Has("MI015"))
                {
                    continue;
                }

                var result = attempt.IsCompleted
                    ? $"{_rng.Between(200, 6_000):N0} ms ({(attempt.Outcome == Outcome.Success ? "PASS" : "FAIL")})"
                    : "pending";
                text.Append(CultureInfo.InvariantCulture, $"- Attempt {attempt.Label}: {result}\n");
            }

            text.Append('\n');
        }

        return Finish(text);
    }

    public string SolutionApproach(AttemptPlan attempt)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Attempt {attempt.Label}: {Title(attempt.Slug)}\n\n**Date:** {Date(attempt.Number * 9)}\n\n");
        text.Append("## Hypothesis\n\n").Append(Prose.Paragraph(_rng));
        text.Append("## Expected Outcome\n\n").Append(Prose.Paragraph(_rng, 1, 2));
        text.Append("## Implementation Plan\n\n");
        for (var step = 1; step <= _rng.Between(3, 5); step++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{step}. {Prose.Sentence(_rng, 4, 9)}\n");
        }

        text.Append("\n## Configuration\n\n").Append(Prose.Code(_rng));
        text.Append("## Testing Approach\n\n");
        var test = _rng.Below(_tests.Count);
        text.Append(CultureInfo.InvariantCulture, $"Run [{TestId(test)}](../../test-cases.md#{Anchor(TestId(test))}) as before");
        var previous = _issue.Attempts.LastOrDefault(a => a.Number < attempt.Number);
        if (previous is { HasResults: true })
        {
            text.Append(CultureInfo.InvariantCulture, $" and compare with [the previous results](../{previous.FolderName}/attempt-results.md#analysis)");
        }

        text.Append(".\n\n");
        return Finish(text);
    }

    public string AttemptResults(AttemptPlan attempt)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Attempt {attempt.Label} Results: {Title(attempt.Slug)}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"**Status:** {Shown(attempt.Outcome)}  \n**Date:** {Date(attempt.Number * 9 + 6)}\n\n");
        var open = attempt.Outcome == Outcome.InProgress;
        var unfilled = open || (attempt == First && _issue.Has("MI016"));
        text.Append("## Actual Results\n\n").Append(open ? "[What happened, with numbers]\n\n" : Prose.MetricTable(_rng));
        text.Append("## Comparison to Expectations\n\n").Append(unfilled ? "[Better or worse than expected, and by how much]\n\n" : Prose.Paragraph(_rng, 1, 3));
        text.Append("## Analysis\n\n").Append(open ? "[Why it worked or failed]\n\n" : Prose.Paragraph(_rng));
        text.Append("## Learning\n\n").Append(Prose.Bullets(_rng));
        text.Append("## Next Steps\n\n");
        if (attempt.HasApproach)
        {
            text.Append("The plan was in [the approach](./solution-approach.md#implementation-plan).");
        }

        var next = _issue.Attempts.FirstOrDefault(a => a.Number > attempt.Number);
        if (next is { HasApproach: true })
        {
            text.Append(CultureInfo.InvariantCulture, $" Continued in [{Title(next.Slug)}](../{next.FolderName}/solution-approach.md#hypothesis).");
        }

        text.Append("\n\n");
        return Finish(text);
    }

    public string ProfilingNotes()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Profiling Notes: {_issue.Title}\n\n<a id=\"raw-data\"></a>\n\n## Findings\n\n");
        text.Append(Prose.Paragraph(_rng)).Append(Prose.Code(_rng));
        text.Append(CultureInfo.InvariantCulture, $"See the [summary](../README.md#summary) and [the first results](../attempts/{First.FolderName}/");
        text.Append(First.HasResults ? "attempt-results.md#actual-results).\n\n" : ").\n\n");
        return Finish(text);
    }

    /// <summary>The MI900 defect: a note saved in Latin-1, not UTF-8.</summary>
    public static byte[] BrokenEncodingNote() =>
        Encoding.Latin1.GetBytes("# Raw notes\n\nMeasured in the caf\u00e9 on the na\u00efve build: 5\u00b0C colder, 12 ms slower.\n");

    public string Lesson(LessonPlan lesson)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# {lesson.Title}\n\n");
        text.Append(_issue.Index % 2 == 0
            ? $"**Meta-Issue:** [[../../meta-issues/{_issue.Name}/]]  \n"
            : $"**Meta-Issue:** [[meta-issues/{_issue.Name}/README]]  \n");
        text.Append(CultureInfo.InvariantCulture, $"**Category:** {lesson.Category}  \n**Date:** {Date(_issue.Attempts.Count * 9 + 10)}\n\n");
        text.Append("## Problem\n\n").Append(Prose.Paragraph(_rng));
        text.Append("## Root Cause\n\n").Append(Prose.Paragraph(_rng, 1, 3));
        text.Append(CultureInfo.InvariantCulture, $"How it ended: [the resolution](../../meta-issues/{_issue.Name}/README.md#resolution).\n\n");
        text.Append("## What Worked\n\n").Append(Prose.Bullets(_rng));
        if (lesson.SiblingLesson is int sibling && _all[sibling].Lesson is { } other)
        {
            text.Append(CultureInfo.InvariantCulture, $"## Related Lessons\n\n- [{other.Title}](../{other.Category}/{other.FileName})\n\n");
        }

        return Finish(text);
    }

    public string MisplacedNote() =>
        Finish(new StringBuilder("# Loose notes\n\nWritten as a file where an attempt folder belongs.\n\n"));
}
