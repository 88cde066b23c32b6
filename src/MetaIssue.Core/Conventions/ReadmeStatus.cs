namespace MetaIssue.Conventions;

/// <summary>The state a meta-issue's README declares.</summary>
public enum StatusState
{
    Open,
    Active,
    Investigating,
    InProgress,
    Paused,
    Blocked,
    Resolved,
    Abandoned,
    Superseded,
}

/// <summary>A recognised README status: its state, and the attempt it names (<c>Resolved (Attempt 003)</c>), if any.</summary>
public sealed record ReadmeStatus(StatusState State, int? NamedAttempt)
{
    public bool IsClosed => State is StatusState.Resolved or StatusState.Abandoned or StatusState.Superseded;

    public bool IsOpen => !IsClosed;

    public string Name => StatusVocabulary.DisplayName(State);
}
