namespace MetaIssue.Text;

/// <summary>
/// A <see cref="SourceRange"/> in 12 bytes instead of 16: its four numbers in 24 bits each. The facts of a docs tree
/// hold millions of ranges (about 4.7 million at 10,000 meta-issues) for the whole check, and the 4 bytes saved let a
/// heading, field or link record fit in 32 bytes instead of 40.
/// </summary>
/// <remarks>
/// Exact for every number up to <see cref="MaxCoordinate"/> (16,777,215). A line or column of a file is at most its
/// length in bytes plus one, so ranges of files up to <see cref="MaxFileBytes"/> are always exact; the loader refuses
/// larger files (MI900) whatever MetaIssueMaxFileSize says. A number outside 0..<see cref="MaxCoordinate"/> is
/// clamped rather than thrown on: the caller's guard, not this type, keeps them in range.
/// </remarks>
internal readonly struct PackedSourceRange : IEquatable<PackedSourceRange>
{
    /// <summary>The largest line or column kept exactly: 2^24 - 1.</summary>
    public const int MaxCoordinate = (1 << 24) - 1;

    /// <summary>The largest file whose facts are read: 8 MiB, so that its lines and columns are well below <see cref="MaxCoordinate"/>.</summary>
    public const long MaxFileBytes = 8L * 1024 * 1024;

    // Line (24 bits) | Column's low 8 bits; Column's high 16 bits | EndLine's low 16 bits; EndLine's high 8 bits | EndColumn (24 bits).
    private readonly uint _first;
    private readonly uint _second;
    private readonly uint _third;

    public PackedSourceRange(SourceRange range)
    {
        var line = Clamp(range.Line);
        var column = Clamp(range.Column);
        var endLine = Clamp(range.EndLine);
        var endColumn = Clamp(range.EndColumn);
        _first = line | (column << 24);
        _second = (column >> 8) | (endLine << 16);
        _third = (endLine >> 16) | (endColumn << 8);
    }

    public int Line => (int)(_first & MaxCoordinate);

    public int Column => (int)((_first >> 24) | ((_second & 0xFFFF) << 8));

    public int EndLine => (int)((_second >> 16) | ((_third & 0xFF) << 16));

    public int EndColumn => (int)(_third >> 8);

    public SourceRange ToSourceRange() => new(Line, Column, EndLine, EndColumn);

    public bool Equals(PackedSourceRange other) => _first == other._first && _second == other._second && _third == other._third;

    public override bool Equals(object? obj) => obj is PackedSourceRange other && Equals(other);

    public override int GetHashCode() => unchecked((int)((_first * 31 + _second) * 31 + _third));

    public override string ToString() => ToSourceRange().ToString();

    private static uint Clamp(int value) => value < 0 ? 0u : value > MaxCoordinate ? MaxCoordinate : (uint)value;
}
