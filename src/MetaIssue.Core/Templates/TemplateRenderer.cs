using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MetaIssue.Templates;

/// <summary>
/// Renders an embedded template the way <c>dotnet new</c> does, for the subset of the template engine our
/// <c>template.json</c> files use, read from those files themselves so the two cannot drift: parameters (with
/// <c>defaultValue</c>), <c>bind</c>, <c>derived</c> symbols over the <c>replace</c>, <c>chain</c>, <c>titleCase</c>,
/// <c>firstUpperCase</c>, <c>lowerCase</c> and <c>upperCase</c> forms, and the <c>constant</c>, <c>coalesce</c>,
/// <c>now</c>, <c>regex</c>, <c>regexMatch</c> and <c>join</c> generators, <c>computed</c> conditions and the
/// <c>&lt;!--#if --&gt;</c> blocks of Markdown (<see cref="TemplateConditions"/>); <c>replaces</c> tokens in contents, <c>sourceName</c> and
/// <c>fileRename</c> in paths and (<c>sourceName</c>) contents, longest token first in one pass. Files come from the
/// <c>sources</c> whose <c>source</c> is a whole template folder (<c>./</c> or <c>../&lt;template&gt;/</c>); paths are
/// relative to the folder the template writes into (docs/meta-issues/ or docs/lessons-learned/). Source conditions,
/// guards and post actions are not evaluated: the caller picks the location and validates names itself.
/// </summary>
public sealed class TemplateRenderer
{
    private readonly string _folder;
    private readonly JsonElement _config;
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluating = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string> _parameters;
    private readonly DateTime _now;

    private TemplateRenderer(string folder, JsonElement config, IReadOnlyDictionary<string, string> parameters, DateTime now)
    {
        _folder = folder;
        _config = config;
        _parameters = parameters;
        _now = now;
    }

    /// <summary>
    /// The files template <paramref name="templateFolder"/> (metaissue, metaattempt, metalesson) writes for the
    /// name <paramref name="name"/> (what <c>-n</c> takes) and the options in <paramref name="parameters"/> (keyed by
    /// the symbol names in template.json, e.g. <c>title</c>, <c>first-attempt</c>, <c>number</c>), dated
    /// <paramref name="now"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">No such template is embedded.</exception>
    /// <exception cref="InvalidOperationException">template.json uses a construct this renderer does not know.</exception>
    public static IReadOnlyList<RenderedFile> Render(string templateFolder, string name, IReadOnlyDictionary<string, string> parameters, DateTime now)
    {
        using var document = JsonDocument.Parse(TemplateSources.Read(templateFolder + "/.template.config/template.json"));
        var withName = parameters.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        withName["name"] = name;
        return new TemplateRenderer(templateFolder, document.RootElement, withName, now).RenderFiles(name);
    }

    private IReadOnlyList<RenderedFile> RenderFiles(string name)
    {
        var sourceName = _config.GetProperty("sourceName").GetString()!;
        var contentTokens = new Dictionary<string, string>(StringComparer.Ordinal) { [sourceName] = name };
        var pathTokens = new Dictionary<string, string>(StringComparer.Ordinal) { [sourceName] = name };
        foreach (var symbol in _config.GetProperty("symbols").EnumerateObject())
        {
            if (symbol.Value.TryGetProperty("replaces", out var token) && Value(symbol.Name) is { } replacement)
            {
                contentTokens[token.GetString()!] = replacement;
            }

            if (symbol.Value.TryGetProperty("fileRename", out var fileToken) && Value(symbol.Name) is { } renamed)
            {
                pathTokens[fileToken.GetString()!] = renamed;
            }
        }

        var files = new List<RenderedFile>();
        foreach (var folder in SourceFolders())
        {
            var prefix = folder + "/";
            foreach (var path in TemplateSources.Paths.Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && !p.Contains("/.template.config/")))
            {
                var relative = ReplaceTokens(path.Substring(prefix.Length), pathTokens);
                files.Add(new RenderedFile(relative, ReplaceTokens(Conditions(TemplateSources.Read(path)), contentTokens)));
            }
        }

