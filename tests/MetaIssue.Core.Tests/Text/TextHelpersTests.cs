using MetaIssue.Markdown;
using MetaIssue.Text;

namespace MetaIssue.Tests.Text;

/// <summary>Edit distance with swaps, percent-encoding of invisible characters, and link destinations that parse back.</summary>
public sealed class TextHelpersTests
{
    [Theory]
    [InlineData("perf", "perf", 0)]
    [InlineData("perf", "pref", 1)]
    [InlineData("perf-degradation", "perf-degradaton", 1)]
    [InlineData("perf-degradation", "prf-degradaton", 2)]
    [InlineData("ab", "ba", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    public void Edit_distance_counts_a_swap_of_neighbours_as_one_edit(string a, string b, int distance)
    {
        Assert.Equal(distance, EditDistance.Between(a, b));
        Assert.Equal(distance, EditDistance.Between(b, a));
    }

    [Fact]
    public void Edit_distance_stops_at_the_limit()
    {
        Assert.Equal(2, EditDistance.Between("abcdef", "uvwxyz", 2));
    }

    [Theory]
    [InlineData("\uFE0F-risks", "%EF%B8%8F-risks")]
    [InlineData("a\u200Db", "a%E2%80%8Db")]
    [InlineData("e\u0301t\u00E9", "e%CC%81t\u00E9")]
    [InlineData("plain-anchor", "plain-anchor")]
    [InlineData("über", "über")]
    public void Only_invisible_characters_are_encoded_in_printed_fragments(string fragment, string printed)
    {
        Assert.Equal(printed, PercentEncoding.Encode(fragment, PercentEncoding.IsInvisible));
        Assert.Equal(fragment, Uri.UnescapeDataString(printed));
    }

    [Theory]
    [InlineData("../../lessons-learned/x/Perf Resolution (final).md")]
    [InlineData("../l/a<b>.md")]
    [InlineData("../l/100%.md")]
    [InlineData("../l/tab\there.md")]
    [InlineData("../l/Größe.md")]
    public void A_formatted_destination_parses_back_to_the_path(string path)
    {
        var destination = LinkDestination.Format(path);
        var link = Assert.Single(MarkdownFactsReader.Read($"[x]({destination})\n").Links);
        Assert.Equal(path, Uri.UnescapeDataString(link.Url));
    }
}
