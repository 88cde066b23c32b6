namespace MetaIssue.Benchmarks.Corpus;

/// <summary>SplitMix64: a tiny seeded generator whose sequence never depends on the runtime version (System.Random may).</summary>
internal sealed class Prng
{
    private ulong _state;

    public Prng(long seed) => _state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL);

    public ulong Next()
    {
        var z = _state = unchecked(_state + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, max).</summary>
    public int Below(int max) => max <= 1 ? 0 : (int)(Next() % (ulong)max);

    /// <summary>A number in [min, max] (both inclusive).</summary>
    public int Between(int min, int max) => min + Below(max - min + 1);

    public bool Chance(double probability) => (Next() >> 11) * (1.0 / (1UL << 53)) < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];

    /// <summary>An independent generator for one part of the corpus, so changing one part leaves the others as they were.</summary>
    public Prng Fork(long salt) => new(unchecked((long)Next() ^ salt));
}
