using System.Globalization;
using MetaIssue.Templates;

namespace MetaIssue.Tests.Templates;

/// <summary>
/// The embedded renderer writes exactly what <c>dotnet new</c> writes: each case renders the inputs of an approved
/// end-to-end snapshot (recorded from the real <c>dotnet new</c>) and compares every file, path and byte.
/// </summary>
public sealed class TemplateRendererTests
{
    private static readonly DateTime Today = new(2026, 3, 14, 9, 30, 0, DateTimeKind.Local);

    public static TheoryData<string, string, string, string, Dictionary<string, string>> Snapshots() => new()
    {
        { "metaissue-at-repository-root", "metaissue", "repo/docs/meta-issues/", "perf-degradation", new() },
        {
            "metaissue-with-all-options", "metaissue", "repo/docs/meta-issues/", "api-latency",
            new() { ["title"] = "API Latency Under Load", ["first-attempt"] = "response-caching", ["domain"] = "performance", ["severity"] = "high", ["owner"] = "Dana Kim" }
        },
        {
            "metaattempt-at-repository-root", "metaattempt", "repo/docs/meta-issues/", "async-io",
            new() { ["number"] = "12", ["issue"] = "perf", ["title"] = "Async I/O Everywhere" }
        },
        {
            "metalesson-at-repository-root", "metalesson", "repo/docs/lessons-learned/", "Performance_Resolution",
            new() { ["issue"] = "perf-degradation", ["category"] = "debugging" }
        },
        {
            "metalesson-inside-category-folder", "metalesson", "repo/docs/lessons-learned/", "Performance_Resolution",
            new() { ["issue"] = "perf-degradation", ["WorkingDirectory"] = "/home/dana/repo/docs/lessons-learned/debugging" }
        },
    };

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void Rendering_equals_the_approved_dotnet_new_output(string snapshot, string template, string prefix, string name, Dictionary<string, string> parameters)
    {
        var expected = ApprovedFiles(snapshot, prefix);

        var rendered = TemplateRenderer.Render(template, name, parameters, Today)
            .ToDictionary(file => file.Path, file => file.Content.Replace(Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "{today}"));

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Keys.OrderBy(k => k, StringComparer.Ordinal), rendered.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (path, content) in expected)
        {
            Assert.Equal(content, rendered[path]);
        }
    }

    [Fact]
    public void Every_template_folder_is_embedded_with_its_template_json()
    {
        foreach (var template in new[] { "metaissue", "metaattempt", "metalesson" })
        {
            Assert.Contains($"{template}/.template.config/template.json", TemplateSources.Paths);
            Assert.Contains(TemplateSources.Paths, path => path.StartsWith(template + "/", StringComparison.Ordinal) && path.EndsWith(".md", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void An_unknown_template_is_a_clear_error()
    {
        var error = Assert.Throws<FileNotFoundException>(() => TemplateRenderer.Render("nope", "x", new Dictionary<string, string>(), Today));
        Assert.Contains("nope/.template.config/template.json", error.Message);
    }

    [Fact]
    public void Tokens_are_replaced_in_one_pass_longest_first()
    {
        var tokens = new Dictionary<string, string> { ["%N%"] = "%NNN%", ["%NNN%"] = "007" };

        Assert.Equal("007-%NNN%", TemplateRenderer.ReplaceTokens("%NNN%-%N%", tokens));
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("", "")]
    [InlineData("50% of %N%, %NN% and %", "50% of 7, %NN% and %")]
    [InlineData("%N%%N%", "77")]
    [InlineData("ends with %N%", "ends with 7")]
    public void Text_between_tokens_is_copied_unchanged(string text, string expected)
    {
        Assert.Equal(expected, TemplateRenderer.ReplaceTokens(text, new Dictionary<string, string> { ["%N%"] = "7" }));
        Assert.Equal(text, TemplateRenderer.ReplaceTokens(text, new Dictionary<string, string>()));
    }

    /// <summary>The files of an approved transcript: each "=== path" header, then the content and one blank line.</summary>
    private static Dictionary<string, string> ApprovedFiles(string snapshot, string prefix)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "MetaIssue.EndToEnd.Tests", "Snapshots", snapshot + ".approved.txt")).ReplaceLineEndings("\n");
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var block in text.Split("\n=== ").Skip(1))
        {
            // Each file is followed by one blank line, which ends the block (the separator takes its line break).
            var headerEnd = block.IndexOf('\n', StringComparison.Ordinal);
            var path = block.Substring(0, headerEnd);
            var content = block.Substring(headerEnd + 1);
            Assert.EndsWith("\n", content);
            Assert.StartsWith(prefix, path);
            files[path.Substring(prefix.Length)] = content.EndsWith("\n\n", StringComparison.Ordinal) ? content.Substring(0, content.Length - 1) : content;
        }

        return files;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MetaIssue.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("MetaIssue.slnx not found above " + AppContext.BaseDirectory);
    }
}
