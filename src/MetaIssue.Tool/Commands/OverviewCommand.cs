using System.CommandLine;
using MetaIssue.Reporting;

namespace MetaIssue.Tool.Commands;

internal sealed partial class ToolCommands
{
    private Command OverviewCommand()
    {
        var file = new Option<string?>("--file") { Description = "The overview file. Default: README.md in the first meta-issue root." };
        var command = new Command("overview", "Write the status overview (table and timeline chart) between its markers, as dotnet build -t:MetaIssueOverview does.") { file };
        Handle(command, parse =>
        {
            var workspace = Open(parse);
            var path = Path.GetFullPath(parse.GetValue(file) is { } given ? Path.Combine(workspace.Root, given) : Path.Combine(workspace.MetaIssueRoots[0], "README.md"));
            var result = workspace.Check();
            var outcome = MarkedSection.Write(path, Overview.Render(result, path), "Meta-Issues");
            switch (outcome)
            {
                case MarkedSectionOutcome.MissingMarkers:
                    throw new ToolException($"{workspace.Show(path)} exists but has no overview markers, so nothing was written; {MarkedSection.HowToAddMarkers}");
                case MarkedSectionOutcome.Created:
                    output.WriteLine($"create {workspace.Show(path)}");
                    break;
                case MarkedSectionOutcome.Updated:
                    output.WriteLine($"change {workspace.Show(path)}");
                    break;
                default:
                    output.WriteLine($"{workspace.Show(path)} is up to date");
                    break;
            }

            return 0;
        });
        return command;
    }
}
