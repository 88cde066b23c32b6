using System.Text;
using MetaIssue.Fixes;
using MetaIssue.Text;
using MetaIssue.Tests.Support;

namespace MetaIssue.Tests.Fixes;

public sealed class FixApplierTests : IDisposable
{
    private const string Readme = "docs/meta-issues/demo/README.md";
    private readonly TempRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    private string Docs => _repo.PathOf("docs");

    private FixApplier Applier() => new(_repo.Root, new[] { Docs });

    private string Hash(string relative) => ContentHash.Of(Decoded(relative));

    private string Decoded(string relative)
    {
        var bytes = File.ReadAllBytes(_repo.PathOf(relative));
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
    }

    [Fact]
    public void Replaces_a_checker_range_and_keeps_every_other_byte()
    {
        _repo.Write(Readme, "# Demo\n\n**Status:** Investigating  \n**Created:** 2026-01-01  \n");
        var edit = TextEdit.Replace(_repo.PathOf(Readme), Hash(Readme), new SourceRange(3, 13, 3, 25), "Resolved (Attempt 002)");

        var report = Applier().Apply(new[] { Fix.Review("Set the status", edit) });

        Assert.Single(report.Applied);
        Assert.Empty(report.Skipped);
        Assert.Equal(new[] { _repo.PathOf(Readme) }, report.ChangedFiles);
        Assert.Equal("# Demo\n\n**Status:** Resolved (Attempt 002)  \n**Created:** 2026-01-01  \n", _repo.Read(Readme));
    }

    [Fact]
    public void Keeps_crlf_line_breaks_and_writes_inserted_lines_with_them()
    {
        _repo.Write(Readme, "| A | B |\r\n| --- | --- |\r\n| 1 | x |\r\n\r\n## Next\r\n");
        var edit = TextEdit.Insert(_repo.PathOf(Readme), Hash(Readme), TextPoint.At(4, 1), "| 2 | y |\n");

        Applier().Apply(new[] { Fix.Safe("Add the row", edit) });

        Assert.Equal("| A | B |\r\n| --- | --- |\r\n| 1 | x |\r\n| 2 | y |\r\n\r\n## Next\r\n", _repo.Read(Readme));
    }

    [Fact]
    public void Keeps_the_byte_order_mark()
    {
        var bom = new byte[] { 0xEF, 0xBB, 0xBF };
        _repo.WriteBytes(Readme, bom.Concat(Encoding.UTF8.GetBytes("héllo\nworld\n")).ToArray());
        var edit = TextEdit.Replace(_repo.PathOf(Readme), Hash(Readme), 6, 5, "there");

        Applier().Apply(new[] { Fix.Safe("Rename", edit) });

        Assert.Equal(bom.Concat(Encoding.UTF8.GetBytes("héllo\nthere\n")).ToArray(), File.ReadAllBytes(_repo.PathOf(Readme)));
    }

    [Fact]
    public void Overlapping_edits_first_wins_and_the_loser_is_skipped_whole()
    {
        _repo.Write(Readme, "one\ntwo\nthree\n").Write("docs/meta-issues/demo/other.md", "other\n");
        var path = _repo.PathOf(Readme);
        var first = Fix.Safe("First", TextEdit.Replace(path, Hash(Readme), 4, 3, "TWO"));
        var second = Fix.Safe(
            "Second",
            TextEdit.Insert(_repo.PathOf("docs/meta-issues/demo/other.md"), Hash("docs/meta-issues/demo/other.md"), TextPoint.EndOfText, "more\n"),
            TextEdit.Replace(path, Hash(Readme), 5, 4, "wo, thr"));

        var report = Applier().Apply(new[] { first, second });

        Assert.Equal(new[] { first }, report.Applied);
        var skipped = Assert.Single(report.Skipped);
        Assert.Same(second, skipped.Fix);
        Assert.Contains("overlaps one of the earlier fix 'First'", skipped.Reason);
        Assert.Equal("one\nTWO\nthree\n", _repo.Read(Readme));
        Assert.Equal("other\n", _repo.Read("docs/meta-issues/demo/other.md"));
    }

