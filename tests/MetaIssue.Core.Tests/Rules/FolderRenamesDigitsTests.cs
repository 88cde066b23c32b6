using System.Text.RegularExpressions;
using MetaIssue.Rules;

namespace MetaIssue.Tests.Rules;

/// <summary>
/// The renumbering fix finds the digits of an attempt mention by a scan, not a pattern built per number: it must find
/// what the pattern <c>(?&lt;![0-9])0*N(?![0-9])</c> finds in the mention's text.
/// </summary>
public sealed class FolderRenamesDigitsTests
{
    [Theory]
    [InlineData("Attempt 003", 3, 8, 3)]
    [InlineData("Attempt 3", 3, 8, 1)]
    [InlineData("attempt #7:", 7, 9, 1)]
    [InlineData("[008](./attempts/008-lazy-loading/)", 8, 1, 3)]
    [InlineData("Attempt 0010 or 10", 10, 8, 4)]
    [InlineData("13 then 30 then 3", 3, 16, 1)]
    [InlineData("Attempt 000", 0, 8, 3)]
    public void Finds_the_first_whole_run_that_is_the_number(string text, int number, int index, int length) =>
        Assert.Equal((index, length), FolderRenames.DigitsOf(text, 0, text.Length, number));

    [Theory]
    [InlineData("Attempt 13", 3)]
    [InlineData("Attempt 30", 3)]
    [InlineData("Attempt 100", 10)]
    [InlineData("no digits", 1)]
    [InlineData("Attempt ٣", 3)] // Arabic-Indic three: the pattern's [0-9] is ASCII only
    public void Finds_nothing_when_no_whole_run_is_the_number(string text, int number) =>
        Assert.Equal(0, FolderRenames.DigitsOf(text, 0, text.Length, number).Length);

    [Fact]
    public void Looks_only_between_start_and_end_as_the_pattern_did_on_that_substring()
    {
        const string text = "12 Attempt 23";
        Assert.Equal((3, 0), FolderRenames.DigitsOf(text, 3, 10, 2)); // "Attempt" only
        Assert.Equal((1, 1), FolderRenames.DigitsOf(text, 1, 2, 2)); // the run is cut at start: "2"
    }

    [Fact]
    public void Agrees_with_the_pattern_on_random_texts()
    {
        var random = new Random(7);
        const string alphabet = "0012345678 9a#-/";
        for (var sample = 0; sample < 20_000; sample++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 14)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var number = random.Next(0, 120);
            var start = random.Next(0, text.Length + 1);
            var end = random.Next(start, text.Length + 1);
            var expected = Regex.Match(text.Substring(start, end - start), @"(?<![0-9])0*" + number + "(?![0-9])");
            var found = FolderRenames.DigitsOf(text, start, end, number);
            Assert.True(
                expected.Success ? found == (start + expected.Index, expected.Length) : found.Length == 0,
                $"'{text}'[{start}..{end}) number {number}: pattern {(expected.Success ? $"({start + expected.Index}, {expected.Length})" : "none")}, scan {found}");
        }
    }
}
