namespace MetaIssue.Conventions;

/// <summary>What an attempt's results file says happened.</summary>
public enum AttemptOutcome
{
    /// <summary>No outcome field, or one whose value is not recognised.</summary>
    Unknown,
    InProgress,
    Success,
    Failure,
    Partial,
    Abandoned,
}

public static class AttemptOutcomeExtensions
{
    /// <summary>An attempt is completed once its results record success, failure, partial success or abandonment.</summary>
    public static bool IsCompleted(this AttemptOutcome outcome) =>
        outcome is AttemptOutcome.Success or AttemptOutcome.Failure or AttemptOutcome.Partial or AttemptOutcome.Abandoned;

    public static string DisplayName(this AttemptOutcome outcome) => outcome switch
    {
        AttemptOutcome.InProgress => "In Progress",
        AttemptOutcome.Success => "Success",
        AttemptOutcome.Failure => "Failed",
        AttemptOutcome.Partial => "Partial",
        AttemptOutcome.Abandoned => "Abandoned",
        _ => "unknown",
    };

    /// <summary>The value to write for this outcome, as the guide writes it (<c>❌ Failed</c>).</summary>
    public static string Written(this AttemptOutcome outcome) => outcome switch
    {
        AttemptOutcome.InProgress => "🔄 In Progress",
        AttemptOutcome.Success => "✅ Success",
        AttemptOutcome.Failure => "❌ Failed",
        AttemptOutcome.Partial => "⚠️ Partial",
        AttemptOutcome.Abandoned => "Abandoned",
        _ => "unknown",
    };
}
