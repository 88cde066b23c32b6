namespace MetaIssue.Conventions;

/// <summary>
/// The words an attempt's outcome may be written in: success (Success, Succeeded, ✅, ✓, ✔, PASS), failure (Failed,
/// Failure, FAIL, ❌, ✗, ✘), partial (Partial, ⚠️), abandoned (Abandoned, Never implemented), in progress (In Progress,
/// Planning, 🔄). Words win over emoji, so "⚠️ Partial Success" is partial and "✅ SUCCESS - all met" a success.
/// </summary>
public static class OutcomeVocabulary
{
    /// <summary>The field names that carry an outcome in attempt-results.md (and a README timeline's result column).</summary>
    public static readonly string[] FieldNames = { "Status", "Outcome", "Result", "Verdict", "Assessment" };

    // Longest phrases first: "partial success" must not read as "success", "never implemented" not as anything else.
    private static readonly (string Phrase, AttemptOutcome Outcome)[] Phrases =
    {
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

    public static AttemptOutcome Parse(string value)
    {
        value = LeadingWords.WithoutPrompts(value);
        var words = LeadingWords.Words(value);
        foreach (var (phrase, outcome) in Phrases)
        {
            if (LeadingWords.StartsWithPhrase(words, phrase))
            {
                return outcome;
            }
        }

        var symbol = LeadingWords.FirstSymbol(value, Symbols.Select(s => s.Symbol));
        return symbol is null ? AttemptOutcome.Unknown : Symbols.First(s => s.Symbol == symbol).Outcome;
    }
}
