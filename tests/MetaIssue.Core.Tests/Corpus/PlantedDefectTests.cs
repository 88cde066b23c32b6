using MetaIssue.Benchmarks.Corpus;
using MetaIssue.Rules;
using MetaIssue.Testing;

namespace MetaIssue.Tests.Corpus;

/// <summary>
/// The benchmark's oracle as a test: on a small seeded corpus (build/Benchmarks/Corpus, compiled into this project),
/// every rule is planted, each planted defect trips its own rule and no other, and meta-issues without a defect are
/// clean.
/// </summary>
public sealed class PlantedDefectTests
{
    private const int MetaIssues = 24;

    public static TheoryData<int> Seeds() => new() { 1, 2026 };

    [Fact]
    public void The_benchmark_plants_every_rule_of_the_catalogue()
    {
        Assert.Equal(RuleCatalog.Rules.Select(r => r.Descriptor.Id), CorpusPlanner.Rules);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Each_planted_defect_trips_its_own_rule_and_no_other(int seed)
    {
        var root = ScratchFolder.Create("planted-");
        try
        {
            var corpus = CorpusGenerator.Generate(root, MetaIssues, seed);
            Assert.Equal(CorpusPlanner.Rules.OrderBy(r => r, StringComparer.Ordinal), corpus.PlantedDefects.Keys.OrderBy(r => r, StringComparer.Ordinal));

            var plans = CorpusPlanner.Plan(MetaIssues, seed);
            var result = MetaIssueChecker.Check(new CheckerOptions(root));
            var byIssue = result.Diagnostics
                .GroupBy(d => result.Tree.MetaIssueContaining(d.FilePath)?.Name ?? OwnerOfLesson(plans, d.FilePath) ?? OwnerOfMisplaced(plans, root, d.FilePath) ?? d.FilePath)
                .ToDictionary(g => g.Key, g => g.Select(d => d.Code).Distinct().OrderBy(c => c, StringComparer.Ordinal).ToList());

            var failures = new List<string>();
            foreach (var plan in plans)
            {
                var found = byIssue.TryGetValue(plan.Name, out var codes) ? codes : new List<string>();
                byIssue.Remove(plan.Name);
                var expected = plan.Defect is { } defect ? new List<string> { defect.Rule } : new List<string>();
                if (!found.SequenceEqual(expected))
                {
                    failures.Add($"{plan.Name}: planted [{string.Join(", ", expected)}], found [{string.Join(", ", found)}]");
                }
            }

            failures.AddRange(byIssue.Select(stray => $"{stray.Key}: found [{string.Join(", ", stray.Value)}] outside any meta-issue"));
            Assert.True(failures.Count == 0, $"seed {seed}:\n" + string.Join("\n", failures));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>A misplaced folder's finding (MI006) belongs to the meta-issue whose defect planted it.</summary>
    private static string? OwnerOfMisplaced(IEnumerable<IssuePlan> plans, string root, string path) =>
        plans.FirstOrDefault(p => p.MisplacedFolder is { } folder
            && string.Equals(Path.GetFullPath(Path.Combine(root, folder)), Path.GetFullPath(path), StringComparison.Ordinal))?.Name;

    /// <summary>A lesson's findings belong to the meta-issue it was written for.</summary>
    private static string? OwnerOfLesson(IEnumerable<IssuePlan> plans, string path) =>
        plans.FirstOrDefault(p => p.Lesson is { } lesson && path.EndsWith(lesson.FileName, StringComparison.Ordinal))?.Name;
}
