namespace MetaIssue.IO;

/// <summary>
/// Writes a file through a uniquely named temporary file in the same folder, then renames it into place: readers
/// (and concurrent builds) see the old file or the new one, never half of one.
/// </summary>
public static class AtomicFile
{
    /// <summary>Creates the folder of <paramref name="path"/> if needed, lets <paramref name="write"/> fill a new temporary file
    /// next to it, then replaces <paramref name="path"/> with it. The temporary file is deleted when anything fails.</summary>
    /// <exception cref="IOException">The folder or file cannot be written; <paramref name="path"/> is then unchanged.</exception>
    /// <exception cref="UnauthorizedAccessException">Access is denied; <paramref name="path"/> is then unchanged.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
            }

            if (File.Exists(path))
            {
                File.Replace(temporary, path, destinationBackupFileName: null);
            }
            else
            {
                File.Move(temporary, path);
            }
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
