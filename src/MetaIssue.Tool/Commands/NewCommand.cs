using System.CommandLine;
using MetaIssue.Fixes;
using MetaIssue.Templates;

namespace MetaIssue.Tool.Commands;

internal sealed partial class ToolCommands
{
    private Command NewCommand()
    {
        var name = new Argument<string>("name") { Description = "Folder name of the meta-issue, e.g. perf-degradation." };
        var title = new Option<string?>("--title") { Description = "Title used in the headings. Default: the name in title case." };
        var domain = new Option<string?>("--domain") { Description = "Area of the problem. Left out: a prompt to fill in." };
        domain.AcceptOnlyFromAmong(TemplateRules.Choices("metaissue", "domain").ToArray());
        var severity = new Option<string?>("--severity") { Description = "Impact of the problem. Left out: a prompt to fill in." };
        severity.AcceptOnlyFromAmong(TemplateRules.Choices("metaissue", "severity").ToArray());
        var owner = new Option<string?>("--owner") { Description = "Who drives the investigation. Left out: a prompt to fill in." };
        var firstAttempt = new Option<string?>("--first-attempt") { Description = "Slug of the first attempt (attempts/001-<slug>/). Default: baseline." };
        var command = new Command("new", "Scaffold a meta-issue: the same files as 'dotnet new metaissue', from the same template sources.")
        {
            name, title, domain, severity, owner, firstAttempt,
        };
        Handle(command, parse =>
        {
            var workspace = Open(parse);
            var issueName = parse.GetValue(name)!;
            RequireName("metaissue", "nameIsFolderName", issueName, "the name");
            var parameters = new Dictionary<string, string>();
            void Add(string key, string? value)
            {
                if (value is not null)
                {
                    parameters[key] = value;
                }
            }

            Add("title", parse.GetValue(title));
            Add("domain", parse.GetValue(domain)?.ToLowerInvariant());
            Add("severity", parse.GetValue(severity)?.ToLowerInvariant());
            Add("owner", parse.GetValue(owner));
            Add("first-attempt", parse.GetValue(firstAttempt));
            RequireName("metaissue", "nameIsFolderName", parameters.TryGetValue("first-attempt", out var slug) ? slug : "baseline", "--first-attempt");

            var target = workspace.MetaIssueRoots[0];
            if (Directory.Exists(Path.Combine(target, issueName)) || File.Exists(Path.Combine(target, issueName)))
            {
                throw new ToolException($"{workspace.Show(Path.Combine(target, issueName))} already exists; nothing was written");
            }

            var files = TemplateRenderer.Render("metaissue", issueName, parameters, Today);
            var creations = files.Select(f => (FileChange)new FileCreation(Path.Combine(target, f.Path.Replace('/', Path.DirectorySeparatorChar)), f.Content)).ToArray();
            workspace.Apply(new Fix($"Create meta-issue {issueName}", FixApplicability.Safe, creations), output);
            output.WriteLine($"Next: describe the problem in {workspace.Show(Path.Combine(target, issueName, "README.md"))} and description.md; then 'metaissue check'.");
            return 0;
        });
        return command;
    }
}
