using System.Globalization;
using System.Text;

namespace MetaIssue.Git;

/// <summary>
/// Reads the output of <c>git cat-file --batch</c> (gitformat: Documentation/git-cat-file.txt, "BATCH OUTPUT"): per
/// request a header <c>&lt;oid&gt; SP &lt;type&gt; SP &lt;size&gt; LF</c>, then that many bytes of content and a
/// LF; or <c>&lt;request&gt; SP missing LF</c> (also <c>ambiguous</c>) and no content. A tree object's content is a
/// list of <c>&lt;octal mode&gt; SP &lt;name&gt; NUL &lt;raw object id&gt;</c> entries, the raw id half as long as the
/// header's hexadecimal one: 20 bytes in SHA-1 repositories, 32 in SHA-256 ones.
/// </summary>
internal static class GitObjects
{
    /// <summary>
    /// The entry names of each of the <paramref name="requests"/> answers in <paramref name="output"/>, in order: null
    /// where the object is missing, ambiguous or not a tree. Output that ends early or breaks the format leaves the
    /// answers from there on null, and <paramref name="answered"/> says how many answers were read whole. Never throws.
    /// </summary>
    public static IReadOnlyList<string>?[] TreeNames(byte[] output, int requests, out int answered)
    {
        answered = 0;
        var answers = new IReadOnlyList<string>?[requests];
        var at = 0;
        for (var i = 0; i < requests && at < output.Length; i++)
        {
            var end = Array.IndexOf(output, (byte)'\n', at);
            if (end < 0)
            {
                break;
            }

            var header = Encoding.UTF8.GetString(output, at, end - at).Split(' ');
            at = end + 1;
            if (header.Length != 3 || !long.TryParse(header[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                answered = i + 1;
                continue; // "<request> missing" or "<request> ambiguous": no content follows
            }

            if (size > output.Length - at)
            {
                break;
            }

            if (header[1] == "tree" && header[0].Length % 2 == 0)
            {
                answers[i] = Entries(output, at, (int)size, header[0].Length / 2);
            }

            answered = i + 1;
            at += (int)size + 1; // the content and its closing LF (past the end when that is missing: the loop ends)
        }

        return answers;
    }

    /// <summary>The entry names of a tree's content at <paramref name="start"/>; null when it breaks the format.</summary>
    private static IReadOnlyList<string>? Entries(byte[] content, int start, int length, int idBytes)
    {
        var names = new List<string>();
        var at = start;
        var end = start + length;
        while (at < end)
        {
            var space = Array.IndexOf(content, (byte)' ', at, end - at);
            var nul = space < 0 ? -1 : Array.IndexOf(content, (byte)0, space, end - space);
            if (nul < 0 || nul + 1 + idBytes > end || space == at || nul == space + 1 || !IsOctal(content, at, space))
            {
                return null; // as git ls-tree, which refuses a tree with an empty name or a malformed mode
            }

            names.Add(Encoding.UTF8.GetString(content, space + 1, nul - space - 1));
            at = nul + 1 + idBytes;
        }

        return names;
    }

    private static bool IsOctal(byte[] bytes, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (bytes[i] < (byte)'0' || bytes[i] > (byte)'7')
            {
                return false;
            }
        }

        return true;
    }
}
