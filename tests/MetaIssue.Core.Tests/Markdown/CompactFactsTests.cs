using MetaIssue.Markdown;
using MetaIssue.Model;
using MetaIssue.Text;

namespace MetaIssue.Tests.Markdown;

public sealed class CompactFactsTests
{
    private const string Log = "# Implementation Log\n\n## Attempt 001: Pooling\n\n**Result:** Failed\n\nSee [the plan](attempts/001-pooling/solution-approach.md).\n";

    [Fact]
    public void Files_parsed_with_one_pool_share_their_equal_strings()
    {
        var pool = new StringPool();
        var first = MarkdownFactsReader.Read(Log, pool);
        var second = MarkdownFactsReader.Read(Log.Replace("Failed", "Success"), pool);

        Assert.Same(first.Headings[1].Text, second.Headings[1].Text);
        Assert.Same(first.Headings[1].Anchor, second.Headings[1].Anchor);
        Assert.Same(first.Links[0].Url, second.Links[0].Url);
        Assert.Same(first.FindField("Result")!.Value.Name, second.FindField("Result")!.Value.Name);
        Assert.Equal("Failed", first.FindField("Result")!.Value.Value);
        Assert.Equal("Success", second.FindField("Result")!.Value.Value);
    }

    [Fact]
    public void Without_a_pool_equal_strings_stay_separate_copies()
    {
        var first = MarkdownFactsReader.Read(Log);
        var second = MarkdownFactsReader.Read(Log);

        Assert.Equal(first.Headings[1].Text, second.Headings[1].Text);
        Assert.NotSame(first.Headings[1].Text, second.Headings[1].Text);
    }

    [Fact]
    public void A_long_string_is_not_pooled_and_empty_lists_are_one_shared_array()
    {
        var pool = new StringPool();
        var value = new string('x', StringPool.MaxPooledLength + 1);
        var facts = MarkdownFactsReader.Read($"**Note:** {value}\n", pool);

        Assert.Equal(value, facts.Fields[0].Value);
        Assert.Equal(1, pool.Count); // the field's name only
        Assert.Same(Array.Empty<HeadingFact>(), facts.Headings);
        Assert.Same(Array.Empty<LinkFact>(), facts.Links);
        Assert.IsType<FieldFact[]>(facts.Fields);
    }

    [Theory]
    [InlineData("/repo/docs/meta-issues/slow/README.md", "docs/meta-issues/slow/README.md")]
    [InlineData("C:\\repo\\docs\\README.md", "docs/README.md")] // Windows separators: kept as given
    [InlineData("/elsewhere/README.md", "../elsewhere/README.md")]
    public void A_document_gives_back_the_relative_path_it_was_made_with(string fullPath, string relativePath)
    {
        var document = new DocumentFile(fullPath, new RelativePathText(fullPath, relativePath));
        var attempt = new AttemptFolder(null, new AttemptFiles(fullPath, new RelativePathText(fullPath, relativePath), null, null));

        Assert.Equal(relativePath, document.RelativePath);
        Assert.Equal(relativePath, document.ToString());
        Assert.Equal(relativePath, attempt.RelativePath);
        Assert.Equal(fullPath, document.FullPath);
    }

    [Theory]
    [InlineData("Pool sizing in the staging cluster: 40 connections per node, then 80 at peak")]
    [InlineData("Caf\u00e9 cr\u00e8me and na\u00efve r\u00e9sum\u00e9s, all of them Latin-1 characters only")]
    public void A_long_latin1_value_is_kept_as_bytes_and_reads_back_the_same(string value)
    {
        var facts = MarkdownFactsReader.Read($"**Note:** {value}\n", new StringPool());
        var again = MarkdownFactsReader.Read($"**Note:** {value}\n");

        Assert.Equal(value, facts.Fields[0].Value);
        Assert.Equal(facts.Fields[0], again.Fields[0]);
        Assert.Equal(facts.Fields[0].GetHashCode(), again.Fields[0].GetHashCode());
        Assert.NotEqual(facts.Fields[0], again.Fields[0] with { Value = value + "." });
        Assert.Equal(value + ".", (facts.Fields[0] with { Value = value + "." }).Value);
    }

    [Fact]
    public void A_value_beyond_latin1_or_short_stays_a_string_and_compares_with_either_kind()
    {
        var wide = "Moved the \u0444\u0430\u0439\u043b cache to a pool of 40 connections per node";
        var field = new FieldFact("Note", wide, FieldOrigin.Line, new SourceRange(1, 11, 1, 60));
        Assert.Equal(wide, field.Value);
        Assert.Equal("Open", new FieldFact("Status", "Open", FieldOrigin.Line, SourceRange.FileStart).Value);
        Assert.Equal(string.Empty, new FieldFact("Status", string.Empty, FieldOrigin.Line, SourceRange.FileStart).Value);

        var ascii = new string('a', FieldFact.TextLength + 1);
        Assert.NotEqual(new FieldFact("Note", ascii, FieldOrigin.Line, SourceRange.FileStart), new FieldFact("Note", ascii + "\u0444", FieldOrigin.Line, SourceRange.FileStart));
        Assert.NotEqual(new FieldFact("Note", ascii, FieldOrigin.Line, SourceRange.FileStart), new FieldFact("Note", ascii, FieldOrigin.ListItem, SourceRange.FileStart));
    }
}
