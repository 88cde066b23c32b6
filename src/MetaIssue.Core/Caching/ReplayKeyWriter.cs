using System.Globalization;
using System.Text;

namespace MetaIssue.Caching;

/// <summary>
/// Writes a replay key: named values in the order given, each length-prefixed (<c>name=length:value</c>, a list as
/// <c>name#count</c> then its items), so two different sets of values never give the same text. Built by hand rather
/// than with a serialiser so a no-op build loads no serialiser; <see cref="CheckSettings.ToReplayKey"/> names every
/// property, which its unit test checks by reflection.
/// </summary>
internal sealed class ReplayKeyWriter
{
    private readonly StringBuilder _text = new(256);

    public ReplayKeyWriter Add(string name, string value)
    {
        _text.Append(name).Append('=').Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
        return this;
    }

    public ReplayKeyWriter Add(string name, long value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    public ReplayKeyWriter Add(string name, bool value) => Add(name, value ? "true" : "false");

    public ReplayKeyWriter Add(string name, IReadOnlyList<string> values)
    {
        _text.Append(name).Append('#').Append(values.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var value in values)
        {
            Add(string.Empty, value);
        }

        return this;
    }

    public override string ToString() => _text.ToString();
}
