using MetaIssue.Testing;
using System.Text.RegularExpressions;
using MetaIssue.Diagnostics;
using MetaIssue.Rules;
using MetaIssue.Tests.Support;

namespace MetaIssue.Tests.Docs;

/// <summary>
/// The rule list is written once (<see cref="RuleCatalog.Rules"/>); everything else that names the rules must agree
/// with it: the catalogue, every rule class in the library, the rule pages and their index (see
/// <see cref="RulePagesTests"/>), the README's rule table and the benchmark's planted defects.
/// </summary>
public sealed class RuleCatalogTests
{
    [Fact]
    public void The_catalogue_is_the_rules_descriptors_then_MI910()
    {
        var expected = RuleCatalog.Rules.Select(rule => rule.Descriptor).Append(RuleCatalog.OverviewNotWritten);
        Assert.Equal(expected, RuleCatalog.All);
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(rule => rule.Id).Distinct().Count());
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(rule => rule.Name).Distinct().Count());
        Assert.All(RuleCatalog.All, rule => Assert.Matches("^MI[0-9]{3}$", rule.Id));
    }

    [Fact]
    public void Every_rule_class_of_the_library_is_in_the_list_once_and_declares_its_own_definition()
    {
        var classes = typeof(Rule).Assembly.GetTypes()
            .Where(type => typeof(Rule).IsAssignableFrom(type) && !type.IsAbstract)
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(classes, RuleCatalog.Rules.Select(rule => rule.GetType()).OrderBy(type => type.Name, StringComparer.Ordinal));
        foreach (var rule in RuleCatalog.Rules)
        {
            var definition = rule.GetType().GetField("Definition")?.GetValue(null);
            Assert.True(ReferenceEquals(definition, rule.Descriptor), $"{rule.GetType().Name} must declare 'public static readonly RuleDescriptor Definition' and return it as its Descriptor");
        }
    }

    [Fact]
    public void Every_message_format_is_a_valid_composite_format()
    {
        foreach (var rule in RuleCatalog.All)
        {
            var used = Regex.Matches(rule.MessageFormat, @"(?<!\{)\{([0-9]+)\}").Select(m => int.Parse(m.Groups[1].Value)).Distinct().OrderBy(i => i).ToList();
            Assert.True(used.SequenceEqual(Enumerable.Range(0, used.Count)), $"{rule.Id}'s format '{rule.MessageFormat}' skips an argument index");
            var filled = rule.FormatMessage(Enumerable.Range(0, used.Count).Select(i => (object?)("arg" + i)).ToArray());
            Assert.DoesNotContain("{", filled.Replace("{{", string.Empty));
        }
    }

    [Fact]
    public void A_message_is_built_from_the_format_and_a_missing_argument_is_a_format_error()
    {
        Assert.Equal("README status is 'Investigating' but attempt 002 (002-x) succeeded; write 'Resolved (Attempt 002)' as the status",
            StaleStatusRule.Definition.FormatMessage("Investigating", "002", "002-x", "write 'Resolved (Attempt 002)' as the status"));
        Assert.Throws<FormatException>(() => StaleStatusRule.Definition.FormatMessage("Investigating"));
    }

    [Fact]
    public void Only_MI910_is_an_error_by_default()
    {
        Assert.Equal(new[] { "MI910" }, RuleCatalog.All.Where(r => r.DefaultSeverity == DiagnosticSeverity.Error).Select(r => r.Id));
    }

    [Fact]
    public void The_READMEs_rule_table_lists_every_code_in_catalogue_order_with_its_page()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var rows = Regex.Matches(readme, @"^\| \[(MI[0-9]{3})\]\(docs/rules/(MI[0-9]{3})\.md\) \|", RegexOptions.Multiline);
        Assert.Equal(RuleCatalog.All.Select(r => r.Id), rows.Select(m => m.Groups[1].Value));
        Assert.All(rows, m => Assert.Equal(m.Groups[1].Value, m.Groups[2].Value));
    }

    [Fact]
    public void The_rule_pages_are_exactly_the_catalogue()
    {
        var pages = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "docs", "rules"), "MI*.md").Select(Path.GetFileNameWithoutExtension).OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(RuleCatalog.All.Select(r => r.Id).OrderBy(id => id, StringComparer.Ordinal), pages);
    }

    [Fact]
    public void Diagnostics_carry_no_fix_until_a_rule_proposes_one()
    {
        var sink = new DiagnosticSink();
        sink.For(StaleStatusRule.Definition).At("README.md", null, "Open", "001", "001-a", "advice");
        var fix = MetaIssue.Fixes.Fix.Safe("Write Resolved", MetaIssue.Fixes.TextEdit.Insert("README.md", "hash", MetaIssue.Fixes.TextPoint.AtOffset(0), "Resolved (Attempt 001)"));
        sink.For(StaleStatusRule.Definition).At("README.md", null, fix, "Open", "001", "001-a", "advice");
        Assert.Null(sink.Diagnostics[0].Fix);
        Assert.Same(fix, sink.Diagnostics[1].Fix);
        Assert.Equal(sink.Diagnostics[0].Message, sink.Diagnostics[1].Message);
    }
}
