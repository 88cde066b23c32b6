using System.CommandLine;
using MetaIssue.Edits;
using MetaIssue.Model;
using MetaIssue.Conventions;

namespace MetaIssue.Tool.Commands;

internal sealed partial class ToolCommands
{
    private Command AttemptCommand()
    {
        var issue = new Argument<string>("issue") { Description = "Folder name of the meta-issue." };
        var slug = new Argument<string>("slug") { Description = "Slug of the attempt, e.g. connection-pooling: its folder is attempts/NNN-<slug>/." };
        var title = new Option<string?>("--title") { Description = "Attempt title used in the headings. Default: the slug in title case." };
        var command = new Command(
            "attempt",
            "Add the next attempt: attempts/NNN-<slug>/ plus its README timeline row, implementation-log section and a result line under every test case. "
            + "In a git repository, numbers used on other local or remote-tracking branches are skipped.")
        {
            issue, slug, title,
        };
        Handle(command, parse =>
        {
            var workspace = Open(parse);
            var attemptSlug = parse.GetValue(slug)!;
            RequireName("metaattempt", "nameIsFolderName", attemptSlug, "the slug");
            var tree = workspace.Check().Tree;
            var folder = workspace.Issue(tree, parse.GetValue(issue)!);
            var local = folder.NumberedAttempts.Select(a => a.Number!.Value).DefaultIfEmpty(0).Max();
            var elsewhere = MetaIssue.Git.BranchAttempts.Find(Path.Combine(folder.FullPath, MetaIssueFolder.AttemptsFolder));
            var number = Math.Max(local, elsewhere.Select(a => a.Number).DefaultIfEmpty(0).Max()) + 1;
            if (number > 999)
            {
                throw new ToolException($"the next attempt number would be {number}, over 999; nothing was written");
            }

            foreach (var skipped in elsewhere.Where(a => a.Number > local && !folder.NumberedAttempts.Any(f => f.Number == a.Number)).OrderBy(a => a.Number))
            {
                output.WriteLine($"skip {AttemptReferences.Format(skipped.Number)}: branch {skipped.Branch} has attempts/{skipped.Name}");
            }

            var edits = new AttemptEdits();
            var fix = edits.NewAttempt(folder.FullPath, number, attemptSlug, parse.GetValue(title), Today);
            workspace.Apply(fix, output);
            foreach (var note in edits.Notes)
            {
                error.WriteLine($"metaissue attempt: note: {note}");
            }

            output.WriteLine($"Attempt {AttemptReferences.Format(number)}: write the plan in solution-approach.md; when it ends: metaissue outcome {folder.Name} {AttemptReferences.Format(number)} <success|failed|partial|abandoned>");
            return 0;
        });
        return command;
    }

    private Command OutcomeCommand()
    {
        var issue = new Argument<string>("issue") { Description = "Folder name of the meta-issue." };
        var number = new Argument<int>("number") { Description = "The attempt's number (4 or 004)." };
        var outcome = new Argument<string>("outcome") { Description = "success, failed, partial or abandoned." };
        outcome.AcceptOnlyFromAmong("success", "failed", "partial", "abandoned");
        var note = new Option<string?>("--note") { Description = "A few words after the result in the implementation log." };
        var command = new Command("outcome", "Record an attempt's outcome in attempt-results.md, its implementation-log entry and its README timeline row at once.")
        {
            issue, number, outcome, note,
        };
        Handle(command, parse =>
        {
            var workspace = Open(parse);
            var tree = workspace.Check().Tree;
            var folder = workspace.Issue(tree, parse.GetValue(issue)!);
            var wanted = parse.GetValue(number);
            var attempt = folder.NumberedAttempts.FirstOrDefault(a => a.Number == wanted)
                ?? throw new ToolException($"{folder.Name} has no attempt {AttemptReferences.Format(wanted)}; nothing was written");
            var value = parse.GetValue(outcome) switch
            {
                "success" => AttemptOutcome.Success,
                "failed" => AttemptOutcome.Failure,
                "partial" => AttemptOutcome.Partial,
                _ => AttemptOutcome.Abandoned,
            };
            var text = parse.GetValue(note);
            if (text is not null && (text.Contains('\n') || text.Contains('\r') || text.Contains('|')))
            {
                throw new ToolException("--note must be one line without '|'; nothing was written");
            }

            var edits = new AttemptEdits();
            workspace.Apply(edits.Outcome(folder, attempt, value, text, Today), output);
            foreach (var line in edits.Notes)
            {
                error.WriteLine($"metaissue outcome: note: {line}");
            }

            return 0;
        });
        return command;
    }
}
