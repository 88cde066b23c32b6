using System.Runtime.CompilerServices;
using MetaIssue.Markdown;
using MetaIssue.Text;

namespace MetaIssue.Tests.Text;

public sealed class PackedSourceRangeTests
{
    public static TheoryData<int> Boundaries => new() { 0, 1, 2, 255, 256, 257, 65_535, 65_536, 65_537, 1 << 20, (1 << 23) + 1, PackedSourceRange.MaxCoordinate - 1, PackedSourceRange.MaxCoordinate };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void Every_number_up_to_the_maximum_comes_back_exactly_in_every_position(int value)
    {
        // Each number is split across the three words differently: each position is tried with the others set apart.
        var ranges = new[]
        {
            new SourceRange(value, 7, 9, 11),
            new SourceRange(7, value, 9, 11),
            new SourceRange(7, 9, value, 11),
            new SourceRange(7, 9, 11, value),
            new SourceRange(value, value, value, value),
        };

        foreach (var range in ranges)
        {
            Assert.Equal(range, new PackedSourceRange(range).ToSourceRange());
        }
    }

    [Fact]
    public void Random_ranges_come_back_exactly()
    {
        var random = new Random(15);
        for (var i = 0; i < 20_000; i++)
        {
            var range = new SourceRange(Next(), Next(), Next(), Next());
            var packed = new PackedSourceRange(range);
            Assert.Equal(range, packed.ToSourceRange());
            Assert.Equal((range.Line, range.Column, range.EndLine, range.EndColumn), (packed.Line, packed.Column, packed.EndLine, packed.EndColumn));
        }

        int Next() => random.Next(0, 4) switch { 0 => random.Next(0, 300), 1 => random.Next(0, 70_000), _ => random.Next(0, PackedSourceRange.MaxCoordinate + 1) };
    }

    [Fact]
    public void A_number_outside_the_range_is_clamped_not_thrown_on()
    {
        var packed = new PackedSourceRange(new SourceRange(-1, PackedSourceRange.MaxCoordinate + 1, int.MaxValue, int.MinValue));
        Assert.Equal(new SourceRange(0, PackedSourceRange.MaxCoordinate, PackedSourceRange.MaxCoordinate, 0), packed.ToSourceRange());
    }

    [Fact]
    public void Equal_ranges_are_equal_and_hash_alike_and_others_differ()
    {
        var a = new PackedSourceRange(new SourceRange(3, 70_000, 4, 1));
        var b = new PackedSourceRange(new SourceRange(3, 70_000, 4, 1));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new PackedSourceRange(new SourceRange(3, 70_000, 4, 2)));
        Assert.NotEqual(a, new PackedSourceRange(new SourceRange(3, 70_001, 4, 1)));
        Assert.Equal("(3,70000,4,1)", a.ToString());
    }

    [Fact]
    public void The_facts_a_tree_holds_by_the_million_keep_their_sizes()
    {
        // What the packing is for (a record per heading, field, link and mention of every file, for the whole check):
        // a field added to one of them costs about 8 bytes times 1.5 million at 10,000 meta-issues.
        Assert.Equal(12, Unsafe.SizeOf<PackedSourceRange>());
        Assert.Equal(32, Unsafe.SizeOf<HeadingFact>());
        Assert.Equal(32, Unsafe.SizeOf<FieldFact>());
        Assert.Equal(32, Unsafe.SizeOf<LinkFact>());
        Assert.Equal(20, Unsafe.SizeOf<AttemptMention>());
    }

    [Fact]
    public void Positions_past_16_bits_in_a_real_file_are_exact()
    {
        // 70,000 lines, then a line whose link starts past column 2^22: every word of the packing is exercised.
        var text = string.Concat(Enumerable.Repeat("x\n", 70_000)) + "## Attempt 002: Later\n\n**Status:** Open\n\n" + new string('y', 5_000_000) + " [the plan](attempts/002-later/solution-approach.md)\n";
        var facts = MarkdownFactsReader.Read(text);

        Assert.Equal(new SourceRange(70_001, 1, 70_001, 21), facts.Headings.Single().Range);
        Assert.Equal(new SourceRange(70_003, 13, 70_003, 16), facts.FindField("Status")!.Value.ValueRange);
        // A link's range is its destination's (what a fix rewrites): after 5,000,000 characters, a space and "[the plan](".
        Assert.Equal(new SourceRange(70_005, 5_000_013, 70_005, 5_000_051), facts.Links.Single().Range);
        Assert.Contains(facts.AttemptMentions, m => m.Number == 2 && m.Kind == MentionKind.Heading && m.Range.Line == 70_001);
    }
}
