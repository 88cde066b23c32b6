using MetaIssue.Text;

namespace MetaIssue.Conventions;

/// <summary>
/// The words an attempt's outcome may be written in: success (Success, Succeeded, Worked, Solved, Fixed, ✅, ✓, ✔,
/// PASS), failure (Failed, Failure, FAIL, Did not work, Unsuccessful, Not successful, Rolled back, Reverted, ❌, ✗, ✘),
/// partial (Partial, Partially successful, Inconclusive, ⚠️), abandoned (Abandoned, Never implemented), in progress
/// (In Progress, Planning, Not yet …, 🔄), plus a team's <see cref="ExtraWords"/>. Words win over emoji, so
/// "⚠️ Partial Success" is partial and "✅ SUCCESS - all met" a success. A word is never read alone when a qualifier
/// or negation leads ("Not successful" is a failure) or a question follows it ("Success? no" is not recognised).
/// </summary>
internal static class OutcomeVocabulary
{
    /// <summary>The field names that carry an outcome in attempt-results.md (and a README timeline's result column).</summary>
    public static readonly string[] FieldNames = { "Status", "Outcome", "Result", "Verdict", "Assessment" };

    // Longest phrases first: "partial success" must not read as "success", "never implemented" not as anything else.
    private static readonly (string Phrase, AttemptOutcome Outcome)[] Phrases =
    {
        ("not successful", AttemptOutcome.Failure),
        ("not a success", AttemptOutcome.Failure),
        ("did not work", AttemptOutcome.Failure),
        ("didn't work", AttemptOutcome.Failure),
        ("didn’t work", AttemptOutcome.Failure),
        ("didnt work", AttemptOutcome.Failure),
        ("does not work", AttemptOutcome.Failure),
        ("doesn't work", AttemptOutcome.Failure),
        ("unsuccessful", AttemptOutcome.Failure),
        ("no improvement", AttemptOutcome.Failure),
        ("rolled back", AttemptOutcome.Failure),
        ("reverted", AttemptOutcome.Failure),
        ("not yet", AttemptOutcome.InProgress),
        ("not started", AttemptOutcome.InProgress),
        ("inconclusive", AttemptOutcome.Partial),
        ("partial success", AttemptOutcome.Partial),
        ("partially successful", AttemptOutcome.Partial),
        ("partially", AttemptOutcome.Partial),
        ("partial", AttemptOutcome.Partial),
        ("never implemented", AttemptOutcome.Abandoned),
        ("abandoned", AttemptOutcome.Abandoned),
        ("in progress", AttemptOutcome.InProgress),
        ("inprogress", AttemptOutcome.InProgress),
        ("planning", AttemptOutcome.InProgress),
        ("planned", AttemptOutcome.InProgress),
        ("succeeded", AttemptOutcome.Success),
        ("worked", AttemptOutcome.Success),
        ("works", AttemptOutcome.Success),
        ("solved", AttemptOutcome.Success),
        ("fixed", AttemptOutcome.Success),
        ("successful", AttemptOutcome.Success),
        ("success", AttemptOutcome.Success),
        ("passed", AttemptOutcome.Success),
        ("pass", AttemptOutcome.Success),
        ("failed", AttemptOutcome.Failure),
        ("failure", AttemptOutcome.Failure),
        ("fail", AttemptOutcome.Failure),
    };

    private static readonly (string Symbol, AttemptOutcome Outcome)[] Symbols =
    {
        ("✅", AttemptOutcome.Success),
        ("✔", AttemptOutcome.Success),
        ("✓", AttemptOutcome.Success),
        ("❌", AttemptOutcome.Failure),
        ("✗", AttemptOutcome.Failure),
        ("✘", AttemptOutcome.Failure),
        ("⚠", AttemptOutcome.Partial),
        ("🔄", AttemptOutcome.InProgress),
    };

    public const string AcceptedValues = "✅ Success, ❌ Failed, ⚠️ Partial, Abandoned (completed) or 🔄 In Progress";

    /// <summary>Every phrase of the vocabulary, for did-you-mean suggestions.</summary>
    internal static IEnumerable<(string Phrase, AttemptOutcome Outcome)> Vocabulary => Phrases;

    /// <summary>The outcome <paramref name="value"/> states, or <see cref="AttemptOutcome.Unknown"/>; <paramref name="extra"/> words are tried first.</summary>
    public static AttemptOutcome Parse(string value, ExtraWords? extra = null)
    {
        value = LeadingWords.WithoutPrompts(value);
        var words = LeadingWords.Words(value);
        foreach (var (phrase, outcome) in (extra ?? ExtraWords.None).OutcomePhrases.Concat(Phrases))
        {
            if (LeadingWords.StartsWithPhrase(words, phrase))
            {
                return outcome;
            }
        }

        if (LeadingWords.IsQualified(words))
        {
            return AttemptOutcome.Unknown; // "not fully done", "mostly ✅": the leading word decides, and no rule knows it
        }

        var symbol = LeadingWords.FirstSymbol(value, Symbols.Select(s => s.Symbol));
        return symbol is null ? AttemptOutcome.Unknown : Symbols.First(s => s.Symbol == symbol).Outcome;
    }

    /// <summary>The vocabulary's closest phrase to an unrecognised value (edit distance), as the value to write; null when none is close.</summary>
    public static string? Suggest(string value, ExtraWords? extra = null)
    {
        var words = LeadingWords.Words(LeadingWords.WithoutPrompts(value)).Trim();
        var candidates = (extra ?? ExtraWords.None).OutcomePhrases.Concat(Phrases).ToList();
        var closest = EditDistance.Closest(words, candidates.Select(c => c.Phrase));
        return closest is null ? null : candidates.First(c => c.Phrase == closest).Outcome.Written();
    }
}
