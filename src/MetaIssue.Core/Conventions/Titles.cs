using System.Globalization;

namespace MetaIssue.Conventions;

/// <summary>Turns slugs into the titles the templates write (connection-pooling → Connection Pooling).</summary>
internal static class Titles
{
    public static string FromSlug(string slug)
    {
        var words = slug.Split(new[] { '-', '_', ' ' }, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" ", words.Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w.Substring(1)));
    }
}
