using MetaIssue.Diagnostics;
using MetaIssue.Fixes;
using MetaIssue.Model;
using MetaIssue.Text;

namespace MetaIssue.Rules;

/// <summary>Collects the diagnostics of a run. Not thread-safe: rules run one after the other.</summary>
internal sealed class DiagnosticSink
{
    private readonly List<Diagnostic> _diagnostics = new();
    private readonly List<MetaIssueFolder?> _producers = new();

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>For each of <see cref="Diagnostics"/>, the meta-issue a <see cref="MetaIssueRule"/> was checking when it was reported, or null.</summary>
    public IReadOnlyList<MetaIssueFolder?> Producers => _producers;

    /// <summary>The meta-issue being checked by a <see cref="MetaIssueRule"/>, or null between meta-issues.</summary>
    internal MetaIssueFolder? Producer { get; set; }

    /// <summary>Adds a finding of <paramref name="rule"/>, its message built from the rule's format and <paramref name="arguments"/>.</summary>
    public void Report(RuleDescriptor rule, string path, SourceRange? range, Fix? fix, params object?[] arguments)
    {
        _diagnostics.Add(new Diagnostic(rule, path, range, rule.FormatMessage(arguments)) { Fix = fix });
        _producers.Add(Producer);
    }

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

    /// <summary>The meta-issue the findings reported next belong to (set by <see cref="MetaIssueRule"/>).</summary>
    internal MetaIssueFolder? Producer
    {
        get => _sink.Producer;
        set => _sink.Producer = value;
    }

    /// <summary>Reports a finding at <paramref name="path"/> (a file, or a folder when <paramref name="range"/> is null), its message the rule's format filled with <paramref name="arguments"/>.</summary>
    public void At(string path, SourceRange? range, params object?[] arguments) => _sink.Report(_rule, path, range, null, arguments);

    /// <summary>As <see cref="At(string, SourceRange?, object[])"/>, with the fix the rule proposes.</summary>
    public void At(string path, SourceRange? range, Fix fix, params object?[] arguments) => _sink.Report(_rule, path, range, fix, arguments);
}
