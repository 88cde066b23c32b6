using MetaIssue.Caching;
using MetaIssue.Testing;
using MetaIssue.Text;

namespace MetaIssue.Tests.Caching;

public sealed class CacheFileTests : IDisposable
{
    private const int Magic = 0x5453494D;
    private readonly string _folder = ScratchFolder.Create("cachefile-");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public void A_body_written_is_read_back_with_its_lists_and_ranges()
    {
        var ranges = new[] { new SourceRange(1, 2, 3, 4), new SourceRange(5, 6, 5, 9) };
        Assert.True(CacheFile.Write(PathOf("a"), Magic, w => CacheFile.WriteList(w, ranges, CacheFile.WriteRange)));

        var read = CacheFile.Read(PathOf("a"), Magic, r => CacheFile.ReadList(r, CacheFile.ReadRange));

        Assert.Equal(ranges, read);
    }

    [Fact]
    public void A_missing_file_or_one_of_another_kind_reads_as_null()
    {
        Assert.True(CacheFile.Write(PathOf("a"), Magic, w => w.Write("body")));

        Assert.Null(CacheFile.Read(PathOf("missing"), Magic, r => r.ReadString()));
        Assert.Null(CacheFile.Read(PathOf("a"), Magic + 1, r => r.ReadString()));
        Assert.Equal("body", CacheFile.Read(PathOf("a"), Magic, r => r.ReadString()));
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(-1)]
    [InlineData(9)]
    public void A_list_count_the_rest_of_the_file_cannot_hold_reads_as_null(int count)
    {
        // Eight bytes follow the count: a count above that is corruption, however large, and allocates nothing.
        Assert.True(CacheFile.Write(PathOf("a"), Magic, w =>
        {
            w.Write(count);
            w.Write(0L);
        }));

        Assert.Null(CacheFile.Read(PathOf("a"), Magic, r => CacheFile.ReadList(r, x => x.ReadByte())));
    }

    [Fact]
    public void A_count_the_file_can_hold_is_read()
    {
        Assert.True(CacheFile.Write(PathOf("a"), Magic, w =>
        {
            w.Write(8);
            w.Write(0L);
        }));

        Assert.Equal(8, CacheFile.Read(PathOf("a"), Magic, r => CacheFile.ReadList(r, x => x.ReadByte()))?.Count);
    }

    [Fact]
    public void A_file_that_cannot_be_written_gives_false_and_leaves_no_temporary_file()
    {
        File.WriteAllText(PathOf("blocked"), "a file where a folder would go");

        Assert.False(CacheFile.Write(Path.Combine(PathOf("blocked"), "a"), Magic, w => w.Write(1)));
        Assert.Equal(new[] { PathOf("blocked") }, Directory.GetFiles(_folder));
    }
}
