using MetaIssue.Text;

namespace MetaIssue.Conventions;

/// <summary>
/// The words a README may use for its status. Open: Open, Active, Investigating, In Progress, Paused, Blocked, 🔄, ⏸️.
/// Closed: Resolved (optionally naming the attempt), Abandoned, Superseded, ✅. Case-insensitive; emoji alone or with
/// words; plus a team's <see cref="ExtraWords"/>. A leading negation or qualifier ("Not resolved") or a question
/// ("Resolved?") is not read by the word after it. Words people use instead (Done, Fixed, Closed, Won't fix) are not
/// accepted but suggested as the method's word (<see cref="Suggest"/>).
/// </summary>
internal static class StatusVocabulary
{
    private static readonly (string Phrase, StatusState State)[] Phrases =
    {
        ("in progress", StatusState.InProgress),
        ("inprogress", StatusState.InProgress),
        ("investigating", StatusState.Investigating),
        ("open", StatusState.Open),
        ("active", StatusState.Active),
        ("paused", StatusState.Paused),
        ("blocked", StatusState.Blocked),
        ("resolved", StatusState.Resolved),
        ("abandoned", StatusState.Abandoned),
        ("superseded", StatusState.Superseded),
    };

    private static readonly (string Symbol, StatusState State)[] Symbols =
    {
        ("✅", StatusState.Resolved),
        ("🔄", StatusState.InProgress),
        ("⏸", StatusState.Paused),
    };

    /// <summary>What the message of MI010 lists as accepted.</summary>
    public const string AcceptedValues =
        "Open, Active, Investigating, In Progress, Paused, Blocked (open); Resolved (Attempt NNN), Abandoned, Superseded (closed); or the emoji 🔄, ⏸️, ✅";

    // What people write instead of the method's words, and the state each means (for suggestions only).
    private static readonly (string Phrase, StatusState State)[] Synonyms =
    {
        ("not resolved", StatusState.Investigating),
        ("not yet", StatusState.Investigating),
        ("unresolved", StatusState.Investigating),
        ("partially", StatusState.Investigating),
        ("partly", StatusState.Investigating),
        ("ongoing", StatusState.InProgress),
        ("wip", StatusState.InProgress),
        ("won't fix", StatusState.Abandoned),
        ("won’t fix", StatusState.Abandoned),
        ("wont fix", StatusState.Abandoned),
        ("wontfix", StatusState.Abandoned),
        ("cancelled", StatusState.Abandoned),
        ("canceled", StatusState.Abandoned),
        ("dropped", StatusState.Abandoned),
        ("done", StatusState.Resolved),
        ("fixed", StatusState.Resolved),
        ("complete", StatusState.Resolved),
        ("completed", StatusState.Resolved),
        ("closed", StatusState.Resolved),
        ("solved", StatusState.Resolved),
        ("finished", StatusState.Resolved),
    };

    /// <summary>The README status <paramref name="value"/> states, or null; <paramref name="extra"/> words are tried first.</summary>
    public static ReadmeStatus? Parse(string value, ExtraWords? extra = null)
    {
        value = LeadingWords.WithoutPrompts(value);
        var words = LeadingWords.Words(value);
        StatusState? state = null;
        foreach (var (phrase, candidate) in (extra ?? ExtraWords.None).StatusPhrases.Concat(Phrases))
        {
            if (LeadingWords.StartsWithPhrase(words, phrase))
            {
                state = candidate;
                break;
            }
        }

        if (state is null && !LeadingWords.IsQualified(words))
        {
            var symbol = LeadingWords.FirstSymbol(value, Symbols.Select(s => s.Symbol));
            if (symbol is not null)
            {
                state = Symbols.First(s => s.Symbol == symbol).State;
            }
        }

        if (state is null)
        {
            return null;
        }

        int? named = null;
        foreach (var (number, _, _) in AttemptReferences.FindInText(value))
        {
            named = number;
            break;
        }

        return new ReadmeStatus(state.Value, named);
    }

    public static string DisplayName(StatusState state) => state switch
    {
        StatusState.InProgress => "In Progress",
        _ => state.ToString(),
    };

    /// <summary>
    /// The state an unrecognised status most likely means: a word people use instead (Done → Resolved, Won't fix →
    /// Abandoned, Not resolved → Investigating), else the closest word of the vocabulary or of <paramref name="extra"/>
    /// by edit distance (Resovled → Resolved). Null when nothing is close.
    /// </summary>
    public static StatusState? Suggest(string value, ExtraWords? extra = null)
    {
        var words = LeadingWords.Words(LeadingWords.WithoutPrompts(value)).Trim();
        foreach (var (phrase, state) in Synonyms)
        {
            if (LeadingWords.StartsWithPhrase(words, phrase))
            {
                return state;
            }
        }

        var candidates = (extra ?? ExtraWords.None).StatusPhrases.Concat(Phrases).ToList();
        var first = words.Split(new[] { ' ' }, 2)[0];
        var closest = EditDistance.Closest(first, candidates.Select(c => c.Phrase).Where(p => p.IndexOf(' ') < 0))
            ?? EditDistance.Closest(words, candidates.Select(c => c.Phrase));
        return closest is null ? null : candidates.First(c => c.Phrase == closest).State;
    }
}
