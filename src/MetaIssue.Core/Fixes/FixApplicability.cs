namespace MetaIssue.Fixes;

/// <summary>
/// How much a fix may be trusted without a human reading it first (the split Ruff calls safe/unsafe and rustfix
/// calls machine-applicable/maybe-incorrect).
/// </summary>
public enum FixApplicability
{
    /// <summary>Only content derivable from what the checker already knows: a timeline row, a log section skeleton, a result line with a prompt, a backlink, a status computed from recorded outcomes.</summary>
    Safe,

    /// <summary>Changes a person should look at: renumbering, renames, changing a closed status.</summary>
    Review,
}