    [Fact]
    public void Insertions_at_one_point_keep_fix_order_and_a_repeated_edit_is_made_once()
    {
        _repo.Write(Readme, "| 001 |\n\nend\n");
        var at = TextPoint.At(2, 1);
        var fixes = new[]
        {
            Fix.Safe("Row 2", TextEdit.Insert(_repo.PathOf(Readme), Hash(Readme), at, "| 002 |\n")),
            Fix.Safe("Row 3", TextEdit.Insert(_repo.PathOf(Readme), Hash(Readme), at, "| 003 |\n")),
            Fix.Safe("Row 3 again", TextEdit.Insert(_repo.PathOf(Readme), Hash(Readme), at, "| 003 |\n")),
        };

        var report = Applier().Apply(fixes);

        Assert.Equal(3, report.Applied.Count);
        Assert.Equal("| 001 |\n| 002 |\n| 003 |\n\nend\n", _repo.Read(Readme));
    }

    [Fact]
    public void A_file_changed_since_it_was_read_is_not_touched()
    {
        _repo.Write(Readme, "old text\n");
        var staleHash = Hash(Readme);
        _repo.Write(Readme, "new text by the user\n");
        var edit = TextEdit.Replace(_repo.PathOf(Readme), staleHash, 0, 3, "OLD");

        var report = Applier().Apply(new[] { Fix.Safe("Edit", edit) });

        Assert.Empty(report.Applied);
        Assert.Contains("changed since it was read", Assert.Single(report.Skipped).Reason);
        Assert.Equal("new text by the user\n", _repo.Read(Readme));
    }

    [Fact]
    public void Nothing_is_written_outside_the_allowed_roots()
    {
        _repo.Write("README.md", "root readme\n").Write(Readme, "x\n");
        var outsideEdit = TextEdit.Replace(_repo.PathOf("README.md"), Hash("README.md"), 0, 4, "ROOT");
        var sneaky = Path.Combine(Docs, "..", "escaped.md");

        var report = Applier().Apply(new[]
        {
            Fix.Safe("Edit outside", outsideEdit),
            Fix.Safe("Create outside", new FileCreation(sneaky, "escaped\n")),
            Fix.Safe("Create at the root itself", new FileCreation(Docs, "x")),
        });

        Assert.Empty(report.Applied);
        Assert.All(report.Skipped, s => Assert.Contains("outside the folders fixes may write to", s.Reason));
        Assert.Equal("root readme\n", _repo.Read("README.md"));
        Assert.False(File.Exists(_repo.PathOf("escaped.md")));
    }

    [Fact]
    public void Creating_never_overwrites_and_creates_missing_folders()
    {
        _repo.Write("docs/lessons-learned/general/Existing.md", "mine\n");
        var existing = _repo.PathOf("docs/lessons-learned/general/Existing.md");
        var fresh = _repo.PathOf("docs/lessons-learned/perf/New.md");

        var report = Applier().Apply(new[]
        {
            Fix.Safe("Create existing", new FileCreation(existing, "theirs\n")),
            Fix.Safe("Create new", new FileCreation(fresh, "# New\n")),
        });

        Assert.Contains("already exists; nothing is overwritten", Assert.Single(report.Skipped).Reason);
        Assert.Equal("mine\n", File.ReadAllText(existing));
        Assert.Equal(new[] { fresh }, report.CreatedFiles);
        Assert.Equal("# New\n", File.ReadAllText(fresh));
    }

    [Fact]
    public void A_rename_moves_the_folder_and_applies_its_link_edits_first()
    {
        const string results = "docs/meta-issues/demo/attempts/003-pooling/attempt-results.md";
        _repo.Write(Readme, "| [003](./attempts/003-pooling/) | x |\n")
            .Write(results, "Plan: [approach](../003-pooling/solution-approach.md)\n")
            .Write("docs/meta-issues/demo/attempts/003-pooling/solution-approach.md", "# Attempt 003\n");
        var oldFolder = _repo.PathOf("docs/meta-issues/demo/attempts/003-pooling");
        var newFolder = _repo.PathOf("docs/meta-issues/demo/attempts/004-pooling");
        var rename = new FolderRename(oldFolder, newFolder, new[]
        {
            TextEdit.Replace(_repo.PathOf(Readme), Hash(Readme), 3, 3, "004"),
            TextEdit.Replace(_repo.PathOf(Readme), Hash(Readme), 19, 3, "004"),
            TextEdit.Replace(_repo.PathOf(results), Hash(results), 20, 3, "004"),
        });

        var report = Applier().Apply(new[] { Fix.Review("Renumber 003-pooling to 004", rename) });

        Assert.Empty(report.Skipped);
        Assert.Equal(new[] { new FolderMove(oldFolder, newFolder) }, report.RenamedFolders);
        Assert.False(Directory.Exists(oldFolder));
        Assert.Equal("| [004](./attempts/004-pooling/) | x |\n", _repo.Read(Readme));
        Assert.Equal("Plan: [approach](../004-pooling/solution-approach.md)\n", _repo.Read("docs/meta-issues/demo/attempts/004-pooling/attempt-results.md"));
        Assert.Equal("# Attempt 003\n", _repo.Read("docs/meta-issues/demo/attempts/004-pooling/solution-approach.md"));
    }

