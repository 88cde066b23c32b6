using MetaIssue.Fixes;
using MetaIssue.Rules;
using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Fixes;

/// <summary>
/// Each rule's fix: the advice its message prints is rendered from the fix (what it says is what would be written),
/// and applying it writes the spot's own syntax: a hard break stays, YAML stays YAML, a prompt line is replaced and
/// not duplicated, a destination with spaces gets angle brackets.
/// </summary>
public sealed class RuleFixTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var name in Mutations.All.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void The_advice_is_rendered_from_the_fix_and_quotes_its_edits(string fixture)
    {
        using var repository = Healthy();
        Mutations.All[fixture](repository);
        var code = fixture.Substring(0, 5);
        var result = repository.Check();
        var withFix = result.Diagnostics.Where(d => d.Code == code && d.Fix is not null).ToList();
        Assert.True(withFix.Count > 0, $"{fixture}: no {code} finding carries a fix:\n{string.Join("\n", result.Diagnostics)}");
        foreach (var diagnostic in withFix)
        {
            var advice = FixAdvice.Of(diagnostic.Fix!, path => PathText(result, path));
            Assert.EndsWith(advice, diagnostic.Message, StringComparison.Ordinal);
            foreach (var edit in diagnostic.Fix!.Changes.OfType<TextEdit>().Where(e => e.NewText.Split('\n').Length <= FixAdvice.MaxQuotedLines))
            {
                Assert.Contains(FixAdvice.Quote(edit.NewText), diagnostic.Message, StringComparison.Ordinal);
            }

            foreach (var creation in diagnostic.Fix!.Changes.OfType<FileCreation>())
            {
                Assert.Contains("create " + PathText(result, creation.Path), diagnostic.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_status_fix_keeps_the_hard_break_and_the_message_says_exactly_what_it_writes()
    {
        using var repository = Healthy();
        Mutations.All["MI012 stale status"](repository);
        var finding = repository.Findings().Single("MI012", Readme, 3);
        Assert.EndsWith("write 'Resolved (Attempt 002)' in " + Readme, finding.Message, StringComparison.Ordinal);
        Apply(repository, FixApplicability.Safe);
        Assert.Contains("**Status:** Resolved (Attempt 002)  \n**Created:** 2026-01-01", repository.Read(Readme), StringComparison.Ordinal);
        repository.Findings().None("MI012");
        repository.Findings().None("MI010");
    }

    [Fact]
    public void An_outcome_cell_is_rewritten_inside_its_padding()
    {
        using var repository = Healthy();
        Mutations.All["MI017 outcome disagrees"](repository);
        Apply(repository, FixApplicability.Safe);
        Assert.Contains("| Query Tuning | ⚠️ Partial |\n", repository.Read(Readme), StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_in_front_matter_is_written_as_a_yaml_scalar()
    {
        using var repository = Healthy();
        Mutations.All["MI012 stale status in front matter"](repository);
        var finding = repository.Findings().Single("MI012", Readme);
        Assert.Contains("write '\"Resolved (Attempt 002)\"'", finding.Message, StringComparison.Ordinal);
        Apply(repository, FixApplicability.Safe);
        Assert.StartsWith("---\nstatus: \"Resolved (Attempt 002)\"\n---\n", repository.Read(Readme), StringComparison.Ordinal);
        repository.Findings().None("MI012");
        repository.Findings().None("MI010");
    }

    [Fact]
    public void A_missing_result_line_replaces_a_prompt_only_line_instead_of_adding_one()
    {
        using var repository = Healthy();
        repository.Edit(TestCases, "- Attempt 001: 400 ms (FAIL)\n- Attempt 002: 800 ms (FAIL)\n", "- [Results per attempt]\n");
        var finding = repository.Findings().OfCode("MI015").First();
        Assert.Contains("write '- Attempt 001: [Result and PASS or FAIL]'", finding.Message, StringComparison.Ordinal);
        Apply(repository, FixApplicability.Safe);
        var text = repository.Read(TestCases);
        Assert.DoesNotContain("[Results per attempt]", text, StringComparison.Ordinal);
        Assert.Contains("- Attempt 001: [Result and PASS or FAIL]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_line_holding_only_its_prompt_gets_advice_to_replace_the_prompt_and_no_fix()
    {
        using var repository = Healthy();
        repository.Edit(TestCases, "- Attempt 002: 800 ms (FAIL)", "- Attempt 002: [Result and PASS or FAIL]");
        var finding = repository.Findings().Single("MI015", TestCases);
        Assert.Null(finding.Fix);
        Assert.Contains("replace the bracketed prompt after 'Attempt 002:'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_backlink_to_a_lesson_whose_path_has_a_space_percent_encodes_it()
    {
        using var repository = Healthy();
        repository.Write("docs/lessons-learned/debugging/Perf Resolution.md", $"# Lesson: Perf Resolution\n\n**Meta-Issue:** [perf](../../meta-issues/{Issue}/README.md)\n");
        var finding = repository.Findings().Single("MI021", Readme);
        // The destination is written as MI021's advice always printed it (LinkDestination): the space percent-encoded.
        Assert.Contains("(../../lessons-learned/debugging/Perf%20Resolution.md)", finding.Message, StringComparison.Ordinal);
        Apply(repository, FixApplicability.Safe);
        repository.Findings().None("MI021");
        repository.Findings().None("MI030");
    }

    [Fact]
    public void All_renumbering_findings_share_one_plan_that_leaves_no_gap()
    {
        using var repository = Healthy("Investigating", ("caching", "❌ Failed"), ("query-tuning", "⚠️ Partial"), ("pooling", "❌ Failed"));
        Mutations.Renumber(repository, 3, 7, "pooling");
        Mutations.Renumber(repository, 2, 5, "query-tuning");
        repository.Findings().None("MI030");
        var findings = repository.Findings().OfCode("MI003");
        Assert.True(findings.Count >= 2, string.Join("\n", findings));
        Assert.All(findings, d => Assert.Same(findings[0].Fix, d.Fix));
        Assert.Equal(FixApplicability.Review, findings[0].Fix!.Applicability);

        Apply(repository, FixApplicability.Safe);
        Assert.Equal(findings.Count, repository.Findings().OfCode("MI003").Count); // review fixes wait for review

        Apply(repository, FixApplicability.Review);
        var after = repository.Findings();
        after.None("MI003");
        after.None("MI030");
        after.None("MI013");
        after.None("MI014");
        after.None("MI015");
        Assert.True(Directory.Exists(repository.PathOf(AttemptFolder(2, "query-tuning"))));
        Assert.True(Directory.Exists(repository.PathOf(AttemptFolder(3, "pooling"))));
        Assert.Contains("| [003](./attempts/003-pooling/) |", repository.Read(Readme), StringComparison.Ordinal);
        Assert.Contains("## Attempt 002: Query Tuning", repository.Read(Log), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dry_run_writes_nothing_and_gives_the_diff()
    {
        using var repository = Healthy();
        Mutations.All["MI013 no timeline row"](repository);
        var before = Snapshot(repository);
        var run = MetaIssueFixer.Run(new CheckerOptions(repository.Root), FixApplicability.Review, dryRun: true);
        Assert.Equal(before, Snapshot(repository));
        Assert.Contains("+| [002](./attempts/002-query-tuning/) | YYYY-MM-DD to YYYY-MM-DD | Query Tuning | ⚠️ Partial |", run.Diff, StringComparison.Ordinal);
        Assert.StartsWith("MetaIssue fix: would fix 1 finding with 1 fix in 1 file", run.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixes_never_write_outside_the_meta_issue_roots_and_the_lessons_root()
    {
        using var repository = Healthy();
        var outside = repository.PathOf("notes/README.md");
        var fix = Fix.Safe("write outside", new FileCreation(outside, "x"));
        var report = new FixApplier(repository.Root, MetaIssueFixer.WritableRoots(new CheckerOptions(repository.Root), repository.Root)).Apply(new[] { fix });
        Assert.Single(report.Skipped);
        Assert.False(File.Exists(outside));
    }

    [Fact]
    public void Rule_pages_say_which_fixes_are_safe_and_which_need_review()
    {
        var observed = new Dictionary<string, HashSet<FixApplicability>>();
        foreach (var mutation in Mutations.All.Values)
        {
            using var repository = Healthy();
            mutation(repository);
            foreach (var diagnostic in repository.Check().Diagnostics.Where(d => d.Fix is not null))
            {
                (observed.TryGetValue(diagnostic.Code, out var set) ? set : observed[diagnostic.Code] = new()).Add(diagnostic.Fix!.Applicability);
            }
        }

        foreach (var rule in RuleCatalog.All)
        {
            var page = File.ReadAllText(Path.Combine(MetaIssue.Testing.RepositoryRoot.Path, "docs", "rules", rule.Id + ".md"));
            var start = page.IndexOf("\n## Fix\n", StringComparison.Ordinal);
            Assert.True(start >= 0, $"{rule.Id}.md has no Fix section");
            var section = page.Substring(start, page.IndexOf("\n## ", start + 5, StringComparison.Ordinal) - start);
            var kinds = observed.TryGetValue(rule.Id, out var found) ? found : new HashSet<FixApplicability>();
            Assert.Equal(kinds.Contains(FixApplicability.Safe), section.Contains("**Safe**", StringComparison.Ordinal));
            Assert.Equal(kinds.Contains(FixApplicability.Review), section.Contains("**Review**", StringComparison.Ordinal));
            Assert.Equal(kinds.Count == 0, section.Contains("No fix", StringComparison.Ordinal));
        }
    }

    private static void Apply(TempRepository repository, FixApplicability level)
    {
        var run = MetaIssueFixer.Run(new CheckerOptions(repository.Root), level, dryRun: false);
        Assert.True(run.Problems.Count == 0, string.Join("\n", run.Problems));
    }

    private static string PathText(CheckResult result, string path) => IO.PathText.FromRoot(result.Tree.RepositoryRoot, path);

    private static string Snapshot(TempRepository repository) =>
        string.Join("\n", Directory.EnumerateFiles(repository.Root, "*", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => p + ":" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(p)))));
}
