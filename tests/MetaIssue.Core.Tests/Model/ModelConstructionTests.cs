using System.Reflection;
using MetaIssue.Conventions;
using MetaIssue.Markdown;
using MetaIssue.Model;
using MetaIssue.Scanning;
using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Model;

/// <summary>
/// The model is immutable and made once from loaded documents: nothing is filled in after construction, so what it
/// answers on the first call is what it answers on every call.
/// </summary>
public sealed class ModelConstructionTests
{
    /// <summary>The only fields written after construction: caches of values computed from final inputs on first use.</summary>
    private static readonly string[] LazyCaches =
    [
        "AttemptFolder._outcome",
        "MetaIssueFolder._status",
        "MetaIssueFolder._withoutFolder",
    ];

    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static TheoryData<Type> ModelTypes => new() { typeof(DocsTree), typeof(MetaIssueFolder), typeof(AttemptFolder), typeof(DocumentFile) };

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void A_model_type_has_no_setter(Type type)
    {
        var settable = type.GetProperties(Instance).Where(p => p.SetMethod is not null).Select(p => p.Name).ToList();
        Assert.True(settable.Count == 0, $"{type.Name} has settable properties (set or init): {string.Join(", ", settable)}");
    }

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void A_model_type_writes_no_field_after_construction_but_its_lazy_caches(Type type)
    {
        var writable = type.GetFields(Instance)
            .Where(f => !f.IsInitOnly && !LazyCaches.Contains(type.Name + "." + f.Name))
            .Select(f => f.Name)
            .ToList();
        Assert.True(writable.Count == 0, $"{type.Name} has fields that are not readonly: {string.Join(", ", writable)}");
    }

    [Fact]
    public void The_lazy_caches_are_private_nullable_fields_that_exist()
    {
        foreach (var name in LazyCaches)
        {
            var (typeName, fieldName) = (name.Split('.')[0], name.Split('.')[1]);
            var type = typeName == nameof(AttemptFolder) ? typeof(AttemptFolder) : typeof(MetaIssueFolder);
            var field = type.GetField(fieldName, Instance);
            Assert.True(field is { IsPrivate: true, IsInitOnly: false }, $"{name} is not a private cache field");
            Assert.True(!field!.FieldType.IsValueType || Nullable.GetUnderlyingType(field.FieldType) is not null, $"{name} cannot say 'not computed yet'");
        }
    }

    [Fact]
    public void A_meta_issue_built_from_documents_answers_status_and_outcomes_from_the_first_call()
    {
        var words = new ExtraWords([("Gelöst", StatusState.Resolved)], [("Fehlgeschlagen", AttemptOutcome.Failure)]);
        const string folder = "/repo/docs/meta-issues/perf";
        var readme = Document(folder + "/README.md", """
            # Meta-Issue: Perf

            **Status:** Gelöst (Attempt 002)

            | Attempt | Dates | Approach | Result |
            |---------|-------|----------|--------|
            | 001 | 2026-01-01 | Caching | ❌ Failed |
            | 002 | 2026-01-02 | Pooling | 🔄 In Progress |
            | 003 | 2026-01-03 | Batching | ⚠️ Partial |
            """);
        var log = Document(folder + "/implementation-log.md", """
            # Implementation Log: Perf

            ## Attempt 002: Pooling

            **Result:** ✅ Success
            """);
        var results = Document(folder + "/attempts/001-caching/attempt-results.md", "# Attempt 001 Results\n\n**Status:** Fehlgeschlagen\n");
        var core = new Dictionary<string, DocumentFile> { [MetaIssueFolder.ReadmeFile] = readme, [MetaIssueFolder.ImplementationLogFile] = log };

        // Given out of order, as a listing may give them; the folder keeps them by number.
        var issue = new MetaIssueFolder(folder, "docs/meta-issues/perf", "docs/meta-issues", core,
            [Attempt(folder, "003-batching", null), Attempt(folder, "002-pooling", null), Attempt(folder, "001-caching", results)],
            [], [], words);

        Assert.Equal(StatusState.Resolved, issue.Status?.State);
        Assert.True(issue.IsClosed);
        Assert.Equal("Perf", issue.Title);
        Assert.Equal([1, 2, 3], issue.Attempts.Select(a => a.Number!.Value));
        Assert.All(issue.Attempts, a => Assert.Same(issue, a.Issue));
        Assert.Equal(AttemptOutcome.Failure, issue.Attempts[0].Outcome); // the team's word, in attempt-results.md
        Assert.Equal(OutcomeSource.AttemptResults, issue.Attempts[0].OutcomeCopy?.Source);
        Assert.Equal(AttemptOutcome.Success, issue.Attempts[1].Outcome); // the log's ending outranks the timeline's In Progress
        Assert.Equal(OutcomeSource.ImplementationLog, issue.Attempts[1].OutcomeCopy?.Source);
        Assert.Equal(AttemptOutcome.Partial, issue.Attempts[2].Outcome); // only the timeline says
        Assert.Equal(OutcomeSource.ReadmeTimeline, issue.Attempts[2].OutcomeCopy?.Source);
    }

