using System.Text.RegularExpressions;

namespace MetaIssue.Conventions;

/// <summary>The ways a document names an attempt (numbers as <see cref="AttemptNumber"/> defines them): <c>Attempt 003</c>, <c>Attempt 3</c>, <c>Attempt #3</c>, a link to <c>attempts/003-…</c>.</summary>
public static partial class AttemptReferences
{
    // Source-generated where the framework has the generator (net8.0): a fresh build process then parses no
    // pattern and JIT-compiles no interpreter for it; netstandard2.0 builds them once, at first use.
    private const string InTextText = @"\battempt\s*(?:#\s*)?([0-9]{1,4})(?![0-9\w])";
    private const string InPathText = @"(?:^|/)attempts/([0-9]{3})(?:-|/|$)";
    private const string AtCellStartText = @"^\s*(?:attempt\s*)?#?\s*([0-9]{1,4})(?![0-9\w])";
    private const string AtLineStartText = @"^\s*attempt\s*(?:#\s*)?([0-9]{1,4})(?![0-9\w])";

#if NET7_0_OR_GREATER
    [GeneratedRegex(InTextText, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InText();
    [GeneratedRegex(InPathText, RegexOptions.CultureInvariant)]
    private static partial Regex InPath();
    [GeneratedRegex(AtCellStartText, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtCellStart();
    [GeneratedRegex(AtLineStartText, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtLineStart();
#else
    private static readonly Regex InTextInstance = new(InTextText, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex InPathInstance = new(InPathText, RegexOptions.CultureInvariant);
    private static readonly Regex AtCellStartInstance = new(AtCellStartText, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex AtLineStartInstance = new(AtLineStartText, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static Regex InText() => InTextInstance;
    private static Regex InPath() => InPathInstance;
    private static Regex AtCellStart() => AtCellStartInstance;
    private static Regex AtLineStart() => AtLineStartInstance;
#endif

    /// <summary>Every <c>Attempt N</c> in a run of text, with its index and length.</summary>
    public static IEnumerable<(int Number, int Index, int Length)> FindInText(string text)
    {
        if (text.IndexOf("ttempt", StringComparison.OrdinalIgnoreCase) < 0)
        {
            yield break;
        }

        foreach (Match match in InText().Matches(text))
        {
            yield return (Parse(match.Groups[1].Value), match.Index, match.Length);
        }
    }

    /// <summary>The attempt a link destination points into (<c>./attempts/003-pooling/</c> → 3).</summary>
    public static int? FromPath(string url)
    {
        if (url.IndexOf("attempts/", StringComparison.Ordinal) < 0)
        {
            return null;
        }

        var match = InPath().Match(url);
        return match.Success ? Parse(match.Groups[1].Value) : null;
    }

    /// <summary>
    /// The attempt a line starts with (<c>Attempt 002: …</c>), with the length of the reference so the caller can
    /// look at what follows.
    /// </summary>
    public static (int Number, int Length)? AtStartOfLine(string line)
    {
        var first = 0;
        while (first < line.Length && char.IsWhiteSpace(line[first]))
        {
            first++;
        }

        if (first == line.Length || (line[first] | 0x20) != 'a')
        {
            return null; // nearly every line: no regex needed
        }

        var match = AtLineStart().Match(line);
        return match.Success ? (Parse(match.Groups[1].Value), match.Length) : null;
    }

    /// <summary>
    /// The attempt a table's first cell names: <c>003</c>, <c>[003](…)</c>, <c>003 - Caching</c>, <c>Attempt 3</c>.
    /// A bare short number (<c>3</c>) counts only under a header that says the column holds attempts.
    /// </summary>
    public static int? FromFirstCell(string cell, bool columnHoldsAttempts)
    {
        var match = AtCellStart().Match(cell);
        if (!match.Success)
        {
            return null;
        }

        var digits = match.Groups[1].Value;
        var saysAttempt = match.Value.IndexOf("ttempt", StringComparison.OrdinalIgnoreCase) >= 0;
        if (saysAttempt || digits.Length == 3 || columnHoldsAttempts)
        {
            return Parse(digits);
        }

        return null;
    }

    /// <summary>Zero-padded as attempt folders are numbered: 3 → "003".</summary>
    public static string Format(int number) => AttemptNumber.Format(number);

    // The patterns match ASCII [0-9] only (.NET's \d would also match other scripts' digits), so this cannot fail.
    private static int Parse(string digits) => AttemptNumber.TryParse(digits, out var number) ? number : throw new FormatException(digits);
}
