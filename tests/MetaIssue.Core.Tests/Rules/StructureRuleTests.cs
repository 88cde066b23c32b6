using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Rules;

/// <summary>MI001–MI005: the folder structure of a meta-issue.</summary>
public sealed class StructureRuleTests
{
    [Theory]
    [InlineData("description.md")]
    [InlineData("implementation-log.md")]
    [InlineData("test-cases.md")]
    public void MI001_a_missing_core_file_is_reported_on_the_readme(string file)
    {
        using var repository = Healthy().Delete($"{Folder}/{file}");
        var diagnostic = repository.Findings().Single("MI001", Readme, line: 1);
        Assert.Contains(file, diagnostic.Message);
    }

    [Fact]
    public void MI001_a_missing_readme_is_reported_on_the_folder()
    {
        using var repository = Healthy().Delete(Readme);
        var diagnostic = repository.Findings().Single("MI001", Folder);
        Assert.Null(diagnostic.Range);
        Assert.Contains("README.md", diagnostic.Message);
    }

    [Fact]
    public void MI001_core_files_matched_case_insensitively_are_present()
    {
        using var repository = Healthy();
        repository.Write($"{Folder}/Test-Cases.md", repository.Read(TestCases)).Delete(TestCases);
        repository.Findings().None("MI001");
    }

    [Theory]
    [InlineData("3-pooling", "003-pooling")]
    [InlineData("0003-pooling", "003-pooling")]
    [InlineData("pooling", "NNN-pooling")]
    [InlineData("003", "003-name")]
    [InlineData("003-", "003-name")]
    public void MI002_a_misnamed_attempt_folder_is_reported_with_a_rename(string name, string suggestion)
    {
        using var repository = Healthy().CreateFolder($"{Folder}/attempts/{name}");
        var diagnostic = repository.Findings().Single("MI002", $"{Folder}/attempts/{name}");
        // A number that can be read gives a rename fix, its advice naming the new folder; otherwise prose advice.
        var advice = diagnostic.Fix is null ? $"'{suggestion}'" : $"{name} to {Folder}/attempts/{suggestion}";
        Assert.Contains(advice, diagnostic.Message);
    }

    [Fact]
    public void MI002_a_file_among_attempt_folders_is_reported()
    {
        using var repository = Healthy().Write($"{Folder}/attempts/003-notes.md", "# Notes\n");
        repository.Findings().Single("MI002", $"{Folder}/attempts/003-notes.md");
    }

    [Fact]
    public void MI002_an_index_file_in_attempts_is_fine()
    {
        using var repository = Healthy().Write($"{Folder}/attempts/README.md", "# Attempts\n");
        repository.Findings().None("MI002");
    }

    [Fact]
    public void MI003_a_skipped_number_is_reported_on_the_later_folder()
    {
        using var repository = Healthy();
        Directory.Move(repository.PathOf(AttemptFolder(2, "query-tuning")), repository.PathOf(AttemptFolder(3, "query-tuning")));
        repository.Edit(Readme, "[002](./attempts/002-query-tuning/)", "[003](./attempts/003-query-tuning/)");
        repository.Edit(Log, "Attempt 002", "Attempt 003");
        repository.Edit(TestCases, "Attempt 002", "Attempt 003");
        var diagnostic = repository.Findings().Single("MI003", AttemptFolder(3, "query-tuning"));
        Assert.Contains("attempt 002 is missing", diagnostic.Message);
    }

    [Fact]
    public void MI003_numbering_that_starts_above_one_is_reported()
    {
        using var repository = new TempRepository();
        repository.Write($"{Folder}/attempts/002-a/solution-approach.md", "# A\n");
        var diagnostic = repository.Findings().Single("MI003", $"{Folder}/attempts/002-a");
        Assert.Contains("attempt 001 is missing", diagnostic.Message);
    }

    [Fact]
    public void MI003_a_shared_number_names_both_folders()
    {
        using var repository = Healthy();
        repository.Write($"{Folder}/attempts/002-other/solution-approach.md", "# Other\n");
        var diagnostic = repository.Findings().Single("MI003", $"{Folder}/attempts/002-query-tuning");
        Assert.Contains("'002-other'", diagnostic.Message);
        Assert.Contains("'002-query-tuning'", diagnostic.Message);
        Assert.Contains("attempts/002-query-tuning to docs/meta-issues/perf/attempts/003-query-tuning", diagnostic.Message);
    }

    [Fact]
    public void MI003_consecutive_numbers_are_fine()
    {
        using var repository = Healthy();
        repository.Findings().None("MI003");
    }

