namespace MetaIssue.IO;

/// <summary>
/// The folders one walk of the docs tree listed, each with its entries and their status, by full folder path, so
/// that the rest of a build reads the tree from the walk that took its fingerprint instead of listing and looking at
/// every file again (17,000 status calls at 1,000 meta-issues). A folder the walk did not list is simply not here: the
/// reader lists it itself. Entries describe the moment of the walk, which comes before any file is read, so an edit
/// made afterwards shows as a change at the next build. Filled when the walk is done (a list append per folder: a
/// build that replays the last check never asks for a folder); indexed on the first <see cref="EntriesOf"/>.
/// </summary>
internal sealed class TreeSnapshot
{
    private readonly List<string> _folders = new();
    private readonly List<TreeListing.Entry[]> _entries = new();
    private Dictionary<string, TreeListing.Entry[]>? _byFolder;

    /// <summary>How many folders it holds.</summary>
    public int Count
    {
        get
        {
            lock (_folders)
            {
                return _folders.Count;
            }
        }
    }

    /// <summary>
    /// The folders outside the meta-issue roots that the walk's bounded search found looking like meta-issues (full
    /// paths), or null when it made none.
    /// </summary>
    public IReadOnlyList<string>? StrayFolders { get; set; }

    /// <summary>Records <paramref name="folder"/>'s (full path) entries, in ordinal order of name. Thread-safe.</summary>
    public void Add(string folder, TreeListing.Entry[] entries)
    {
        lock (_folders)
        {
            _folders.Add(folder);
            _entries.Add(entries);
        }
    }

    /// <summary>
    /// Drops the entries (a tree of 10,000 meta-issues holds about 250,000) once the tree has been read from them; a
    /// later <see cref="EntriesOf"/> answers null, so a reader lists the disk again.
    /// </summary>
    public void Release()
    {
        lock (_folders)
        {
            _folders.Clear();
            _entries.Clear();
            _folders.TrimExcess();
            _entries.TrimExcess();
            _byFolder = new Dictionary<string, TreeListing.Entry[]>();
        }
    }

    /// <summary>The entries of <paramref name="folder"/> (a full path, as walked), or null when it was not listed. Not to be called during the walk.</summary>
    public TreeListing.Entry[]? EntriesOf(string folder)
    {
        if (_byFolder is null)
        {
            var byFolder = new Dictionary<string, TreeListing.Entry[]>(_folders.Count, StringComparer.Ordinal);
            for (var i = 0; i < _folders.Count; i++)
            {
                byFolder[_folders[i]] = _entries[i];
            }

            _byFolder = byFolder;
        }

        return _byFolder.TryGetValue(folder, out var found) ? found : null;
    }
}
