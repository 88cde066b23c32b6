using System.IO.Compression;
using System.Text;
using MetaIssue.EndToEnd.Infrastructure;
using MetaIssue.Testing;

namespace MetaIssue.EndToEnd.Build;

/// <summary>Two clones of one commit, packed as CI packs them, give byte-identical task assemblies with no clone path inside.</summary>
[Collection(CheckerBuildCollection.Name)]
public sealed class DeterminismTests
{
    [Fact]
    public async Task Packing_one_commit_from_two_clones_gives_identical_assemblies()
    {
        var commit = (await GitAsync(RepositoryLayout.Root, "rev-parse", "HEAD")).Trim();
        var assemblies = new List<Dictionary<string, byte[]>>();
        var clones = new List<string>();
        foreach (var name in new[] { "clone-a", "clone-b" })
        {
            var clone = Path.Combine(TestRun.CreateDirectory("determinism"), name);
            clones.Add(clone);
            await GitAsync(RepositoryLayout.Root, "clone", "-q", RepositoryLayout.Root, clone);
            await GitAsync(clone, "checkout", "-q", commit);
            var feed = TestRun.CreateDirectory("determinism-feed");
            var pack = await DotnetCli.RunAsync(
                clone,
                ["pack", "src/MetaIssue.Build/MetaIssue.Build.csproj", "-c", "Release", "-o", feed, "-p:ContinuousIntegrationBuild=true"],
                TimeSpan.FromMinutes(12));
            Assert.True(pack.ExitCode == 0, pack.ToString());
            using var package = ZipFile.OpenRead(Directory.GetFiles(feed, "MetaIssue.Build.*.nupkg").Single());
            assemblies.Add(package.Entries
                .Where(e => e.FullName.StartsWith("tasks/", StringComparison.Ordinal) && Path.GetFileName(e.FullName).StartsWith("MetaIssue.", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal))
                .ToDictionary(e => e.FullName, e => { using var s = new MemoryStream(); e.Open().CopyTo(s); return s.ToArray(); }));
        }

        Assert.Equal(6, assemblies[0].Count); // MetaIssue.Build and MetaIssue.Core for net472, net8.0 and net10.0 (ReadyToRun)
        Assert.Equal(assemblies[0].Keys.Order(), assemblies[1].Keys.Order());
        foreach (var (entry, bytes) in assemblies[0])
        {
            Assert.True(bytes.AsSpan().SequenceEqual(assemblies[1][entry]), $"{entry} differs between the two clones");
            var text = Encoding.Latin1.GetString(bytes);
            Assert.DoesNotContain(clones[0], text);
        }
    }

    private static async Task<string> GitAsync(string directory, params string[] arguments)
    {
        var git = await ProcessRunner.RunAsync("git", arguments, directory, TimeSpan.FromMinutes(2));
        Assert.True(git.Succeeded, git.ToString());
        return git.StandardOutput;
    }
}
