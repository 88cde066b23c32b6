using System.Text.Json;
using MetaIssue.Conventions;
using MetaIssue.IO;
using MetaIssue.Model;
using MetaIssue.Text;

namespace MetaIssue.Scanning;

/// <summary>
/// <c>.metaissue.json</c> at the repository root: the one configuration file of the checker. Every member is optional:
/// <code>
/// {
///   "roots": ["docs/meta-issues"],
///   "lessonsRoot": "docs/lessons-learned",
///   "vocabulary": {
///     "statuses": { "resolved": ["Gelöst", "Done"], "abandoned": ["Verworfen"] },
///     "outcomes": { "failed": ["Fehlgeschlagen"], "success": ["Erfolg"] }
///   }
/// }
/// </code>
/// Status categories: open, active, investigating, inProgress, paused, blocked, resolved, abandoned, superseded.
/// Outcome categories: success, failed, partial, abandoned, inProgress. Comments and trailing commas are allowed.
/// A file that cannot be read or parsed, or a member of the wrong shape, becomes a <see cref="ConfigProblem"/> at its
/// line and column and the defaults apply (for the part that is wrong); it never throws.
/// </summary>
public sealed class RepositoryConfig
{
    public const string FileName = ".metaissue.json";

    private const long MaxBytes = 256 * 1024;

