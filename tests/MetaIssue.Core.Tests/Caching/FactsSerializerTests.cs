using System.Text;
using MetaIssue.Caching;
using MetaIssue.Markdown;
using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Caching;

public sealed class FactsSerializerTests
{
    private const string Rich = """
        ---
        status: open
        ---
        # Slow export <a id="top"></a>

        **Status:** Investigating · Attempt 002 `code`
        **Created:** YYYY-MM-DD
        **Hypothesis:** Pooling the export connections would halve the wait, at 40 per node (kept as Latin-1 bytes)
        **Note:** Проверка: a long value beyond Latin-1 stays a string, 40 connections per node

        | # | Attempt | Result |
        |---|---------|--------|
        | 001 | [Pooling](attempts/001-pooling/) | ❌ Failed |
        | 002 | Caching | [Result] |

        - Attempt 001: 3,800 ms, see [[attempts/001-pooling/attempt-results|results]]
        - [ref]: ../../lessons-learned/pooling.md

        ## Attempt 002: Caching
        ## Attempt 002: Caching

        [bad](missing.md#nowhere) ![img](images/a.png)

        [ref]: https://example.com "title"
        """;

    [Fact]
    public void Facts_read_back_equal_what_was_written_with_every_kind_of_fact()
    {
        var facts = MarkdownFactsReader.Read(Rich.Replace("\n", "\r\n"));
        Assert.NotEmpty(facts.Headings);
        Assert.NotEmpty(facts.HtmlAnchors);
        Assert.NotEmpty(facts.Links);
        Assert.NotEmpty(facts.Fields);
        Assert.NotEmpty(facts.AttemptTables);
        Assert.NotEmpty(facts.AttemptMentions);
        Assert.NotEmpty(facts.Placeholders);

        var copy = RoundTrip(facts, facts)[1];

        Assert.Equal(Describe(facts), Describe(copy));
    }

    [Fact]
    public void Equal_strings_are_written_once_and_read_back_as_one_string()
    {
        var one = MarkdownFactsReader.Read(Rich);
        var other = MarkdownFactsReader.Read(Rich);
        var both = RoundTrip(one, other);

        Assert.Same(both[0].Headings[1].Text, both[1].Headings[1].Text);
        Assert.Same(both[0].Fields[0].Value, both[1].Fields[0].Value);
        Assert.True(Size(one, other) < Size(one) * 1.5, "the second copy should cost far less than the first");
    }

    [Fact]
    public void A_string_number_beyond_the_table_is_corruption_not_a_crash()
    {
        // No strings, one entry whose path is string 5.
        var record = new byte[] { 0, 1, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
        Assert.Throws<InvalidDataException>(() => FactsSerializer.Record.Read(record, 0, record.Length, []));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(50)]
    public void A_record_cut_short_anywhere_is_corruption_not_a_crash(int cut)
    {
        var writer = new FactsSerializer.Writer();
        writer.WriteEntry("/a.md", 1, 2, MarkdownFactsReader.Read(Rich));
        var record = writer.ToRecord();

        Assert.Throws<InvalidDataException>(() => FactsSerializer.Record.Read(record, 0, record.Length - cut, []));
    }

    [Theory]
    [InlineData(0x4346494D)] // "MIFC", the first layout: strings inline, fixed-size integers
    [InlineData(0x3246494D)] // "MIF2", one body with strings numbered across it
    public void A_cache_file_of_an_earlier_layout_is_ignored_and_replaced(int magic)
    {
        using var repository = Healthy();
        var cache = repository.PathOf("obj/metaissue");
        Directory.CreateDirectory(cache);
        var file = Path.Combine(cache, FactsCacheFile.FileName);
        using (var writer = new BinaryWriter(File.Create(file), Encoding.UTF8))
        {
            writer.Write(magic);
            writer.Write(CacheFile.Stamp);
            writer.Write(1);
            writer.Write(repository.PathOf(Readme));
        }

        var first = repository.Check(o => o.CacheDirectory = cache);
        var second = repository.Check(o => o.CacheDirectory = cache);

        Assert.Equal(0, first.CacheHits);
        Assert.Equal(0, second.CacheMisses);
        Assert.Equal(first.Diagnostics, second.Diagnostics);
    }

    [Fact]
    public void A_cache_saved_once_releases_its_entries_and_a_second_save_leaves_the_file_as_it_is()
    {
        using var repository = Healthy();
        var cache = repository.PathOf("obj/metaissue");
        var file = FactsCacheFile.Open(cache);
        MetaIssueChecker.Check(new CheckerOptions(repository.Root), file);
        Assert.True(file.Save());
        var path = Path.Combine(cache, FactsCacheFile.FileName);
        var written = File.ReadAllBytes(path);

        Assert.True(file.Save());

        Assert.Equal(written, File.ReadAllBytes(path));
        var readme = new FileInfo(repository.PathOf(Readme));
        Assert.Null(file.Find(readme.FullName, readme.Length, readme.LastWriteTimeUtc));
        Assert.NotNull(FactsCacheFile.Open(cache).Find(readme.FullName, readme.Length, readme.LastWriteTimeUtc));
    }

    private static MarkdownFacts[] RoundTrip(params MarkdownFacts[] facts)
    {
        var writer = new FactsSerializer.Writer();
        for (var i = 0; i < facts.Length; i++)
        {
            writer.WriteEntry($"/docs/{i}.md", i, i, facts[i]);
        }

        var record = writer.ToRecord();
        var entries = new List<(string Path, FactsSerializer.Entry Entry)>();
        FactsSerializer.Record.Read(record, 0, record.Length, entries);
        Assert.Equal(facts.Select((_, i) => $"/docs/{i}.md"), entries.Select(e => e.Path));
        return entries.Select(e => e.Entry.Record.ReadFacts(e.Entry)).ToArray();
    }

    private static long Size(params MarkdownFacts[] facts)
    {
        var writer = new FactsSerializer.Writer();
        foreach (var item in facts)
        {
            writer.WriteEntry("/docs/a.md", 0, 0, item);
        }

        return writer.ToRecord().Length;
    }

    internal static string Describe(MarkdownFacts facts) => string.Join("\n", new[]
    {
        facts.LineCount.ToString(),
        string.Join("|", facts.Headings),
        string.Join("|", facts.HtmlAnchors),
        string.Join("|", facts.Links),
        string.Join("|", facts.Fields),
        string.Join("|", facts.AttemptTables.Select(t => $"{t.Range} {Row(t.Header)} {string.Join(";", t.Rows.Select(Row))}")),
        string.Join("|", facts.AttemptMentions),
        string.Join("|", facts.Placeholders),
    });

    private static string Row(TableRowFact row) => $"{row.Range} {row.Attempt} {string.Join(",", row.Cells)}";
}
