using System.IO.Compression;
using System.Reflection.PortableExecutable;
using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd.Build;

/// <summary>
/// The .NET task folders of the packed MetaIssue.Build carry ReadyToRun code for linux-x64, so a fresh build process
/// does not JIT-compile the task, MetaIssue.Core and Markdig; the net472 folder stays IL-only. Each folder still
/// checks a real meta-issue when MSBuild loads it.
/// </summary>
[Collection(CheckerBuildCollection.Name)]
public sealed class ReadyToRunTaskTests(TemplateHiveFixture fixture)
{
    /// <summary>IMAGE_FILE_MACHINE_AMD64 (0x8664) XOR the Linux marker (0x7B79) that Crossgen2 writes for linux-x64.</summary>
    private const Machine LinuxX64 = (Machine)0xFD1D;

    /// <summary>'RTR', the first field of a READYTORUN_HEADER.</summary>
    private const uint ReadyToRunSignature = 0x00525452;

    /// <summary>
    /// READYTORUN_FLAG_UNRELATED_R2R_CODE (docs/design/coreclr/botr/readytorun-format.md in dotnet/runtime): the image
    /// holds code of other modules' generics, here the framework's over the package's own types.
    /// </summary>
    private const uint UnrelatedCode = 0x80;

    [Fact]
    public void The_dotnet_task_folders_are_ReadyToRun_images_for_linux_x64_and_the_net472_folder_is_IL_only()
    {
        using var package = ZipFile.OpenRead(fixture.Packages.PathOf(SampleRepository.BuildPackageId));
        var images = package.Entries
            .Where(e => e.FullName.StartsWith("tasks/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal))
            .ToDictionary(e => e.FullName, ReadyToRunHeaderOf, StringComparer.Ordinal);

        foreach (var folder in new[] { "net8.0", "net10.0" })
        {
            var dotnet = images.Where(i => i.Key.StartsWith($"tasks/{folder}/", StringComparison.Ordinal)).ToList();
            Assert.Equal(["Markdig.Signed.dll", "MetaIssue.Build.dll", "MetaIssue.Core.dll"], dotnet.Select(i => Path.GetFileName(i.Key)).Order(StringComparer.Ordinal));
            Assert.All(dotnet, i => Assert.True(i.Value.Machine == LinuxX64 && i.Value.MajorVersion > 0, $"{i.Key} is not a linux-x64 ReadyToRun image: {i.Value}"));
        }

        var framework = images.Where(i => i.Key.StartsWith("tasks/net472/", StringComparison.Ordinal)).ToList();
        Assert.Contains(framework, i => i.Key.EndsWith("/MetaIssue.Build.dll", StringComparison.Ordinal));
        Assert.All(framework, i => Assert.True(i.Value.MajorVersion == 0, $"{i.Key} has ReadyToRun code: {i.Value}"));

        // A runtime uses ReadyToRun code of its own major format version only: the net10.0 images must be the one the
        // .NET 10 runtime (this test's, and the .NET 10 SDK's MSBuild) reads, or they are JIT-compiled after all.
        var runtimeMajor = ReadyToRunHeaderOf(typeof(object).Assembly.Location).MajorVersion;
        Assert.All(
            images.Where(i => i.Key.StartsWith("tasks/net10.0/", StringComparison.Ordinal)),
            i => Assert.True(i.Value.MajorVersion == runtimeMajor, $"{i.Key}: ReadyToRun {i.Value.MajorVersion}, this runtime reads {runtimeMajor}"));

        // net10.0's MetaIssue.Core and Markdig also hold the framework's generic code over their own types (List<T> of
        // their value types, LINQ over them), which a fresh build would otherwise JIT-compile; net8.0's do not (no .NET
        // 8 runtime here to prove such images on).
        foreach (var name in new[] { "MetaIssue.Core.dll", "Markdig.Signed.dll" })
        {
            Assert.True((images[$"tasks/net10.0/{name}"].Flags & UnrelatedCode) != 0, $"tasks/net10.0/{name} holds no cross-module generic code: {images[$"tasks/net10.0/{name}"]}");
            Assert.True((images[$"tasks/net8.0/{name}"].Flags & UnrelatedCode) == 0, $"tasks/net8.0/{name} holds cross-module generic code: {images[$"tasks/net8.0/{name}"]}");
        }
    }

    [Theory]
    [InlineData(null, "net10.0")] // what the .NET 10 SDK's MSBuild (18.x) loads by itself
    [InlineData("net8.0", "net8.0")] // what MSBuild 17.x on .NET 8 or 9 loads; its images are JIT-compiled here
    public async Task Each_dotnet_task_folder_checks_the_real_meta_issue(string? chosen, string loaded)
    {
        using var repository = await TwoFindings.CreateAsync(fixture.Packages);
        repository.WithPerformanceSaga();
        var project = repository.AddProject("src/App");
        var environment = new Dictionary<string, string?> { ["_MetaIssueTaskFramework"] = chosen };

        var build = await TwoFindings.RunAsync(repository, environment, "build", project, "-v:detailed");

        build.AssertSucceeded();
        Assert.Contains($"tasks/{loaded}/MetaIssue.Build.dll", build.Result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(build.MetaIssue, d => d.Code == "MI900");
        var expected = SagaExpectations.Expected();
        expected.Add(("MI010", TwoFindings.Readme, 3, 13));
        expected.Add(("MI030", TwoFindings.Readme, 5, 8));
        Assert.Equal(SagaExpectations.Ordered(expected), SagaExpectations.Ordered(build.MetaIssue.Select(d => (d.Code, d.File, d.Line, d.Column))));
    }

    /// <summary>
    /// The images are not only there but used: in a fresh build that checks the real meta-issue, the runtime JIT-compiles
    /// no method of MetaIssue.Build, MetaIssue.Core or Markdig at tier 0, the tier a method without precompiled code
    /// starts at (a hot method may be compiled again at tier 1 later, with or without an image). The runtime's own
    /// list of what it JIT-compiles (DOTNET_JitStdOutFile, DOTNET_JitDisasmSummary) tells. The task assembly's code is
    /// the one Crossgen2 can only compile when it is given MSBuild's assemblies, which the task references compile-only.
    /// </summary>
    [Fact]
    public async Task A_fresh_build_runs_the_precompiled_code_of_the_task_the_library_and_Markdig()
    {
        using var repository = await TwoFindings.CreateAsync(fixture.Packages);
        repository.WithPerformanceSaga();
        var project = repository.AddProject("src/App");
        // Compiled first, so the listed build starts no compiler process (a child process would write the same file);
        // its check still starts afresh, with the caches gone.
        (await TwoFindings.RunAsync(repository, "build", project)).AssertSucceeded();
        repository.Delete("obj/metaissue");
        var compiled = Path.Combine(repository.Root, "jit-compiled.txt");
        var environment = new Dictionary<string, string?> { ["DOTNET_JitStdOutFile"] = compiled, ["DOTNET_JitDisasmSummary"] = "1" };

        var build = await TwoFindings.RunAsync(repository, environment, "build", project, "--no-restore");

        build.AssertSucceeded();
        Assert.NotEmpty(build.MetaIssue);
        var lines = File.ReadAllLines(compiled);
        Assert.True(lines.Count(line => line.Contains("JIT compiled Microsoft.Build.", StringComparison.Ordinal)) > 10,
            $"the list of {lines.Length} JIT-compiled methods is not the build's: is DOTNET_JitStdOutFile honoured?");
        // The check parsed the files (the framework's generics over Markdig's types are listed), not replayed a last check.
        Assert.Contains(lines, line => line.Contains("[Markdig.", StringComparison.Ordinal));
        var ours = lines
            .Where(line => line.Contains("JIT compiled MetaIssue.", StringComparison.Ordinal) || line.Contains("JIT compiled Markdig.", StringComparison.Ordinal))
            .Where(line => line.Contains("Tier0", StringComparison.Ordinal))
            .ToList();
        Assert.True(ours.Count == 0, $"{ours.Count} methods of the package JIT-compiled from IL:\n" + string.Join("\n", ours.Take(20)));
    }

    private static ReadyToRunHeader ReadyToRunHeaderOf(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return ReadyToRunHeaderOf(copy);
    }

    private static ReadyToRunHeader ReadyToRunHeaderOf(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadyToRunHeaderOf(stream);
    }

    /// <summary>The machine and, for a ReadyToRun image, its format version and flags (0 for an IL-only assembly).</summary>
    private static ReadyToRunHeader ReadyToRunHeaderOf(Stream stream)
    {
        using var pe = new PEReader(stream, PEStreamOptions.PrefetchEntireImage);
        var native = pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory;
        if (native.Size == 0)
        {
            return new ReadyToRunHeader(pe.PEHeaders.CoffHeader.Machine, 0, 0, 0);
        }

        var reader = pe.GetSectionData(native.RelativeVirtualAddress).GetReader();
        Assert.Equal(ReadyToRunSignature, reader.ReadUInt32());
        var major = reader.ReadUInt16();
        var minor = reader.ReadUInt16();
        return new ReadyToRunHeader(pe.PEHeaders.CoffHeader.Machine, major, minor, reader.ReadUInt32()); // READYTORUN_CORE_HEADER.Flags
    }

    private sealed record ReadyToRunHeader(Machine Machine, ushort MajorVersion, ushort MinorVersion, uint Flags);
}
