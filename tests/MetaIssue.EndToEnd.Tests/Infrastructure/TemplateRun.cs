namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>A `dotnet new` run in a <see cref="TemplateSandbox"/>: its result and what it changed in the sandbox.</summary>
public sealed record TemplateRun(CommandResult Result, DirectoryFingerprint.Difference Changes)
{
    public void AssertCreated()
    {
        Result.AssertExitCode(0);
        Assert.NotEmpty(Changes.AddedFiles);
    }

    /// <summary>Asserts the exit code, that the output contains <paramref name="message"/>, and that nothing was written.</summary>
    public void AssertRefused(int exitCode, string message)
    {
        Result.AssertExitCode(exitCode);
        Assert.True(
            (Result.StandardOutput + Result.StandardError).Contains(message, StringComparison.Ordinal),
            $"Expected the output to contain \"{message}\".\n{Result}");
        Assert.True(Changes.IsEmpty, $"A refused run must leave the tree byte-identical, but:\n{Changes}\n{Result}");
    }
}