    private static readonly Dictionary<string, AttemptOutcome> OutcomeCategories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["success"] = AttemptOutcome.Success,
        ["failed"] = AttemptOutcome.Failure,
        ["partial"] = AttemptOutcome.Partial,
        ["abandoned"] = AttemptOutcome.Abandoned,
        ["inProgress"] = AttemptOutcome.InProgress,
    };

    private static readonly string[] TopLevel = { "roots", "lessonsRoot", "vocabulary" };

    private readonly List<ConfigProblem> _problems = new();
    private readonly string _text;

    private RepositoryConfig(string fullPath, string text)
    {
        FullPath = fullPath;
        _text = text;
    }

    public string FullPath { get; }

    /// <summary>The meta-issue roots the file gives, or null.</summary>
    public IReadOnlyList<string>? Roots { get; private set; }

    /// <summary>The lessons folder the file gives, or null.</summary>
    public string? LessonsRoot { get; private set; }

    /// <summary>The team's status and outcome words (none when the file has no vocabulary).</summary>
    internal ExtraWords Words { get; private set; } = ExtraWords.None;

    internal IReadOnlyList<ConfigProblem> Problems => _problems;

    /// <summary>Reads <c>.metaissue.json</c> under <paramref name="repositoryRoot"/>; a missing file is an empty configuration.</summary>
    public static RepositoryConfig Read(string repositoryRoot)
    {
        var path = Path.Combine(Path.GetFullPath(repositoryRoot), FileName);
        if (!File.Exists(path))
        {
            return new RepositoryConfig(path, string.Empty);
        }

        var read = FileContent.Read(path, MaxBytes);
        var config = new RepositoryConfig(path, read.Text ?? string.Empty);
        if (read.Text is null)
        {
            config._problems.Add(new ConfigProblem(path, SourceRange.FileStart, $"could not be read ({read.Problem}); the defaults apply"));
            return config;
        }

        config.Parse();
        return config;
    }

    /// <summary>
    /// <paramref name="options"/> with the file's roots and lessons folder where the options still hold the defaults:
    /// a value the build sets (MetaIssueRoots, MetaIssueLessonsRoot) wins over the file.
    /// </summary>
    public CheckerOptions Apply(CheckerOptions options)
    {
        var defaultRoots = options.MetaIssueRoots.Count == 1 && options.MetaIssueRoots[0] == CheckerOptions.DefaultMetaIssueRoot;
        return new CheckerOptions(options.RepositoryRoot)
        {
            MetaIssueRoots = defaultRoots && Roots is { Count: > 0 } roots ? roots : options.MetaIssueRoots,
            LessonsRoot = options.LessonsRoot == CheckerOptions.DefaultLessonsRoot && LessonsRoot is { Length: > 0 } lessons ? lessons : options.LessonsRoot,
            MaxFileBytes = options.MaxFileBytes,
            CacheDirectory = options.CacheDirectory,
            MaxParallelism = options.MaxParallelism,
        };
    }

    private void Parse()
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(_text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            var line = (int)(exception.LineNumber ?? 0) + 1;
            var column = (int)(exception.BytePositionInLine ?? 0) + 1;
            Problem(new SourceRange(line, column, line, column), $"is not valid JSON: {FileContent.OneLine(exception.Message)}");
            return;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                Problem(SourceRange.FileStart, "must hold one JSON object ({ \"roots\": [...], \"lessonsRoot\": \"...\", \"vocabulary\": {...} })");
                return;
            }

            foreach (var member in document.RootElement.EnumerateObject())
            {
                switch (member.Name)
                {
                    case "roots":
                        Roots = Strings(member, "roots");
                        break;
                    case "lessonsRoot" when member.Value.ValueKind == JsonValueKind.String:
                        LessonsRoot = member.Value.GetString();
                        break;
                    case "lessonsRoot":
                        Problem(At(member.Name), "'lessonsRoot' must be a string (a folder relative to the repository root)");
                        break;
                    case "vocabulary":
                        ReadVocabulary(member.Value);
                        break;
                    default:
                        Unknown(member.Name, "", TopLevel);
                        break;
                }
            }
        }
    }

    private void ReadVocabulary(JsonElement vocabulary)
    {
        var statuses = new List<(string, StatusState)>();
        var outcomes = new List<(string, AttemptOutcome)>();
        if (vocabulary.ValueKind != JsonValueKind.Object)
        {
            Problem(At("vocabulary"), "'vocabulary' must be an object with 'statuses' and 'outcomes'");
            return;
        }

        foreach (var part in vocabulary.EnumerateObject())
        {
            if (part.Name is not ("statuses" or "outcomes") || part.Value.ValueKind != JsonValueKind.Object)
            {
                if (part.Name is "statuses" or "outcomes")
                {
                    Problem(At(part.Name), $"'vocabulary.{part.Name}' must be an object of categories, each a list of words");
                }
                else
                {
                    Unknown(part.Name, "vocabulary.", new[] { "statuses", "outcomes" });
                }

                continue;
            }

            foreach (var category in part.Value.EnumerateObject())
            {
                var words = Strings(category, $"vocabulary.{part.Name}.{category.Name}") ?? Array.Empty<string>();
                if (part.Name == "statuses" && Enum.TryParse<StatusState>(category.Name, ignoreCase: true, out var state) && Enum.IsDefined(typeof(StatusState), state))
                {
                    statuses.AddRange(words.Select(w => (w, state)));
                }
                else if (part.Name == "outcomes" && OutcomeCategories.TryGetValue(category.Name, out var outcome))
                {
                    outcomes.AddRange(words.Select(w => (w, outcome)));
                }
                else
                {
                    var known = part.Name == "statuses"
                        ? Enum.GetNames(typeof(StatusState)).Select(n => char.ToLowerInvariant(n[0]) + n.Substring(1))
                        : OutcomeCategories.Keys;
                    Unknown(category.Name, $"vocabulary.{part.Name}.", known.ToArray());
                }
            }
        }

        Words = new ExtraWords(statuses, outcomes);
    }

    private IReadOnlyList<string>? Strings(JsonProperty member, string path)
    {
        if (member.Value.ValueKind == JsonValueKind.Array && member.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
        {
            return member.Value.EnumerateArray().Select(e => e.GetString()!).Where(s => s.Trim().Length > 0).ToList();
        }

        Problem(At(member.Name), $"'{path}' must be a list of strings");
        return null;
    }

    private void Unknown(string name, string prefix, string[] known)
    {
        var closest = EditDistance.Closest(name, known);
        var hint = closest is null ? $"known: {string.Join(", ", known)}" : $"did you mean '{prefix}{closest}'?";
        Problem(At(name), $"has an unknown member '{prefix}{name}' (ignored); {hint}");
    }

    /// <summary>Where <c>"name"</c> first appears in the file: enough to lead the eye to a member of the wrong shape.</summary>
    private SourceRange At(string name)
    {
        var index = _text.IndexOf("\"" + name + "\"", StringComparison.Ordinal);
        if (index < 0)
        {
            return SourceRange.FileStart;
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var column = index - lineStart + 1;
        return new SourceRange(line, column, line, column + name.Length + 1);
    }

    private void Problem(SourceRange range, string message) => _problems.Add(new ConfigProblem(FullPath, range, message));
}
