using System.Text;

namespace MetaIssue.Testing;

/// <summary>
/// A throw-away repository folder that a test fills with files (UTF-8 without BOM unless written as bytes) and
/// deletes on <see cref="Dispose"/>. Paths are relative to <see cref="Root"/> and '/'-separated. Methods return the
/// derived type (<typeparamref name="TSelf"/>) so calls chain. A missing text or file throws
/// <see cref="InvalidOperationException"/> or the I/O exception, which fails the calling test.
/// </summary>
public abstract class TemporaryRepository<TSelf> : IDisposable
    where TSelf : TemporaryRepository<TSelf>
{
    /// <param name="root">The folder to use; created when missing, deleted with everything in it on dispose.</param>
    protected TemporaryRepository(string root)
    {
        Root = Directory.CreateDirectory(root).FullName;
    }

    /// <summary>The absolute path of the repository folder.</summary>
    public string Root { get; }

    private TSelf Self => (TSelf)this;

    /// <summary>The absolute, normalised path of <paramref name="relativePath"/>.</summary>
    public string PathOf(string relativePath) =>
        Path.GetFullPath(Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar)));

    /// <summary>Writes <paramref name="content"/> as UTF-8 without BOM, creating the folders on the way.</summary>
    public TSelf Write(string relativePath, string content) =>
        WriteBytes(relativePath, new UTF8Encoding(false).GetBytes(content));

    /// <summary>Writes the bytes as they are, creating the folders on the way.</summary>
    public TSelf WriteBytes(string relativePath, byte[] content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        Written(path);
        return Self;
    }

    /// <summary>Called after every write (Write, WriteBytes, Edit) with the file's absolute path.</summary>
    protected virtual void Written(string path)
    {
    }

    public string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    /// <summary>Replaces the first occurrence of <paramref name="old"/>; throws when the file does not contain it.</summary>
    public TSelf Edit(string relativePath, string old, string replacement)
    {
        var text = Read(relativePath);
        var index = text.IndexOf(old, StringComparison.Ordinal);
        if (index < 0)
        {
            throw new InvalidOperationException($"'{old}' not found in {relativePath}:\n{text}");
        }

        return Write(relativePath, text[..index] + replacement + text[(index + old.Length)..]);
    }

    /// <summary>Deletes a file, or a folder with everything in it.</summary>
    public TSelf Delete(string relativePath)
    {
        var path = PathOf(relativePath);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }

        return Self;
    }

    public TSelf CreateFolder(string relativePath)
    {
        Directory.CreateDirectory(PathOf(relativePath));
        return Self;
    }

    /// <summary>The 1-based number of the first line ('\n'-separated) containing <paramref name="text"/>; throws when none does.</summary>
    public int LineOf(string relativePath, string text)
    {
        var lines = Read(relativePath).Split('\n');
        var index = Array.FindIndex(lines, line => line.Contains(text, StringComparison.Ordinal));
        return index >= 0 ? index + 1 : throw new InvalidOperationException($"'{text}' not found in {relativePath}");
    }

    /// <summary>Makes the folder a git repository (`git init -q`).</summary>
    public Task GitInitAsync() => GitAsync("init", "-q", Root);

    /// <summary>Runs git in the repository; throws with git's error output when it fails or runs over a minute.</summary>
    public async Task GitAsync(params string[] arguments)
    {
        var git = await ProcessRunner.RunAsync("git", arguments, Root, TimeSpan.FromMinutes(1));
        if (!git.Succeeded)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {git.StandardError}");
        }
    }

    /// <summary>Deletes the folder, read-only entries included; a folder that cannot be deleted is left behind.</summary>
    public virtual void Dispose()
    {
        try
        {
            MakeWritable(Root);
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is not worth failing a test for.
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Tests make entries unreadable on purpose; the owner needs every permission back to delete them.</summary>
    private static void MakeWritable(string folder)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(folder))
        {
            return;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories))
        {
            try
            {
                File.SetUnixFileMode(entry, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Deleting will report what is still in the way.
            }
        }
    }
}
