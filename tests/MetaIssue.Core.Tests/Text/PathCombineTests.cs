using MetaIssue.IO;

namespace MetaIssue.Tests.Text;

/// <summary>
/// Link resolution combines a folder and a link's path in one pass (<see cref="PathText.CombineNormalized"/>) instead
/// of through <see cref="Path.GetFullPath(string)"/>: where it answers, the answer must be the one the slow way gives.
/// </summary>
public sealed class PathCombineTests
{
    private static string Slow(string folder, string relative) =>
        PathText.Normalize(Path.Combine(folder, relative.Replace('/', Path.DirectorySeparatorChar)));

    [Theory]
    [InlineData("/repo/docs/meta-issues/a", "attempts/001-x/solution-approach.md", "/repo/docs/meta-issues/a/attempts/001-x/solution-approach.md")]
    [InlineData("/repo/docs/meta-issues/a/attempts/001-x", "../../test-cases.md", "/repo/docs/meta-issues/a/test-cases.md")]
    [InlineData("/repo/docs/lessons-learned/perf", "../../meta-issues/a/README.md", "/repo/docs/meta-issues/a/README.md")]
    [InlineData("/repo/docs", "./a/./b//c/", "/repo/docs/a/b/c")]
    [InlineData("/repo", "../../../../etc/passwd", "/etc/passwd")]
    [InlineData("/", "a/../../b", "/b")]
    [InlineData("/repo", "", "/repo")]
    [InlineData("/repo", "..", "/")]
    [InlineData("/repo", "...", "/repo/...")]
    [InlineData("/repo", "a\\b.md", "/repo/a\\b.md")]
    [InlineData("/repo", "with space/ü.md", "/repo/with space/ü.md")]
    public void Resolves_dots_and_separators_as_the_full_path_does(string folder, string relative, string expected)
    {
        if (Path.DirectorySeparatorChar != '/')
        {
            Assert.Null(PathText.CombineNormalized(folder, relative));
            return;
        }

        Assert.Equal(expected, PathText.CombineNormalized(folder, relative));
        Assert.Equal(Slow(folder, relative), PathText.CombineNormalized(folder, relative));
    }

    [Theory]
    [InlineData("/repo", "/etc/passwd")]
    [InlineData("repo", "a.md")]
    [InlineData("", "a.md")]
    [InlineData("/repo", "a\0b")]
    public void Leaves_what_it_cannot_vouch_for_to_the_slow_way(string folder, string relative) =>
        Assert.Null(PathText.CombineNormalized(folder, relative));

    [Fact]
    public void Agrees_with_the_full_path_on_random_paths()
    {
        if (Path.DirectorySeparatorChar != '/')
        {
            return;
        }

        var segments = new[] { "a", "b.md", ".", "..", "", "...", "x y", ".hidden", "a.", "é", "%20", "#", "~", "a\\b" };
        var folders = new[] { "/", "/r", "/r/docs", "/r/docs/meta-issues/m/attempts/001-x" };
        var random = new Random(20261202);
        for (var sample = 0; sample < 20_000; sample++)
        {
            var count = random.Next(0, 7);
            var relative = string.Join("/", Enumerable.Range(0, count).Select(_ => segments[random.Next(segments.Length)]));
            if (relative.StartsWith('/'))
            {
                continue;
            }

            var folder = folders[random.Next(folders.Length)];
            Assert.True(Slow(folder, relative) == PathText.CombineNormalized(folder, relative), $"'{folder}' + '{relative}'");
        }
    }
}
