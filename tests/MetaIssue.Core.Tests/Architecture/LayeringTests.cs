using MetaIssue.Testing;
using System.Text.RegularExpressions;
using MetaIssue.Tests.Support;

namespace MetaIssue.Tests.Architecture;

/// <summary>
/// Keeps docs/architecture.md true: every folder of src/MetaIssue.Core is a layer listed in its <c>layers</c> block,
/// each file's namespace matches its folder, and no file uses a layer above its own (by <c>using</c> or by a
/// qualified name). Also holds every source file of src/ to at most 400 lines.
/// </summary>
public sealed class LayeringTests
{
    private const string Root = "(root)";
    private const int MaxLines = 400;

    private static string CoreFolder => Path.Combine(RepositoryRoot.Path, "src", "MetaIssue.Core");

    [Fact]
    public void The_architecture_document_lists_every_folder_of_the_library_as_a_layer()
    {
        var folders = Directory.GetDirectories(CoreFolder).Select(Path.GetFileName).Where(name => name is not ("bin" or "obj")).Append(Root);
        Assert.Equal(Layers().OrderBy(l => l, StringComparer.Ordinal), folders.OrderBy(f => f, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_file_is_in_the_namespace_of_its_folder()
    {
        foreach (var (file, layer, code) in SourceFiles())
        {
            var expected = layer == Root ? "MetaIssue" : "MetaIssue." + layer;
            var declared = Regex.Match(code, @"^namespace ([\w.]+);", RegexOptions.Multiline).Groups[1].Value;
            Assert.True(declared == expected, $"{file} declares namespace '{declared}', expected '{expected}'");
        }
    }

    [Fact]
    public void No_layer_uses_a_layer_above_it()
    {
        var order = Layers();
        var violations = new List<string>();
        foreach (var (file, layer, code) in SourceFiles())
        {
            var rank = order.IndexOf(layer);
            foreach (var used in UsedLayers(code, order).Where(u => order.IndexOf(u) > rank))
            {
                violations.Add($"{file} ({layer}) uses {used}");
            }
        }

        Assert.True(violations.Count == 0, "layers used upward (see docs/architecture.md):\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_check_finds_an_upward_use_and_ignores_comments()
    {
        var order = new List<string> { "Text", "Markdown", "Rules", Root };
        Assert.Equal(new[] { "Rules" }, UsedLayers("using MetaIssue.Rules;\nnamespace MetaIssue.Markdown;", order));
        Assert.Equal(new[] { "Rules" }, UsedLayers("var x = Rules.RuleCatalog.All;", order));
        Assert.Empty(UsedLayers("// see Rules.RuleCatalog.All\n/// <see cref=\"Rules.Rule\"/>\nvar s = \"Rules.X.Y\";", order));
    }

    [Fact]
    public void No_source_file_in_src_is_over_400_lines()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
            .ToList();
        Assert.NotEmpty(files);
        var tooLong = files.Select(f => (File: f, Lines: File.ReadAllLines(f).Length)).Where(f => f.Lines > MaxLines)
            .Select(f => $"{Path.GetRelativePath(RepositoryRoot.Path, f.File)}: {f.Lines} lines").ToList();
        Assert.True(tooLong.Count == 0, $"source files over {MaxLines} lines: split them by job\n" + string.Join("\n", tooLong));
    }

    /// <summary>The layer order, bottom first, from the <c>layers</c> block of docs/architecture.md.</summary>
    private static List<string> Layers()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "architecture.md")).Replace("\r\n", "\n");
        var block = Regex.Match(document, "```layers\n(.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, "docs/architecture.md has no ```layers block");
        return block.Groups[1].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
    }

    private static IEnumerable<(string File, string Layer, string Code)> SourceFiles()
    {
        foreach (var file in Directory.GetFiles(CoreFolder, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(CoreFolder, file).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal))
            {
                continue;
            }

            var layer = relative.Contains('/') ? relative.Substring(0, relative.IndexOf('/')) : Root;
            yield return (relative, layer, StripCommentsAndStrings(File.ReadAllText(file)));
        }
    }

    /// <summary>The layers a file names: <c>using MetaIssue.X;</c>, <c>MetaIssue.X.</c> or <c>X.Type.</c>.</summary>
    private static IEnumerable<string> UsedLayers(string code, IReadOnlyList<string> order)
    {
        code = StripCommentsAndStrings(code);
        var names = string.Join("|", order.Where(l => l != Root).Select(Regex.Escape));
        return Regex.Matches(code, $@"(?<![\w.])(?:using\s+)?(?:MetaIssue\.)?({names})(?:;|\.[A-Z])")
            .Select(m => m.Groups[1].Value)
            .Where(layer => !Regex.IsMatch(code, $@"^namespace MetaIssue\.{Regex.Escape(layer)};", RegexOptions.Multiline))
            .Distinct();
    }

    private static string StripCommentsAndStrings(string code) =>
        Regex.Replace(code, @"//[^\n]*|/\*.*?\*/|@""(?:[^""]|"""")*""|\$?""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)'", " ", RegexOptions.Singleline);
}
