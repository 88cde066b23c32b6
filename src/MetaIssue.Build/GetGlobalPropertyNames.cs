using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace MetaIssue.Build;

/// <summary>
/// Lists the names of the global properties the calling project was built with (<c>-p:</c> switches, a
/// ProjectReference's <c>AdditionalProperties</c> or <c>SetTargetFramework</c>, a solution's or traversal's own), so the
/// targets can remove every one of them before calling the shared check project: any global property left in would
/// make MSBuild treat the call as a different project instance and run the check again.
/// Needs <see cref="IBuildEngine6"/> (MSBuild 16.0 and later); with an older engine the list is empty.
/// </summary>
public sealed class GetGlobalPropertyNames : Task
{
    /// <summary>The names, in no particular order; empty when the project has none.</summary>
    [Output]
    public string[] Names { get; set; } = Array.Empty<string>();

    public override bool Execute()
    {
        Names = BuildEngine is IBuildEngine6 engine ? engine.GetGlobalProperties().Keys.ToArray() : Array.Empty<string>();
        return true;
    }
}
