using MetaIssue.Tests.Support;
using MetaIssue.Text;

namespace MetaIssue.Tests.Text;

/// <summary>Printed commands give back, through a real POSIX shell, exactly the words they were built from.</summary>
public sealed class ShellQuoteTests
{
    [Theory]
    [InlineData("perf;echo hi")]
    [InlineData("Perf Degradation")]
    [InlineData("it's")]
    [InlineData("$HOME")]
    [InlineData("a`id`b")]
    [InlineData("*")]
    [InlineData("x|y&z>w")]
    [InlineData("tab\there")]
    [InlineData("line\nbreak")]
    [InlineData("~user")]
    [InlineData("#comment")]
    [InlineData("")]
    [InlineData("Größe")]
    public void A_quoted_word_reaches_the_program_unchanged(string word)
    {
        Assert.Equal(new[] { "x", word, "y" }, PosixShell.Words($"x {ShellQuote.Word(word)} y"));
    }

    [Theory]
    [InlineData("perf-degradation")]
    [InlineData("docs/meta-issues/slow_import")]
    [InlineData("v1.2+build@x=y:z,w%")]
    public void A_word_with_nothing_special_is_printed_as_is(string word)
    {
        Assert.Equal(word, ShellQuote.Word(word));
        Assert.Equal(new[] { word }, PosixShell.Words(ShellQuote.Word(word)));
    }
}
