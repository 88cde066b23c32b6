using MetaIssue.Links;
using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Links;

/// <summary>The resolved-link index: every link once, in document order, and each document's own links.</summary>
public sealed class TreeLinksTests
{
    [Fact]
    public void Of_gives_each_document_its_links_in_order_and_All_holds_them_in_document_order()
    {
        using var repository = Healthy();
        repository.Edit(Description, "Connections are the bottleneck.",
            "See [cases](./test-cases.md#tc-001), [log](implementation-log.md), [gone](./gone.md#x) and [top](#top).");
        var result = repository.Check();
        var links = result.Links;
        var description = result.Tree.Documents.Single(d => d.FullPath == repository.PathOf(Description));

        var own = links.Of(description).ToList();
        Assert.Equal(description.Facts!.Links.Select(l => l.Url), own.Select(l => l.Link.Url));
        Assert.All(own, l => Assert.Same(description, l.Document));
        var gone = own.Single(l => l.Link.Url == "./gone.md#x").Target;
        Assert.Equal((LinkTargetKind.Local, false, "x"), (gone.Kind, gone.Exists, gone.Fragment));
        Assert.Equal(LinkTargetKind.SameDocument, own.Single(l => l.Link.Url == "#top").Target.Kind);

        var expected = result.Tree.Documents.Where(d => d.Facts is not null)
            .SelectMany(d => d.Facts!.Links.Select(l => (d.FullPath, l.Url)));
        Assert.Equal(expected, links.All.Select(l => (l.Document.FullPath, l.Link.Url)));
        Assert.Equal(links.All.Where(l => l.Document == description).Select(l => l.Target), own.Select(l => l.Target));
    }

    [Fact]
    public void Of_a_document_without_links_is_empty_and_equal_fragments_share_one_string()
    {
        using var repository = Healthy();
        repository.Edit(Description, "Connections are the bottleneck.", "[a](./test-cases.md#shared-anchor) and [b](./README.md#shared-anchor)");
        repository.Write(Folder + "/notes.md", "# Notes\n\nNo links here.\n");
        var result = repository.Check();
        var notes = result.Tree.Documents.Single(d => d.FullPath == repository.PathOf(Folder + "/notes.md"));
        Assert.Empty(result.Links.Of(notes));

        var fragments = result.Links.All.Where(l => l.Target.Fragment == "shared-anchor").Select(l => l.Target.Fragment!).ToList();
        Assert.Equal(2, fragments.Count);
        Assert.Same(fragments[0], fragments[1]);
    }

    [Fact]
    public void A_broken_link_suggests_the_same_named_file_of_its_own_meta_issue_whatever_the_case()
    {
        using var repository = Healthy();
        repository.Write("docs/meta-issues/other/notes.md", "# Other notes\n");
        repository.Write(Folder + "/notes.md", "# Notes\n");
        repository.Edit(Approach(1, "caching"), "../../test-cases.md", "./NOTES.md");
        var diagnostic = repository.Findings().Single("MI030", Approach(1, "caching"));
        Assert.Contains("did you mean '../../notes.md'?", diagnostic.Message);
    }
}
