using System.CommandLine;
using System.Text;
using System.Text.Json;
using MetaIssue.IO;
using MetaIssue.Model;
using MetaIssue.Reporting;
using MetaIssue.Conventions;

namespace MetaIssue.Tool.Commands;

internal sealed partial class ToolCommands
{
    private Command StatusCommand()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts instead of the table." };
        var command = new Command("status", "Every meta-issue: status, attempts by outcome, last activity, open warnings and the next step.") { json };
        Handle(command, parse =>
        {
            var workspace = Open(parse);
            var result = workspace.Check();
            var rows = result.Tree.MetaIssues.Select(issue => StatusRow.Of(issue, result)).ToList();
            if (parse.GetValue(json))
            {
                output.Write(StatusJson(rows));
            }
            else
            {
                var colour = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
                output.Write(StatusTable(rows, colour));
            }

            return 0;
        });
        return command;
    }

    private static string StatusJson(IEnumerable<StatusRow> rows)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartObject();
                json.WriteString("name", row.Name);
                json.WriteString("title", row.Title);
                json.WriteString("status", row.Status);
                json.WriteBoolean("closed", row.Closed);
                json.WriteStartObject("attempts");
                json.WriteNumber("total", row.Outcomes.Values.Sum());
                foreach (var (outcome, count) in row.Outcomes)
                {
                    json.WriteNumber(outcome, count);
                }

                json.WriteEndObject();
                if (row.LastActivity is { } last)
                {
                    json.WriteString("lastActivity", last);
                }
                else
                {
                    json.WriteNull("lastActivity");
                }

                json.WriteNumber("warnings", row.Warnings);
                json.WriteString("next", row.Next);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string StatusTable(IReadOnlyList<StatusRow> rows, bool colour)
    {
        if (rows.Count == 0)
        {
            return "No meta-issues yet; create one with: metaissue new <name>\n";
        }

        var header = new[] { "Meta-issue", "Status", "Attempts", "Last activity", "Warnings", "Next step" };
        var cells = rows.Select(r => new[] { r.Name, r.Status, r.AttemptsText, r.LastActivity ?? "-", r.Warnings.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Next }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Max(c => c[i].Length))).ToArray();
        var text = new StringBuilder();
        text.Append(Line(header, widths)).Append('\n');
        for (var i = 0; i < rows.Count; i++)
        {
            var line = Line(cells[i], widths);
            var code = rows[i].Warnings > 0 ? "33" : rows[i].Closed ? "32" : "36";
            text.Append(colour ? $"\u001b[{code}m{line}\u001b[0m" : line).Append('\n');
        }

        return text.ToString();
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();

    private sealed record StatusRow(string Name, string Title, string Status, bool Closed, IReadOnlyDictionary<string, int> Outcomes, string? LastActivity, int Warnings, string Next)
    {
        public string AttemptsText => Outcomes.Values.Sum() == 0 ? "0"
            : $"{Outcomes.Values.Sum()} (" + string.Join(", ", Outcomes.Where(o => o.Value > 0).Select(o => $"{o.Value} {o.Key}")) + ")";

        public static StatusRow Of(MetaIssueFolder issue, CheckResult result)
        {
            var attempts = issue.NumberedAttempts.ToList();
            var outcomes = new[] { AttemptOutcome.Success, AttemptOutcome.Failure, AttemptOutcome.Partial, AttemptOutcome.Abandoned, AttemptOutcome.InProgress, AttemptOutcome.Unknown }
                .ToDictionary(o => Key(o), o => attempts.Count(a => a.Outcome == o));
            var warnings = result.Diagnostics.Count(d => PathText.IsUnder(issue.FullPath, d.FilePath));
            var last = AttemptDates.LastActivity(issue) is { } date ? AttemptDates.Format(date) : null;
            return new StatusRow(issue.Name, issue.Title, issue.Status?.Name ?? "no status", issue.IsClosed, outcomes, last, warnings, NextStep(issue, attempts, warnings));
        }

        private static string Key(AttemptOutcome outcome) => outcome switch
        {
            AttemptOutcome.Success => "success",
            AttemptOutcome.Failure => "failed",
            AttemptOutcome.Partial => "partial",
            AttemptOutcome.Abandoned => "abandoned",
            AttemptOutcome.InProgress => "inProgress",
            _ => "unknown",
        };

        private static string NextStep(MetaIssueFolder issue, List<AttemptFolder> attempts, int warnings)
        {
            if (warnings > 0)
            {
                return $"fix {warnings} warning(s): metaissue check";
            }

            if (issue.IsClosed)
            {
                return "none (closed)";
            }

            var latest = attempts.LastOrDefault();
            var label = latest is null ? null : AttemptReferences.Format(latest.Number!.Value);
            return latest switch
            {
                null => $"metaissue attempt {issue.Name} <slug>",
                { Outcome: AttemptOutcome.InProgress or AttemptOutcome.Unknown } => $"run attempt {label}, then: metaissue outcome {issue.Name} {label} <success|failed|partial|abandoned>",
                { Outcome: AttemptOutcome.Success } => $"metaissue close {issue.Name} resolved --attempt {label} --lesson <Name> --category <c>",
                _ => $"metaissue understanding {issue.Name} \"<theory>\", then: metaissue attempt {issue.Name} <slug>",
            };
        }
    }
}
