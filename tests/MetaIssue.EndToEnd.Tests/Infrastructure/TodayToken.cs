using System.Globalization;

namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>
/// Replaces the date the templates fill in (local yyyy-MM-dd, from their `now` generator) with a token, so approved
/// snapshots do not change every day. Yesterday counts too, in case a run crosses midnight; any other date stays.
/// </summary>
public static class TodayToken
{
    public const string Token = "{today}";

    public static string Normalize(string text)
    {
        var today = DateTime.Now.Date;
        return text
            .Replace(Format(today), Token, StringComparison.Ordinal)
            .Replace(Format(today.AddDays(-1)), Token, StringComparison.Ordinal);
    }

    private static string Format(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
