using System.Text;

namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>
/// The text of an approved snapshot: each command as a user would type it, what it printed, and the full content
/// of the files it added. Machine- and test-specific text (paths, today's date) is replaced by tokens.
/// </summary>
public sealed class Transcript
{
    public const string FileHeader = "=== ";

    private readonly StringBuilder text = new();
    private readonly Dictionary<string, string> replacements;

    /// <param name="replacements">Text to replace, e.g. the sandbox's absolute path by <c>{sandbox}</c>.</param>
    public Transcript(IReadOnlyDictionary<string, string> replacements) =>
        this.replacements = replacements.ToDictionary();

    /// <param name="typedCommand">The command without test-only options, e.g. <c>dotnet new metaissue -n perf</c>.</param>
    public void AddCommand(string relativeWorkingDirectory, string typedCommand, CommandResult result)
    {
        text.Append($"$ cd {relativeWorkingDirectory}\n");
        text.Append($"$ {typedCommand}\n");
        text.Append($"(exit code {result.ExitCode})\n");
        AppendOutput(result.StandardOutput);
        AppendOutput(result.StandardError);
        text.Append('\n');
    }

    /// <summary>Appends each file: a header line with its path relative to <paramref name="root"/>, then its content.</summary>
    public void AddFiles(string root, IEnumerable<string> relativePaths)
    {
        foreach (var relativePath in relativePaths)
        {
            var content = File.ReadAllText(Path.Combine(root, relativePath)).ReplaceLineEndings("\n");
            text.Append($"{FileHeader}{relativePath}\n");
            text.Append(content.EndsWith('\n') ? content : content + "\n(no newline at end of file)\n");
            text.Append('\n');
        }
    }

    /// <summary>Forgets what was recorded so far, e.g. the set-up a test's snapshot should not repeat.</summary>
    public void Clear() => text.Clear();

    public override string ToString()
    {
        var result = text.ToString();
        foreach (var (original, replacement) in replacements.OrderByDescending(pair => pair.Key.Length))
        {
            result = result.Replace(original, replacement, StringComparison.Ordinal);
        }

        return TodayToken.Normalize(result);
    }

    private void AppendOutput(string output)
    {
        var trimmed = output.ReplaceLineEndings("\n").Trim('\n');
        if (trimmed.Length > 0)
        {
            text.Append(trimmed).Append('\n');
        }
    }
}
