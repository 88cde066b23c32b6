using MetaIssue.Testing;
using MetaIssue.Rules;
using MetaIssue.Diagnostics;
using MetaIssue.Tests.Support;

namespace MetaIssue.Tests.Docs;

/// <summary>
/// docs/rules holds one help page per rule (each warning's help link leads there) plus an index. These tests keep the
/// pages in step with <see cref="RuleCatalog"/>: one page per code and none for unknown codes, the same sections in
/// the same order, an example warning in every Bad section, an index row per rule, and links that resolve.
/// </summary>
public sealed class RulePagesTests
{
    private static readonly string[] Sections = { "What it reports", "Why", "Bad", "Good", "Fix", "How to silence it" };

    private static readonly Lazy<string> RulesFolder = new(FindRulesFolder);

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_page(string id)
    {
        Assert.True(File.Exists(PagePath(id)), $"docs/rules/{id}.md is missing");
    }

    [Fact]
    public void There_is_no_page_for_an_unknown_rule()
    {
        var known = new HashSet<string>(RuleCatalog.All.Select(r => r.Id + ".md"), StringComparer.Ordinal) { "README.md" };
        var unknown = Directory.GetFiles(RulesFolder.Value)
            .Select(Path.GetFileName)
            .Where(name => !known.Contains(name!))
            .ToList();
        Assert.True(unknown.Count == 0, "docs/rules holds files for no rule of the catalogue: " + string.Join(", ", unknown));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void A_page_starts_with_its_code_and_title(string id)
    {
        var rule = RuleCatalog.All.Single(r => r.Id == id);
        var firstLine = ReadLines(id)[0];
        Assert.StartsWith($"# {id}: ", firstLine);
        Assert.Equal($"# {id}: {rule.Title}", firstLine);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void A_page_has_exactly_the_six_sections_in_order(string id)
    {
        var lines = ReadLines(id);
        var titles = Headings(lines).Where(h => h.Level == 1).ToList();
        Assert.True(titles.Count == 1 && titles[0].Line == 0, $"{id}.md must have one '# ' title, on its first line");

        var sections = Headings(lines).Where(h => h.Level == 2).Select(h => h.Text).ToList();
        Assert.Equal(Sections, sections);

        // The summary paragraph sits between the title and the first section.
        var firstSection = Headings(lines).First(h => h.Level == 2).Line;
        Assert.Contains(lines.Skip(1).Take(firstSection - 1), line => line.Trim().Length > 0);
    }

    /// <summary>
    /// Every rule is logged as a warning except MI910, which the overview writer logs as an error (the user asked for
    /// the file and it was not written); its example shows <c>error MI910:</c> instead.
    /// </summary>
    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_bad_example_shows_the_warning_it_produces(string id)
    {
        var bad = Section(ReadLines(id), "Bad");
        Assert.True(
            bad.Any(line => line.Contains($"warning {id}:", StringComparison.Ordinal) || line.Contains($"error {id}:", StringComparison.Ordinal)),
            $"the Bad section of {id}.md shows no 'warning {id}:' line");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_silence_section_says_how_for_this_code(string id)
    {
        var lines = ReadLines(id);
        var text = string.Join("\n", Section(lines, "How to silence it"));
        Assert.Contains("MetaIssueCheckEnabled", text);
        if (Section(lines, "Bad").Any(line => line.Contains($"warning {id}:", StringComparison.Ordinal)))
        {
            Assert.Contains($"<NoWarn>$(NoWarn);{id}</NoWarn>", text);
            Assert.Contains($"<WarningsAsErrors>$(WarningsAsErrors);{id}</WarningsAsErrors>", text);
        }
    }

    [Fact]
    public void The_index_lists_every_rule_with_a_link_to_its_page()
    {
        var index = File.ReadAllText(Path.Combine(RulesFolder.Value, "README.md"));
        var rows = index.Split('\n').Where(line => line.StartsWith("| MI", StringComparison.Ordinal)).ToList();
        foreach (var rule in RuleCatalog.All)
        {
            var row = rows.SingleOrDefault(r => r.StartsWith($"| {rule.Id} |", StringComparison.Ordinal));
            Assert.True(row is not null, $"docs/rules/README.md has no row for {rule.Id}");
            Assert.Contains($"| {rule.Name} |", row);
            Assert.Contains($"[{rule.Id}]({rule.Id}.md)", row);
        }

        Assert.Equal(RuleCatalog.All.Count, rows.Count);
    }

    [Fact]
    public void Links_in_the_rule_pages_resolve_by_the_checkers_own_rules()
    {
        var repositoryRoot = Path.GetDirectoryName(Path.GetDirectoryName(RulesFolder.Value))!;
        var options = new CheckerOptions(repositoryRoot)
        {
            MetaIssueRoots = Array.Empty<string>(),
            LessonsRoot = "docs/rules",
        };

        var result = MetaIssueChecker.Check(options);
        Assert.Equal(RuleCatalog.All.Count + 1, result.Tree.Lessons.Count);

        // With no roots, the repository's example meta-issues (test fixtures) are rightly reported as outside them.
        var findings = result.Diagnostics.Where(d => d.Code != MisplacedMetaIssueRule.Definition.Id).ToList();
        Assert.True(findings.Count == 0,
            "the rule pages break the checker's link rules:\n" + string.Join("\n", findings.Select(d => d.ToString())));
    }

    private static string PagePath(string id) => Path.Combine(RulesFolder.Value, id + ".md");

    private static string[] ReadLines(string id) => File.ReadAllText(PagePath(id)).Replace("\r\n", "\n").Split('\n');

    /// <summary>ATX headings outside fenced code blocks (examples in the pages contain headings of their own).</summary>
    private static IEnumerable<(int Line, int Level, string Text)> Headings(IReadOnlyList<string> lines)
    {
        string? fence = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed.Substring(0, 3);
                continue;
            }

            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal))
                {
                    fence = null;
                }

                continue;
            }

            var level = line.TakeWhile(c => c == '#').Count();
            if (level is >= 1 and <= 6 && line.Length > level && line[level] == ' ')
            {
                yield return (i, level, line.Substring(level + 1).Trim());
            }
        }
    }

    /// <summary>The lines of a '## ' section, up to the next one.</summary>
    private static IReadOnlyList<string> Section(string[] lines, string title)
    {
        var sections = Headings(lines).Where(h => h.Level == 2).ToList();
        var index = sections.FindIndex(h => h.Text == title);
        Assert.True(index >= 0, $"no '## {title}' section");
        var start = sections[index].Line + 1;
        var end = index + 1 < sections.Count ? sections[index + 1].Line : lines.Length;
        return lines.Skip(start).Take(end - start).ToList();
    }

    private static string FindRulesFolder() => Path.Combine(RepositoryRoot.Path, "docs", "rules");
}
