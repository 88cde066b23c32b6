using System.Text;

namespace MetaIssue.Text;

/// <summary>
/// Quoting for the commands the checker prints, so a pasted command gives the program exactly the words shown.
/// Follows the POSIX shell's quoting rules (Shell Command Language, 2.2): a word made only of characters that are
/// never special (letters, digits, <c>_ - . / , + @ % = :</c>) is printed as is; any other word is put in single
/// quotes, inside which nothing is special, and a single quote in it is written <c>'\''</c>.
/// </summary>
public static class ShellQuote
{
    /// <summary>
    /// <paramref name="word"/> as one shell word: unchanged when safe, otherwise single-quoted. An empty word is
    /// <c>''</c>. Angle-bracket placeholders such as <c>&lt;slug&gt;</c> are never passed here: they are for the
    /// reader to replace before running the command.
    /// </summary>
    public static string Word(string word)
    {
        if (word.Length == 0)
        {
            return "''";
        }

        if (IsSafe(word))
        {
            return word;
        }

        var builder = new StringBuilder(word.Length + 8).Append('\'');
        foreach (var c in word)
        {
            builder.Append(c == '\'' ? "'\\''" : c.ToString());
        }

        return builder.Append('\'').ToString();
    }

    private static bool IsSafe(string word)
    {
        foreach (var c in word)
        {
            var plain = c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
                or '_' or '-' or '.' or '/' or ',' or '+' or '@' or '%' or '=' or ':';
            if (!plain)
            {
                return false;
            }
        }

        return true;
    }
}
