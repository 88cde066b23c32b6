using System.CommandLine;
using MetaIssue.Fixes;

namespace MetaIssue.Tool.Commands;

internal sealed partial class ToolCommands
{
    private Command FixCommand()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the unified diff of every fix and write nothing." };
        var review = new Option<bool>("--review") { Description = "Also apply the fixes that need review (renumbering, renames, changing a closed status)." };
        var command = new Command("fix", "Apply the fixes the findings carry (safe ones; with --review also the others), then show what is left. Exit 0: nothing left, 1: findings left, 2: error.")
        {
            dryRun, review,
        };
        Handle(command, parse =>
        {
            var workspace = Open(parse);
            var dry = parse.GetValue(dryRun);
            var outcome = MetaIssueFixer.Run(workspace.Options, parse.GetValue(review) ? FixApplicability.Review : FixApplicability.Safe, dry);
            if (dry)
            {
                output.Write(outcome.Diff);
            }

            foreach (var pass in outcome.Passes)
            {
                workspace.Print(pass.Report, output);
            }

            foreach (var skipped in outcome.Skipped)
            {
                error.WriteLine($"metaissue fix: skipped '{skipped.Fix.Title}': {skipped.Reason}");
            }

            var withoutFix = outcome.Before.Diagnostics.Count(d => d.Fix is null);
            var held = parse.GetValue(review) ? 0 : outcome.Before.Diagnostics.Count(d => d.Fix is { Applicability: FixApplicability.Review });
            output.WriteLine(
                $"metaissue fix: {outcome.Before.Diagnostics.Count} finding(s), {outcome.Applied.Count} fix(es) {(dry ? "would be " : string.Empty)}applied, {outcome.Skipped.Count} skipped, "
                + $"{held} need --review, {withoutFix} without a fix; {outcome.After.Diagnostics.Count} finding(s) {(dry ? "now" : "left")}");
            if (outcome.Problems.Count > 0)
            {
                throw new ToolException("could not write: " + string.Join("; ", outcome.Problems));
            }

            return outcome.After.Diagnostics.Count > 0 ? 1 : 0;
        });
        return command;
    }
}
