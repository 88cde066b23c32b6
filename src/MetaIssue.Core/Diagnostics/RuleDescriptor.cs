using System.Globalization;

namespace MetaIssue.Diagnostics;

/// <summary>How a finding is reported by default: MSBuild warning or error, SARIF <c>level</c>.</summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>
/// What a rule is, declared in the rule's own file (as a roslyn analyzer declares its <c>DiagnosticDescriptor</c>):
/// the stable code, a PascalCase name, the one-line title of its help page, the description, and the composite
/// format string (<see cref="string.Format(IFormatProvider, string, object[])"/>, invariant culture) every message of
/// the rule is built from. The help page is <c>{helpLinkBase}/{Id}.md</c>.
/// </summary>
public sealed record RuleDescriptor(
    string Id,
    string Name,
    string Title,
    string Description,
    string MessageFormat,
    DiagnosticSeverity DefaultSeverity = DiagnosticSeverity.Warning)
{
    /// <summary>The rule's help page under <paramref name="helpLinkBase"/>; empty when no base is configured.</summary>
    public string HelpLink(string helpLinkBase) =>
        string.IsNullOrWhiteSpace(helpLinkBase) ? string.Empty : helpLinkBase.TrimEnd('/') + "/" + Id + ".md";

    /// <summary>The message for these arguments. Throws <see cref="FormatException"/> when fewer are given than the format uses.</summary>
    public string FormatMessage(params object?[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);
}
