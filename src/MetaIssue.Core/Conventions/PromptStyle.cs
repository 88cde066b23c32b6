namespace MetaIssue.Conventions;

/// <summary>
/// The templates' convention for spots left to fill: a bracketed prompt such as <c>[What we thought, and why]</c>,
/// <c>[ATTEMPT_ID]</c> or <c>[... detailed plan ...]</c>. Task boxes (<c>[x]</c>), footnotes (<c>[^1]</c>), GitHub
/// alerts (<c>[!NOTE]</c>), bracketed numbers and lower-case asides are not prompts.
/// </summary>
internal static class PromptStyle
{
    /// <summary>True when the text between the brackets reads as a prompt.</summary>
    public static bool IsPrompt(string content)
    {
        var trimmed = content.Trim();
        if (trimmed.Length < 2 || trimmed.Length > 200)
        {
            return false;
        }

        if (trimmed.StartsWith("...", StringComparison.Ordinal) || trimmed[0] == '…')
        {
            return true;
        }

        return char.IsUpper(trimmed[0]);
    }
}
