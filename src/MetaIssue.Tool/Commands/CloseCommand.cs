using System.CommandLine;
using MetaIssue.Edits;
using MetaIssue.IO;
using MetaIssue.Conventions;

namespace MetaIssue.Tool.Commands;

internal sealed partial class ToolCommands
{
    private Command CloseCommand()
    {
        var issue = new Argument<string>("issue") { Description = "Folder name of the meta-issue." };
        var state = new Argument<string>("status") { Description = "resolved, abandoned or superseded." };
        state.AcceptOnlyFromAmong("resolved", "abandoned", "superseded");
        var attempt = new Option<int?>("--attempt") { Description = "The attempt that solved it (resolved). Default: the last successful attempt." };
        var by = new Option<string?>("--by") { Description = "The meta-issue that supersedes this one (superseded)." };
        var lesson = new Option<string?>("--lesson") { Description = "Name of the lesson to extract (the file name, e.g. Connection_Pooling), from the metalesson template." };
        var category = new Option<string?>("--category") { Description = "Folder under the lessons root that groups the lesson. Default: general." };
        var command = new Command("close", "Close a meta-issue: set its status, create its lesson (as 'dotnet new metalesson') and link it from the README.")
        {
            issue, state, attempt, by, lesson, category,
        };
        Handle(command, parse =>
        {
            var workspace = Open(parse);
            var tree = workspace.Check().Tree;
            var folder = workspace.Issue(tree, parse.GetValue(issue)!);
            var lessonName = parse.GetValue(lesson);
            var lessonCategory = parse.GetValue(category);
            if (lessonName is not null)
            {
                RequireName("metalesson", "nameIsFileName", lessonName, "--lesson");
            }

            if (lessonCategory is not null)
            {
                if (lessonName is null)
                {
                    throw new ToolException("--category goes with --lesson; nothing was written");
                }

                RequireName("metalesson", "categoryIsFolderName", lessonCategory, "--category");
            }

            string status;
            switch (parse.GetValue(state))
            {
                case "resolved":
                    var successes = folder.NumberedAttempts.Where(a => a.Outcome == AttemptOutcome.Success).ToList();
                    var number = parse.GetValue(attempt) ?? successes.LastOrDefault()?.Number
                        ?? throw new ToolException($"{folder.Name} has no successful attempt; record one (metaissue outcome {folder.Name} <n> success) or pass --attempt; nothing was written");
                    var named = folder.NumberedAttempts.FirstOrDefault(a => a.Number == number)
                        ?? throw new ToolException($"{folder.Name} has no attempt {AttemptReferences.Format(number)}; nothing was written");
                    if (named.Outcome != AttemptOutcome.Success)
                    {
                        throw new ToolException($"attempt {AttemptReferences.Format(number)} is recorded as {named.Outcome.DisplayName()}; record its success first (metaissue outcome {folder.Name} {AttemptReferences.Format(number)} success); nothing was written");
                    }

                    status = IssueEdits.StatusText(StatusState.Resolved, number, null, null);
                    break;
                case "superseded":
                    var other = workspace.Issue(tree, parse.GetValue(by) ?? throw new ToolException("superseded needs --by <issue>; nothing was written"));
                    if (other == folder)
                    {
                        throw new ToolException("a meta-issue cannot supersede itself; nothing was written");
                    }

                    var link = PathText.RelativeLink(folder.FullPath, other.FullPath) + "/";
                    status = IssueEdits.StatusText(StatusState.Superseded, null, other.Name, link.Contains(' ') ? "<" + link + ">" : link);
                    break;
                default:
                    status = IssueEdits.StatusText(StatusState.Abandoned, null, null, null);
                    break;
            }

            if (folder.IsClosed)
            {
                throw new ToolException($"{folder.Name} is already closed ({folder.Status!.Name}); nothing was written");
            }

            var edits = new IssueEdits();
            workspace.Apply(edits.Close(folder, status, lessonName, lessonCategory, workspace.LessonsRoot, Today), output);
            foreach (var note in edits.Notes)
            {
                error.WriteLine($"metaissue close: note: {note}");
            }

            return 0;
        });
        return command;
    }

    private Command UnderstandingCommand()
    {
        var issue = new Argument<string>("issue") { Description = "Folder name of the meta-issue." };
        var theory = new Argument<string>("theory") { Description = "The new theory of the problem, one line." };
        var command = new Command("understanding", "Add the next '### Version N (date)' to description.md and make the theory its Current Understanding.")
        {
            issue, theory,
        };
        Handle(command, parse =>
        {
            var workspace = Open(parse);
            var text = parse.GetValue(theory)!.Trim();
            if (text.Length == 0 || text.Contains('\n') || text.Contains('\r'))
            {
                throw new ToolException("the theory must be one non-empty line; nothing was written");
            }

            var folder = workspace.Issue(workspace.Check().Tree, parse.GetValue(issue)!);
            var edits = new IssueEdits();
            workspace.Apply(edits.Understanding(folder, text, Today), output);
            foreach (var note in edits.Notes)
            {
                error.WriteLine($"metaissue understanding: note: {note}");
            }

            return 0;
        });
        return command;
    }
}
