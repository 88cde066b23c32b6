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

        using var hash = new Incremental();
        hash.Append(text);
        return hash.Finish();
    }

    /// <summary>
    /// A hash fed text piece by piece, as the UTF-8 bytes of the pieces one after another (a surrogate pair split
    /// between two pieces is encoded whole), so a long text need not be held in one piece. One thread at a time.
    /// </summary>
    internal sealed class Incremental : IDisposable
    {
        private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
        private readonly char[] _chars = new char[4096];
        private readonly byte[] _bytes = new byte[Encoding.UTF8.GetMaxByteCount(4096)];

        /// <summary>Adds <paramref name="text"/>'s characters.</summary>
        public void Append(StringBuilder text)
        {
            for (var start = 0; start < text.Length; start += _chars.Length)
            {
                var count = Math.Min(_chars.Length, text.Length - start);
                text.CopyTo(start, _chars, 0, count);
                Add(count, flush: false);
            }
        }

        /// <summary>The hash of everything added, in lower-case hex; the hash then starts again, empty, for the next text.</summary>
        public string Finish()
        {
            Add(0, flush: true);
            return Hex(_sha.GetHashAndReset());
        }

        public void Dispose() => _sha.Dispose();

        private void Add(int count, bool flush)
        {
            var length = _encoder.GetBytes(_chars, 0, count, _bytes, 0, flush);
            _sha.AppendData(_bytes, 0, length);
        }
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
