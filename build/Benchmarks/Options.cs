using System.Globalization;

namespace MetaIssue.Benchmarks;

/// <summary>The command line (see <see cref="Usage"/>).</summary>
internal sealed class Options
{
    public IReadOnlyList<int> Sizes { get; private set; } = new[] { 100, 1_000, 10_000 };

    /// <summary>Timed runs per figure (after one warm-up), medians reported.</summary>
    public int Runs { get; private set; } = 5;

    /// <summary>Runs for sizes of 10,000 and more, where one run of the external tools takes minutes.</summary>
    public int BigRuns { get; private set; } = 2;

    /// <summary>Runs of remark and markdownlint-cli2 per size (they are slow; their spread is small next to ours).</summary>
    public int ToolRuns { get; private set; } = 3;

    public int Seed { get; private set; } = 4;

    public bool Quick { get; private set; }

    public string Out { get; private set; } = Path.Combine("artifacts", "benchmark.md");

    public bool Keep { get; private set; }

    public bool SkipNode { get; private set; }

    public bool SkipMsBuild { get; private set; }

    /// <summary>Hidden: run the check once on this repository and print peak memory (used by the parent through a child process).</summary>
    public string? MeasureMemory { get; private set; }

    /// <summary>Hidden, with <see cref="MeasureMemory"/>: the facts cache the child's check uses (a warm check).</summary>
    public string? ChildCache { get; private set; }

    /// <summary>Hidden, with <see cref="MeasureMemory"/>: check with the MetaIssue.Core of this package task folder instead of the built-in one.</summary>
    public string? ChildLibrary { get; private set; }

    /// <summary>Only the inner-loop figures: edit and no-op build pairs, the first check of the shared corpus, memory at 10,000.</summary>
    public bool InnerLoop { get; private set; }

    /// <summary>Alternating check-on/check-off build pairs per inner-loop figure.</summary>
    public int Pairs { get; private set; } = 9;

    /// <summary>
    /// With --inner-loop: the build-pair corpora are git repositories with this many remote-tracking branches (0: a
    /// bare <c>.git</c> marker, as before, which git does not take for a repository).
    /// </summary>
    public int RemoteBranches { get; private set; } = 20;

    /// <summary>A second MetaIssue.Build to measure as "before" in the same run: a .nupkg, a folder with one, or a git commit.</summary>
    public string? BaselinePackage { get; private set; }

    /// <summary>Run markdownlint-cli2 on corpora above 1,000 meta-issues too (one run takes most of an hour at 10,000).</summary>
    public bool AllTools { get; private set; }

    public int RunsFor(int size) => size >= 10_000 ? Math.Min(Runs, BigRuns) : Runs;

    public int ToolRunsFor(int size) => size >= 10_000 ? 1 : size >= 1_000 ? Math.Min(2, Math.Min(Runs, ToolRuns)) : Math.Min(Runs, ToolRuns);

    /// <summary>markdownlint-cli2 is ~20 ms a file here: one run at 1,000 and above, none above 1,000 unless --all-tools.</summary>
    public int LintRunsFor(int size) => size > 1_000 && !AllTools ? 0 : size >= 1_000 ? 1 : Math.Min(Runs, ToolRuns);

    /// <summary>Untimed runs before the timed ones (JIT tiering settles over the first runs of small corpora).</summary>
    public int WarmUpsFor(int size) => size >= 10_000 ? 1 : 2;

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number() => int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--sizes":
                    options.Sizes = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(s => int.Parse(s.Replace("_", string.Empty), NumberStyles.None, CultureInfo.InvariantCulture))
                        .Where(s => s > 0).Distinct().Order().ToList();
                    break;
                case "--runs": options.Runs = Math.Max(1, Number()); break;
                case "--big-runs": options.BigRuns = Math.Max(1, Number()); break;
                case "--tool-runs": options.ToolRuns = Math.Max(1, Number()); break;
                case "--seed": options.Seed = Number(); break;
                case "--out": options.Out = Value(); break;
                case "--keep": options.Keep = true; break;
                case "--skip-node": options.SkipNode = true; break;
                case "--skip-msbuild": options.SkipMsBuild = true; break;
                case "--measure-memory": options.MeasureMemory = Value(); break;
                case "--cache": options.ChildCache = Value(); break;
                case "--all-tools": options.AllTools = true; break;
                case "--library": options.ChildLibrary = Value(); break;
                case "--inner-loop": options.InnerLoop = true; break;
                case "--pairs": options.Pairs = Math.Max(1, Number()); break;
                case "--remote-branches": options.RemoteBranches = Math.Max(0, Number()); break;
                case "--baseline-package": options.BaselinePackage = Value(); break;
                case "--quick":
                    options.Quick = true;
                    options.Sizes = new[] { 20, 100 };
                    options.Runs = 2;
                    options.ToolRuns = 1;
                    break;
                case "-h" or "--help":
                    throw new ArgumentException("help");
                default:
                    throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        if (options.BaselinePackage is not null && !options.InnerLoop)
        {
            throw new ArgumentException("--baseline-package needs --inner-loop");
        }

        if (options.Sizes.Count == 0)
        {
            throw new ArgumentException("--sizes needs at least one positive number");
        }

        return options;
    }

    public const string Usage = """
        Usage: dotnet run -c Release --project build/Benchmarks -- [options]
          --sizes 100,1000,10000  corpus sizes in meta-issues (default 100,1000,10000)
          --runs 5                timed runs per figure after a warm-up; medians are reported (default 5)
          --big-runs 2            runs for sizes >= 10,000 (default 2)
          --tool-runs 3           runs of remark-validate-links per size (at most 2 at >= 1,000, 1 at >= 10,000;
                                  markdownlint-cli2: 1 run at 1,000, none above unless --all-tools)
          --seed 4                corpus seed: the same seed gives a byte-identical corpus (its hash is printed)
          --quick                 sizes 20,100, 2 runs, tools and builds at 20 only, 1 no-op pair: checks that the
                                  benchmark works in about two minutes (its numbers mean little)
          --out PATH              also write the Markdown report there (default artifacts/benchmark.md)
          --skip-node             do not install or run remark / markdownlint-cli2
          --all-tools             also run markdownlint-cli2 above 1,000 meta-issues (about 45 minutes at 10,000)
          --skip-msbuild          do not pack MetaIssue.Build or run dotnet build
          --keep                  keep the temp folders (corpora, feed, node tools) and print where they are
          --inner-loop            only the inner-loop figures (about 10-15 minutes): at each size below 10,000, fresh
                                  `dotnet build` pairs check on/off with one Markdown file edited and with nothing
                                  changed; the first check of the shared 8-file corpus; at sizes of 10,000 and more,
                                  the peak memory of a cold check (default sizes 100,1000,10000)
          --pairs 9               alternating on/off build pairs per inner-loop figure (default 9)
          --remote-branches 20    with --inner-loop: the build-pair corpora are git repositories (one commit) with
                                  this many remote-tracking branches; 0 leaves a bare .git marker (default 20)
          --baseline-package X    with --inner-loop: also measure this MetaIssue.Build as "before" in the same run; X is
                                  a .nupkg, a folder holding one, or a git commit of this repository (e.g. main)
        """;
}
