using System.Text;
using MetaIssue.Text;

namespace MetaIssue.Tests.Text;

public sealed class Sha256HexTests
{
    [Fact]
    public void Text_is_hashed_as_utf8_in_lower_case_hex()
    {
        // FIPS 180-2, appendix B.1.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256Hex.Of("abc"));
        Assert.Equal(Sha256Hex.Of(Encoding.UTF8.GetBytes("Ünïcødé ✅")), Sha256Hex.Of("Ünïcødé ✅"));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(4095)]
    [InlineData(16 * 1024)]
    [InlineData(70_000)]
    public void A_long_text_hashed_in_slices_hashes_as_the_whole_string(int length)
    {
        // A surrogate pair (an emoji) at every slice boundary the slicing could split, and multi-byte characters around it.
        var text = new StringBuilder();
        while (text.Length < length)
        {
            text.Append(text.Length % 4096 == 4095 ? "😀" : text.Length % 7 == 0 ? "é" : "a");
        }

        Assert.Equal(Sha256Hex.Of(text.ToString()), Sha256Hex.Of(text));
    }

    [Fact]
    public void An_incremental_hash_starts_again_after_each_finish()
    {
        // The fingerprint walk hashes one subtree after another with one hasher per thread.
        using var hash = new Sha256Hex.Incremental();
        foreach (var text in new[] { "abc", "Ünïcødé ✅ " + new string('x', 5000), string.Empty, "abc" })
        {
            hash.Append(new StringBuilder(text));
            Assert.Equal(Sha256Hex.Of(text), hash.Finish());
        }
    }
}
