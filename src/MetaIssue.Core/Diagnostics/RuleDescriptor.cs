namespace MetaIssue.Diagnostics;

/// <summary>What a rule is, for help pages, SARIF <c>tool.driver.rules</c> and the README's rule list.</summary>
public sealed record RuleDescriptor(string Id, string Name, string Title, string Description)
{
    public string HelpLink(string helpLinkBase) =>
        string.IsNullOrEmpty(helpLinkBase) ? string.Empty : helpLinkBase.TrimEnd('/') + "/" + Id + ".md";
}
