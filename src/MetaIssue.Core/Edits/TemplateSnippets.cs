using MetaIssue.Templates;

namespace MetaIssue.Edits;

/// <summary>
/// The lines an attempt adds to a meta-issue's shared files, cut from the embedded template sources (the same text
/// <c>dotnet new metaissue</c> writes for attempt 001) and filled in with the template's own tokens.
/// </summary>
internal static class TemplateSnippets
{
    private const string Readme = "metaissue/meta-issue-name/README.md";
    private const string Log = "metaissue/meta-issue-name/implementation-log.md";
    private const string TestCases = "metaissue/meta-issue-name/test-cases.md";
    private const string Description = "metaissue/meta-issue-name/description.md";

    /// <summary>The README timeline row of an attempt, without a line break.</summary>
    public static string TimelineRow(string number, string slug, string title, string date)
    {
        // The template's own condition picks the row's link form (angle brackets when the slug needs them).
        var readme = TemplateRenderer.Resolve("metaissue", Readme, "name", new Dictionary<string, string> { ["first-attempt"] = slug });
        var row = readme.Replace("\r\n", "\n").Split('\n').FirstOrDefault(l => l.StartsWith("|", StringComparison.Ordinal) && l.Contains("%NNN%"))
            ?? throw new InvalidOperationException($"templates/{Readme} has no timeline row; the template and the tool drifted apart");
        return Fill(row, number, slug, title, date);
    }

    /// <summary>The implementation-log section of an attempt (heading to end), ending with a line break.</summary>
    public static string LogSection(string number, string title, string date)
    {
        var text = TemplateSources.Read(Log);
        var start = text.IndexOf("## Attempt %NNN%", StringComparison.Ordinal);
        return Fill(EnsureLineBreak(text.Substring(start)), number, string.Empty, title, date);
    }

    /// <summary>The result line of an attempt under a test case, without a line break.</summary>
    public static string ResultLine(string number) =>
        Fill(Line(TestCases, l => l.Contains("Attempt %NNN%")), number, string.Empty, string.Empty, string.Empty);

    /// <summary>The field lines of one understanding version in description.md (Theory, Evidence, ...), ending with a line break.</summary>
    public static IReadOnlyList<string> UnderstandingFields() =>
        Lines(Description).SkipWhile(l => !l.StartsWith("### Version", StringComparison.Ordinal)).Skip(2).Where(l => l.StartsWith("**", StringComparison.Ordinal)).ToArray();

    internal static string Fill(string template, string number, string slug, string title, string date) =>
        TemplateRenderer.ReplaceTokens(template, new Dictionary<string, string>
        {
            ["%NNN%"] = number,
            ["%ATTEMPT_SLUG%"] = slug,
            ["%ATTEMPT_TITLE%"] = title,
            ["%CREATED%"] = date,
        });

    private static string Line(string path, Func<string, bool> match) =>
        Lines(path).FirstOrDefault(match) ?? throw new InvalidOperationException($"templates/{path} has no line the tool expects; the template and the tool drifted apart");

    private static string[] Lines(string path) => TemplateSources.Read(path).Replace("\r\n", "\n").Split('\n');

    private static string EnsureLineBreak(string text)
    {
        text = text.Replace("\r\n", "\n");
        return text.EndsWith("\n", StringComparison.Ordinal) ? text : text + "\n";
    }
}
