using System.Security.Cryptography;
using System.Text;

namespace MetaIssue.Fixes;

/// <summary>
/// The fingerprint a <see cref="TextEdit"/> records of the text it was computed from: lowercase hex SHA-256 of the
/// text's UTF-8 bytes, the text as the checker reads it (BOM dropped).
/// </summary>
internal static class ContentHash
{
    public static string Of(string text)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(new UTF8Encoding(false).GetBytes(text));
        var builder = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
