namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>
/// Collection fixture: a template hive with the product's template pack installed. Each collection that uses it
/// gets its own hive, so collections can run in parallel; the packing behind it happens once per test run.
/// </summary>
public sealed class TemplateHiveFixture : IAsyncLifetime
{
    public const string TemplatesPackageId = "MetaIssue.Templates";

    public ProductPackages Packages { get; private set; } = null!;

    public TemplateHive Hive { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Packages = await ProductPackages.GetAsync();
        Hive = await TemplateHive.CreateAsync(Packages.PathOf(TemplatesPackageId));
    }

    public Task DisposeAsync()
    {
        TestRun.DeleteQuietly(Hive.Directory);
        return Task.CompletedTask;
    }
}
