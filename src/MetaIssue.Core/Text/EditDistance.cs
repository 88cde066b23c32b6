namespace MetaIssue.Text;

/// <summary>
/// The optimal string alignment distance (restricted Damerau–Levenshtein): the fewest insertions, deletions,
/// substitutions and swaps of two neighbouring characters that turn one string into the other, no substring edited
/// twice. Ordinal, per UTF-16 code unit.
/// </summary>
internal static class EditDistance
{
    /// <summary>
    /// The distance between <paramref name="a"/> and <paramref name="b"/>, or <paramref name="limit"/> when it is
    /// at least that (so callers looking for the closest candidate can stop early). Cost O(|a|·|b|).
    /// </summary>
    public static int Between(string a, string b, int limit = int.MaxValue)
    {
        if (Math.Abs(a.Length - b.Length) >= limit)
        {
            return limit;
        }

        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, beforePrevious[j - 2] + 1);
                }

                current[j] = best;
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return Math.Min(previous[b.Length], limit);
    }

    /// <summary>
    /// The candidate closest to <paramref name="text"/> (both compared lower-case) if it is close enough to be a typo:
    /// at most <c>max(2, length / 3)</c> edits away. Ties go to the earlier candidate. Null when none is.
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
}
