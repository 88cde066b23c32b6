using System.CommandLine;
using System.Text;
using System.Text.Json;
using MetaIssue.IO;
using MetaIssue.Reporting;

namespace MetaIssue.Tool.Commands;

internal sealed partial class ToolCommands
{
    private Command CheckCommand()
    {
        var format = new Option<string>("--format") { Description = "text (default), msbuild (as dotnet build prints warnings), json or sarif.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "msbuild", "json", "sarif");
        var outputFile = new Option<string?>("--output") { Description = "Write the report to this file (atomically) instead of the standard output." };
        var command = new Command("check", "Check every meta-issue with the same rules as the build. Exit 0: clean, 1: findings, 2: usage or run error.")
        {
            format, outputFile,
        };
        Handle(command, parse =>
        {
            var workspace = Open(parse);
            var result = workspace.Check();
            var report = Render(parse.GetValue(format)!, workspace, result);
            if (parse.GetValue(outputFile) is { } file)
            {
                var path = Path.GetFullPath(file);
                var bytes = new UTF8Encoding(false).GetBytes(report);
                AtomicFile.Write(path, stream => stream.Write(bytes, 0, bytes.Length));
                output.WriteLine($"wrote {workspace.Show(path)}: {result.Diagnostics.Count} finding(s)");
            }
            else
            {
                output.Write(report);
            }

            return result.Diagnostics.Count > 0 ? 1 : 0;
        });
        return command;
    }

    private static string Render(string format, Workspace workspace, CheckResult result)
    {
        var diagnostics = result.Diagnostics;
        switch (format)
        {
            case "msbuild":
                // MSBuild's canonical error format, the lines dotnet build prints for the same findings.
                return string.Concat(diagnostics.Select(d => d.Range is { } r
                    ? $"{d.FilePath}({r.Line},{r.Column},{r.EndLine},{r.EndColumn}): warning {d.Code}: {d.Message}\n"
                    : $"{d.FilePath}: warning {d.Code}: {d.Message}\n"));
            case "json":
                using (var stream = new MemoryStream())
                {
                    using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                    {
                        json.WriteStartArray();
                        foreach (var d in diagnostics)
                        {
                            json.WriteStartObject();
                            json.WriteString("code", d.Code);
                            json.WriteString("file", workspace.Show(d.FilePath));
                            json.WriteNumber("line", d.Range?.Line ?? 0);
                            json.WriteNumber("column", d.Range?.Column ?? 0);
                            json.WriteNumber("endLine", d.Range?.EndLine ?? 0);
                            json.WriteNumber("endColumn", d.Range?.EndColumn ?? 0);
                            json.WriteString("message", d.Message);
                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                    }

                    return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
                }

            case "sarif":
                using (var stream = new MemoryStream())
                {
                    var version = typeof(ToolCommands).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
                    SarifLog.Write(stream, result, new SarifSettings { ToolVersion = version });
                    return Encoding.UTF8.GetString(stream.ToArray());
                }

            default:
                var text = new StringBuilder();
                foreach (var d in diagnostics)
                {
                    var where = d.Range is { } r ? $":{r.Line}:{r.Column}" : string.Empty;
                    text.Append($"{workspace.Show(d.FilePath)}{where} {d.Code} {d.Message}\n");
                }

                // The build's summary line, with the tool's own command for each open meta-issue's next attempt.
                text.Append(CheckSummary.Describe(result).Replace("\r\n", "\n").Split('\n')[0]).Append('\n');
                foreach (var issue in result.Tree.MetaIssues.Where(m => m.Status is { IsOpen: true }))
                {
                    text.Append($"  {issue.Name} ({issue.Status!.Name}): next attempt: metaissue attempt {issue.Name} <slug>\n");
                }
                return text.ToString();
        }
    }
}
