using MetaIssue.Benchmarks.Corpus;
using MetaIssue.Fixes;
using MetaIssue.Testing;
using MetaIssue.Tests.Corpus;
using MetaIssue.Tests.Support;
using Xunit.Abstractions;

namespace MetaIssue.Tests.Fixes;

/// <summary>
/// The convergence property (see <see cref="Convergence"/>) on each rule's fixture, on the seeded benchmark corpus
/// with its planted defects, on the real performance saga, and on seeded random mutations of the healthy scenario;
/// with safe fixes, then with review fixes too. Each test prints its counts.
/// </summary>
public sealed class ConvergenceTests
{
    private readonly ITestOutputHelper _output;

    public ConvergenceTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string, FixApplicability> Fixtures()
    {
        var data = new TheoryData<string, FixApplicability>();
        foreach (var name in Mutations.All.Keys)
        {
            data.Add(name, FixApplicability.Safe);
            data.Add(name, FixApplicability.Review);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Each_rule_fixture_converges(string fixture, FixApplicability level)
    {
        using var repository = Scenario.Healthy("Investigating", ("caching", "❌ Failed"), ("query-tuning", "⚠️ Partial"));
        Mutations.All[fixture](repository);
        var counts = Convergence.Run(repository.Root, level);
        Report($"{fixture} ({level})", counts);
        var expectFixed = level == FixApplicability.Review || !Mutations.ReviewOnly.Contains(fixture);
        Assert.True(counts.Fixed > 0 == expectFixed, $"{fixture}: {counts}\n{repository.Findings().Describe()}");
    }

    [Theory]
    [InlineData(FixApplicability.Safe)]
    [InlineData(FixApplicability.Review)]
    public void Random_mutations_of_a_healthy_meta_issue_converge(FixApplicability level)
    {
        var total = ConvergenceCounts.Zero;
        var names = Mutations.Combinable;
        for (var seed = 1; seed <= 20; seed++)
        {
            var random = new Random(seed);
            using var repository = Scenario.Healthy("Investigating", ("caching", "❌ Failed"), ("query-tuning", "⚠️ Partial"), ("pooling", "✅ Success"));
            var picked = names.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();
            foreach (var name in picked)
            {
                Mutations.All[name](repository);
            }

            var counts = Convergence.Run(repository.Root, level);
            total += counts with { Violations = counts.Violations.Select(v => $"seed {seed} [{string.Join(", ", picked)}]: {v}").ToList() };
        }

        Report($"20 seeded mutations ({level})", total);
    }

    [Theory]
    [InlineData(FixApplicability.Safe)]
    [InlineData(FixApplicability.Review)]
    public void The_seeded_benchmark_corpus_converges(FixApplicability level)
    {
        var root = ScratchFolder.Create("convergence-");
        try
        {
            CorpusGenerator.Generate(root, 24, 2026);
            Report($"benchmark corpus, 24 meta-issues, seed 2026 ({level})", Convergence.Run(root, level));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData(FixApplicability.Safe)]
    [InlineData(FixApplicability.Review)]
    public void The_performance_saga_converges(FixApplicability level)
    {
        using var repository = new TempRepository();
        PerformanceSagaTests.Copy(PerformanceSagaTests.CorpusFolder, repository.PathOf("docs/meta-issues/performance-saga"));
        Report($"performance saga ({level})", Convergence.Run(repository.Root, level));
    }

    private void Report(string what, ConvergenceCounts counts)
    {
        _output.WriteLine($"{what}: {counts}");
        Assert.True(counts.Violations.Count == 0, $"{what}: {counts}\n" + string.Join("\n", counts.Violations));
    }
}
