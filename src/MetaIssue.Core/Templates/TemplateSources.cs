using System.Reflection;
using System.Text;

namespace MetaIssue.Templates;

/// <summary>
/// The files of the <c>dotnet new</c> templates (<c>templates/**</c>), embedded into this assembly at build time
/// under <c>TemplateSources/&lt;template folder&gt;/&lt;path&gt;</c>, so the fixes and the tool write exactly what the
/// templates write.
/// </summary>
internal static class TemplateSources
{
    private const string Prefix = "TemplateSources/";
    private static readonly Assembly Assembly = typeof(TemplateSources).Assembly;
    private static readonly Lazy<IReadOnlyList<string>> Names = new(() =>
        Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(name => name.Substring(Prefix.Length).Replace('\\', '/'))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray());

    /// <summary>Every embedded path, '/'-separated and relative to <c>templates/</c> (e.g. <c>metaissue/meta-issue-name/README.md</c>).</summary>
    public static IReadOnlyList<string> Paths => Names.Value;

    /// <summary>The text of an embedded file (UTF-8, BOM dropped).</summary>
    /// <exception cref="FileNotFoundException">No such file is embedded.</exception>
    public static string Read(string path)
    {
        var name = Assembly.GetManifestResourceNames()
            .FirstOrDefault(candidate => candidate.StartsWith(Prefix, StringComparison.Ordinal) && candidate.Substring(Prefix.Length).Replace('\\', '/') == path)
            ?? throw new FileNotFoundException($"The template file '{path}' is not embedded in {Assembly.GetName().Name}.", path);
        using var stream = Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
