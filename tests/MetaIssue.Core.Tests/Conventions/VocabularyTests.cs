using MetaIssue.Conventions;

namespace MetaIssue.Tests.Conventions;

public sealed class VocabularyTests
{
    [Theory]
    [InlineData("Open", StatusState.Open, null)]
    [InlineData("active", StatusState.Active, null)]
    [InlineData("INVESTIGATING", StatusState.Investigating, null)]
    [InlineData("In Progress", StatusState.InProgress, null)]
    [InlineData("in-progress (attempt 4 underway)", StatusState.InProgress, 4)]
    [InlineData("Paused", StatusState.Paused, null)]
    [InlineData("Blocked on vendor", StatusState.Blocked, null)]
    [InlineData("🔄", StatusState.InProgress, null)]
    [InlineData("⏸️", StatusState.Paused, null)]
    [InlineData("Resolved (Attempt 003)", StatusState.Resolved, 3)]
    [InlineData("✅ Resolved — Attempt #7", StatusState.Resolved, 7)]
    [InlineData("✅", StatusState.Resolved, null)]
    [InlineData("Abandoned", StatusState.Abandoned, null)]
    [InlineData("**Superseded** by [x](../x/)", StatusState.Superseded, null)]
    public void Status_values_are_recognised(string value, StatusState state, int? attempt)
    {
        var status = StatusVocabulary.Parse(value);
        Assert.NotNull(status);
        Assert.Equal(state, status!.State);
        Assert.Equal(attempt, status.NamedAttempt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Done")]
    [InlineData("Opened a ticket")]
    [InlineData("TBD")]
    public void Unknown_status_values_are_not_guessed(string value) => Assert.Null(StatusVocabulary.Parse(value));

    [Theory]
    [InlineData("Resolved", true)]
    [InlineData("Abandoned", true)]
    [InlineData("Superseded", true)]
    [InlineData("Investigating", false)]
    [InlineData("Paused", false)]
    public void Closed_states_are_resolved_abandoned_and_superseded(string value, bool closed) =>
        Assert.Equal(closed, StatusVocabulary.Parse(value)!.IsClosed);

    [Theory]
    [InlineData("✅ Success", AttemptOutcome.Success)]
    [InlineData("Succeeded", AttemptOutcome.Success)]
    [InlineData("successful", AttemptOutcome.Success)]
    [InlineData("PASS", AttemptOutcome.Success)]
    [InlineData("✓", AttemptOutcome.Success)]
    [InlineData("✔️ shipped", AttemptOutcome.Success)]
    [InlineData("❌ Failed - no gain", AttemptOutcome.Failure)]
    [InlineData("Failure", AttemptOutcome.Failure)]
    [InlineData("FAIL", AttemptOutcome.Failure)]
    [InlineData("✗", AttemptOutcome.Failure)]
    [InlineData("✘", AttemptOutcome.Failure)]
    [InlineData("⚠️ Partial Success", AttemptOutcome.Partial)]
    [InlineData("Partially successful", AttemptOutcome.Partial)]
    [InlineData("⚠️", AttemptOutcome.Partial)]
    [InlineData("Abandoned", AttemptOutcome.Abandoned)]
    [InlineData("Never implemented", AttemptOutcome.Abandoned)]
    [InlineData("🔄 In Progress", AttemptOutcome.InProgress)]
    [InlineData("Planning", AttemptOutcome.InProgress)]
    [InlineData("Unknown yet", AttemptOutcome.Unknown)]
    [InlineData("[Success / Failure]", AttemptOutcome.Unknown)]
    [InlineData("[Success or Failed] ❌", AttemptOutcome.Failure)]
    public void Outcomes_are_recognised_words_before_emoji(string value, AttemptOutcome outcome) =>
        Assert.Equal(outcome, OutcomeVocabulary.Parse(value));

    [Theory]
    [InlineData("Worked", AttemptOutcome.Success)]
    [InlineData("✅ Works in production", AttemptOutcome.Success)]
    [InlineData("Solved", AttemptOutcome.Success)]
    [InlineData("Did not work", AttemptOutcome.Failure)]
    [InlineData("Didn't work (timeouts)", AttemptOutcome.Failure)]
    [InlineData("Didn’t work", AttemptOutcome.Failure)]
    [InlineData("Unsuccessful", AttemptOutcome.Failure)]
    [InlineData("Not successful", AttemptOutcome.Failure)]
    [InlineData("Rolled back after 2 days", AttemptOutcome.Failure)]
    [InlineData("Reverted", AttemptOutcome.Failure)]
    [InlineData("No improvement ❌", AttemptOutcome.Failure)]
    [InlineData("Inconclusive", AttemptOutcome.Partial)]
    [InlineData("Partially successful ✅", AttemptOutcome.Partial)]
    [InlineData("Not yet fixed", AttemptOutcome.InProgress)]
    [InlineData("Success? no", AttemptOutcome.Unknown)]
    [InlineData("Not resolved ✅", AttemptOutcome.Unknown)]
    [InlineData("Mostly ✅", AttemptOutcome.Unknown)]
    public void Outcome_words_people_use_are_read_and_a_qualifier_is_never_skipped(string value, AttemptOutcome outcome) =>
        Assert.Equal(outcome, OutcomeVocabulary.Parse(value));

    [Theory]
    [InlineData("Not resolved")]
    [InlineData("Resolved? not quite")]
    [InlineData("Not yet fixed ✅")]
    [InlineData("Partially resolved")]
    public void A_qualified_status_is_not_read_by_the_word_after_the_qualifier(string value) =>
        Assert.Null(StatusVocabulary.Parse(value));

    [Theory]
    [InlineData("Done", StatusState.Resolved)]
    [InlineData("Fixed in 2.3", StatusState.Resolved)]
    [InlineData("Complete", StatusState.Resolved)]
    [InlineData("Completed", StatusState.Resolved)]
    [InlineData("Closed", StatusState.Resolved)]
    [InlineData("Won't fix", StatusState.Abandoned)]
    [InlineData("wontfix", StatusState.Abandoned)]
    [InlineData("Not resolved", StatusState.Investigating)]
    [InlineData("Not yet fixed", StatusState.Investigating)]
    [InlineData("Resovled", StatusState.Resolved)]
    [InlineData("Investigatin", StatusState.Investigating)]
    [InlineData("Abandonned", StatusState.Abandoned)]
    public void Unrecognised_statuses_get_the_state_they_most_likely_mean(string value, StatusState meant) =>
        Assert.Equal(meant, StatusVocabulary.Suggest(value));

    [Theory]
    [InlineData("Pending review")]
    [InlineData("TBD")]
    public void Statuses_nothing_is_close_to_get_no_guess(string value) => Assert.Null(StatusVocabulary.Suggest(value));

    [Fact]
    public void Extra_words_extend_each_category_and_come_first()
    {
        var extra = new ExtraWords(
            new[] { ("Gelöst", StatusState.Resolved), ("Done", StatusState.Resolved) },
            new[] { ("Fehlgeschlagen", AttemptOutcome.Failure), ("✅ Erfolg", AttemptOutcome.Success) });
        Assert.Equal(StatusState.Resolved, StatusVocabulary.Parse("Gelöst (Attempt 003)", extra)!.State);
        Assert.Equal(3, StatusVocabulary.Parse("Gelöst (Attempt 003)", extra)!.NamedAttempt);
        Assert.Equal(StatusState.Resolved, StatusVocabulary.Parse("**Done**", extra)!.State);
        Assert.Null(StatusVocabulary.Parse("Gelöst"));
        Assert.Equal(AttemptOutcome.Failure, OutcomeVocabulary.Parse("❌ Fehlgeschlagen (2%)", extra));
        Assert.Equal(AttemptOutcome.Success, OutcomeVocabulary.Parse("Erfolg", extra));
        Assert.Equal(StatusState.Resolved, StatusVocabulary.Suggest("Gelösst", extra));
    }

    [Theory]
    [InlineData("Attempt 003", 3)]
    [InlineData("attempt 3", 3)]
    [InlineData("Attempt #3", 3)]
    [InlineData("ATTEMPT # 12 went badly", 12)]
    public void Attempt_references_in_text(string text, int number) =>
        Assert.Equal(number, Assert.Single(AttemptReferences.FindInText(text)).Number);

    [Theory]
    [InlineData("attempt #[ATTEMPT_ID]")]
    [InlineData("reattempted")]
    [InlineData("attempt3x")]
    public void Not_attempt_references(string text) => Assert.Empty(AttemptReferences.FindInText(text));

    [Theory]
    [InlineData("./attempts/003-pooling/", 3)]
    [InlineData("../../meta-issues/x/attempts/012-a/attempt-results.md", 12)]
    [InlineData("attempts/004", 4)]
    public void Attempt_references_in_paths(string path, int number) => Assert.Equal(number, AttemptReferences.FromPath(path));

    [Theory]
    [InlineData("003", false, 3)]
    [InlineData("003 - Caching", false, 3)]
    [InlineData("Attempt 2", false, 2)]
    [InlineData("2", true, 2)]
    [InlineData("2", false, null)]
    [InlineData("2024-09-01", false, null)]
    [InlineData("**Total**", true, null)]
    public void Attempt_references_in_a_first_cell(string cell, bool attemptColumn, int? number) =>
        Assert.Equal(number, AttemptReferences.FromFirstCell(cell, attemptColumn));
}
