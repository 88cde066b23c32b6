using System.IO.Compression;
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

        foreach (var runtime in new[] { "net472", "net8.0" })
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
}
