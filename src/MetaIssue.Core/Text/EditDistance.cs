namespace MetaIssue.Text;

/// <summary>Levenshtein distance (insertions, deletions and substitutions of one UTF-16 unit each) and the closest candidate.</summary>
public static class EditDistance
{
    /// <summary>
    /// The candidate closest to <paramref name="text"/> (compared lower-case) if it is close enough to be a typo: at
    /// most <c>max(2, length / 3)</c> edits away. Ties go to the earlier candidate. Null when none is.
    /// </summary>
    public static string? Closest(string text, IEnumerable<string> candidates)
    {
        var lower = text.ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.Distinct())
        {
            var distance = Between(lower, candidate.ToLowerInvariant(), bestDistance);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, lower.Length / 3) ? best : null;
    }

    /// <summary>The number of edits from <paramref name="a"/> to <paramref name="b"/>, or <paramref name="limit"/> when clearly more.</summary>
    public static int Between(string a, string b, int limit = int.MaxValue)
    {
        if (Math.Abs(a.Length - b.Length) >= limit)
        {
            return limit;
        }

        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