        return files.OrderBy(file => file.Path, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// The text of one template source file with its conditional blocks resolved for <paramref name="name"/> and
    /// <paramref name="parameters"/> but its tokens kept, for callers that fill the tokens themselves.
    /// </summary>
    public static string Resolve(string templateFolder, string sourcePath, string name, IReadOnlyDictionary<string, string> parameters)
    {
        using var document = JsonDocument.Parse(TemplateSources.Read(templateFolder + "/.template.config/template.json"));
        var withName = parameters.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        withName["name"] = name;
        return new TemplateRenderer(templateFolder, document.RootElement, withName, DateTime.Now).Conditions(TemplateSources.Read(sourcePath));
    }

    private string Conditions(string text)
    {
        try
        {
            return TemplateConditions.Apply(text, Value);
        }
        catch (InvalidOperationException exception) when (!exception.Message.StartsWith("templates/", StringComparison.Ordinal))
        {
            throw Unsupported(exception.Message);
        }
    }

    /// <summary>The template folders named by whole-folder sources: "./" is this template, "../x/" template x.</summary>
    private IEnumerable<string> SourceFolders()
    {
        var folders = new List<string>();
        foreach (var source in _config.GetProperty("sources").EnumerateArray())
        {
            var path = source.GetProperty("source").GetString()!.Replace('\\', '/').TrimEnd('/');
            var folder = path == "." ? _folder : path.StartsWith("../", StringComparison.Ordinal) && path.IndexOf('/', 3) < 0 ? path.Substring(3) : null;
            if (folder is not null && !folders.Contains(folder))
            {
                folders.Add(folder);
            }
        }

        return folders;
    }

    /// <summary>Replaces every token in one left-to-right pass, the longest token first where several match.</summary>
    internal static string ReplaceTokens(string text, IReadOnlyDictionary<string, string> tokens)
    {
        var ordered = tokens.Where(pair => pair.Key.Length > 0).OrderByDescending(pair => pair.Key.Length).ToArray();
        var firstChars = ordered.Select(pair => pair.Key[0]).Distinct().ToArray();
        var output = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            // Only a position holding some token's first character can start a match: copy the run up to it at once.
            var next = firstChars.Length == 0 ? -1 : text.AsSpan(i).IndexOfAny(firstChars);
            if (next < 0)
            {
                output.Append(text, i, text.Length - i);
                break;
            }

            output.Append(text, i, next);
            i += next;
            var match = ordered.FirstOrDefault(pair => string.CompareOrdinal(text, i, pair.Key, 0, pair.Key.Length) == 0);
            if (match.Key is null)
            {
                output.Append(text[i++]);
            }
            else
            {
                output.Append(match.Value);
                i += match.Key.Length;
            }
        }

        return output.ToString();
    }

    /// <summary>A symbol's text value, or null when it has none (unset, or a condition-only symbol).</summary>
    private string? Value(string symbolName)
    {
        if (_values.TryGetValue(symbolName, out var known))
        {
            return known;
        }

        if (!_evaluating.Add(symbolName))
        {
            throw Unsupported($"symbol '{symbolName}' depends on itself");
        }

        var value = Evaluate(symbolName);
        _evaluating.Remove(symbolName);
        _values[symbolName] = value;
        return value;
    }

    private string? Evaluate(string symbolName)
    {
        if (!_config.GetProperty("symbols").TryGetProperty(symbolName, out var symbol))
        {
            return _parameters.TryGetValue(symbolName, out var builtIn) ? builtIn : null;
        }

        var type = symbol.GetProperty("type").GetString();
        switch (type)
        {
            case "parameter":
            case "bind":
                if (_parameters.TryGetValue(symbolName, out var given))
                {
                    return given;
                }

                return symbol.TryGetProperty("defaultValue", out var fallback) ? fallback.GetString() : null;
            case "derived":
                var source = Value(symbol.GetProperty("valueSource").GetString()!);
                return source is null ? null : ApplyForm(symbol.GetProperty("valueTransform").GetString()!, source);
            case "generated":
                return Generate(symbolName, symbol);
            case "computed":
                return TemplateConditions.Evaluate(symbol.GetProperty("value").GetString()!, Value) ? "true" : "false";
            default:
                return null;
        }
    }

