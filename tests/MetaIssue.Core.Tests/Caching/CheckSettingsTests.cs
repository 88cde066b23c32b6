using System.Reflection;

namespace MetaIssue.Tests.Caching;

/// <summary>The replay key is the settings' serialisation: a setting cannot be left out of it.</summary>
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
