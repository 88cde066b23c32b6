using System.Text.Json;
using MetaIssue.Fixes;
using MetaIssue.IO;

namespace MetaIssue.Reporting;

/// <summary>
/// A result's <c>fixes</c> (SARIF 2.1.0 §3.27.30, §3.55 fix, §3.56 artifactChange, §3.57 replacement): one fix with
/// its description and, per file, the replacements: a <c>deletedRegion</c> as <c>charOffset</c>/<c>charLength</c>
/// into the file's text (BOM excluded; an insertion deletes nothing) and the <c>insertedContent</c> in the file's own
/// line breaks. A created file is a change to a new artifact that inserts its whole content at offset 0. A fix that
/// renames a folder has no SARIF form and is left out, as is one whose file can no longer be read.
/// </summary>
internal static class SarifFixes
{
    public static void Write(Utf8JsonWriter json, Fix fix, string root, Func<string, EditableText?> read)
    {
        var changes = Changes(fix, read);
        if (changes is null)
        {
            return;
        }

        json.WriteStartArray("fixes");
        json.WriteStartObject();
        json.WriteStartObject("description");
        json.WriteString("text", fix.Title);
        json.WriteEndObject();
        json.WriteStartArray("artifactChanges");
        foreach (var file in changes.GroupBy(c => c.Path, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", SarifLog.EscapeUri(PathText.FromRoot(root, file.Key)));
            json.WriteString("uriBaseId", SarifLog.SourceRoot);
            json.WriteEndObject();
            json.WriteStartArray("replacements");
            foreach (var change in file.OrderBy(c => c.Offset))
            {
                json.WriteStartObject();
                json.WriteStartObject("deletedRegion");
                json.WriteNumber("charOffset", change.Offset);
                json.WriteNumber("charLength", change.Length);
                json.WriteEndObject();
                json.WriteStartObject("insertedContent");
                json.WriteString("text", change.Text);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static List<Replacement>? Changes(Fix fix, Func<string, EditableText?> read)
    {
        var changes = new List<Replacement>();
        foreach (var change in fix.Changes)
        {
            switch (change)
            {
                case TextEdit edit:
                    if (read(edit.Path) is not { } text || text.Hash != edit.ExpectedHash)
                    {
                        return null;
                    }

                    var start = text.Resolve(edit.Start);
                    var end = text.Resolve(edit.End);
                    if (start < 0 || end < start)
                    {
                        return null;
                    }

                    changes.Add(new Replacement(edit.Path, start, end - start, text.WithFileLineBreaks(edit.NewText)));
                    break;
                case FileCreation creation:
                    changes.Add(new Replacement(creation.Path, 0, 0, creation.Content));
                    break;
                default:
                    return null;
            }
        }

        return changes.Count == 0 ? null : changes;
    }

    private sealed record Replacement(string Path, int Offset, int Length, string Text);
}
