using MetaIssue.Benchmarks.Corpus;
using MetaIssue.Caching;
using MetaIssue.Diagnostics;
using MetaIssue.Fixes;
using MetaIssue.Links;
using MetaIssue.Tests.Support;

namespace MetaIssue.Tests.Caching;

/// <summary>
/// An incremental check (the rule results of the last check reused for the meta-issues an edit cannot have changed)
/// finds exactly what a full check without any cache finds: same findings, same order, same messages, same fixes,
/// after every step of a sequence of edits, renames and deletions in a seeded corpus, whether the tree is read from the
/// disk or from the walk that took the build's fingerprint.
/// </summary>
public sealed class IncrementalCheckTests
{
    private const string Issues = "docs/meta-issues";
    private const string Lessons = "docs/lessons-learned";

    [Fact]
    public void Every_step_of_a_sequence_of_edits_renames_and_deletions_finds_what_a_full_check_finds()
    {
        using var repository = new TempRepository();
        CorpusGenerator.Generate(repository.Root, 14, seed: 7);
        Age(repository.Root);
        var cache = repository.PathOf("obj/metaissue");
        var step = 0;

        CheckResult Compare(string what)
        {
            step++;
            // As a build checks: the tree walked once for the fingerprint, then read from that walk (even steps), or
            // read from the disk with the caches alone (odd steps).
            var incremental = step % 2 == 0 ? CheckAsABuild(repository, cache) : repository.Check(o => o.CacheDirectory = cache);
            var full = repository.Check();
            Assert.True(full.Diagnostics.Count > 0, "the seeded corpus plants defects of every rule");
            var expected = full.Diagnostics.Select(Describe).ToList();
            var actual = incremental.Diagnostics.Select(Describe).ToList();
            Assert.True(expected.SequenceEqual(actual),
                $"step {step} ({what}): incremental differs from full:\n- " + string.Join("\n- ", expected.Except(actual)) + "\n+ " + string.Join("\n+ ", actual.Except(expected)));
            Assert.Equal(full.OutsidePaths.OrderBy(p => p, StringComparer.Ordinal), incremental.OutsidePaths.Intersect(full.OutsidePaths).OrderBy(p => p, StringComparer.Ordinal));
            return incremental;
        }

        var first = Compare("first check, nothing cached");
        Assert.Null(first.Rechecked);
        var total = first.Tree.MetaIssues.Count;
        var issues = first.Tree.MetaIssues.Select(m => m.RelativePath).ToList();
        string Readme(int i) => issues[i] + "/README.md";

        var unchanged = Compare("nothing changed");
        Assert.Equal(0, unchanged.Rechecked);

        // A link from one meta-issue into another: editing the target re-checks the linking one.
        var crossLink = first.Links.All.First(l => l.Target.Kind == LinkTargetKind.Local && l.Target.IsMarkdownFile && l.Target.Exists
            && first.Tree.MetaIssueContaining(l.Document.FullPath) is { } from && first.Tree.MetaIssueContaining(l.Target.Path) is { } to && from != to);
        var target = Relative(repository, crossLink.Target.Path);

        repository.Edit(Readme(0), "**Status:**", "Edited prose.\n\n**Status:**");
        Assert.InRange(Compare("README of one meta-issue edited").Rechecked!.Value, 1, total - 1);

        repository.Edit(Readme(1), "**Status:** ", "**Status:** Sorta ");
        Compare("status made unrecognised");

        Retitle(repository, target);
        Assert.InRange(Compare("headings of a link target renamed").Rechecked!.Value, 2, total - 1);

        var anchorTarget = issues[3] + "/description.md";
        repository.Edit(Readme(2), "**Status:**", $"See [the plan](../{Path.GetFileName(issues[3])}/description.md#the-plan-to-come).\n\n**Status:**");
        Compare("link with a missing anchor into another meta-issue added");
        repository.Write(anchorTarget, repository.Read(anchorTarget) + "\n## The plan to come\n\nLater.\n");
        Compare("the missing heading added to the other meta-issue");

        // A racy write, then a same-size edit keeping its time: the meta-issue linking into it must see the second one.
        var racy = DateTime.UtcNow;
        repository.Edit(anchorTarget, "## The plan to come", "## The plan to cone");
        File.SetLastWriteTimeUtc(repository.PathOf(anchorTarget), racy);
        Compare("a link target's heading changed within the racy window");
        repository.Edit(anchorTarget, "## The plan to cone", "## The plan to come");
        File.SetLastWriteTimeUtc(repository.PathOf(anchorTarget), racy);
        Compare("the same heading changed back, same size and time");

        repository.Edit(Readme(4), "**Status:**", $"See [attempt](../{Path.GetFileName(issues[5])}/attempts/009-nothing/).\n\n**Status:**");
        Compare("link into a missing attempt of another meta-issue");

        repository.Edit(Readme(6), "**Status:**", "See [notes](../../../notes/plan.md).\n\n**Status:**");
        Compare("link to a missing file outside the tree");
        repository.Write("notes/plan.md", "# Plan\n");
        Compare("the file outside the tree created");

        var attempts = Directory.GetDirectories(repository.PathOf(issues[7] + "/attempts")).OrderBy(d => d, StringComparer.Ordinal).ToList();
        Directory.Move(attempts[0], attempts[0] + "-renamed");
        Compare("attempt folder renamed");
        Directory.Delete(attempts[1], recursive: true);
        Compare("attempt folder deleted");
        repository.Write(issues[7] + "/attempts/042-new-idea/solution-approach.md", "# Attempt 042: New Idea\n\n## Hypothesis\n\nMaybe.\n");
        Compare("attempt folder added");

        repository.Delete(issues[8] + "/description.md");
        Compare("a core file deleted");
        File.Move(repository.PathOf(target), repository.PathOf(target) + ".old");
        Compare("a link target renamed away");

        var lesson = Directory.GetFiles(repository.PathOf(Lessons), "*.md", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).First();
        File.AppendAllText(lesson, $"\nSee [also](../meta-issues/{Path.GetFileName(issues[9])}/README.md).\n");
        File.SetLastWriteTimeUtc(lesson, DateTime.UtcNow.AddMinutes(-1));
        Compare("a lesson edited to link to a meta-issue");
        File.Delete(lesson);
        Compare("a lesson deleted");

        repository.Edit(Readme(10), "**Status:**", "Just now.\n\n**Status:**");
        File.SetLastWriteTimeUtc(repository.PathOf(Readme(10)), DateTime.UtcNow);
        Compare("a file written within the racy window");
        Compare("the racy file checked again");

        // A renumbering fix edits the links into the renamed folder, also those of a meta-issue not re-checked: editing
        // one meta-issue linking into it re-checks that one and the one it links into, not the other linking one.
        var renumbered = Directory.GetDirectories(repository.PathOf(issues[13] + "/attempts")).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var last = renumbered[^1]!;
        var gapped = "012" + last[3..];
        foreach (var linking in new[] { 12, 9 })
        {
            repository.Edit(Readme(linking), "**Status:**", $"See [their last try](../{Path.GetFileName(issues[13])}/attempts/{gapped}/).\n\n**Status:**");
        }

        Directory.Move(repository.PathOf($"{issues[13]}/attempts/{last}"), repository.PathOf($"{issues[13]}/attempts/{gapped}"));
        Compare("links into an attempt folder numbered with a gap");
        repository.Edit(Readme(12), "**Status:**", "Renumbering pending.\n\n**Status:**");
        var withGap = Compare("a meta-issue linking into the one with the gap edited");
        Assert.Contains(withGap.Diagnostics, d => d.Fix?.Changes.OfType<FolderRename>().Any(r => r.LinkEdits.Any(e => e.Path.EndsWith(Readme(9), StringComparison.Ordinal))) == true);

        // A lesson keeps its link findings while no meta-issue it links into is re-checked: here a missing anchor in one
        // meta-issue, and a missing file in the folder with the gap, whose renumbering fix must still edit the lesson.
        // The two meta-issues are picked so that neither links to the other, nor does a third one edited below.
        bool Mentions(int folder, int named) => Directory.GetFiles(repository.PathOf(issues[folder]), "*.md", SearchOption.AllDirectories)
            .Any(f => File.ReadAllText(f).Contains(Path.GetFileName(issues[named]), StringComparison.Ordinal));
        bool Apart(int a, int b) => a != b && !Mentions(a, b) && !Mentions(b, a);
        var linkedFrom13 = new[] { 9, 12, 13 };
        var planned = Enumerable.Range(0, issues.Count).First(i => i != 11 && linkedFrom13.All(j => Apart(i, j)) && File.Exists(repository.PathOf(issues[i] + "/description.md")));
        var unrelated = Enumerable.Range(0, issues.Count).First(i => i != 11 && linkedFrom13.Append(planned).All(j => Apart(i, j)));
        var linkingLesson = repository.PathOf(Lessons + "/general/Linking_Lesson.md");
        repository.Write(Lessons + "/general/Linking_Lesson.md",
            $"# Lesson: Linking\n\nSee [the plan](../../meta-issues/{Path.GetFileName(issues[planned])}/description.md#a-plan-never-written) " +
            $"and [the gap](../../meta-issues/{Path.GetFileName(issues[13])}/attempts/{gapped}/missing.md).\n");
        File.SetLastWriteTimeUtc(linkingLesson, DateTime.UtcNow.AddMinutes(-1));
        Compare("a lesson linking to a missing heading and to a missing file in the folder with the gap");
        repository.Edit(Readme(unrelated), "**Status:**", "Edited once more.\n\n**Status:**");
        var lessonKept = Compare("a meta-issue the lesson does not link into edited");
        Assert.Contains(lessonKept.Diagnostics, d => d.Code == "MI031" && d.FilePath == linkingLesson);
        Assert.Contains(lessonKept.Diagnostics, d => d.Code == "MI030" && d.FilePath == linkingLesson);
        repository.Edit(Readme(13), "**Status:**", "Gap noted.\n\n**Status:**");
        var gapRechecked = Compare("the meta-issue with the gap edited (the lesson's only link into it is broken)");
        Assert.Contains(gapRechecked.Diagnostics, d => d.Fix?.Changes.OfType<FolderRename>().Any(r => r.LinkEdits.Any(e => e.Path == linkingLesson)) == true);
        var plannedDescription = issues[planned] + "/description.md";
        repository.Write(plannedDescription, repository.Read(plannedDescription) + "\n## A plan never written\n\nWritten after all.\n");
        var headingAdded = Compare("the missing heading added to the meta-issue the lesson links into");
        Assert.DoesNotContain(headingAdded.Diagnostics, d => d.Code == "MI031" && d.FilePath == linkingLesson);

        Directory.Delete(repository.PathOf(issues[11]), recursive: true);
        Compare("a meta-issue deleted");

        // Files written in the last 2 s are racy and re-checked at every check until they age; set every time back.
        Age(repository.Root);
        Compare("every file's write time set back");
        Assert.Equal(0, Compare("nothing changed after all that").Rechecked);
    }

