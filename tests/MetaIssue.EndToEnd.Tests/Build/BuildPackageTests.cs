using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd.Build;

/// <summary>The packed MetaIssue.Build as NuGet and MSBuild see it: nothing flows to the consumer but the check.</summary>
[Collection(CheckerBuildCollection.Name)]
public sealed class BuildPackageTests(TemplateHiveFixture fixture)
{
    [Fact]
    public void The_package_is_a_development_dependency_with_its_task_and_dependencies_bundled_per_runtime()
    {
        using var package = ZipFile.OpenRead(fixture.Packages.PathOf(SampleRepository.BuildPackageId));
        var nuspec = XDocument.Load(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).Root!;
        string Metadata(string name) => nuspec.Descendants().Single(e => e.Name.LocalName == name).Value;

        Assert.Equal("MetaIssue.Build", Metadata("id"));
        Assert.Equal("true", Metadata("developmentDependency"));
        Assert.Equal("MIT", Metadata("license"));
        Assert.Equal("README.md", Metadata("readme"));
        Assert.DoesNotContain(nuspec.Descendants(), e => e.Name.LocalName == "dependency");

        var entries = package.Entries.Select(e => e.FullName).ToList();
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("buildTransitive/", StringComparison.Ordinal));
        foreach (var file in new[] { "build/MetaIssue.Build.props", "build/MetaIssue.Build.targets", "build/MetaIssue.Check.proj", "buildMultiTargeting/MetaIssue.Build.props", "buildMultiTargeting/MetaIssue.Build.targets" })
        {
            Assert.Contains(file, entries);
        }

        foreach (var runtime in new[] { "net472", "net8.0", "net10.0" })
        {
            var tasks = entries.Where(e => e.StartsWith($"tasks/{runtime}/", StringComparison.Ordinal)).Select(Path.GetFileName).ToList();
            Assert.Contains("MetaIssue.Build.dll", tasks);
            Assert.Contains("MetaIssue.Core.dll", tasks);
            Assert.Contains("Markdig.Signed.dll", tasks);
            Assert.DoesNotContain(tasks, t => t!.StartsWith("Microsoft.Build", StringComparison.Ordinal)); // the host's own
        }

        // .NET Framework MSBuild loads tasks without isolation: Markdig's System.* closure travels with it.
        Assert.Contains("tasks/net472/System.Memory.dll", entries);
    }

    [Theory]
    [InlineData("MetaIssue.Build")]
    [InlineData("MetaIssue.Templates")]
    public void Each_package_is_ready_for_nuget_org_with_its_own_short_readme_icon_release_notes_and_repository(string packageId)
    {
        var path = fixture.Packages.PathOf(packageId);
        var version = Path.GetFileNameWithoutExtension(path)[(packageId.Length + 1)..];
        using var package = ZipFile.OpenRead(path);
        var nuspec = XDocument.Load(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).Root!;
        string Metadata(string name) => nuspec.Descendants().Single(e => e.Name.LocalName == name).Value;

        Assert.Equal("icon.png", Metadata("icon"));
        using (var icon = package.GetEntry("icon.png")!.Open())
        {
            var header = new byte[8];
            icon.ReadExactly(header);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, header);
        }

        Assert.Equal($"https://github.com/metaissue/MetaIssue/releases/tag/v{version}", Metadata("releaseNotes"));
        Assert.Equal("MIT", Metadata("license"));
        var repository = nuspec.Descendants().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("https://github.com/metaissue/MetaIssue.git", repository.Attribute("url")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? string.Empty);

        // nuget.org resolves no relative link and the README of a version can never change: short, absolute, pinned.
        Assert.Equal("README.md", Metadata("readme"));
        using var reader = new StreamReader(package.GetEntry("README.md")!.Open());
        var readme = reader.ReadToEnd();
        Assert.True(readme.Length < 4000, $"{packageId}'s README is {readme.Length} characters");
        Assert.StartsWith($"# {packageId}", readme);
        Assert.DoesNotContain("not on nuget.org", readme, StringComparison.OrdinalIgnoreCase);
        var links = Regex.Matches(readme, @"\]\((?<target>[^)]+)\)|https?://\S+").Select(m => m.Groups["target"].Success ? m.Groups["target"].Value : m.Value).ToList();
        Assert.All(links, link => Assert.StartsWith("https://", link));
        Assert.All(
            Regex.Matches(readme, @"https://github\.com/metaissue/MetaIssue/(blob|releases/tag)/(?<ref>[^/\s)]+)").Select(m => m.Groups["ref"].Value),
            reference => Assert.Equal("v" + version, reference));
        Assert.Contains("dotnet", readme); // an install or use example
    }

    [Fact]
    public void The_symbol_package_carries_the_task_and_core_PDBs_with_source_link()
    {
        var nupkg = fixture.Packages.PathOf(SampleRepository.BuildPackageId);
        using var symbols = ZipFile.OpenRead(Path.ChangeExtension(nupkg, ".snupkg"));
        var entries = symbols.Entries.Select(e => e.FullName).ToList();
        foreach (var runtime in new[] { "net472", "net8.0", "net10.0" })
        {
            Assert.Contains($"tasks/{runtime}/MetaIssue.Build.pdb", entries);
            Assert.Contains($"tasks/{runtime}/MetaIssue.Core.pdb", entries);
        }

        // Portable PDBs keep the SourceLink map as UTF-8 JSON: the sources are fetched from the commit on GitHub.
        using var pdb = new MemoryStream();
        symbols.GetEntry("tasks/net8.0/MetaIssue.Build.pdb")!.Open().CopyTo(pdb);
        Assert.Contains("https://raw.githubusercontent.com/metaissue/MetaIssue/", System.Text.Encoding.UTF8.GetString(pdb.ToArray()));
    }
}
