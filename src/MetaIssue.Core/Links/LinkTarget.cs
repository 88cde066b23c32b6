namespace MetaIssue.Links;

internal enum LinkTargetKind
{
    /// <summary>A URL with a scheme (https:, mailto:) or protocol-relative: not checked.</summary>
    External,
    /// <summary><c>#fragment</c> alone: a heading of the same file.</summary>
    SameDocument,
    /// <summary>A path inside the repository (that may or may not exist).</summary>
    Local,
    /// <summary>A path that climbs out of the repository: reported, never followed.</summary>
    OutsideRepository,
    /// <summary>Not a usable path (illegal characters).</summary>
    Invalid,
}

/// <summary>
/// Where a link leads: for a local link, the full path and whether anything is there, plus the #fragment. A value
/// (24 bytes) whose strings are shared with the tree's paths and among equal fragments.
/// </summary>
internal readonly record struct LinkTarget(LinkTargetKind Kind, string Path, string? Fragment, bool Exists, bool IsFolder)
{
    public static LinkTarget External { get; } = new(LinkTargetKind.External, string.Empty, null, true, false);

    public static LinkTarget Invalid { get; } = new(LinkTargetKind.Invalid, string.Empty, null, false, false);

    public bool IsMarkdownFile => !IsFolder && (Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || Path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase));
}
