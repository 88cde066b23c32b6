using MetaIssue.Conventions;
using MetaIssue.IO;
using MetaIssue.Markdown;
using MetaIssue.Text;

namespace MetaIssue.Model;

/// <summary>A place that names an attempt as an entry or a link: a timeline row, a log section, a result line, a link into its folder.</summary>
internal sealed record AttemptReference(DocumentFile File, SourceRange Range, string What, string? Slug);

/// <summary>
/// Attempt numbers the meta-issue's documents refer to (entries: headings, line starts, README timeline rows; links into
/// <c>attempts/NNN-*</c> of this meta-issue) for which no well-named folder exists. Running-text mentions are not
/// counted: "we may try attempt 4" is no claim that it exists.
/// </summary>
internal static class AttemptReferenceIndex
{
    /// <summary>References per attempt number that has no <c>NNN-slug</c> folder, in document order.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<AttemptReference>> WithoutFolder(MetaIssueFolder issue)
    {
        var present = new HashSet<int>(issue.NumberedAttempts.Select(a => a.Number!.Value));
        var found = new SortedDictionary<int, List<AttemptReference>>();
        // Most references name an attempt that has its folder: those are counted out before anything is built for them.
        bool Missing(int number) => number > 0 && !present.Contains(number);
        void Add(int number, AttemptReference reference)
        {
            if (!found.TryGetValue(number, out var list))
            {
                found[number] = list = new List<AttemptReference>();
            }

            list.Add(reference);
        }

        var attemptsFolder = Path.Combine(issue.FullPath, MetaIssueFolder.AttemptsFolder) + Path.DirectorySeparatorChar;
        foreach (var document in issue.Documents)
        {
            if (document.Facts is not { } facts)
            {
                continue;
            }

            // An attempt's own files name the attempt they belong to; only their links refer to others.
            var inAttemptFolder = document.FullPath.StartsWith(attemptsFolder, StringComparison.Ordinal);
            // Table rows count in the README (its timeline) only: elsewhere "| 100 | 1000 |" is a load matrix, not attempt 100.
            var isReadme = document == issue.Readme;
            foreach (var mention in facts.AttemptMentions.Where(m => m.IsEntry && !inAttemptFolder && Missing(m.Number)
                && (isReadme || m.Kind is not (MentionKind.TableRow or MentionKind.TableColumn))))
            {
                var heading = mention.Kind == MentionKind.Heading ? facts.Headings.FirstOrDefault(h => h.Range.Line == mention.Range.Line).Text : null;
                Add(mention.Number, new AttemptReference(document, mention.Range, What(mention.Kind), SlugOfHeading(heading)));
            }

            var documentFolder = Path.GetDirectoryName(document.FullPath)!;
            foreach (var link in facts.Links.Where(l => l.Kind is LinkKind.Inline or LinkKind.Definition))
            {
                // A destination no path can be made of (an escaped NUL) leads nowhere, as in link resolution.
                if (PathText.CombineOrNull(documentFolder, StripFragment(link.Url)) is not { } path || !path.StartsWith(attemptsFolder, StringComparison.Ordinal))
                {
                    continue;
                }

                // The first segment below attempts/.
                var end = path.IndexOf(Path.DirectorySeparatorChar, attemptsFolder.Length);
                var folder = path.Substring(attemptsFolder.Length, (end < 0 ? path.Length : end) - attemptsFolder.Length);
                if (AttemptNumber.TryParseFolderName(folder, out var number, out var slug) && Missing(number))
                {
                    Add(number, new AttemptReference(document, link.Range, "link", slug));
                }
            }
        }

        return found.ToDictionary(p => p.Key, p => (IReadOnlyList<AttemptReference>)p.Value);
    }

    /// <summary>The slug the references agree on (link folder names first, then section titles), or null.</summary>
    public static string? AgreedSlug(IReadOnlyList<AttemptReference> references)
    {
        foreach (var group in new[] { references.Where(r => r.What == "link"), references.Where(r => r.What != "link") })
        {
            var slugs = group.Select(r => r.Slug).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (slugs.Count == 1)
            {
                return slugs[0];
            }

            if (slugs.Count > 1)
            {
                return null;
            }
        }

        return null;
    }

    private static string What(MentionKind kind) => kind switch
    {
        MentionKind.Heading => "section",
        MentionKind.TableRow or MentionKind.TableColumn => "row",
        _ => "entry",
    };

    private static readonly char[] FragmentOrQuery = { '#', '?' };

    private static string StripFragment(string url)
    {
        var cut = url.IndexOfAny(FragmentOrQuery);
        return Uri.UnescapeDataString(cut >= 0 ? url.Substring(0, cut) : url);
    }

    /// <summary>"Attempt 001: Caching Layer" → "caching-layer"; null when the heading names nothing after the attempt.</summary>
    private static string? SlugOfHeading(string? heading)
    {
        if (heading is null || heading.IndexOf(':') is var colon && colon < 0)
        {
            return null;
        }

        var words = heading.Substring(colon + 1).ToLowerInvariant()
            .Split(new[] { ' ', '-', '_', '/', '(', ')', ',', '.', '+', '&' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(c => c is >= 'a' and <= 'z' or >= '0' and <= '9').ToArray()))
            .Where(w => w.Length > 0);
        var slug = string.Join("-", words);
        return slug.Length > 0 ? slug : null;
    }
}
