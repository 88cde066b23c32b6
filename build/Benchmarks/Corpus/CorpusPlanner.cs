using MetaIssue.Rules;

namespace MetaIssue.Benchmarks.Corpus;

/// <summary>
/// Decides, from the seed alone, what every meta-issue looks like: its state, attempts and outcomes, lesson, links to
/// other meta-issues, and which issues carry a planted defect (a few of every rule, about 3% of the meta-issues).
/// </summary>
internal static class CorpusPlanner
{
    /// <summary>Every rule the check runs, each planted at least once (MI910 is about writing the overview, not a check).</summary>
    public static readonly string[] Rules = RuleCatalog.Rules.Select(rule => rule.Descriptor.Id).ToArray();

    private const double DefectRate = 0.03;

    private static readonly string[] Problems =
    {
        "slow import", "memory leak in scheduler", "flaky checkout", "cold start", "search latency", "report timeouts",
        "queue backlog", "login storms", "cache stampede", "disk pressure", "deadlock in billing", "sync drift",
        "thumbnail lag", "export failures", "webhook retries", "pdf rendering", "gc pauses", "socket exhaustion",
    };

    private static readonly string[] Approaches =
    {
        "caching", "query-optimization", "connection-pooling", "async-io", "batching", "index-tuning", "retry-backoff",
        "sharding", "profiling", "gc-tuning", "thread-pool-sizing", "lazy-loading", "compression", "circuit-breaker",
        "read-replicas", "bulk-copy", "streaming", "rate-limiting",
    };

    public static readonly string[] Domains = { "performance", "debugging", "architecture", "data", "process" };

    public static List<IssuePlan> Plan(int count, int seed)
    {
        var rng = new Prng(seed);
        var issues = new List<IssuePlan>(count);
        for (var i = 0; i < count; i++)
        {
            issues.Add(PlanIssue(rng.Fork(i), i, count));
        }

        PlantDefects(issues, rng.Fork(-1));
        AddLessons(issues);
        return issues;
    }

    private static IssuePlan PlanIssue(Prng rng, int index, int count)
    {
        var problem = rng.Pick(Problems);
        var roll = rng.Below(100);
        var state = roll switch
        {
            < 55 => IssueState.Resolved,
            < 75 => IssueState.Investigating,
            < 80 => IssueState.Blocked,
            < 90 => IssueState.Abandoned,
            _ => IssueState.Superseded,
        };

        var approaches = Approaches.OrderBy(_ => rng.Next()).Take(rng.Between(3, 9)).ToList();
        var attempts = new List<AttemptPlan>();
        for (var n = 1; n <= approaches.Count; n++)
        {
            var outcome = rng.Below(10) switch { < 6 => Outcome.Failed, < 9 => Outcome.Partial, _ => Outcome.Abandoned };
            attempts.Add(new AttemptPlan { Number = n, Slug = approaches[n - 1], Outcome = outcome });
        }

        var last = attempts[^1];
        switch (state)
        {
            case IssueState.Resolved:
                last.Outcome = Outcome.Success;
                break;
            case IssueState.Investigating or IssueState.Blocked:
                last.Outcome = Outcome.InProgress;
                last.HasResults = rng.Chance(0.5);
                break;
            case IssueState.Superseded:
                last.Outcome = Outcome.Failed;
                break;
        }

        var related = count > 1
            ? Enumerable.Range(0, rng.Between(0, 2)).Select(_ => Other(rng, index, count)).Distinct().ToList()
            : new List<int>();
        return new IssuePlan
        {
            Index = index,
            Name = problem.Replace(' ', '-') + "-" + index.ToString("00000", System.Globalization.CultureInfo.InvariantCulture),
            Title = string.Join(" ", problem.Split(' ').Select(Prose.Capital)),
            Domain = rng.Pick(Domains),
            State = state == IssueState.Superseded && count < 2 ? IssueState.Abandoned : state,
            Attempts = attempts,
            SupersededBy = state == IssueState.Superseded && count > 1 ? Other(rng, index, count) : null,
            Related = related,
            HasAnalysis = rng.Chance(0.2),
        };
    }

