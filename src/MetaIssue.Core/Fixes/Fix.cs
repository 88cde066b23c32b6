namespace MetaIssue.Fixes;

/// <summary>
/// The edit that resolves a finding, as data: a one-line <see cref="Title"/> (the advice a message prints), its
/// <see cref="Applicability"/>, the <see cref="Changes"/> it makes (applied all together or not at all), and the
/// prompts it inserts on purpose (<see cref="InsertedPrompts"/>, the bracketed placeholder texts such as
/// "[Result and PASS or FAIL]") so a convergence check can tell an intended MI016 finding from a regression.
/// </summary>
public sealed record Fix(string Title, FixApplicability Applicability, IReadOnlyList<FileChange> Changes)
{
    public IReadOnlyList<string> InsertedPrompts { get; init; } = Array.Empty<string>();

    public static Fix Safe(string title, params FileChange[] changes) => new(title, FixApplicability.Safe, changes);

    public static Fix Review(string title, params FileChange[] changes) => new(title, FixApplicability.Review, changes);

    public override string ToString() => $"{Title} ({Applicability})";
}
