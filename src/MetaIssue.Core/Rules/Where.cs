using MetaIssue.Text;
using MetaIssue.Markdown;
using MetaIssue.Model;

namespace MetaIssue.Rules;

/// <summary>Where to point a diagnostic about a document as a whole: its title heading, else its first character.</summary>
internal static class Where
{
    public static SourceRange Title(DocumentFile document) => document.Facts?.Title?.Range ?? SourceRange.FileStart;

    /// <summary>The heading of a section whose title contains <paramref name="word"/>, else the document's title.</summary>
    public static SourceRange Section(DocumentFile document, string word)
    {
        var heading = document.Facts?.Headings.Where(h => h.Text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0).Select(h => (HeadingFact?)h).FirstOrDefault();
        return heading?.Range ?? Title(document);
    }
}
