using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MetaIssue.Caching;

/// <summary>
/// The SHA-256 of lines of fields (fields separated by U+001F, lines ended by a line feed, UTF-8), fed to the hash in
/// small chunks as they are added: a key over a large tree never builds the whole text in memory.
/// </summary>
internal sealed class TextHash : IDisposable
{
    private const int ChunkChars = 4096;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly StringBuilder _text = new(ChunkChars * 2);
    private byte[] _bytes = new byte[Encoding.UTF8.GetMaxByteCount(ChunkChars * 2)];
    private bool _fieldOpen;

    public TextHash Field(string? value)
    {
        if (_fieldOpen)
        {
            _text.Append('\u001f');
        }

        _fieldOpen = true;
        _text.Append(value);
        if (_text.Length >= ChunkChars)
        {
            Flush();
        }

        return this;
    }

    public TextHash Field(long value) => Field(value.ToString(CultureInfo.InvariantCulture));

    public TextHash EndLine()
    {
        _text.Append('\n');
        _fieldOpen = false;
        return this;
    }

    /// <summary>The hash of everything added, in upper-case hex.</summary>
    public string Finish()
    {
        Flush();
        return ToHex(_hash.GetHashAndReset());
    }

    /// <summary>The SHA-256 of <paramref name="bytes"/>, in upper-case hex.</summary>
    public static string Hex(byte[] bytes)
    {
        using var sha = SHA256.Create();
        return ToHex(sha.ComputeHash(bytes));
    }

    public void Dispose() => _hash.Dispose();

    private static string ToHex(byte[] hash)
    {
        const string digits = "0123456789ABCDEF";
        var text = new char[hash.Length * 2];
        for (var i = 0; i < hash.Length; i++)
        {
            text[2 * i] = digits[hash[i] >> 4];
            text[(2 * i) + 1] = digits[hash[i] & 0xF];
        }

        return new string(text);
    }

    private void Flush()
    {
        var chars = _text.ToString();
        var needed = Encoding.UTF8.GetMaxByteCount(chars.Length);
        if (needed > _bytes.Length)
        {
            _bytes = new byte[needed];
        }

        var count = Encoding.UTF8.GetBytes(chars, 0, chars.Length, _bytes, 0);
        _hash.AppendData(_bytes, 0, count);
        _text.Clear();
    }
}
