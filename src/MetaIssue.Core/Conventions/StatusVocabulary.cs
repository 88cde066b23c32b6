namespace MetaIssue.Conventions;

/// <summary>
/// The words a README may use for its status. Open: Open, Active, Investigating, In Progress, Paused, Blocked, 🔄, ⏸️.
/// Closed: Resolved (optionally naming the attempt), Abandoned, Superseded, ✅. Case-insensitive; emoji alone or with words.
/// </summary>
public static class StatusVocabulary
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

    public static ReadmeStatus? Parse(string value)
    {
        value = LeadingWords.WithoutPrompts(value);
        var words = LeadingWords.Words(value);
        StatusState? state = null;
        foreach (var (phrase, candidate) in Phrases)
        {
            if (LeadingWords.StartsWithPhrase(words, phrase))
            {
                state = candidate;
                break;
            }
        }

        if (state is null)
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
}
