namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>
/// Values of the "Category" trait. <c>dotnet test MetaIssue.slnx --filter "Category!=ExternalTools"</c> is the
/// .NET-only inner loop; CI (.ci/run) runs everything.
/// </summary>
public static class TestCategories
{
    public const string Trait = "Category";

    /// <summary>A test that installs npm packages or renders in Chromium (SARIF Multitool, Mermaid CLI, remark).</summary>
    public const string ExternalTools = "ExternalTools";
}
