using MetaIssue.Text;
using MetaIssue.Markdown;

namespace MetaIssue.Tests.Markdown;

public sealed class MarkdownFactsReaderTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Positions_are_1_based_whatever_the_line_endings(string newline)
    {
        var text = string.Join(newline, "# Title", "", "Intro", "", "**Status:** Open", "", "[x](./missing.md)", "");
        var facts = MarkdownFactsReader.Read(text);

        var status = Assert.Single(facts.Fields, f => f.Name == "Status");
        Assert.Equal(new SourceRange(5, 13, 5, 16), status.ValueRange);
        var link = Assert.Single(facts.Links);
        Assert.Equal(7, link.Range.Line);
        Assert.Equal(5, link.Range.Column);
        Assert.Equal(7, facts.LineCount - (newline.Length > 0 ? 1 : 0));
    }

    [Fact]
    public void Fields_come_from_bold_and_plain_lines_list_items_headings_and_front_matter()
    {
        var facts = MarkdownFactsReader.Read("---\nstatus: 'open'\n---\n# T\n\n**Created:** 2024-09-01  \nOwner: sam\n\n- **Severity:** high\n\n## Result: ✅ Success\n");
        Assert.Equal(new[] { "status", "Created", "Owner", "Severity", "Result" }, facts.Fields.Select(f => f.Name));
        Assert.Equal("open", facts.Fields[0].Value);
        Assert.Equal(FieldOrigin.FrontMatter, facts.Fields[0].Origin);
        Assert.Equal(FieldOrigin.ListItem, facts.Fields[3].Origin);
        Assert.Equal(FieldOrigin.Heading, facts.Fields[4].Origin);
        Assert.Equal("✅ Success", facts.Fields[4].Value);
    }

    [Fact]
    public void Urls_are_not_mistaken_for_fields()
    {
        var facts = MarkdownFactsReader.Read("https://example.com/a\n");
        Assert.Empty(facts.Fields);
    }

    [Fact]
    public void Attempt_entries_are_told_apart_from_mentions()
    {
        var facts = MarkdownFactsReader.Read(
            "## Attempt 001: Caching\n\nWe moved on to attempt 2 later.\n\n- Attempt 003: [Result]\n\n| Attempt | Result |\n|--|--|\n| [004](./attempts/004-x/) | ok |\n| 5 | ok |\n");
        var entries = facts.AttemptMentions.Where(m => m.IsEntry).Select(m => (m.Number, m.Kind, m.HasContent)).ToList();
        Assert.Contains((1, MentionKind.Heading, true), entries);
        Assert.Contains((3, MentionKind.LineStart, false), entries);
        Assert.Contains((4, MentionKind.TableRow, true), entries);
        Assert.Contains((5, MentionKind.TableRow, true), entries);
        Assert.DoesNotContain(entries, e => e.Number == 2);
        Assert.Contains(facts.AttemptMentions, m => m.Number == 2 && m.Kind == MentionKind.Text);
    }

    [Fact]
    public void Placeholders_are_found_only_in_plain_text()
    {
        var facts = MarkdownFactsReader.Read("[Fill me] `[Code]` [Link](x.md) \\[Escaped] [[Wiki]] YYYY-MM-DD `YYYY-MM-DD` [... more ...]\n");
        Assert.Equal(new[] { "YYYY-MM-DD", "[... more ...]", "[Fill me]" }, facts.Placeholders.Select(p => p.Text).OrderBy(t => t, StringComparer.Ordinal));
    }

    [Fact]
    public void Heading_anchors_follow_github_including_duplicates()
    {
        var facts = MarkdownFactsReader.Read("# A b\n## A b\n## A-b!\n### `code` *em*\n");
        Assert.Equal(new[] { "a-b", "a-b-1", "a-b-2", "code-em" }, facts.Headings.Select(h => h.Anchor));
    }

    [Theory]
    [InlineData(10_000, "> ")]
    [InlineData(10_000, "- ")]
    [InlineData(10_000, "*")]
    [InlineData(10_000, "[")]
    public void Pathological_nesting_is_read_or_refused_with_an_argument_exception_never_a_crash(int depth, string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, depth)) + "deep **Status:** x\n";
        Exception? thrown = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    MarkdownFactsReader.Read(text);
                }
                catch (Exception exception)
                {
                    thrown = exception;
                }
            },
            64 * 1024 * 1024);
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(30)), "parsing took longer than 30 s");
        Assert.True(thrown is null or ArgumentException, $"unexpected {thrown}");
    }

    [Fact]
    public void A_table_with_thousands_of_columns_is_read()
    {
        var header = "|" + string.Concat(Enumerable.Range(0, 5000).Select(i => $" c{i} |"));
        var separator = "|" + string.Concat(Enumerable.Repeat("---|", 5000));
        var row = "| 001 |" + string.Concat(Enumerable.Range(1, 4999).Select(i => $" {i} |"));
        var facts = MarkdownFactsReader.Read($"{header}\n{separator}\n{row}\n");
        var table = Assert.Single(facts.AttemptTables);
        Assert.Equal(5000, table.Header.Cells.Count);
        Assert.Equal(5000, Assert.Single(table.Rows).Cells.Count);
    }
}
