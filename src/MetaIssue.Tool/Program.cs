using System.CommandLine;
using MetaIssue.Tool;
using MetaIssue.Tool.Commands;

var root = new RootCommand("metaissue: scaffold, record and check meta-issues (folders of Markdown recording a hard problem's solution attempts).");
var rootOption = new Option<string?>("--root")
{
    Description = "Repository root. Default: the nearest folder above the current one holding .git, else the current folder.",
    Recursive = true,
};
root.Options.Add(rootOption);
var commands = new ToolCommands(rootOption, Console.Out, Console.Error);
foreach (var command in commands.All())
{
    root.Subcommands.Add(command);
}

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"metaissue: {error.Message}");
    }

    Console.Error.WriteLine("Run 'metaissue --help' or 'metaissue <command> --help' for usage.");
    return 2;
}

return parsed.Invoke();