    /// <summary>A check the way the build task makes it: the fingerprint walk first, then the check reading the tree from that walk.</summary>
    private static CheckResult CheckAsABuild(TempRepository repository, string cache)
    {
        var options = new CheckerOptions(repository.Root) { CacheDirectory = cache };
        var fingerprint = InputFingerprint.OfTree(MetaIssue.Scanning.RepositoryConfig.Read(repository.Root).Apply(options));
        return MetaIssueChecker.Check(options, fingerprint);
    }

    [Fact]
    public void A_corrupt_results_file_means_a_full_check_with_the_same_findings()
    {
        using var repository = new TempRepository();
        CorpusGenerator.Generate(repository.Root, 4, seed: 3);
        Age(repository.Root);
        var cache = repository.PathOf("obj/metaissue");
        var full = repository.Check();
        repository.Check(o => o.CacheDirectory = cache);
        var file = Path.Combine(cache, RuleResultsFile.FileName);
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes.Take(bytes.Length / 2).ToArray());

        var again = repository.Check(o => o.CacheDirectory = cache);
        Assert.Null(again.Rechecked);
        Assert.Equal(full.Diagnostics.Select(Describe), again.Diagnostics.Select(Describe));
    }

    /// <summary>A finding with everything a caller sees of it: location, code, message and its fix, change by change.</summary>
    private static string Describe(Diagnostic diagnostic) =>
        diagnostic + (diagnostic.Fix is { } fix
            ? $" [fix {fix.Title} {fix.Applicability} {string.Join("|", fix.InsertedPrompts)}: {string.Join("; ", fix.Changes.Select(Describe))}]"
            : string.Empty);

    private static string Describe(FileChange change) => change is FolderRename rename
        ? $"rename {rename.OldPath} -> {rename.NewPath} with {string.Join(", ", rename.LinkEdits)}"
        : change.ToString();

    /// <summary>Every file dated an hour back, so no size-and-time stamp is racy and every later write differs from it.</summary>
    private static void Age(string root)
    {
        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));
        }
    }

    private static void Retitle(TempRepository repository, string relative) =>
        repository.Write(relative, string.Join("\n", repository.Read(relative).Split('\n').Select(l => l.StartsWith("#", StringComparison.Ordinal) ? l + " Revised" : l)));

    private static string Relative(TempRepository repository, string fullPath) =>
        Path.GetRelativePath(repository.Root, fullPath).Replace('\\', '/');
}
