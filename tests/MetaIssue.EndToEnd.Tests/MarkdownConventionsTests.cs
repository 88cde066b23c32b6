using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd;

/// <summary>The checks the consistency test relies on must be able to fail.</summary>
public sealed class MarkdownConventionsTests : IDisposable
{
    private readonly TempDirectory folder = TempDirectory.Create("markdown");

    [Fact]
    public void Finds_links_that_do_not_resolve_and_links_to_anchors()
    {
        File.WriteAllText(Path.Combine(folder.Path, "exists.md"), "");
        var file = Write(
            "[ok](./exists.md) [gone](./missing.md) [anchor](./exists.md#part) [web](https://example.com)\n" +
            "`[in code](./missing.md)`\n");

        Assert.Equal(
            [$"{file}: [gone](./missing.md)", $"{file}: [anchor](./exists.md#part)"],
            MarkdownConventions.BrokenRelativeLinks(file));
    }

    [Fact]
    public void Finds_prompts_that_break_the_convention()
    {
        var file = Write(
            "[Good prompt] and [link](./x.md)\n" +
            "[lower case] and [Followed by][ref] and `[not prose]`\n" +
            "```\n[inside a fence]\n```\n" +
            "[ref]: ./x.md\n");

        Assert.Equal(
            [
                $"{file}: [lower case]",
                $"{file}: [Followed by]",
                $"{file}: [ref]", // after [Followed by]
                $"{file}: [ref]", // the definition's label
                $"{file}: reference definition [ref]:",
            ],
            MarkdownConventions.PromptsBreakingTheConvention(file));
    }

    public void Dispose() => folder.Dispose();

    private string Write(string markdown)
    {
        var file = Path.Combine(folder.Path, "sample.md");
        File.WriteAllText(file, markdown);
        return file;
    }
}