    [Fact]
    public void A_rename_onto_an_existing_folder_is_refused_with_its_link_edits()
    {
        _repo.Write(Readme, "[003](./attempts/003-a/)\n")
            .Write("docs/meta-issues/demo/attempts/003-a/x.md", "a\n")
            .Write("docs/meta-issues/demo/attempts/004-a/y.md", "b\n");
        var rename = new FolderRename(
            _repo.PathOf("docs/meta-issues/demo/attempts/003-a"),
            _repo.PathOf("docs/meta-issues/demo/attempts/004-a"),
            new[] { TextEdit.Replace(_repo.PathOf(Readme), Hash(Readme), 1, 3, "004") });

        var report = Applier().Apply(new[] { Fix.Review("Renumber", rename) });

        Assert.Contains("already exists", Assert.Single(report.Skipped).Reason);
        Assert.Equal("[003](./attempts/003-a/)\n", _repo.Read(Readme));
        Assert.True(File.Exists(_repo.PathOf("docs/meta-issues/demo/attempts/003-a/x.md")));
    }

    [Fact]
    public void Applying_the_same_fixes_twice_changes_nothing_the_second_time()
    {
        _repo.Write(Readme, "a\r\nb\r\n");
        var fixes = new[]
        {
            Fix.Safe("Insert", TextEdit.Insert(_repo.PathOf(Readme), Hash(Readme), TextPoint.At(2, 1), "between\n")),
            Fix.Safe("Create", new FileCreation(_repo.PathOf("docs/meta-issues/demo/new.md"), "new\n")),
        };
        Applier().Apply(fixes);
        var after = File.ReadAllBytes(_repo.PathOf(Readme));

        var second = Applier().Apply(fixes);

        Assert.Empty(second.Applied);
        Assert.False(second.ChangedAnything);
        Assert.Equal(after, File.ReadAllBytes(_repo.PathOf(Readme)));
        Assert.Equal("a\r\nbetween\r\nb\r\n", _repo.Read(Readme));
    }

    [Fact]
    public void Dry_run_writes_nothing_and_renders_a_unified_diff()
    {
        var lines = string.Concat(Enumerable.Range(1, 12).Select(i => $"line {i}\n"));
        _repo.Write(Readme, lines);
        var created = _repo.PathOf("docs/meta-issues/demo/new.md");
        var fixes = new[]
        {
            Fix.Safe("Change line 2", TextEdit.Replace(_repo.PathOf(Readme), Hash(Readme), new SourceRange(2, 1, 2, 6), "LINE 2")),
            Fix.Safe("Insert before line 11", TextEdit.Insert(_repo.PathOf(Readme), Hash(Readme), TextPoint.At(11, 1), "new a\nnew b\n")),
            Fix.Safe("Create", new FileCreation(created, "# New\n\nbody")),
        };

        var report = Applier().Apply(fixes, dryRun: true);

        Assert.True(report.DryRun);
        Assert.Equal(lines, _repo.Read(Readme));
        Assert.False(File.Exists(created));
        Assert.Equal(new[] { created }, report.CreatedFiles);
        Assert.Equal(
            "--- a/docs/meta-issues/demo/README.md\n" +
            "+++ b/docs/meta-issues/demo/README.md\n" +
            "@@ -1,5 +1,5 @@\n" +
            " line 1\n-line 2\n+LINE 2\n line 3\n line 4\n line 5\n" +
            "@@ -8,5 +8,7 @@\n" +
            " line 8\n line 9\n line 10\n+new a\n+new b\n line 11\n line 12\n" +
            "--- /dev/null\n" +
            "+++ b/docs/meta-issues/demo/new.md\n" +
            "@@ -0,0 +1,3 @@\n" +
            "+# New\n+\n+body\n\\ No newline at end of file\n",
            report.Diff);
    }

