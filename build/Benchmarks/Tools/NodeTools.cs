namespace MetaIssue.Benchmarks.Tools;

/// <summary>
/// What users would otherwise run: remark with remark-validate-links, and markdownlint-cli2, installed from npm into a
/// temp folder (never globally, never into the repository). Unavailable, with the reason, when npm or the install fails.
/// </summary>
internal sealed class NodeTools
{
    public const string RemarkCli = "remark-cli@12.0.1";
    public const string ValidateLinks = "remark-validate-links@13.1.0";
    public const string Markdownlint = "markdownlint-cli2@0.24.1";

    private readonly string _node;
    private readonly string _modules;

    private NodeTools(string node, string modules, string versions)
    {
        _node = node;
        _modules = modules;
        Versions = versions;
    }

    public string Versions { get; }

    /// <summary>Installs the tools under <paramref name="folder"/>; returns null and the reason when it cannot.</summary>
    public static (NodeTools? Tools, string Note) Install(string folder)
    {
        var npm = ExternalTool.Find("npm");
        var node = ExternalTool.Find("node");
        if (npm is null || node is null)
        {
            return (null, "npm/node not found on PATH: remark and markdownlint-cli2 were skipped");
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "package.json"), "{ \"name\": \"metaissue-benchmark-tools\", \"private\": true }\n");
        var install = ExternalTool.Run(npm,
            new[] { "install", "--no-audit", "--no-fund", "--no-save", "--cache", Path.Combine(folder, ".npm-cache"), RemarkCli, ValidateLinks, Markdownlint },
            folder, TimeSpan.FromMinutes(10));
        var modules = Path.Combine(folder, "node_modules");
        if (!install.Succeeded || !File.Exists(Path.Combine(modules, "remark-cli", "cli.js")))
        {
            return (null, $"npm install failed ({install.Describe()}): remark and markdownlint-cli2 were skipped. {string.Join(" | ", install.Tail.TakeLast(3))}");
        }

        var nodeVersion = ExternalTool.Run(node, new[] { "--version" }, folder, TimeSpan.FromSeconds(30)).Tail.FirstOrDefault() ?? "?";
        return (new NodeTools(node, modules, $"node {nodeVersion}, {RemarkCli}, {ValidateLinks}, {Markdownlint}"), "installed");
    }

    private static Dictionary<string, string> Environment() => new()
    {
        ["NODE_OPTIONS"] = "--max-old-space-size=12288",
        ["NO_COLOR"] = "1",
        ["FORCE_COLOR"] = "0",
    };

    public const string MissingFile = "remark-validate-links:missing-file";
    public const string MissingHeading = "remark-validate-links:missing-heading";

    /// <summary>
    /// <c>remark docs --use remark-validate-links=repository:false --frail --quiet --no-stdout</c> from the corpus
    /// root (repository:false: the corpus has a .git marker, not a git remote to read; the plugin is named by its path
    /// because the corpus has no node_modules of its own). Counts the reports of missing
    /// files and of missing headings.
    /// </summary>
    public ToolRun Remark(string root, TimeSpan timeout) =>
        ExternalTool.Run(_node,
            new[]
            {
                Path.Combine(_modules, "remark-cli", "cli.js"), "docs",
                "--use", Path.Combine(_modules, "remark-validate-links", "index.js") + "=repository:false", "--frail", "--quiet", "--no-stdout", "--no-color",
            },
            root, timeout, Environment(), new[] { MissingFile, MissingHeading, " warning " });

    /// <summary><c>markdownlint-cli2 "docs/**/*.md"</c> from the corpus root with its default rules.</summary>
    public ToolRun MarkdownLint(string root, TimeSpan timeout) =>
        ExternalTool.Run(_node,
            new[] { Path.Combine(_modules, "markdownlint-cli2", "markdownlint-cli2-bin.mjs"), "docs/**/*.md" },
            root, timeout, Environment(), new[] { " MD0" });
}
