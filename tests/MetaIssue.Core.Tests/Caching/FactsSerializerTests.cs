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
    public void A_string_number_beyond_those_read_is_corruption_not_a_crash()
    {
        using var stream = new MemoryStream(new byte[] { 5 });
        var reader = new FactsSerializer.Reader(new BinaryReader(stream, Encoding.UTF8));
        Assert.Throws<InvalidDataException>(() => reader.ReadString());
    }

    [Fact]
    public void A_cache_file_of_the_earlier_layout_is_ignored_and_replaced()
    {
        using var repository = Healthy();
        var cache = repository.PathOf("obj/metaissue");
        Directory.CreateDirectory(cache);
        var file = Path.Combine(cache, FactsCacheFile.FileName);
        using (var writer = new BinaryWriter(File.Create(file), Encoding.UTF8))
        {
            writer.Write(0x4346494D); // "MIFC", the first layout: strings inline, fixed-size integers
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
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            var serializer = new FactsSerializer.Writer(writer);
            foreach (var item in facts)
            {
                serializer.Write(item);
            }
        }

        stream.Position = 0;
        var reader = new FactsSerializer.Reader(new BinaryReader(stream, Encoding.UTF8));
        return facts.Select(_ => reader.Read()).ToArray();
    }

    private static long Size(params MarkdownFacts[] facts)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        var serializer = new FactsSerializer.Writer(writer);
        foreach (var item in facts)
        {
            serializer.Write(item);
        }

        writer.Flush();
        return stream.Length;
    }

    private static string Describe(MarkdownFacts facts) => string.Join("\n", new[]
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
