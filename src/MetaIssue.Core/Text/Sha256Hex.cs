using System.Security.Cryptography;
using System.Text;

namespace MetaIssue.Text;

/// <summary>
/// SHA-256 of text as lower-case hex (64 characters): the one way the caches, the fingerprints and the fixes' content
/// hashes name text. Text is hashed as UTF-8 without a byte order mark. Thread-safe.
/// </summary>
internal static class Sha256Hex
{
    private const string Digits = "0123456789abcdef";

    /// <summary>The hash of <paramref name="text"/>'s UTF-8 bytes.</summary>
    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>The hash of <paramref name="bytes"/>.</summary>
    public static string Of(byte[] bytes)
    {
#if NET
        return Hex(SHA256.HashData(bytes));
#else
        using var sha = SHA256.Create();
        return Hex(sha.ComputeHash(bytes));
#endif
    }

    /// <summary>
    /// The hash of <paramref name="text"/>'s UTF-8 bytes, fed in slices: a fingerprint's text runs to megabytes, and one
    /// string plus one byte array of it would land on the large object heap and bring on a full garbage collection.
    /// </summary>
    public static string Of(StringBuilder text)
    {
        if (text.Length <= 16 * 1024)
        {
            return Of(text.ToString());
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
        var chars = new char[4096];
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(chars.Length)];
        for (var start = 0; start < text.Length; start += chars.Length)
        {
            var count = Math.Min(chars.Length, text.Length - start);
            text.CopyTo(start, chars, 0, count);
            var length = encoder.GetBytes(chars, 0, count, bytes, 0, flush: start + count == text.Length); // a surrogate pair split between slices stays whole
            sha.AppendData(bytes, 0, length);
        }

        return Hex(sha.GetHashAndReset());
    }

    private static string Hex(byte[] hash)
    {
        var hex = new char[hash.Length * 2];
        for (var i = 0; i < hash.Length; i++)
        {
            hex[2 * i] = Digits[hash[i] >> 4];
            hex[(2 * i) + 1] = Digits[hash[i] & 0xF];
        }

        return new string(hex);
    }
}
