namespace MetaIssue.Fixes;

/// <summary>
/// The advice a warning prints, rendered from its <see cref="Fix"/> so that what it says is exactly what
/// <c>-t:MetaIssueFix</c> would write: the applicability, then each change, with the text it writes quoted as is
/// (line breaks shown as " ⏎ ", so a pasted line keeps its syntax: a hard break's two trailing spaces, a YAML value,
/// an angle-bracket link). Long insertions show their first line and how many lines follow.
/// </summary>
internal static class FixAdvice
{
    /// <summary>Inserted text of more lines than this is shortened to its first line and a count.</summary>
    public const int MaxQuotedLines = 3;

    public const string LineBreak = " ⏎ ";

    /// <summary>One line, e.g. <c>fix (safe): write 'Resolved (Attempt 003)' in README.md</c>; paths shown through <paramref name="display"/>.</summary>
    public static string Of(Fix fix, Func<string, string> display) =>
        $"fix ({(fix.Applicability == FixApplicability.Safe ? "safe" : "review")}, dotnet build -t:MetaIssueFix{(fix.Applicability == FixApplicability.Safe ? string.Empty : " -p:MetaIssueFixLevel=review")}): "
        + string.Join("; ", fix.Changes.Select(change => Describe(change, display)).Distinct());

    /// <summary>How one change reads in advice.</summary>
    public static string Describe(FileChange change, Func<string, string> display) => change switch
    {
        TextEdit { IsInsertion: true } edit => $"add {Quote(edit.NewText)} to {display(edit.Path)}",
        TextEdit edit when edit.NewText.Length == 0 => $"delete the text at {edit.Start} in {display(edit.Path)}",
        TextEdit edit => $"write {Quote(edit.NewText)} in {display(edit.Path)}",
        FileCreation creation => $"create {display(creation.Path)} from the template",
        FolderRename rename => $"rename {display(rename.OldPath)} to {display(rename.NewPath)}" +
            (rename.LinkEdits.Count == 0 ? string.Empty : $" and update {rename.LinkEdits.Count} link{(rename.LinkEdits.Count == 1 ? "" : "s")} to it"),
        _ => change.ToString() ?? string.Empty,
    };

    /// <summary>The text quoted: its lines joined by <see cref="LineBreak"/>, blank lines around it dropped.</summary>
    public static string Quote(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Trim('\n').Split('\n');
        return lines.Length <= MaxQuotedLines
            ? "'" + string.Join(LineBreak, lines) + "'"
            : $"'{lines[0]}' and {lines.Length - 1} more lines";
    }
}
