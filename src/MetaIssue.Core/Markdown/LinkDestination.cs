using MetaIssue.Text;

namespace MetaIssue.Markdown;

/// <summary>
/// Writing a path as a Markdown link destination that parses back to the same path (CommonMark 0.31, "link
/// destination"): a destination without spaces, controls, parentheses or angle brackets is written as is; otherwise
/// those characters are percent-encoded, which GitHub and every CommonMark renderer decode back to the path.
/// </summary>
internal static class LinkDestination
{
    /// <summary>
    /// <paramref name="path"/> (a relative link, <c>/</c> separators) as a destination: spaces, controls, invisible
    /// characters and <c>( ) &lt; &gt; % \</c> percent-encoded as UTF-8, everything else kept.
    /// </summary>
    public static string Format(string path) =>
        PercentEncoding.Encode(path, c => c is '(' or ')' or '<' or '>' or '%' or '\\' || PercentEncoding.IsInvisible(c));
}
