namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>A finished `dotnet build`: its command result and the warnings and errors its file loggers recorded.</summary>
public sealed class BuildOutcome(CommandResult result, IReadOnlyList<BuildDiagnostic> diagnostics, string root)
{
    public CommandResult Result { get; } = result;

    /// <summary>Every warning and error, once each as MSBuild logged them (the console summary's repeats are not in the file logs).</summary>
    public IReadOnlyList<BuildDiagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>The checker's findings (MI codes), with paths relative to the repository root.</summary>
    public IReadOnlyList<BuildDiagnostic> MetaIssue => Diagnostics
        .Where(d => d.Code.StartsWith("MI", StringComparison.Ordinal))
        .Select(d => d with { File = Relative(d.File) })
        .ToList();

    public bool Succeeded => Result.ExitCode == 0 && !Result.TimedOut;

    /// <summary>The one-line summary the check prints once per build.</summary>
    public IReadOnlyList<string> SummaryLines => Result.StandardOutput
        .Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.StartsWith("MetaIssue: ", StringComparison.Ordinal))
        .ToList();

    public void AssertSucceeded() => Assert.True(Succeeded, $"The build failed.\n{Describe()}");

    public void AssertNoMetaIssueDiagnostics() =>
        Assert.True(MetaIssue.Count == 0, $"Expected no MI diagnostics.\n{Describe()}");

    public void AssertNoUnhandledTaskFailure() =>
        Assert.DoesNotContain(Diagnostics, d => d.Code is "MSB4018" or "MSB4028" or "MSB4062" or "MSB4061" or "MSB4060");

    public string Describe() =>
        $"{string.Join("\n", Diagnostics.Select(d => "  " + d))}\n{Result}";

    private string Relative(string path) =>
        Path.IsPathRooted(path) ? Path.GetRelativePath(root, path).Replace('\\', '/') : path.Replace('\\', '/');
}
