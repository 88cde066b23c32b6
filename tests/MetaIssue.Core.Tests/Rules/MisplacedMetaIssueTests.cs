using MetaIssue.Caching;
using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Rules;

/// <summary>MI006: meta-issues outside the roots, and attempts under a mistyped meta-issue name.</summary>
public sealed class MisplacedMetaIssueTests
{
    [Theory]
    [InlineData("docs/docs/meta-issues/slow-import")]
    [InlineData("src/App/docs/meta-issues/slow-import")]
    [InlineData("docs/meta-issues/docs/meta-issues/slow-import")]
    [InlineData("services/billing/notes/slow-import")]
    public void A_readme_with_numbered_attempts_outside_the_roots_is_reported_with_the_move(string folder)
    {
        using var repository = Healthy();
        repository.Write($"{folder}/README.md", "# Meta-Issue: Slow Import\n").Write($"{folder}/attempts/001-baseline/solution-approach.md", "# A\n");
        var diagnostic = repository.Findings().Single("MI006", folder);
        Assert.Null(diagnostic.Range);
        Assert.Contains($"git mv {folder} docs/meta-issues/slow-import", diagnostic.Message);
    }

    [Fact]
    public void The_four_core_files_outside_the_roots_are_reported_and_odd_names_are_quoted()
    {
        using var repository = Healthy();
        const string folder = "handbook/Slow Import (2024)";
        foreach (var file in new[] { "README.md", "description.md", "implementation-log.md", "test-cases.md" })
        {
            repository.Write($"{folder}/{file}", "# X\n");
        }

        var diagnostic = repository.Findings().Single("MI006", folder);
        var command = diagnostic.Message[(diagnostic.Message.IndexOf("git mv", StringComparison.Ordinal))..];
        Assert.Equal(new[] { "git", "mv", folder, "docs/meta-issues/Slow Import (2024)" }, PosixShell.Words(command));
    }

    [Fact]
    public void A_move_onto_an_existing_meta_issue_is_left_to_the_user()
    {
        using var repository = Healthy();
        repository.Write($"docs/docs/meta-issues/{Issue}/README.md", "# X\n").Write($"docs/docs/meta-issues/{Issue}/attempts/004-x/solution-approach.md", "# A\n");
        var diagnostic = repository.Findings().Single("MI006", $"docs/docs/meta-issues/{Issue}");
        Assert.Contains($"{Folder} already exists", diagnostic.Message);
    }

    [Fact]
    public void Without_a_root_the_command_creates_it_first()
    {
        using var repository = new TempRepository();
        repository.Write("docs/docs/meta-issues/x/README.md", "# X\n").Write("docs/docs/meta-issues/x/attempts/001-a/solution-approach.md", "# A\n");
        var diagnostic = repository.Findings().Single("MI006", "docs/docs/meta-issues/x");
        Assert.Contains("mkdir -p docs/meta-issues && git mv docs/docs/meta-issues/x docs/meta-issues/x", diagnostic.Message);
    }

    [Theory]
    [InlineData("bin/Debug/docs/meta-issues/x")]
    [InlineData("obj/x")]
    [InlineData("node_modules/pkg/x")]
    [InlineData("artifacts/x")]
    [InlineData(".github/x")]
    [InlineData("a/b/c/d/e/f/x")]
    public void Build_output_dependencies_hidden_and_deep_folders_are_not_searched(string folder)
    {
        using var repository = Healthy();
        repository.Write($"{folder}/README.md", "# X\n").Write($"{folder}/attempts/001-a/solution-approach.md", "# A\n");
        repository.Findings().None("MI006");
    }

    [Theory]
    [InlineData("README.md", "attempts/notes/a.md")]
    [InlineData("README.md", "attempts/v1.md")]
    [InlineData("description.md", "attempts/001-a/solution-approach.md")]
    [InlineData("README.md", "test-cases.md")]
    public void Folders_that_only_resemble_a_meta_issue_are_not_reported(string first, string second)
    {
        using var repository = Healthy();
        repository.Write($"tools/x/{first}", "# X\n").Write($"tools/x/{second}", "# Y\n");
        repository.Findings().None("MI006");
    }

    [Fact]
    public void A_template_source_is_not_searched()
    {
        using var repository = Healthy();
        repository.Write("templates/metaissue/.template.config/template.json", "{}")
            .Write("templates/metaissue/name/README.md", "# X\n").Write("templates/metaissue/name/attempts/001-a/solution-approach.md", "# A\n");
        repository.Findings().None("MI006");
    }

    [Theory]
    [InlineData("pref")]
    [InlineData("per")]
    [InlineData("perfs")]
    [InlineData("Perf2")]
    public void Attempts_under_a_name_one_edit_away_get_did_you_mean_and_no_other_warning(string twin)
    {
        using var repository = Healthy();
        repository.Write($"docs/meta-issues/{twin}/attempts/003-pooling/solution-approach.md", "# Attempt 003: Pooling\n");
        var findings = repository.Findings();
        var diagnostic = findings.Single("MI006", $"docs/meta-issues/{twin}");
        Assert.Contains($"did you mean {Issue}?", diagnostic.Message);
        Assert.Contains($"git mv docs/meta-issues/{twin}/attempts/003-pooling {Folder}/attempts/003-pooling", diagnostic.Message);
        Assert.Single(findings.All);
    }

    [Fact]
    public void Long_names_allow_two_edits_and_the_message_says_how_many()
    {
        using var repository = Healthy();
        Directory.Move(repository.PathOf(Folder), repository.PathOf("docs/meta-issues/perf-degradation"));
        repository.Write("docs/meta-issues/prf-degradaton/attempts/003-pooling/solution-approach.md", "# Attempt 003: Pooling\n");
        var diagnostic = repository.Findings().Single("MI006", "docs/meta-issues/prf-degradaton");
        Assert.Contains("2 edits from meta-issue 'perf-degradation'", diagnostic.Message);
    }

    [Theory]
    [InlineData("pool")]
    [InlineData("perf-next")]
    public void Attempts_under_a_distant_name_are_a_meta_issue_of_their_own(string name)
    {
        using var repository = Healthy();
        repository.Write($"docs/meta-issues/{name}/attempts/001-a/solution-approach.md", "# A\n");
        var findings = repository.Findings();
        findings.None("MI006");
        Assert.Contains(findings.All, d => d.Code == "MI001");
    }

    [Fact]
    public void A_near_name_with_its_own_readme_is_not_a_twin()
    {
        using var repository = Healthy();
        repository.Write("docs/meta-issues/pref/README.md", "# Meta-Issue: Pref\n\n**Status:** Investigating\n")
            .Write("docs/meta-issues/pref/attempts/001-a/solution-approach.md", "# A\n");
        repository.Findings().None("MI006");
    }

    [Fact]
    public void A_meta_issue_created_outside_the_roots_changes_the_replay_fingerprint_and_other_files_do_not()
    {
        using var repository = Healthy().CreateFolder("src/App");
        var options = new CheckerOptions(repository.Root);
        var before = InputFingerprint.OfTree(options);
        repository.Write("src/App/Program.cs", "class P {}\n");
        Assert.Equal(before, InputFingerprint.OfTree(options));
        repository.Write("src/App/docs/meta-issues/x/README.md", "# X\n").Write("src/App/docs/meta-issues/x/attempts/001-a/solution-approach.md", "# A\n");
        Assert.NotEqual(before, InputFingerprint.OfTree(options));
    }
}
