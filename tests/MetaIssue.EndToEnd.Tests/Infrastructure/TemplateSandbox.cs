namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>
/// A scratch folder in which a test runs templates like a user would, while recording a <see cref="Transcript"/>
/// of every command, its output and the files it added. Every run also checks that no existing file changed.
/// </summary>
public sealed class TemplateSandbox : IDisposable
{
    private readonly TempDirectory directory = TempDirectory.Create("sandbox");
    private readonly TemplateHive hive;

    public TemplateSandbox(TemplateHive hive)
    {
        this.hive = hive;
        Transcript = new Transcript(new Dictionary<string, string>
        {
            [directory.Path] = "{sandbox}",
            [hive.Directory] = "{hive}",
            // `dotnet new` repeats the command line in some messages; show it as the user typed it.
            [" " + hive.AppendedByNewAsync] = "",
        });
    }

    public string Root => directory.Path;

    public Transcript Transcript { get; }

    public string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    public string CreateDirectory(string relativePath) => directory.CreateDirectory(relativePath);

    public DirectoryFingerprint Fingerprint() => DirectoryFingerprint.Take(Root);

    /// <summary>
    /// Runs <c>dotnet new &lt;shortName&gt; &lt;arguments&gt;</c> in <paramref name="workingDirectory"/> (relative to
    /// <see cref="Root"/>; created if missing), records it in the transcript, and returns what changed. Fails the
    /// test if the run removed or changed an existing file: templates may only add.
    /// </summary>
    public async Task<TemplateRun> NewAsync(string workingDirectory, string shortName, params string[] arguments)
    {
        var absoluteWorkingDirectory = CreateDirectory(workingDirectory);
        var before = Fingerprint();
        var result = await hive.NewAsync(absoluteWorkingDirectory, shortName, arguments);
        var changes = Fingerprint().DiffFrom(before);
        Assert.True(
            changes.Removed.Count == 0 && changes.Changed.Count == 0,
            $"A template run must only add files, but:\n{changes}\n{result}");

        Transcript.AddCommand(workingDirectory, TypedCommand(shortName, arguments), result);
        Transcript.AddFiles(Root, changes.AddedFiles);
        return new TemplateRun(result, changes);
    }

    public void Dispose() => directory.Dispose();

    private static string TypedCommand(string shortName, string[] arguments) =>
        string.Join(' ', new[] { "dotnet", "new", shortName }.Concat(arguments.Select(Quote)));

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(character => char.IsWhiteSpace(character) || character is '"' or '\\')
            ? argument
            : $"'{argument}'";
}
