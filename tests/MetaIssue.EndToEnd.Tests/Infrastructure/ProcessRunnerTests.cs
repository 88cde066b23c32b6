using MetaIssue.Testing;

namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>The promises every test and the benchmark rely on when they start a process (POSIX shell scripts).</summary>
public sealed class ProcessRunnerTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(1);

    [SkippableFact]
    public async Task Standard_input_is_closed_so_a_program_reading_it_ends_instead_of_waiting()
    {
        SkipOnWindows();
        var run = await Shell("cat; echo after-eof", Generous);
        Assert.True(run.Succeeded, run.Output);
        Assert.Equal("after-eof\n", run.StandardOutput);
    }

    [SkippableFact]
    public async Task A_timeout_kills_the_process_and_its_children()
    {
        SkipOnWindows();
        var run = await Shell("sleep 120 & echo $!; wait", TimeSpan.FromSeconds(2));
        Assert.True(run.TimedOut);
        Assert.Equal(-1, run.ExitCode);
        Assert.True(run.Duration < TimeSpan.FromSeconds(60), $"took {run.Duration}");
        var child = int.Parse(run.StandardOutput.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        for (var tries = 0; tries < 50 && IsAlive(child); tries++)
        {
            await Task.Delay(100);
        }

        Assert.False(IsAlive(child), $"the child `sleep` ({child}) outlived the timeout");
    }

    [SkippableFact]
    public async Task Variables_are_set_and_a_null_value_removes_an_inherited_one()
    {
        SkipOnWindows();
        Environment.SetEnvironmentVariable("METAISSUE_TEST_INHERITED", "inherited");
        var run = await ProcessRunner.RunAsync(
            "sh",
            ["-c", "echo \"$METAISSUE_TEST_SET|${METAISSUE_TEST_INHERITED-removed}\""],
            Path.GetTempPath(),
            Generous,
            new Dictionary<string, string?> { ["METAISSUE_TEST_SET"] = "set", ["METAISSUE_TEST_INHERITED"] = null });
        Assert.Equal("set|removed\n", run.StandardOutput);
    }

    [SkippableFact]
    public async Task A_failing_exit_code_is_returned_with_both_streams_and_lines_can_be_streamed_instead()
    {
        SkipOnWindows();
        var failed = await Shell("echo out; echo err >&2; exit 3", Generous);
        Assert.False(failed.Succeeded);
        Assert.Equal((3, "out\n", "err\n"), (failed.ExitCode, failed.StandardOutput, failed.StandardError));

        var lines = new List<string>();
        var streamed = await ProcessRunner.RunAsync(
            "sh", ["-c", "echo one; echo two"], Path.GetTempPath(), Generous, onOutputLine: line => { lock (lines) { lines.Add(line); } });
        Assert.Equal(["one", "two"], lines);
        Assert.Equal(string.Empty, streamed.Output);
    }

    [Fact]
    public void Command_lines_quote_arguments_with_spaces_or_quotes_only()
    {
        Assert.Equal("dotnet new \"a b\" \"\" x", ProcessRunner.FormatCommandLine("dotnet", ["new", "a b", "", "x"]));
    }

    private static Task<ProcessResult> Shell(string script, TimeSpan timeout) =>
        ProcessRunner.RunAsync("sh", ["-c", script], Path.GetTempPath(), timeout);

    private static bool IsAlive(int processId) =>
        Directory.Exists($"/proc/{processId}") && !File.ReadAllText($"/proc/{processId}/stat").Contains(") Z ", StringComparison.Ordinal);

    private static void SkipOnWindows() => Skip.If(OperatingSystem.IsWindows(), "the cases are POSIX shell scripts");
}
