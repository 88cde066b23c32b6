using System.Globalization;

namespace MetaIssue.Conventions;

/// <summary>
/// The one definition of an attempt number, from the method's folder naming (<c>attempts/NNN-slug/</c>, numbered
/// from 001): ASCII digits <c>0-9</c> only, as the templates write them. Digits of other scripts (Arabic-Indic,
/// Devanagari, fullwidth…) are text, never a number, so a README that happens to contain them is read like any other.
/// </summary>
internal static class AttemptNumber
{
    /// <summary>Digits a written attempt number may have (<c>Attempt 1234</c>); folder names have exactly three.</summary>
    public const int MaxDigits = 4;

    /// <summary>True for the ASCII digits 0-9 only.</summary>
    public static bool IsDigit(char c) => c >= '0' && c <= '9';

    /// <summary>How many ASCII digits follow <paramref name="start"/> in <paramref name="text"/>.</summary>
    public static int CountDigits(string text, int start = 0)
    {
        var end = start;
        while (end < text.Length && IsDigit(text[end]))
        {
            end++;
        }

        return end - start;
    }

    /// <summary>
    /// The number written by 1 to <see cref="MaxDigits"/> ASCII digits (leading zeros allowed: "003" is 3); false for
    /// anything else, never an exception.
    /// </summary>
    public static bool TryParse(string digits, out int number)
    {
        number = 0;
        if (digits.Length is 0 or > MaxDigits || CountDigits(digits) != digits.Length)
        {
            return false;
        }

        number = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>
    /// A well-formed attempt folder name, <c>NNN-slug</c>: three ASCII digits, a hyphen and a slug that is not blank.
    /// Returns the number and the slug, or false.
    /// </summary>
    public static bool TryParseFolderName(string name, out int number, out string slug)
    {
        number = 0;
        slug = string.Empty;
        if (name.Length <= 4 || CountDigits(name) != 3 || name[3] != '-' || name.Substring(4).Trim().Length == 0)
        {
            return false;
        }

        number = int.Parse(name.Substring(0, 3), NumberStyles.None, CultureInfo.InvariantCulture);
        slug = name.Substring(4);
        return true;
    }

    /// <summary>
    /// The number a misnamed folder meant (<c>3-pooling</c>, <c>0003-pooling</c> → 3): its leading ASCII digits, if
    /// there are 1 to <see cref="MaxDigits"/> of them; else null.
    /// </summary>
    public static int? IntendedBy(string name) => IntendedBy(name, out _, out _);

    /// <summary>
    /// The number a misnamed folder meant, wherever its digits stand (<c>3-pooling</c>, <c>ENH-001</c>,
    /// <c>attempt-3</c>): the first run of 1 to <see cref="MaxDigits"/> ASCII digits; with where the run starts and
    /// its length, so the caller can take the rest as the slug. Null when the name holds no such run.
    /// </summary>
    public static int? IntendedBy(string name, out int start, out int length)
    {
        for (start = 0; start < name.Length; start++)
        {
            if (IsDigit(name[start]))
            {
                length = CountDigits(name.Substring(start));
                return length <= MaxDigits && TryParse(name.Substring(start, length), out var number) ? number : null;
            }
        }

        length = 0;
        return null;
    }

    /// <summary>Zero-padded as attempt folders are numbered: 3 → "003".</summary>
    public static string Format(int number) => number.ToString("000", CultureInfo.InvariantCulture);
}
