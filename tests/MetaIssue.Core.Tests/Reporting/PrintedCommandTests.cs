using MetaIssue.Markdown;
using MetaIssue.Reporting;
using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Reporting;

/// <summary>Every command and line the checker prints works when pasted: a shell gives back the words, Markdown the link.</summary>
public sealed class PrintedCommandTests
{
    [Theory]
    [InlineData("perf;echo hi")]
    [InlineData("Perf Degradation")]
    [InlineData("it's-slow")]
    [InlineData("$(id)")]
    public void The_next_attempt_command_gives_the_shell_the_exact_words(string name)
    {
        using var repository = Healthy();
        Directory.Move(repository.PathOf(Folder), repository.PathOf($"docs/meta-issues/{name}"));
        var summary = CheckSummary.Describe(repository.Check());
        var command = summary[(summary.IndexOf("next attempt: ", StringComparison.Ordinal) + "next attempt: ".Length)..].Split('\n')[0];
        Assert.Equal(
            new[] { "dotnet", "new", "metaattempt", "-n", "x", "--number", "003", "--issue", name },
            PosixShell.Words(command.Replace("<slug>", "x", StringComparison.Ordinal)));
    }

    [Fact]
    public void Outside_the_default_root_the_folder_is_quoted_too()
    {
        using var repository = Healthy();
        Directory.CreateDirectory(repository.PathOf("hand book"));
        Directory.Move(repository.PathOf("docs/meta-issues"), repository.PathOf("hand book/issues"));
        var summary = CheckSummary.Describe(repository.Check(o => o.MetaIssueRoots = new[] { "hand book/issues" }));
        var command = summary[(summary.IndexOf("next attempt: ", StringComparison.Ordinal) + "next attempt: ".Length)..].Split('\n')[0];
        var parts = command.Replace("<slug>", "x", StringComparison.Ordinal).Split(" && ");
        Assert.Equal(2, parts.Length);
        Assert.Equal(new[] { "cd", "hand book/issues/perf" }, PosixShell.Words(parts[0]));
        Assert.Equal(new[] { "dotnet", "new", "metaattempt", "-n", "x", "--number", "003", "--issue", "perf" }, PosixShell.Words(parts[1]));
    }

    [Fact]
    public void A_success_awaiting_its_status_gets_the_status_change_not_a_next_attempt()
    {
        using var repository = Healthy("Investigating", ("caching", "❌ Failed"), ("pooling", "✅ Success"));
        var summary = CheckSummary.Describe(repository.Check());
        Assert.DoesNotContain("next attempt", summary);
        Assert.DoesNotContain("--number 003", summary);
        Assert.Contains("attempt 002 succeeded: set '**Status:** Resolved (Attempt 002)'", summary);
    }

    [Fact]
    public void An_open_issue_whose_latest_attempt_failed_still_gets_the_next_attempt()
    {
        using var repository = Healthy();
        Assert.Contains("next attempt: dotnet new metaattempt -n <slug> --number 003 --issue perf", CheckSummary.Describe(repository.Check()));
    }

    [Fact]
    public void The_lesson_command_quotes_the_issue()
    {
        using var repository = Healthy("Abandoned");
        Directory.Move(repository.PathOf(Folder), repository.PathOf("docs/meta-issues/perf degradation"));
        var diagnostic = repository.Findings().All.Single(d => d.Code == "MI020");
        var command = diagnostic.Message[diagnostic.Message.IndexOf("dotnet new", StringComparison.Ordinal)..];
        Assert.Equal("perf degradation", PosixShell.Words(command.Replace("<Lesson_Name>", "L", StringComparison.Ordinal)).Last());
    }

    [Theory]
    [InlineData("Perf Resolution (final).md", "Lesson: Perf [final]")]
    [InlineData("Perf Résolution 100%.md", "Lesson: Perf")]
    [InlineData("Perf<Resolution>.md", "Lesson: Perf \\ back")]
    public void The_backlink_line_is_valid_markdown_and_pasting_it_clears_the_warning(string fileName, string title)
    {
        using var repository = Scenario.Resolved();
        repository.Delete("docs/lessons-learned/debugging/Perf_Resolution.md");
        repository.Write($"docs/lessons-learned/debugging/{fileName}", $"# {title}\n\n[The saga](../../meta-issues/perf/)\n");
        repository.Edit(Readme, "- [Perf Resolution](../../lessons-learned/debugging/Perf_Resolution.md)", "Nothing here.");
        var diagnostic = repository.Findings().Single("MI021", Readme);
        var start = diagnostic.Message.IndexOf("add '", StringComparison.Ordinal) + "add '".Length;
        // The advice is rendered from MI021's fix: "add '<line>' to <README path>".
        var line = diagnostic.Message[start..diagnostic.Message.LastIndexOf("' to ", StringComparison.Ordinal)];

        var link = Assert.Single(MarkdownFactsReader.Read(line + "\n").Links);
        Assert.Equal(LinkKind.Inline, link.Kind);

        repository.Edit(Readme, "Nothing here.", line);
        var findings = repository.Findings();
        findings.None("MI021");
        findings.None("MI030");
    }
}
