using MetaIssue.Scanning;
using Markdig;
using MetaIssue.Markdown;
using MetaIssue.Model;
using MetaIssue.Reporting;
using MetaIssue.Rules;

namespace MetaIssue.Benchmarks.Measuring;

/// <summary>
/// Where the check's time goes: each phase timed on its own (medians of a few runs), through the public API. Run after
/// the timed checks on the same corpus, so the JIT is already warm.
/// </summary>
internal static class PhaseProfile
{
    private static MarkdownPipeline Pipeline => MetaIssue.Markdown.MarkdownFactsReader.Pipeline;

    public sealed record Phase(string Name, double Milliseconds);

    public static IReadOnlyList<Phase> Measure(string root, int runs)
    {
        var samples = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        void Add(string name, double ms)
        {
            if (!samples.TryGetValue(name, out var list))
            {
                samples[name] = list = new List<double>();
            }

            list.Add(ms);
        }

        var texts = Floor.MarkdownFiles(Path.Combine(root, "docs")).Select(File.ReadAllText).ToArray();
        for (var run = 0; run < runs; run++)
        {
            Timing.Settle();
            var options = InProcessCheck.Options(root, null);
            DocsTree? tree = null;
            var read = Timing.Time(() => tree = DocsTreeReader.Read(options));
            CheckContext? context = null;
            var index = Timing.Time(() => context = new CheckContext(tree!, options));
            var links = Timing.Time(() => _ = context!.Links.All.Count);
            var sink = new DiagnosticSink();
            var rules = RuleCatalog.Rules.Select(rule => (rule.Descriptor.Id + " " + rule.Descriptor.Name, Timing.Time(() => rule.Check(context!, sink.For(rule.Descriptor))))).ToList();
            CheckResult? result = null;
            var whole = Timing.Time(() => result = MetaIssueChecker.Check(tree!, options));
            var summary = Timing.Time(() => _ = CheckSummary.Describe(result!));
            var overview = Timing.Time(() => _ = Overview.Render(result!, Path.Combine(root, "docs", "meta-issues", "README.md")));
            var parse = Timing.Time(() => { foreach (var text in texts) { _ = Markdig.Markdown.Parse(text, Pipeline); } });
            var facts = Timing.Time(() => { foreach (var text in texts) { _ = MarkdownFactsReader.Read(text); } });
            Add("scan + read + parse (DocsTreeReader.Read, both cores)", read);
            Add("indexes (new CheckContext)", index);
            Add("link resolution (CheckContext.ResolvedLinks)", links);
            foreach (var (name, ms) in rules)
            {
                Add("rule " + name, ms);
            }

            Add("all rules + sort, on a parsed tree (MetaIssueChecker.Check(tree))", whole);
            Add("MSBuild task only: the build summary (CheckSummary.Describe)", summary);
            Add("MSBuild task only: the overview, rendered on every build to tell whether it is stale (Overview.Render)", overview);
            Add("1 thread, texts in memory: Markdig.Markdown.Parse only", parse);
            Add("1 thread, texts in memory: MarkdownFactsReader.Read (parse + facts walk)", facts);
        }

        return samples.Select(pair => new Phase(pair.Key, Timing.Median(pair.Value))).ToList();
    }
}
