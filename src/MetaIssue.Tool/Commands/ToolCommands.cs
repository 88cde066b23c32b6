using System.CommandLine;

namespace MetaIssue.Tool.Commands;

/// <summary>The commands of the tool; each file of this partial class builds one. Shared: the --root option and the output writers.</summary>
internal sealed partial class ToolCommands(Option<string?> rootOption, TextWriter output, TextWriter error)
{
    public IEnumerable<Command> All() => new[]
    {
        NewCommand(), AttemptCommand(), OutcomeCommand(), CloseCommand(), UnderstandingCommand(),
        StatusCommand(), CheckCommand(), OverviewCommand(),
    };

    private Workspace Open(ParseResult parse) => Workspace.Open(parse.GetValue(rootOption));

    /// <summary>Runs a command body: a <see cref="ToolException"/> or an I/O failure is one line on stderr and exit code 2.</summary>
    private void Handle(Command command, Func<ParseResult, int> body) => command.SetAction(parse =>
    {
        try
        {
            return body(parse);
        }
        catch (ToolException exception)
        {
            error.WriteLine($"metaissue {command.Name}: {exception.Message}");
            return 2;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"metaissue {command.Name}: {exception.GetType().Name}: {exception.Message}");
            return 2;
        }
    });

    private static void RequireName(string template, string guard, string value, string what)
    {
        if (!MetaIssue.Templates.TemplateRules.Matches(template, guard, value))
        {
            throw new ToolException($"{what} '{value}' is not a plain name: at most 100 characters, not starting or ending with a dot or a space, no control characters, and none of / \\ : * ? \" < > | [ ]; nothing was written");
        }
    }

    private static DateTime Today => DateTime.Now;
}
