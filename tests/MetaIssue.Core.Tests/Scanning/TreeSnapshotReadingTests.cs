using MetaIssue.Benchmarks.Corpus;
using MetaIssue.Caching;
using MetaIssue.Scanning;
using MetaIssue.Tests.Support;

namespace MetaIssue.Tests.Scanning;

/// <summary>
/// A build walks the docs tree once: the walk that takes the fingerprint also lists every folder with its entries'
/// sizes and times, and the tree reader reads that snapshot instead of the disk. The tree it lists must be the one a
/// listing of the disk gives, and a walk of other roots must never stand in for the disk.
/// </summary>
public sealed class TreeSnapshotReadingTests
{
    [Fact]
    public void The_tree_listed_from_the_fingerprint_walk_is_the_tree_listed_from_the_disk()
    {
        using var repository = new TempRepository();
        CorpusGenerator.Generate(repository.Root, 9, seed: 11);
        repository.Write("docs/meta-issues/odd/attempts/001-x/notes/deep/more.md", "# More\n");
        repository.Write("docs/meta-issues/odd/README.md/inside.md", "a folder where a core file is expected\n");
        repository.Write("docs/meta-issues/odd/attempts/002-a-file-not-a-folder", "misplaced\n");
        repository.Write("docs/meta-issues/odd/.hidden/secret.md", "# Hidden\n");
        repository.Write("docs/lessons-learned/.draft.md", "# Draft\n");
        repository.Write("notes/stray-issue/README.md", "# Stray\n");
        repository.Write("notes/stray-issue/attempts/001-first/solution-approach.md", "# Attempt 001\n");
        var options = new CheckerOptions(repository.Root);

        var walked = InputFingerprint.WalkOf(InputFingerprint.OfTree(options))!;
        var fromWalk = DocsTreeReader.List(options, walked.Snapshot);
        var fromDisk = DocsTreeReader.List(options);

        Assert.True(walked.Snapshot.Count > 50, "the walk lists every folder of the corpus");
        Assert.Contains(fromWalk.StrayFolders, f => f.EndsWith("stray-issue", StringComparison.Ordinal));
        Assert.Equal(fromDisk.Files.Select(f => (f.FullPath, f.IsFolder)), fromWalk.Files.Select(f => (f.FullPath, f.IsFolder)));
        Assert.Equal(Describe(fromDisk), Describe(fromWalk));
        Assert.All(fromDisk.Files, f => Assert.Null(f.Stamp));

        // Every file the walk could look at carries the size and time it saw, which are the file's.
        var stamped = fromWalk.Files.Where(f => !f.IsFolder).ToList();
        Assert.NotEmpty(stamped);
        Assert.All(stamped, f =>
        {
            var info = new FileInfo(f.FullPath);
            Assert.Equal((info.Length, info.LastWriteTimeUtc.Ticks), f.Stamp);
        });
        Assert.Contains(fromWalk.Files, f => f.IsFolder && f.FullPath.EndsWith("odd/README.md", StringComparison.Ordinal) && f.Stamp is null);
    }

    [Fact]
    public void A_check_reads_the_walk_of_its_own_roots_and_the_disk_for_other_roots()
    {
        using var repository = new TempRepository();
        CorpusGenerator.Generate(repository.Root, 3, seed: 5);
        var options = new CheckerOptions(repository.Root);
        var ownRoots = InputFingerprint.OfTree(options);
        var otherLessons = InputFingerprint.OfTree(new CheckerOptions(repository.Root) { LessonsRoot = "docs/elsewhere" });

        // Written after both walks: the check that reads its own walk sees the tree as walked (the next build's
        // fingerprint differs, so it checks again); a walk of other roots is ignored and the disk is read.
        repository.Write("docs/meta-issues/late-arrival/README.md", "# Late arrival\n\n**Status:** Investigating\n");

        var fromOwnWalk = MetaIssueChecker.Check(options, ownRoots);
        var fromOtherWalk = MetaIssueChecker.Check(options, otherLessons);
        var fromDisk = MetaIssueChecker.Check(options);

        Assert.DoesNotContain(fromOwnWalk.Tree.MetaIssues, m => m.Name == "late-arrival");
        Assert.Equal(0, InputFingerprint.WalkOf(ownRoots)!.Snapshot.Count); // released once read: not held through the rules
        Assert.Contains(fromOtherWalk.Tree.MetaIssues, m => m.Name == "late-arrival");
        Assert.Equal(fromDisk.Diagnostics.Select(d => d.ToString()), fromOtherWalk.Diagnostics.Select(d => d.ToString()));
        Assert.True(InputFingerprint.Covers(InputFingerprint.WalkOf(ownRoots)!, options));
        Assert.False(InputFingerprint.Covers(InputFingerprint.WalkOf(otherLessons)!, options));
        Assert.NotEqual(ownRoots, InputFingerprint.OfTree(options));
    }

    private static string Describe(DocsTreeListing listing) => string.Join("\n",
        listing.MetaIssues.Select(m =>
            $"{m.RelativePath}: core {string.Join(",", m.Core.Select(c => c.Name + "=" + c.File))}; attempts {string.Join(",", m.Attempts.Select(a => $"{a.RelativePath.Of(a.FullPath)}:{a.SolutionApproach}/{a.AttemptResults}"))}; others {string.Join(",", m.Others)}; misplaced {string.Join(",", m.Misplaced.Select(x => x.FullPath + " " + x.Message))}")
        .Concat(new[] { "lessons " + string.Join(",", listing.Lessons) })
        .Concat(listing.Problems.Select(p => $"problem {p.FullPath} {p.Message}"))
        .Concat(listing.StrayFolders.Select(s => "stray " + s))
        .Concat(listing.Twins.Select(t => $"twin {t.Twin.FullPath} of {t.Original.FullPath}")));
}
