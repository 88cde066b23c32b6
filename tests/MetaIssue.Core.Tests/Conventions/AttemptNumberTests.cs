using MetaIssue.Conventions;
using MetaIssue.Markdown;
using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Conventions;

/// <summary>
/// One definition of an attempt number (ASCII 0-9): the folder model, attempt references and link suggestions all
/// use it, so digits of other scripts are text everywhere instead of a number in one place and an exception in another.
/// </summary>
public sealed class AttemptNumberTests
{
    // Arabic-Indic, Extended Arabic-Indic (Persian), Devanagari, Bengali, fullwidth, Thai, mathematical bold.
    public static TheoryData<string> OtherScripts() => new()
    {
        "١٢٣", "۱۲۳", "१२३", "১২৩", "１２３", "๑๒๓", "𝟏𝟐𝟑",
    };

    [Theory]
    [InlineData("003", 3)]
    [InlineData("1", 1)]
    [InlineData("1234", 1234)]
    public void ASCII_digits_are_a_number(string digits, int expected)
    {
        Assert.True(AttemptNumber.TryParse(digits, out var number));
        Assert.Equal(expected, number);
    }

    [Theory]
    [MemberData(nameof(OtherScripts))]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("-1")]
    [InlineData("1 2")]
    [InlineData("12٣")]
    public void Anything_else_is_not_a_number_and_does_not_throw(string digits) =>
        Assert.False(AttemptNumber.TryParse(digits, out _));

    [Theory]
    [InlineData("003-pooling", true, 3, "pooling")]
    [InlineData("003-", false, 0, "")]
    [InlineData("03-pooling", false, 0, "")]
    [InlineData("0003-pooling", false, 0, "")]
    [InlineData("١٢٣-pooling", false, 0, "")]
    [InlineData("１２３-pooling", false, 0, "")]
    public void Folder_names_are_three_ASCII_digits_a_hyphen_and_a_slug(string name, bool valid, int number, string slug)
    {
        Assert.Equal(valid, AttemptNumber.TryParseFolderName(name, out var n, out var s));
        Assert.Equal(number, n);
        Assert.Equal(slug, s);
    }

    [Theory]
    [InlineData("3-pooling", 3)]
    [InlineData("0003-pooling", 3)]
    [InlineData("12345-pooling", null)]
    [InlineData("१२३-pooling", null)]
    [InlineData("pooling", null)]
    public void A_misnamed_folder_tells_the_number_it_meant_in_ASCII_digits_only(string name, int? expected) =>
        Assert.Equal(expected, AttemptNumber.IntendedBy(name));

    [Theory]
    [MemberData(nameof(OtherScripts))]
    public void Other_scripts_digits_in_text_links_and_tables_are_not_attempt_references(string digits)
    {
        var text = $"# T\n\nSee Attempt {digits} for details.\n\n[x](./attempts/{digits}-a/)\n\n| Attempt | Result |\n| --- | --- |\n| {digits} | ✅ Success |\n\n- Attempt {digits}: done\n";
        var facts = MarkdownFactsReader.Read(text);
        Assert.Empty(facts.AttemptMentions);
        Assert.Null(AttemptReferences.FromPath($"./attempts/{digits}-a/"));
        Assert.Empty(AttemptReferences.FindInText($"Attempt {digits}"));
    }

    [Theory]
    [InlineData("١٢")]
    [InlineData("१२")]
    [InlineData("１２")]
    public void A_readme_naming_an_attempt_in_other_digits_is_still_checked_in_full(string digits)
    {
        using var repository = Healthy();
        repository.Edit(Readme, "**Status:** Investigating", $"**Status:** Investigating\n\nSee Attempt {digits} and [it](./attempts/{digits}3-a/).");
        var findings = repository.Findings();
        findings.None("MI900");
        Assert.Contains(findings.All, d => d.Code == "MI030" && findings.Relative(d) == Readme);
    }

    [Fact]
    public void An_attempt_folder_named_in_other_digits_is_misnamed_not_an_error()
    {
        using var repository = Healthy().CreateFolder($"{Folder}/attempts/٠٠٣-pooling");
        repository.Findings().Single("MI002", $"{Folder}/attempts/٠٠٣-pooling");
        repository.Findings().None("MI900");
    }
}
