using System.Text;
using System.Text.Json;
using MetaIssue.Diagnostics;
using MetaIssue.Fixes;
using MetaIssue.Rules;
using MetaIssue.IO;

namespace MetaIssue.Reporting;

/// <summary>
/// Writes a SARIF 2.1.0 log of a check for code-scanning dashboards: one rule entry per catalogue rule, one result per
/// diagnostic with its location relative to <c>%SRCROOT%</c> (the repository root). Output is deterministic: same
/// tree, same bytes.
/// </summary>
public static class SarifLog
{
    /// <summary>The SARIF 2.1.0 JSON schema the log declares.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    /// <summary>The base id of the repository root; every result location is relative to it.</summary>
    public const string SourceRoot = "%SRCROOT%";

    /// <summary>Writes the log of <paramref name="result"/> to <paramref name="stream"/> as indented UTF-8 JSON, leaving out the
    /// codes in <see cref="SarifSettings.Suppressed"/>; a finding with a fix carries it as SARIF replacements (the
    /// edited files are read for their offsets). Stateless: safe on several threads with different streams.</summary>
    /// <exception cref="IOException">Writing to <paramref name="stream"/> failed.</exception>
    public static void Write(Stream stream, CheckResult result, SarifSettings settings)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        WriteTool(json, settings);
        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(SourceRoot);
        json.WriteString("uri", FolderUri(result.Tree.RepositoryRoot));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteStartArray("results");
        // Each file a fix edits is read once, for the offsets and line breaks its replacements are written in.
        var texts = new Dictionary<string, EditableText?>(StringComparer.Ordinal);
        EditableText? Read(string path) => texts.TryGetValue(path, out var text) ? text : texts[path] = EditableText.Read(path, out _);
        foreach (var diagnostic in result.Diagnostics.Where(d => !settings.Suppressed.Contains(d.Code)))
        {
            WriteResult(json, diagnostic, result.Tree.RepositoryRoot, settings, Read);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes the log to a file atomically, creating the folder if needed.</summary>
    public static void WriteFile(string path, CheckResult result, SarifSettings settings) =>
        AtomicFile.Write(path, stream => Write(stream, result, settings));

    private static void WriteTool(Utf8JsonWriter json, SarifSettings settings)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "MetaIssue");
        json.WriteString("semanticVersion", settings.ToolVersion);
        json.WriteString("informationUri", settings.InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in RuleCatalog.All)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", rule.Name);
            WriteText(json, "shortDescription", rule.Title);
            WriteText(json, "fullDescription", rule.Description);
            var help = rule.HelpLink(settings.HelpLinkBase);
            if (help.Length > 0)
            {
                json.WriteString("helpUri", help);
            }

            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", rule.DefaultSeverity == DiagnosticSeverity.Error ? "error" : "warning");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic, string root, SarifSettings settings, Func<string, EditableText?> read)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Code);
        json.WriteNumber("ruleIndex", IndexOf(diagnostic.Rule));
        json.WriteString("level", settings.Errors.Contains(diagnostic.Code) ? "error" : "warning");
        WriteText(json, "message", diagnostic.Message);
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        var relative = PathText.FromRoot(root, diagnostic.FilePath);
        json.WriteString("uri", EscapeUri(relative) + (diagnostic.Range is null && Directory.Exists(diagnostic.FilePath) ? "/" : string.Empty));
        json.WriteString("uriBaseId", SourceRoot);
        json.WriteEndObject();
        if (diagnostic.Range is { } range)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", range.Line);
            json.WriteNumber("startColumn", range.Column);
            json.WriteNumber("endLine", range.EndLine);
            json.WriteNumber("endColumn", range.EndColumn + 1); // SARIF's end column is exclusive, ours inclusive
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        if (diagnostic.Fix is { } fix)
        {
            SarifFixes.Write(json, fix, root, read);
        }

        json.WriteEndObject();
    }

    private static int IndexOf(RuleDescriptor rule)
    {
        for (var i = 0; i < RuleCatalog.All.Count; i++)
        {
            if (RuleCatalog.All[i].Id == rule.Id)
            {
                return i;
            }
        }

        return -1;
    }

    private static void WriteText(Utf8JsonWriter json, string property, string text)
    {
        json.WriteStartObject(property);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static string FolderUri(string folder)
    {
        var path = folder.Replace('\\', '/');
        if (!path.StartsWith("/", StringComparison.Ordinal))
        {
            path = "/" + path; // C:/repo → /C:/repo
        }

        return "file://" + EscapeUri(path).TrimEnd('/') + "/";
    }

    /// <summary>Percent-encodes a '/'-separated path as a URI reference (spaces, '#', '%', non-ASCII…).</summary>
    internal static string EscapeUri(string path)
    {
        var builder = new StringBuilder(path.Length);
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            var c = (char)b;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '-' or '.' or '_' or '~' or '/')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}

/// <summary>What the SARIF log says about the tool, and how the build configured the codes.</summary>
public sealed class SarifSettings
{
    /// <summary>The version written as the tool driver's version (the package version).</summary>
    public string ToolVersion { get; set; } = "0.0.0";

    /// <summary>The tool's home page, written as the driver's information URI.</summary>
    public string InformationUri { get; set; } = "https://github.com/metaissue/MetaIssue";

    /// <summary>Where the rule pages are (<c>{base}/MI012.md</c>); empty for no help URIs.</summary>
    public string HelpLinkBase { get; set; } = string.Empty;

    /// <summary>Codes silenced with NoWarn: left out of the log, as they are left out of the build output.</summary>
    public ISet<string> Suppressed { get; set; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Codes escalated with WarningsAsErrors: level "error".</summary>
    public ISet<string> Errors { get; set; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}
