using System.Reflection;

namespace MetaIssue.Tests.Caching;

/// <summary>The replay key names every setting: one left out of <see cref="CheckSettings.ToReplayKey"/> fails here.</summary>
public sealed class CheckSettingsTests
{
    private static readonly CheckSettings Baseline = new("/repo");

    public static TheoryData<string> Properties()
    {
        var data = new TheoryData<string>();
        foreach (var property in typeof(CheckSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            data.Add(property.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Properties))]
    public void Changing_any_setting_changes_the_replay_key(string name)
    {
        var property = typeof(CheckSettings).GetProperty(name)!;
        var changed = Baseline with { };
        property.SetValue(changed, Different(property.PropertyType, property.GetValue(Baseline)));
        Assert.NotEqual(Baseline.ToReplayKey(), changed.ToReplayKey());
    }

    [Fact]
    public void Equal_settings_give_equal_keys() =>
        Assert.Equal(new CheckSettings("/repo") { SuppressedCodes = new[] { "MI016" } }.ToReplayKey(), new CheckSettings("/repo") { SuppressedCodes = new List<string> { "MI016" } }.ToReplayKey());

    [Theory]
    [InlineData("a;b", "a", "b")]
    [InlineData("a\nb", "a", "b")]
    [InlineData("a", "a", "")]
    public void Values_that_would_read_alike_once_joined_give_different_keys(string one, string first, string second)
    {
        var joined = new CheckSettings("/repo") { MetaIssueRoots = new[] { one } };
        var split = new CheckSettings("/repo") { MetaIssueRoots = new[] { first, second } };
        Assert.NotEqual(joined.ToReplayKey(), split.ToReplayKey());
        Assert.NotEqual(new CheckSettings("/repo") { SarifLog = "x", OverviewFile = string.Empty }.ToReplayKey(), new CheckSettings("/repo") { SarifLog = string.Empty, OverviewFile = "x" }.ToReplayKey());
    }

    [Fact]
    public void The_key_names_every_property_in_declaration_order()
    {
        var key = Baseline.ToReplayKey();
        var names = typeof(CheckSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToList();
        var positions = names.Select(n => key.IndexOf("\n" + n, StringComparison.Ordinal) is var i and >= 0 ? i : key.StartsWith(n, StringComparison.Ordinal) ? 0 : -1).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void The_checker_options_carry_the_settings_the_check_reads()
    {
        var settings = new CheckSettings("/repo") { MetaIssueRoots = new[] { "issues" }, LessonsRoot = "lessons", MaxFileBytes = 10 };
        var options = settings.ToCheckerOptions("/obj");
        Assert.Equal(("/repo", "issues", "lessons", 10L, "/obj"), (options.RepositoryRoot, options.MetaIssueRoots.Single(), options.LessonsRoot, options.MaxFileBytes, options.CacheDirectory));
    }

    private static object Different(Type type, object? value) => type switch
    {
        _ when type == typeof(string) => value + "-changed",
        _ when type == typeof(long) => (long)value! + 1,
        _ when type == typeof(bool) => !(bool)value!,
        _ when type == typeof(IReadOnlyList<string>) => ((IReadOnlyList<string>)value!).Append("changed").ToArray(),
        _ => throw new NotSupportedException($"CheckSettings has a {type.Name} property: teach this test how to change it"),
    };
}
