using MetaIssue.Text;

namespace MetaIssue.Diagnostics;

/// <summary>
/// A fix a rule proposes for its finding: a title for the user ("Write Resolved (Attempt 003)") and the text edits
/// that apply it. No rule proposes one yet; this is where the fix engine plugs in.
/// </summary>
public sealed record ProposedFix(string Title, IReadOnlyList<TextEdit> Edits);

/// <summary>Replace <see cref="Range"/> of <see cref="FilePath"/> (1-based, inclusive; null for a new file) with <see cref="NewText"/>.</summary>
public sealed record TextEdit(string FilePath, SourceRange? Range, string NewText);