    private static int Other(Prng rng, int index, int count)
    {
        var other = rng.Below(count - 1);
        return other >= index ? other + 1 : other;
    }

    /// <summary>About 3% of the meta-issues (at least one per rule) get one defect each, rules taken in turn.</summary>
    private static void PlantDefects(List<IssuePlan> issues, Prng rng)
    {
        var slots = Math.Min(issues.Count, Math.Max(Rules.Length, (int)Math.Round(issues.Count * DefectRate)));
        var chosen = Enumerable.Range(0, issues.Count).OrderBy(_ => rng.Next()).Take(slots).Order().ToList();
        var order = chosen.OrderBy(_ => rng.Next()).ToList();
        for (var slot = 0; slot < order.Count; slot++)
        {
            var issue = issues[order[slot]];
            var defect = new Defect(Rules[slot % Rules.Length], slot / Rules.Length % 2);
            issue.Defect = defect;
            Shape(issue, defect.Rule);
        }
    }

    /// <summary>Puts the issue in the state its defect needs, so the defect trips its own rule and no other.</summary>
    private static void Shape(IssuePlan issue, string rule)
    {
        var first = issue.Attempts[0];
        switch (rule)
        {
            case "MI003":
                issue.Last.Number++;
                break;
            case "MI004":
                first.HasApproach = false;
                break;
            case "MI005":
                first.HasResults = false;
                break;
            case "MI010":
                MakeOpen(issue);
                break;
            case "MI011":
                issue.State = IssueState.Resolved;
                first.Outcome = Outcome.Failed;
                issue.Last.Outcome = Outcome.Success;
                issue.Last.HasResults = true;
                issue.SupersededBy = null;
                break;
            case "MI012":
                MakeOpen(issue);
                issue.Last.Outcome = Outcome.Success;
                issue.Last.HasResults = true;
                break;
            case "MI020" or "MI021":
                issue.State = IssueState.Resolved;
                issue.Last.Outcome = Outcome.Success;
                issue.Last.HasResults = true;
                issue.SupersededBy = null;
                break;
            case "MI022":
                issue.State = IssueState.Superseded;
                issue.SupersededBy = null;
                issue.Related.Clear();
                issue.Last.Outcome = Outcome.Failed;
                issue.Last.HasResults = true;
                break;
            case "MI006":
                // Variant 0: `dotnet new metaissue` run in docs/; variant 1: an attempt under a mistyped --issue
                // (the issue's name without its second letter).
                issue.MisplacedFolder = issue.Defect!.Variant == 0
                    ? $"docs/docs/meta-issues/{issue.Name}-draft"
                    : $"docs/meta-issues/{issue.Name.Remove(1, 1)}";
                break;
            case "MI900":
                issue.HasAnalysis = true;
                break;
        }
    }

    private static void MakeOpen(IssuePlan issue)
    {
        issue.State = IssueState.Investigating;
        issue.SupersededBy = null;
        if (issue.Last.Outcome is Outcome.Success or Outcome.Abandoned)
        {
            issue.Last.Outcome = Outcome.InProgress;
        }
    }

    /// <summary>Closed meta-issues get a lesson that links back (except the MI020 defect); the README links to it (except MI021).</summary>
    private static void AddLessons(List<IssuePlan> issues)
    {
        int? previous = null;
        foreach (var issue in issues)
        {
            if (!issue.IsClosed || issue.Has("MI020"))
            {
                continue;
            }

            var file = issue.Title.Replace(' ', '_') + "_" + issue.Index.ToString("00000", System.Globalization.CultureInfo.InvariantCulture) + ".md";
            issue.Lesson = new LessonPlan(issue.Domain, file, "Lesson: " + issue.Title, previous);
            issue.ReadmeLinksLesson = !issue.Has("MI021");
            previous = issue.Index;
        }
    }
}
