using System.Text.RegularExpressions;

namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>
/// One warning or error as MSBuild wrote it to a file logger, in the canonical form IDEs and CI parse:
/// <c>path(line,col,endLine,endCol): warning MI011: message [project]</c> (position optional).
/// </summary>
public sealed partial record BuildDiagnostic(
    string File, int Line, int Column, int EndLine, int EndColumn, string Severity, string Code, string Message, string Project)
{
    public static IReadOnlyList<BuildDiagnostic> ParseLog(string log) =>
        log.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Select(Parse)
            .OfType<BuildDiagnostic>()
            .ToList();

    public static BuildDiagnostic? Parse(string line)
    {
        var match = Canonical().Match(line);
        if (!match.Success)
        {
            return null;
        }

        int Number(string group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value) : 0;
        return new BuildDiagnostic(
            match.Groups["file"].Value.Trim(),
            Number("line"),
            Number("column"),
            Number("endLine"),
            Number("endColumn"),
            match.Groups["severity"].Value,
            match.Groups["code"].Value,
            match.Groups["message"].Value,
            match.Groups["project"].Value);
    }

    public override string ToString() =>
        $"{File}({Line},{Column},{EndLine},{EndColumn}): {Severity} {Code}: {Message} [{Project}]";

    [GeneratedRegex(
        @"^(?:\s*\d+>)?(?<file>.+?)(?:\((?<line>\d+),(?<column>\d+)(?:,(?<endLine>\d+),(?<endColumn>\d+))?\))?\s?:\s(?<severity>warning|error)\s(?<code>[A-Z]+\d+):\s(?<message>.*?)(?:\s\[(?<project>[^\[\]]+)\])?$")]
    private static partial Regex Canonical();
}
