namespace MetaIssue.Fixes;

/// <summary>
/// The fingerprint a <see cref="TextEdit"/> records of the text it was computed from: lowercase hex SHA-256 of the
/// text's UTF-8 bytes, the text as the checker reads it (BOM dropped).
/// </summary>
internal static class ContentHash
{
    public static string Of(string text) => Text.Sha256Hex.Of(text);
}
