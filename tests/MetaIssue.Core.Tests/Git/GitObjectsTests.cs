using System.Text;
using MetaIssue.Git;

namespace MetaIssue.Tests.Git;

/// <summary>The reader of <c>git cat-file --batch</c> answers, on byte sequences written by hand.</summary>
public sealed class GitObjectsTests
{
    [Fact]
    public void Reads_the_names_of_trees_and_skips_missing_ambiguous_and_other_objects()
    {
        // Raw ids hold every byte value, LF, space and NUL included: the reader must skip them by length, not by value.
        var id = Enumerable.Range(0, 20).Select(i => (byte)(i * 13 % 256)).ToArray();
        id[3] = (byte)'\n';
        id[4] = (byte)' ';
        id[5] = 0;
        var tree = Tree(id, ("40000", "001-baseline"), ("100644", "002 two words ü.md"));
        var output = Concat(
            Header(new string('a', 40), "tree", tree.Length), tree, Ascii("\n"),
            Ascii("0123:docs/a b missing\n"),
            Header(new string('b', 40), "blob", 5), Ascii("hello\n"),
            Ascii("abc:docs ambiguous\n"),
            Header(new string('c', 40), "tree", 0), Ascii("\n"));

        var names = GitObjects.TreeNames(output, 5, out _);

        Assert.Equal(new[] { "001-baseline", "002 two words ü.md" }, names[0]);
        Assert.Null(names[1]);
        Assert.Null(names[2]);
        Assert.Null(names[3]);
        Assert.Equal(Array.Empty<string>(), names[4]);
    }

    [Fact]
    public void Takes_the_id_length_from_the_header_so_SHA_256_trees_read_too()
    {
        var id = Enumerable.Repeat((byte)0x20, 32).ToArray();
        var tree = Tree(id, ("40000", "001-a"), ("40000", "002-b"));
        var names = GitObjects.TreeNames(Concat(Header(new string('d', 64), "tree", tree.Length), tree, Ascii("\n")), 1, out _);

        Assert.Equal(new[] { "001-a", "002-b" }, names[0]);
    }

    [Fact]
    public void Output_that_ends_early_or_breaks_the_format_leaves_those_answers_null_and_never_throws()
    {
        var id = new byte[20];
        var tree = Tree(id, ("40000", "001-a"));
        var whole = Concat(Header(new string('a', 40), "tree", tree.Length), tree, Ascii("\n"));

        for (var cut = 0; cut <= whole.Length; cut++)
        {
            var names = GitObjects.TreeNames(whole.Take(cut).ToArray(), 2, out _);
            Assert.Null(names[1]);
            if (cut < whole.Length - 1)
            {
                Assert.Null(names[0]); // the content is shorter than its header says: nothing is read from it
            }
            else
            {
                Assert.Equal(new[] { "001-a" }, names[0]); // whole, or only the closing LF missing
            }
        }

        var broken = Concat(Header(new string('a', 40), "tree", 9), Ascii("40000 abc\n"), Ascii("\n"));
        Assert.Null(GitObjects.TreeNames(broken, 1, out _)[0]); // no NUL and no id after the name
        Assert.Equal(new[] { "001-a" }, GitObjects.TreeNames(whole, 1, out var answered)[0]);
        Assert.Equal(1, answered);
    }

    [Fact]
    public void Counts_the_answers_read_whole_so_the_requests_after_a_failure_can_be_asked_again()
    {
        var tree = Tree(new byte[20], ("40000", "001-a"));
        var output = Concat(Ascii("x:y missing\n"), Header(new string('a', 40), "tree", tree.Length), tree, Ascii("\n"), Header(new string('b', 40), "tree", 99));

        var names = GitObjects.TreeNames(output, 4, out var answered);

        Assert.Equal(2, answered); // the third answer's content is cut short; the fourth never came
        Assert.Equal(new[] { "001-a" }, names[1]);
    }

    [Theory]
    [InlineData("40000", "")] // an empty name
    [InlineData("4x000", "001-a")] // a mode that is not octal
    [InlineData("", "001-a")] // no mode
    public void A_tree_git_ls_tree_would_refuse_gives_no_names(string mode, string name)
    {
        var tree = Tree(new byte[20], ("40000", "002-fine"), (mode, name));

        Assert.Null(GitObjects.TreeNames(Concat(Header(new string('a', 40), "tree", tree.Length), tree, Ascii("\n")), 1, out _)[0]);
    }

    private static byte[] Tree(byte[] id, params (string Mode, string Name)[] entries) =>
        Concat(entries.Select(e => Concat(Ascii(e.Mode + " "), Encoding.UTF8.GetBytes(e.Name), new byte[] { 0 }, id)).ToArray());

    private static byte[] Header(string id, string type, int size) => Ascii($"{id} {type} {size}\n");

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
