using MetaIssue.Diagnostics;

namespace MetaIssue.Rules;

/// <summary>
/// One rule of the catalogue: its <see cref="Descriptor"/> (declared in the rule's own file as a static
/// <c>Definition</c>) and a check that reads the tree and reports through a <see cref="RuleSink"/> bound to it.
/// Tree-wide rules derive from this directly; rules that look at one meta-issue at a time derive
/// <see cref="MetaIssueRule"/>. In an incremental check (<see cref="CheckContext.Scope"/> set) a tree-wide rule still
/// sees the whole tree, but <see cref="Links.TreeLinks.All"/> holds only the links of what is re-checked: the link rules
/// (MI030, MI031) report per document and are meant to see just those; any other tree-wide rule must not rely on it.
/// Adding a rule means: its file, its entry in <see cref="RuleCatalog.Rules"/>, its
/// help page under docs/rules/ and its tests.
/// </summary>
internal abstract class Rule
{
    public abstract RuleDescriptor Descriptor { get; }

    /// <summary>Reports every finding of this rule in the checked tree. Called once per check, on one thread.</summary>
    public abstract void Check(CheckContext context, RuleSink report);
}
