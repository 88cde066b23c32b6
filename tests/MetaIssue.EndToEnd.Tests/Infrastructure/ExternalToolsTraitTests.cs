namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>The inner-loop filter is only honest if every test that needs npm or Chromium carries the trait.</summary>
public sealed class ExternalToolsTraitTests
{
    private const string TraitLine = "[Trait(TestCategories.Trait, TestCategories.ExternalTools)]";

    [Fact]
    public void Every_test_that_needs_an_external_tool_carries_the_ExternalTools_trait()
    {
        var projectFolder = RepositoryLayout.PathTo("tests/MetaIssue.EndToEnd.Tests");
        var needing = 0;
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(projectFolder, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(projectFolder, file).Replace('\\', '/');
            if (relative.StartsWith("Infrastructure/", StringComparison.Ordinal) || relative.Contains("/obj/") || relative.StartsWith("obj/", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].Contains("NodeTool.SkipUnlessAvailable(", StringComparison.Ordinal))
                {
                    continue;
                }

                needing++;
                if (!AttributesAbove(lines, i).Contains(TraitLine))
                {
                    missing.Add($"{relative}:{i + 1}");
                }
            }
        }

        Assert.True(needing >= 3, $"expected the SARIF, overview and remark tests to need external tools, found {needing}");
        Assert.True(missing.Count == 0, $"add {TraitLine} to the tests at: {string.Join(", ", missing)}");
    }

    /// <summary>The attribute lines of the method whose body holds line <paramref name="index"/>.</summary>
    private static HashSet<string> AttributesAbove(string[] lines, int index)
    {
        var method = index;
        while (method > 0 && !lines[method].TrimStart().StartsWith("public ", StringComparison.Ordinal))
        {
            method--;
        }

        var attributes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = method - 1; i >= 0 && lines[i].TrimStart().StartsWith('['); i--)
        {
            attributes.Add(lines[i].Trim());
        }

        return attributes;
    }
}
