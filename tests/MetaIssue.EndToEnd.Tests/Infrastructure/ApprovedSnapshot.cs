using System.Text;

namespace MetaIssue.EndToEnd.Infrastructure;

/// <summary>
/// Compares text with its approved version, <c>Snapshots/&lt;name&gt;.approved.txt</c>. On a mismatch the received text
/// is saved next to it as <c>&lt;name&gt;.received.txt</c> and the failure shows a diff. Set
/// METAISSUE_APPROVE_SNAPSHOTS=1 to accept received texts as the new approved versions.
/// </summary>
public static class ApprovedSnapshot
{
    public const string ApproveVariable = "METAISSUE_APPROVE_SNAPSHOTS";

    private static readonly Encoding Utf8WithoutBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static void AssertMatches(string name, string received)
    {
        received = received.ReplaceLineEndings("\n");
        var approvedPath = Path.Combine(RepositoryLayout.SnapshotsDirectory, $"{name}.approved.txt");
        var receivedPath = Path.Combine(RepositoryLayout.SnapshotsDirectory, $"{name}.received.txt");

        if (Environment.GetEnvironmentVariable(ApproveVariable) == "1")
        {
            File.WriteAllText(approvedPath, received, Utf8WithoutBom);
            File.Delete(receivedPath);
            return;
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received, Utf8WithoutBom);
        Assert.Fail(approved is null
            ? $"No approved snapshot {approvedPath}. Review {receivedPath}, then rerun with {ApproveVariable}=1 to approve it."
            : $"""
              Snapshot '{name}' differs from {approvedPath}
              ('-' approved, '+' received; the whole received text is in {receivedPath}).
              If the change is intended, rerun with {ApproveVariable}=1.
              {LineDiff.Render(approved, received)}
              """);
    }
}
