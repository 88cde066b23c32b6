using System.Text.RegularExpressions;

namespace MetaIssue.EndToEnd;

/// <summary>
/// The parts of the content contract the templates can break on their own: relative links that do not resolve,
/// and bracketed prompts that Markdown could read as links or that do not start with a capital letter.
/// </summary>
internal static partial class MarkdownConventions
{
    /// <summary>Inline link targets in the file (outside code) that do not resolve from the file's folder.</summary>
    public static IEnumerable<string> BrokenRelativeLinks(string markdownFile)
    {
        var folder = Path.GetDirectoryName(markdownFile)!;
        foreach (Match link in InlineLink().Matches(ProseOf(markdownFile)))
        {
            var target = link.Groups["target"].Value;
            if (Uri.IsWellFormedUriString(target, UriKind.Absolute))
            {
                continue;
            }

            // Anchors are out: the headings they point at are written by people, later.
            if (target.Contains('#') || !Path.Exists(Path.Combine(folder, target)))
            {
                yield return $"{markdownFile}: {link.Value}";
            }
        }
    }

    /// <summary>Bracketed text that is not a link yet breaks the prompt convention, and link reference definitions.</summary>
    public static IEnumerable<string> PromptsBreakingTheConvention(string markdownFile)
    {
        var prose = ProseOf(markdownFile);
        foreach (Match prompt in BracketedText().Matches(prose))
        {
            var followedBy = prompt.Index + prompt.Length < prose.Length ? prose[prompt.Index + prompt.Length] : '\n';
            var isLink = followedBy == '(';
            if (!isLink && (followedBy == '[' || !char.IsUpper(prompt.Groups["text"].Value[0])))
            {
                yield return $"{markdownFile}: {prompt.Value}";
            }
        }

        foreach (Match definition in ReferenceDefinition().Matches(prose))
        {
            yield return $"{markdownFile}: reference definition {definition.Value}";
        }
    }

    /// <summary>The file without fenced code blocks and code spans.</summary>
    private static string ProseOf(string markdownFile) =>
        CodeSpan().Replace(FencedCode().Replace(File.ReadAllText(markdownFile), ""), "");

    [GeneratedRegex(@"\[[^\]\n]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"\[(?<text>[^\]\n]+)\]")]
    private static partial Regex BracketedText();

    [GeneratedRegex(@"^ {0,3}\[[^\]\n]+\]:", RegexOptions.Multiline)]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex CodeSpan();
}
