using MetaIssue.Diagnostics;
using MetaIssue.Fixes;
using MetaIssue.Text;

namespace MetaIssue.Rules;

/// <summary>Collects the diagnostics of a run. Not thread-safe: rules run one after the other.</summary>
internal sealed class DiagnosticSink
{
    private readonly List<Diagnostic> _diagnostics = new();

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>Adds a finding of <paramref name="rule"/>, its message built from the rule's format and <paramref name="arguments"/>.</summary>
    public void Report(RuleDescriptor rule, string path, SourceRange? range, Fix? fix, params object?[] arguments) =>
        _diagnostics.Add(new Diagnostic(rule, path, range, rule.FormatMessage(arguments)) { Fix = fix });

    /// <summary>A sink bound to <paramref name="rule"/>.</summary>
    public RuleSink For(RuleDescriptor rule) => new(rule, this);
}

/// <summary>A <see cref="DiagnosticSink"/> bound to one rule, so rules only say where and what.</summary>
internal readonly struct RuleSink
{
    private readonly RuleDescriptor _rule;
    private readonly DiagnosticSink _sink;

    public RuleSink(RuleDescriptor rule, DiagnosticSink sink)
    {
        _rule = rule;
        _sink = sink;
    }

    /// <summary>Reports a finding at <paramref name="path"/> (a file, or a folder when <paramref name="range"/> is null), its message the rule's format filled with <paramref name="arguments"/>.</summary>
    public void At(string path, SourceRange? range, params object?[] arguments) => _sink.Report(_rule, path, range, null, arguments);

    /// <summary>As <see cref="At(string, SourceRange?, object[])"/>, with the fix the rule proposes.</summary>
    public void At(string path, SourceRange? range, Fix fix, params object?[] arguments) => _sink.Report(_rule, path, range, fix, arguments);
}
