using System.Text.Json;
using System.Text.RegularExpressions;

namespace MetaIssue.Templates;

/// <summary>
/// Rules the templates declare in their template.json, read from the embedded file so a command that writes the
/// same files applies exactly the same ones: the name patterns of their <c>regexMatch</c> guards (no leading or
/// trailing dot or space, no path separators, at most 100 characters) and the choices of their choice parameters.
/// </summary>
public static class TemplateRules
{
    /// <summary>True when <paramref name="value"/> matches the pattern of guard <paramref name="guardSymbol"/> (e.g. <c>nameIsFolderName</c>) of <paramref name="templateFolder"/>.</summary>
    /// <exception cref="InvalidOperationException">The template has no such regexMatch symbol.</exception>
    public static bool Matches(string templateFolder, string guardSymbol, string value) =>
        Regex.IsMatch(value, Symbol(templateFolder, guardSymbol).GetProperty("parameters").GetProperty("pattern").GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>The choices of a choice parameter, in the order the template lists them.</summary>
    public static IReadOnlyList<string> Choices(string templateFolder, string parameter) =>
        Symbol(templateFolder, parameter).GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("choice").GetString()!).ToArray();

    private static JsonElement Symbol(string templateFolder, string name)
    {
        using var document = Config(templateFolder);
        return document.RootElement.GetProperty("symbols").TryGetProperty(name, out var symbol)
            ? symbol.Clone()
            : throw new InvalidOperationException($"templates/{templateFolder}/.template.config/template.json has no symbol '{name}'");
    }

    private static JsonDocument Config(string templateFolder) =>
        JsonDocument.Parse(TemplateSources.Read(templateFolder + "/.template.config/template.json"));
}
