using MetaIssue.Diagnostics;
using MetaIssue.Markdown;

namespace MetaIssue.Rules;

/// <summary>Collects the diagnostics of a run.</summary>
public sealed class DiagnosticSink
{
    private readonly List<Diagnostic> _diagnostics = new();

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public void Report(RuleDescriptor rule, string path, SourceRange? range, string message) =>
        _diagnostics.Add(new Diagnostic(rule, path, range, message));
}

/// <summary>A <see cref="DiagnosticSink"/> bound to one rule, so rules only say where and what.</summary>
public readonly struct RuleSink
{
    private readonly RuleDescriptor _rule;
    private readonly DiagnosticSink _sink;

    public RuleSink(RuleDescriptor rule, DiagnosticSink sink)
    {
        _rule = rule;
        _sink = sink;
    }

    public void At(string path, SourceRange? range, string message) => _sink.Report(_rule, path, range, message);
}
