using MetaIssue.Diagnostics;

namespace MetaIssue.Rules;

/// <summary>One rule of the catalogue: reads the checked tree, reports what it finds.</summary>
public interface IRule
{
    RuleDescriptor Descriptor { get; }

    void Check(CheckContext context, DiagnosticSink sink);
}
