using System.Diagnostics;
using System.Text;
using CliWrap;
using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd.Build;

/// <summary>Ctrl+C during a long check ends the build promptly (the task is an ICancelableTask), instead of waiting for the check.</summary>
[Collection(CheckerBuildCollection.Name)]
public sealed class CancellationTests(TemplateHiveFixture fixture)
{
    /// <summary>Meta-issues added per try: a machine that finishes the check before Ctrl+C arrives gets a bigger tree.</summary>
    private const int MetaIssuesPerTry = 6000;

    [SkippableFact]
    public async Task Ctrl_C_during_a_long_check_stops_it_within_seconds()
    {
        Skip.If(OperatingSystem.IsWindows(), "sends SIGINT");
        using var repository = await TwoFindings.CreateAsync(fixture.Packages);
        var project = repository.AddProject("src/App", properties: "<MetaIssueCache>false</MetaIssueCache>");
        (await repository.BuildAsync(project, "-p:MetaIssueCheckEnabled=false")).AssertSucceeded(); // restore and compile first

        string text = string.Empty;
        TimeSpan stopped = TimeSpan.Zero;
        for (var tries = 1; tries <= 3; tries++)
        {
            AddMetaIssues(repository, (tries - 1) * MetaIssuesPerTry, MetaIssuesPerTry);
            (text, stopped) = await BuildAndInterruptAsync(repository, project);
            if (!Summarised(text))
            {
                break; // the check was still running when Ctrl+C came: what this test is about
            }
        }

        // The check never finished: no summary. Normally it was running and says it heard the cancellation; on a
        // heavily loaded machine Ctrl+C can still land before the task starts, when MSBuild itself skips it.
        Assert.False(Summarised(text), $"the check finished before Ctrl+C on three ever bigger trees\n{text}");
        if (!text.Contains("MetaIssue: the check was cancelled.", StringComparison.Ordinal))
        {
            Assert.Contains("Attempting to cancel the build", text);
        }

        Assert.True(stopped < TimeSpan.FromSeconds(15), $"the build took {stopped} to stop after Ctrl+C\n{text}");
        Assert.DoesNotContain("MSB4018", text);
    }

    private static bool Summarised(string text) =>
        text.Split('\n').Any(line => line.Trim().StartsWith("MetaIssue: ", StringComparison.Ordinal) && line.Contains("checked", StringComparison.Ordinal));

    private static void AddMetaIssues(SampleRepository repository, int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            var folder = $"docs/meta-issues/issue-{i:D5}";
            repository.Write($"{folder}/README.md", $"# Meta-Issue {i}\n\n**Status:** Investigating\n\n[description](./description.md) [log](./implementation-log.md#attempt-001)\n");
            repository.Write($"{folder}/description.md", "# Description\n\n" + string.Concat(Enumerable.Repeat("Some words about the problem, [a link](./test-cases.md).\n", 40)));
            repository.Write($"{folder}/implementation-log.md", "# Log\n\n## Attempt 001\n");
            repository.Write($"{folder}/test-cases.md", "# Tests\n");
        }
    }

    /// <summary>Builds with the check on and sends Ctrl+C 2 s after the project's output is copied; returns the output and how long the build took to stop.</summary>
    private static async Task<(string Text, TimeSpan Stopped)> BuildAndInterruptAsync(SampleRepository repository, string project)
    {
        var output = new StringBuilder();
        var compiled = new TaskCompletionSource();
        using var forceful = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        using var graceful = new CancellationTokenSource();
        void OnLine(string line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }

            if (line.Contains(" -> ", StringComparison.Ordinal))
            {
                compiled.TrySetResult(); // the project's output is copied: MetaIssueCheck comes next
            }
        }

        // CliWrap's graceful cancellation is what Ctrl+C does: SIGINT to the process.
        var running = Cli.Wrap("dotnet")
            .WithArguments(["build", project, "--no-restore", "-m:1", "-nologo"])
            .WithWorkingDirectory(repository.Root)
            .WithEnvironmentVariables(IsolatedEnvironment.Variables)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(OnLine))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(OnLine))
            .ExecuteAsync(forceful.Token, graceful.Token);
        await compiled.Task.WaitAsync(TimeSpan.FromMinutes(3));
        await Task.Delay(TimeSpan.FromSeconds(2)); // inside the check of this many files, on most machines

        var interrupted = Stopwatch.StartNew();
        graceful.Cancel();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // expected: the command was cancelled
        }

        interrupted.Stop();
        lock (output)
        {
            return (output.ToString(), interrupted.Elapsed);
        }
    }
}
