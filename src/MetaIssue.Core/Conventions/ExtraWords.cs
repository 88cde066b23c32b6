namespace MetaIssue.Conventions;

/// <summary>
/// Status and outcome words a team adds to the method's vocabulary (from <c>.metaissue.json</c>), per category:
/// <c>Gelöst</c> as Resolved, <c>Fehlgeschlagen</c> as Failed. Compared as the vocabularies compare their own words:
/// case-insensitive, whole leading words, emoji and emphasis ignored.
/// </summary>
internal sealed record ExtraWords(
    IReadOnlyList<(string Phrase, StatusState State)> Statuses,
    IReadOnlyList<(string Phrase, AttemptOutcome Outcome)> Outcomes)
{
    /// <summary>No extra words: the method's vocabulary alone.</summary>
    public static readonly ExtraWords None = new(Array.Empty<(string, StatusState)>(), Array.Empty<(string, AttemptOutcome)>());

    /// <summary>The words as the vocabularies match them (lower case, leading decoration removed), longest first.</summary>
    internal IEnumerable<(string Phrase, StatusState State)> StatusPhrases =>
        Statuses.Select(s => (LeadingWords.Words(s.Phrase).Trim(), s.State)).Where(s => s.Item1.Length > 0).OrderByDescending(s => s.Item1.Length);

    /// <inheritdoc cref="StatusPhrases"/>
    internal IEnumerable<(string Phrase, AttemptOutcome Outcome)> OutcomePhrases =>
        Outcomes.Select(o => (LeadingWords.Words(o.Phrase).Trim(), o.Outcome)).Where(o => o.Item1.Length > 0).OrderByDescending(o => o.Item1.Length);
}
