using MetaIssue.Edits;
using MetaIssue.Templates;

namespace MetaIssue.Tests.Templates;

public sealed class TemplateConditionsTests
{
    private static readonly Dictionary<string, string> Symbols = new() { ["yes"] = "true", ["no"] = "false", ["kind"] = "data" };

    private static string? Value(string name) => Symbols.TryGetValue(name, out var value) ? value : null;

    [Theory]
    [InlineData("(yes)", true)]
    [InlineData("(!yes)", false)]
    [InlineData("(yes && no)", false)]
    [InlineData("(yes && !no)", true)]
    [InlineData("(no || (yes && kind == \"data\"))", true)]
    [InlineData("(kind != \"data\")", false)]
    [InlineData("(unknown)", false)]
    public void Conditions_evaluate_like_the_template_engine(string condition, bool expected) =>
        Assert.Equal(expected, TemplateConditions.Evaluate(condition, Value));

    [Fact]
    public void Only_the_branch_that_holds_is_kept_and_directive_lines_go()
    {
        const string text = "a\n<!--#if (no) -->\nb\n<!--#elseif (yes) -->\nc\n<!--#if (no) -->\nd\n<!--#else -->\ne\n<!--#endif -->\n<!--#else -->\nf\n<!--#endif -->\ng\n";

        Assert.Equal("a\nc\ne\ng\n", TemplateConditions.Apply(text, Value));
    }

    [Theory]
    [InlineData("<!--#if (yes) -->\nx\n")]
    [InlineData("x\n<!--#endif -->\n")]
    [InlineData("<!--#if (yes &&) -->\nx\n<!--#endif -->\n")]
    public void Broken_directives_are_clear_errors(string text) =>
        Assert.Throws<InvalidOperationException>(() => TemplateConditions.Apply(text, Value));

    [Fact]
    public void A_slug_with_spaces_gets_the_angle_bracket_link_the_template_declares()
    {
        var readme = TemplateRenderer.Render("metaissue", "perf", new Dictionary<string, string> { ["first-attempt"] = "warm cache" }, new DateTime(2026, 1, 2))
            .Single(f => f.Path == "perf/README.md").Content;

        Assert.Contains("| [001](<./attempts/001-warm cache/>) | 2026-01-02 to YYYY-MM-DD | Warm Cache | 🔄 In Progress |\n", readme);
        Assert.DoesNotContain("<!--#", readme);
        Assert.Equal("| [002](<./attempts/002-warm cache/>) | 2026-01-02 to YYYY-MM-DD | Warm Cache | 🔄 In Progress |", TemplateSnippets.TimelineRow("002", "warm cache", "Warm Cache", "2026-01-02"));
        Assert.Equal("| [002](./attempts/002-warm-cache/) | 2026-01-02 to YYYY-MM-DD | Warm Cache | 🔄 In Progress |", TemplateSnippets.TimelineRow("002", "warm-cache", "Warm Cache", "2026-01-02"));
    }
}
