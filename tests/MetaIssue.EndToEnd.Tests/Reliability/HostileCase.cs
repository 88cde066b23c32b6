using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd.Reliability;

/// <summary>
/// One hostile input for the checker: how to plant it in its own meta-issue folder, and which findings it must give
/// there (code and file, relative to that folder; an empty list means it must be checked without a finding).
/// <see cref="DocumentedOutcome"/> replaces the observed outcome in docs/reliability.md where it depends on the machine.
/// </summary>
internal sealed record HostileCase(
    string Id,
    string Input,
    Action<SampleRepository, string> Plant,
    IReadOnlyList<(string Code, string File)> Expected,
    string? MessageContains = null,
    bool UnixOnly = false,
    string? DocumentedOutcome = null)
{
    public string Folder => "docs/meta-issues/" + Id;
}
