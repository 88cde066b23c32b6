using System.Runtime.CompilerServices;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace MetaIssue.Build;

/// <summary>
/// <c>dotnet build -t:MetaIssueFix</c>: applies the fixes the findings carry (safe ones, or safe and review ones with
/// <see cref="Level"/> <c>review</c>), or with <see cref="DryRun"/> prints their unified diff and writes nothing.
/// Logs each changed file and a one-line summary; the target then runs the check again to show what is left.
/// Writes only inside the meta-issue roots and the lessons root. Never throws: a failure is one MI900 warning.
/// </summary>
public sealed class FixMetaIssues : MetaIssueTask
{
    /// <summary><c>safe</c> (default) or <c>review</c>; anything else is refused (an MI900 error).</summary>
    public string Level { get; set; } = "safe";

    /// <summary>Print the unified diff of every edit and write nothing.</summary>
    public bool DryRun { get; set; }

    [Output]
    public int FixedCount { get; set; }

    public override bool Execute()
    {
        try
        {
            Run();
        }
        catch (Exception exception)
        {
            // As CheckMetaIssues: a Core that cannot load, or a bug, is one coded warning, never MSB4018.
            Log.LogWarning(null, "MI900", null, null, BuildEngine?.ProjectFileOfTaskNode ?? string.Empty, 0, 0, 0, 0,
                $"the meta-issue fixes could not be applied ({exception.GetType().Name}: {exception.Message.Replace(Environment.NewLine, " ")}); nothing more was written",
                Array.Empty<object>());
        }

        return !Log.HasLoggedErrors;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Run()
    {
        var level = FixRunner.ParseLevel(Level);
        if (level is null)
        {
            Log.LogError(null, "MI900", null, null, BuildEngine?.ProjectFileOfTaskNode ?? string.Empty, 0, 0, 0, 0,
                $"MetaIssueFixLevel is '{Level}'; use 'safe' (the default) or 'review'", Array.Empty<object>());
            return;
        }

        var outcome = FixRunner.Run(this, level.Value);
        foreach (var line in outcome.Lines)
        {
            Log.LogMessage(MessageImportance.High, line);
        }

        foreach (var problem in outcome.Problems)
        {
            Log.LogWarning(null, "MI900", null, null, problem.File, 0, 0, 0, 0, problem.Message, Array.Empty<object>());
        }

        FixedCount = outcome.Fixed;
        Log.LogMessage(MessageImportance.High, outcome.Summary);
    }
}
