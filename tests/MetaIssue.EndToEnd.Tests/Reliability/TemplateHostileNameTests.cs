using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd.Reliability;

/// <summary>
/// The three templates given hostile names and existing targets. Whatever happens, nothing is written outside the
/// meta-issues or lessons folder, nothing runs (no file named INJECTED appears anywhere), and no existing byte changes
/// (the sandbox fails any run that changes or removes a file). Outcomes are recorded in docs/reliability.md.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class TemplateHostileNameTests(TemplateHiveFixture fixture)
{
    private const string Repo = "repo";
    private const string Issue = "perf";

    private static readonly (string Label, string Value)[] HostileNames =
    [
        ("`.`", "."),
        ("`..`", ".."),
        ("empty", ""),
        ("only spaces", "   "),
        ("300 characters", new string('a', 300)),
        ("`;` command", "x; touch INJECTED"),
        ("`$()` command", "$(touch INJECTED)"),
        ("backticks", "`touch INJECTED`"),
        ("quotes", "x' \"; touch INJECTED; echo \""),
    ];

    private static readonly (string Template, string[] Arguments, string Allowed)[] Templates =
    [
        ("metaissue", [], "docs/meta-issues/"),
        ("metaattempt", ["--number", "2", "--issue", Issue], $"docs/meta-issues/{Issue}/attempts/"),
        ("metalesson", ["--issue", Issue, "--category", "debugging"], "docs/lessons-learned/debugging/"),
    ];

    [Fact]
    public async Task Hostile_names_are_refused_or_created_inside_the_docs_folder_and_never_run()
    {
        var rows = new List<string>();
        foreach (var (template, arguments, allowed) in Templates)
        {
            foreach (var (label, name) in HostileNames)
            {
                using var sandbox = new TemplateSandbox(fixture.Hive);
                sandbox.CreateDirectory($"{Repo}/docs/meta-issues/{Issue}/attempts");
                var run = await sandbox.NewAsync(Repo, template, ["-n", name, .. arguments]);

                var outside = run.Changes.AddedFiles.Where(f => !f.StartsWith($"{Repo}/{allowed}", StringComparison.Ordinal)).ToList();
                Assert.True(outside.Count == 0, $"{template} -n '{name}' wrote outside {allowed}: {string.Join(", ", outside)}\n{run.Result}");
                Assert.Empty(Directory.GetFiles(sandbox.Root, "INJECTED", SearchOption.AllDirectories));
                Assert.Empty(Directory.GetFiles(RepositoryLayout.Root, "INJECTED", SearchOption.TopDirectoryOnly));
                Assert.False(run.Result.TimedOut);
                if (run.Result.ExitCode != 0)
                {
                    Assert.True(run.Changes.IsEmpty, $"{template} -n '{name}' was refused but wrote files:\n{run.Changes}\n{run.Result}");
                }

                rows.Add($"| `{template}` | {label} | {Outcome(run, allowed)} |");
            }
        }

        ReliabilityDocument.AssertMatches("Template names", rows);
    }

    [Fact]
    public async Task Existing_targets_are_refused_byte_for_byte_also_with_dry_run()
    {
        var rows = new List<string>();
        using var sandbox = new TemplateSandbox(fixture.Hive);
        (await sandbox.NewAsync(Repo, "metaissue", "-n", Issue)).AssertCreated();
        (await sandbox.NewAsync(Repo, "metaattempt", "-n", "pooling", "--number", "2", "--issue", Issue)).AssertCreated();
        (await sandbox.NewAsync(Repo, "metalesson", "-n", "Pool_Lesson", "--issue", Issue, "--category", "debugging")).AssertCreated();
        File.AppendAllText(sandbox.PathOf($"{Repo}/docs/meta-issues/{Issue}/README.md"), "\nNotes we wrote by hand.\n");

        (string Label, string Template, string[] Arguments)[] targets =
        [
            ("the same meta-issue", "metaissue", ["-n", Issue]),
            ("the same attempt folder", "metaattempt", ["-n", "pooling", "--number", "2", "--issue", Issue]),
            ("an existing lesson", "metalesson", ["-n", "Pool_Lesson", "--issue", Issue, "--category", "debugging"]),
        ];
        foreach (var (label, template, arguments) in targets)
        {
            foreach (var dryRun in new[] { false, true })
            {
                var before = sandbox.Fingerprint();
                var run = await sandbox.NewAsync(Repo, template, dryRun ? [.. arguments, "--dry-run"] : arguments);
                run.AssertRefused(73, Refusals.WouldOverwrite);
                sandbox.Fingerprint().AssertUnchangedSince(before);
                rows.Add($"| `{template}` | {label}{(dryRun ? " with `--dry-run`" : string.Empty)} | refused (exit {run.Result.ExitCode}), every byte unchanged |");
            }
        }

        ReliabilityDocument.AssertMatches("Existing targets", rows);
    }

    private static string Outcome(TemplateRun run, string allowed)
    {
        if (run.Result.ExitCode != 0)
        {
            var output = run.Result.StandardOutput + run.Result.StandardError;
            var reason = output.Contains(Refusals.NothingWritten, StringComparison.Ordinal) ? "the template's own check"
                : output.Contains(Refusals.MissingName, StringComparison.Ordinal) ? "`dotnet new`: no name"
                : output.Contains("--name-must-not-start-with-a-dot", StringComparison.Ordinal) ? "guard option: starts with a dot"
                : output.Contains("'--name'", StringComparison.Ordinal) ? "`dotnet new`: invalid name"
                : "`dotnet new`";
            return $"refused (exit {run.Result.ExitCode}, {reason}), nothing written";
        }

        var folder = run.Changes.AddedFiles.Select(f => f[(Repo.Length + 1)..]).OrderBy(f => f.Length).First();
        var created = folder.Length > 70 ? folder[..67] + "..." : folder;
        var code = created.Contains('`') ? $"`` {created} ``" : $"`{created}`"; // a backtick in a code span needs a longer fence
        return $"created inside `{allowed}`: {code.Replace("|", "\\|")}, nothing ran";
    }
}