    [Fact]
    public void The_diff_of_an_edit_at_the_end_of_a_file_without_a_final_line_break()
    {
        _repo.Write(Readme, "a\nb");
        var report = Applier().Apply(new[] { Fix.Safe("Append", TextEdit.Insert(_repo.PathOf(Readme), Hash(Readme), TextPoint.EndOfText, "\nc\n")) }, dryRun: true);

        Assert.Equal(
            "--- a/docs/meta-issues/demo/README.md\n+++ b/docs/meta-issues/demo/README.md\n" +
            "@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n",
            report.Diff);
    }

    [Fact]
    public void The_diff_names_every_file_a_rename_moves()
    {
        _repo.Write("docs/meta-issues/demo/attempts/002-x/a.md", "a\n");
        var rename = new FolderRename(_repo.PathOf("docs/meta-issues/demo/attempts/002-x"), _repo.PathOf("docs/meta-issues/demo/attempts/003-x"), Array.Empty<TextEdit>());

        var report = Applier().Apply(new[] { Fix.Review("Renumber", rename) }, dryRun: true);

        Assert.Equal(
            "diff --git a/docs/meta-issues/demo/attempts/002-x/a.md b/docs/meta-issues/demo/attempts/003-x/a.md\n" +
            "similarity index 100%\nrename from docs/meta-issues/demo/attempts/002-x/a.md\nrename to docs/meta-issues/demo/attempts/003-x/a.md\n",
            report.Diff);
        Assert.True(Directory.Exists(_repo.PathOf("docs/meta-issues/demo/attempts/002-x")));
    }

    [Fact]
    public void A_range_outside_the_text_or_a_non_utf8_file_is_skipped_with_a_reason()
    {
        _repo.Write(Readme, "short\n").WriteBytes("docs/meta-issues/demo/binary.md", new byte[] { 0x41, 0xFF, 0x42 });
        var report = Applier().Apply(new[]
        {
            Fix.Safe("Too far", TextEdit.Replace(_repo.PathOf(Readme), Hash(Readme), new SourceRange(1, 3, 1, 9), "x")),
            Fix.Safe("No line", TextEdit.Insert(_repo.PathOf(Readme), Hash(Readme), TextPoint.At(5, 1), "x")),
            Fix.Safe("Binary", TextEdit.Insert(_repo.PathOf("docs/meta-issues/demo/binary.md"), ContentHash.Of(""), TextPoint.EndOfText, "x")),
        });

        Assert.Empty(report.Applied);
        Assert.Contains("is not inside the text", report.Skipped[0].Reason);
        Assert.Contains("is not inside the text", report.Skipped[1].Reason);
        Assert.Contains("not valid UTF-8", report.Skipped[2].Reason);
        Assert.Equal("short\n", _repo.Read(Readme));
    }

    [Fact]
    public void A_fix_whose_own_edits_overlap_is_refused()
    {
        _repo.Write(Readme, "abcdef\n");
        var fix = Fix.Safe(
            "Inconsistent",
            TextEdit.Replace(_repo.PathOf(Readme), Hash(Readme), 0, 3, "X"),
            TextEdit.Replace(_repo.PathOf(Readme), Hash(Readme), 2, 3, "Y"));

        var report = Applier().Apply(new[] { fix });

        Assert.Contains("two of its own edits overlap", Assert.Single(report.Skipped).Reason);
        Assert.Equal("abcdef\n", _repo.Read(Readme));
    }

    [SkippableFact]
    public void Symbolic_links_are_never_written_through()
    {
        Skip.If(OperatingSystem.IsWindows(), "creating symbolic links needs privileges on Windows");
        _repo.Write("outside.md", "target\n").Write(Readme, "x\n");
        var link = _repo.PathOf("docs/meta-issues/demo/link.md");
        File.CreateSymbolicLink(link, _repo.PathOf("outside.md"));

        var report = Applier().Apply(new[] { Fix.Safe("Edit link", TextEdit.Insert(link, ContentHash.Of("target\n"), TextPoint.EndOfText, "more\n")) });

        Assert.Contains("symbolic link", Assert.Single(report.Skipped).Reason);
        Assert.Equal("target\n", _repo.Read("outside.md"));
    }
}