    [Fact]
    public void MI004_an_attempt_without_solution_approach_is_reported_on_its_folder()
    {
        using var repository = Healthy().Delete(Approach(2, "query-tuning"));
        var diagnostic = repository.Findings().Single("MI004", AttemptFolder(2, "query-tuning"));
        Assert.Null(diagnostic.Range);
    }

    [Fact]
    public void MI005_missing_results_are_reported_once_a_later_attempt_exists()
    {
        using var repository = Healthy().Delete(Results(1, "caching"));
        var diagnostic = repository.Findings().Single("MI005", AttemptFolder(1, "caching"));
        Assert.Contains("attempt 002 has started", diagnostic.Message);
    }

    [Fact]
    public void MI005_the_latest_attempt_of_an_open_issue_may_lack_results()
    {
        using var repository = Healthy().Delete(Results(2, "query-tuning"));
        repository.Findings().None("MI005");
    }

    [Fact]
    public void MI005_the_latest_attempt_of_a_closed_issue_needs_results()
    {
        using var repository = Healthy("Abandoned").Delete(Results(2, "query-tuning"));
        var diagnostic = repository.Findings().Single("MI005", AttemptFolder(2, "query-tuning"));
        Assert.Contains("Abandoned", diagnostic.Message);
    }

    [Fact]
    public void MI005_results_still_in_progress_after_a_later_attempt_started_are_reported_at_the_outcome()
    {
        using var repository = Healthy("Investigating", ("caching", "🔄 In Progress"), ("pooling", "🔄 In Progress"));
        var line = repository.LineOf(Results(1, "caching"), "**Status:**");
        var diagnostic = repository.Findings().Single("MI005", Results(1, "caching"), line);
        Assert.Equal(13, diagnostic.Range!.Value.Column);
        Assert.Contains("still say '🔄 In Progress' although attempt 002 has started", diagnostic.Message);
    }

    [Fact]
    public void MI005_a_later_attempt_that_is_only_scaffolded_has_not_started()
    {
        using var repository = Healthy("Investigating", ("caching", "🔄 In Progress"), ("pooling", "🔄 In Progress"));
        repository.Edit(Approach(2, "pooling"), "The bottleneck is pooling.", "[What we believe now, and why]");
        repository.Findings().None("MI005");
    }

    [Fact]
    public void MI005_results_without_an_outcome_in_a_closed_issue_are_reported()
    {
        using var repository = Healthy("Abandoned", ("caching", "❌ Failed"), ("pooling", "Some notes"));
        var diagnostic = repository.Findings().Single("MI005", Results(2, "pooling"));
        Assert.Contains("say 'Some notes', which is not an outcome word of the method although the meta-issue is Abandoned", diagnostic.Message);
    }

    [Fact]
    public void MI005_a_misspelt_outcome_gets_a_did_you_mean()
    {
        using var repository = Healthy("Abandoned", ("caching", "❌ Failed"), ("pooling", "Succes"));
        var diagnostic = repository.Findings().Single("MI005", Results(2, "pooling"));
        Assert.Contains("did you mean '**Status:** ✅ Success'?", diagnostic.Message);
    }

    [Fact]
    public void MI005_results_without_any_outcome_field_in_a_closed_issue_record_no_outcome()
    {
        using var repository = Healthy("Abandoned", ("caching", "❌ Failed"), ("pooling", "Some notes"));
        repository.Edit(Results(2, "pooling"), "**Status:** Some notes\n", string.Empty);
        var diagnostic = repository.Findings().Single("MI005", Results(2, "pooling"));
        Assert.Contains("record no outcome although the meta-issue is Abandoned", diagnostic.Message);
    }

    [Fact]
    public void MI003_an_attempt_numbered_000_is_reported()
    {
        using var repository = Healthy();
        repository.Write($"{Folder}/attempts/000-warmup/solution-approach.md", "# Warm-up\n");
        var diagnostic = repository.Findings().Single("MI003", $"{Folder}/attempts/000-warmup");
        Assert.Contains("start at 001", diagnostic.Message);
        Assert.Contains("attempts/000-warmup to docs/meta-issues/perf/attempts/003-warmup", diagnostic.Message);
    }

    [Fact]
    public void Folders_that_hold_no_core_file_or_attempts_are_not_meta_issues()
    {
        using var repository = Healthy();
        repository.Write("docs/meta-issues/images/flame.svg", "<svg/>");
        repository.Write("docs/meta-issues/templates/notes.md", "# Notes\n");
        repository.Findings().Empty();
    }
}
