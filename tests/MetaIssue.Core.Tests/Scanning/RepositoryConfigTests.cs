using MetaIssue.Caching;
using MetaIssue.Scanning;
using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Scanning;

/// <summary>.metaissue.json: extra words, roots, its problems as MI900 at their position, and its part in the fingerprint.</summary>
public sealed class RepositoryConfigTests
{
    private const string German = """
        {
          // comments and trailing commas are fine
          "vocabulary": {
            "statuses": { "resolved": ["Gelöst"], "investigating": ["In Arbeit"] },
            "outcomes": { "failed": ["Fehlgeschlagen"], "partial": ["Teilweise"], },
          },
        }
        """;

    [Fact]
    public void A_teams_status_words_are_accepted()
    {
        using var repository = Healthy("In Arbeit");
        repository.Write(RepositoryConfig.FileName, German);
        repository.Findings().None("MI010");
        repository.Write(RepositoryConfig.FileName, German.Replace("\"In Arbeit\"", "\"Unterwegs\""));
        Assert.Contains("'In Arbeit'", repository.Findings().Single("MI010", Readme).Message);
    }

    [Fact]
    public void A_teams_outcome_words_are_outcomes()
    {
        using var repository = Healthy("Investigating", ("caching", "Fehlgeschlagen"), ("query-tuning", "Teilweise"), ("pooling", "🔄 In Progress"));
        Assert.Equal(2, repository.Findings().OfCode("MI005").Count); // unknown words: 001 and 002 record no outcome
        repository.Write(RepositoryConfig.FileName, German);
        repository.Findings().Empty();
    }

    [Fact]
    public void Malformed_json_is_MI900_at_its_line_and_column_and_the_defaults_apply()
    {
        using var repository = Healthy();
        repository.Write(RepositoryConfig.FileName, "{\n  \"roots\": [\"docs/meta-issues\"\n  \"lessonsRoot\": 3\n}\n");
        var findings = repository.Findings();
        var diagnostic = findings.Single("MI900", RepositoryConfig.FileName);
        Assert.Equal(3, diagnostic.Range!.Value.Line);
        Assert.Contains("is not valid JSON", diagnostic.Message);
        Assert.Single(findings.All);
    }

    [Fact]
    public void Members_of_the_wrong_shape_or_name_are_MI900_at_the_member_with_a_suggestion()
    {
        using var repository = Healthy();
        repository.Write(RepositoryConfig.FileName, "{\n  \"vocabulary\": {\n    \"statuses\": { \"resovled\": [\"Done\"] },\n    \"outcomes\": { \"failed\": \"Fehlgeschlagen\" }\n  }\n}\n");
        var findings = repository.Findings().OfCode("MI900");
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, d => d.Range!.Value.Line == 3 && d.Message.Contains("did you mean 'vocabulary.statuses.resolved'?"));
        Assert.Contains(findings, d => d.Range!.Value.Line == 4 && d.Message.Contains("'vocabulary.outcomes.failed' must be a list of strings"));
    }

    [Fact]
    public void Roots_come_from_the_file_unless_the_build_sets_them()
    {
        using var repository = Healthy();
        Directory.CreateDirectory(repository.PathOf("notes"));
        Directory.Move(repository.PathOf(Folder), repository.PathOf("notes/perf"));
        repository.Edit("notes/perf/README.md", "**Status:** Investigating", "**Status:** Sorta");
        repository.Write(RepositoryConfig.FileName, "{ \"roots\": [\"notes\"] }");
        repository.Findings().Single("MI010", "notes/perf/README.md");
        repository.Findings(o => o.MetaIssueRoots = new[] { "docs/meta-issues" }).Single("MI010", "notes/perf/README.md"); // the default value: the file wins
        repository.Findings(o => o.MetaIssueRoots = new[] { "elsewhere" }).None("MI010");
    }

    [Fact]
    public void Editing_the_file_changes_the_fingerprint()
    {
        using var repository = Healthy();
        var options = new CheckerOptions(repository.Root);
        var before = InputFingerprint.OfTree(options);
        repository.Write(RepositoryConfig.FileName, German);
        var written = InputFingerprint.OfTree(options);
        repository.Write(RepositoryConfig.FileName, German + " ");
        Assert.NotEqual(before, written);
        Assert.NotEqual(written, InputFingerprint.OfTree(options));
    }
}
