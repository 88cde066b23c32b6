namespace MetaIssue.Text;

/// <summary>
/// Text of characters U+0000–U+00FF kept as one byte each (ISO-8859-1, whose 256 code points are exactly the first
/// 256 of Unicode): half the memory of a string for ASCII prose. (netstandard2.0 has no <c>Encoding.Latin1</c>.)
/// </summary>
internal static class Latin1
{
    /// <summary>The bytes of <paramref name="text"/>, or null when a character is above U+00FF.</summary>
    public static byte[]? ToBytes(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u00FF')
            {
                return null;
            }
        }

#if NET
        return System.Text.Encoding.Latin1.GetBytes(text);
#else
        var bytes = new byte[text.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)text[i];
        }

        return bytes;
#endif
    }

    /// <summary>The text <see cref="ToBytes"/> made these bytes of.</summary>
    public static string ToText(byte[] bytes)
    {
#if NET
        return System.Text.Encoding.Latin1.GetString(bytes);
#else
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = (char)bytes[i];
        }

        return new string(chars);
#endif
    }
}