    [Fact]
    public void Without_the_teams_words_the_same_documents_say_no_status_and_no_outcome()
    {
        const string folder = "/repo/docs/meta-issues/perf";
        var readme = Document(folder + "/README.md", "# Meta-Issue: Perf\n\n**Status:** Gelöst\n");
        var results = Document(folder + "/attempts/001-caching/attempt-results.md", "# Results\n\n**Status:** Fehlgeschlagen\n");
        var issue = new MetaIssueFolder(folder, "docs/meta-issues/perf", "docs/meta-issues",
            new Dictionary<string, DocumentFile> { [MetaIssueFolder.ReadmeFile] = readme },
            [Attempt(folder, "001-caching", results)], [], [], ExtraWords.None);

        Assert.Null(issue.Status);
        Assert.NotNull(issue.StatusField);
        Assert.Equal(AttemptOutcome.Unknown, issue.Attempts[0].Outcome);
    }

    [Fact]
    public void A_document_holds_facts_or_a_problem_never_both()
    {
        var facts = MarkdownFactsReader.Read("# Title\n");
        Assert.Throws<ArgumentException>(() => new DocumentFile("/r/a.md", new RelativePathText("/r/a.md", "a.md"), facts: facts, problem: "unreadable"));
        var rejected = new DocumentFile("/r/a.md", new RelativePathText("/r/a.md", "a.md"), problem: "unreadable", problemMayPass: true);
        Assert.True(rejected.ProblemMayPass);
        Assert.False(new DocumentFile("/r/a.md", new RelativePathText("/r/a.md", "a.md"), facts: facts, problemMayPass: true).ProblemMayPass);
    }

    [Fact]
    public void The_reader_builds_the_tree_with_the_configurations_words_and_problems()
    {
        using var repository = Healthy("Gelöst (Attempt 002)", ("caching", "Fehlgeschlagen"), ("pooling", "✅ Success"));
        repository.Write(RepositoryConfig.FileName, """
            {
              "vocabulary": { "statuses": { "resolved": ["Gelöst"] }, "outcomes": { "failed": ["Fehlgeschlagen"] } },
              "unknown": 1
            }
            """);
        var options = new CheckerOptions(repository.Root);
        var config = RepositoryConfig.Read(repository.Root);

        var tree = DocsTreeReader.Read(config.Apply(options), config: config);

        var issue = Assert.Single(tree.MetaIssues);
        Assert.Equal(StatusState.Resolved, issue.Status?.State);
        Assert.Equal([AttemptOutcome.Failure, AttemptOutcome.Success], issue.Attempts.Select(a => a.Outcome));
        Assert.Same(config.Problems, tree.ConfigProblems);
        Assert.NotEmpty(tree.ConfigProblems);
        Assert.All(issue.Documents, d => Assert.NotNull(d.Facts));
    }

    private static DocumentFile Document(string fullPath, string markdown) =>
        new(fullPath, new RelativePathText(fullPath, fullPath["/repo/".Length..]), facts: MarkdownFactsReader.Read(markdown));

    private static AttemptFiles Attempt(string issueFolder, string name, DocumentFile? results)
    {
        var fullPath = $"{issueFolder}/attempts/{name}";
        return new AttemptFiles(fullPath, new RelativePathText(fullPath, fullPath["/repo/".Length..]), null, results);
    }
}