    private string? Generate(string symbolName, JsonElement symbol)
    {
        var generator = symbol.GetProperty("generator").GetString();
        symbol.TryGetProperty("parameters", out var parameters);
        switch (generator)
        {
            case "constant":
                return parameters.GetProperty("value").GetString();
            case "now":
                var utc = parameters.TryGetProperty("utc", out var utcFlag) && utcFlag.ValueKind == JsonValueKind.True;
                var time = utc ? _now.ToUniversalTime() : _now;
                return time.ToString(parameters.GetProperty("format").GetString(), CultureInfo.InvariantCulture);
            case "coalesce":
                var first = Value(parameters.GetProperty("sourceVariableName").GetString()!);
                return string.IsNullOrEmpty(first) ? Value(parameters.GetProperty("fallbackVariableName").GetString()!) : first;
            case "regex":
                var text = Value(parameters.GetProperty("source").GetString()!) ?? string.Empty;
                foreach (var step in parameters.GetProperty("steps").EnumerateArray())
                {
                    text = Regex.Replace(text, step.GetProperty("regex").GetString()!, step.GetProperty("replacement").GetString()!);
                }

                return text;
            case "join":
                var parts = parameters.GetProperty("symbols").EnumerateArray()
                    .Select(part => part.GetProperty("type").GetString() == "ref" ? Value(part.GetProperty("value").GetString()!) ?? string.Empty : part.GetProperty("value").GetString());
                return string.Join(parameters.TryGetProperty("separator", out var separator) ? separator.GetString() : string.Empty, parts);
            case "regexMatch":
                var input = Value(parameters.GetProperty("source").GetString()!) ?? string.Empty;
                return Regex.IsMatch(input, parameters.GetProperty("pattern").GetString()!) ? "true" : "false";
            default:
                if (symbol.TryGetProperty("replaces", out _) || symbol.TryGetProperty("fileRename", out _))
                {
                    throw Unsupported($"symbol '{symbolName}' uses the generator '{generator}'");
                }

                return null;
        }
    }

    private string ApplyForm(string formName, string value)
    {
        if (!_config.TryGetProperty("forms", out var forms) || !forms.TryGetProperty(formName, out var form))
        {
            return ApplyBuiltInForm(formName, value) ?? throw Unsupported($"form '{formName}' is not declared");
        }

        var identifier = form.GetProperty("identifier").GetString()!;
        switch (identifier)
        {
            case "chain":
                return form.GetProperty("steps").EnumerateArray().Aggregate(value, (current, step) => ApplyForm(step.GetString()!, current));
            case "replace":
                return Regex.Replace(value, form.GetProperty("pattern").GetString()!, form.GetProperty("replacement").GetString()!);
            default:
                return ApplyBuiltInForm(identifier, value) ?? throw Unsupported($"form '{formName}' uses the identifier '{identifier}'");
        }
    }

    private static string? ApplyBuiltInForm(string identifier, string value) => identifier switch
    {
        "identity" => value,
        "titleCase" => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(value),
        "firstUpperCase" => value.Length == 0 ? value : char.ToUpperInvariant(value[0]) + value.Substring(1),
        "lowerCase" => value.ToLowerInvariant(),
        "upperCase" => value.ToUpperInvariant(),
        _ => null,
    };

    private InvalidOperationException Unsupported(string what) =>
        new($"templates/{_folder}/.template.config/template.json: {what}, which the embedded renderer does not support; extend {nameof(TemplateRenderer)}.");
}
