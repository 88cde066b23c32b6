using System.Diagnostics;
using System.Text;
using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd.Build;

/// <summary>Ctrl+C during a long check ends the build promptly (the task is an ICancelableTask), instead of waiting for the check.</summary>
[Collection(CheckerBuildCollection.Name)]
public sealed class CancellationTests(TemplateHiveFixture fixture)
{
    private const int MetaIssues = 6000;

    [SkippableFact]
    public async Task Ctrl_C_during_a_long_check_stops_it_within_seconds()
    {
        Skip.If(OperatingSystem.IsWindows(), "sends SIGINT");
        using var repository = await TwoFindings.CreateAsync(fixture.Packages);
        var project = repository.AddProject("src/App", properties: "<MetaIssueCache>false</MetaIssueCache>");
        for (var i = 0; i < MetaIssues; i++)
        {
            var folder = $"docs/meta-issues/issue-{i:D5}";
            repository.Write($"{folder}/README.md", $"# Meta-Issue {i}\n\n**Status:** Investigating\n\n[description](./description.md) [log](./implementation-log.md#attempt-001)\n");
            repository.Write($"{folder}/description.md", "# Description\n\n" + string.Concat(Enumerable.Repeat("Some words about the problem, [a link](./test-cases.md).\n", 40)));
            repository.Write($"{folder}/implementation-log.md", "# Log\n\n## Attempt 001\n");
            repository.Write($"{folder}/test-cases.md", "# Tests\n");
        }

        (await repository.BuildAsync(project, "-p:MetaIssueCheckEnabled=false")).AssertSucceeded(); // restore and compile first

        var output = new StringBuilder();
        var compiled = new TaskCompletionSource();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repository.Root, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in new[] { "build", project, "--no-restore", "-m:1", "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        IsolatedEnvironment.ApplyTo(start.Environment);
        using var build = Process.Start(start)!;
        build.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains(" -> ", StringComparison.Ordinal) == true)
            {
                compiled.TrySetResult(); // the project's output is copied: MetaIssueCheck comes next
            }
        };
        build.BeginOutputReadLine();
        build.BeginErrorReadLine();
        await compiled.Task.WaitAsync(TimeSpan.FromMinutes(3));
        await Task.Delay(TimeSpan.FromSeconds(3)); // well inside the check of this many files

        var interrupted = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-INT", build.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await build.WaitForExitAsync(deadline.Token);
        interrupted.Stop();

        string text;
        lock (output)
        {
            text = output.ToString();
        }

        Assert.Contains("MetaIssue: the check was cancelled.", text); // it was running, and heard the cancellation
        Assert.DoesNotContain(text.Split('\n'), line => line.Trim().StartsWith("MetaIssue: ", StringComparison.Ordinal) && line.Contains("checked", StringComparison.Ordinal));
        Assert.NotEqual(0, build.ExitCode);
        Assert.True(interrupted.Elapsed < TimeSpan.FromSeconds(15), $"the build took {interrupted.Elapsed} to stop after Ctrl+C\n{text}");
        Assert.DoesNotContain("MSB4018", text);
    }
}
