using System.Globalization;
using System.Text;

namespace MetaIssue.Benchmarks.Corpus;

/// <summary>Filler that looks like engineering notes: wrapped paragraphs, lists, metric tables, code blocks, quotes.</summary>
internal static class Prose
{
    private static readonly string[] Words =
    (
        "the a this that request queue worker cache pool connection latency throughput memory heap allocation thread " +
        "lock contention database index query plan scan batch retry timeout backoff load test profile trace span " +
        "service endpoint payload schema migration deploy rollout canary region replica shard partition consumer " +
        "producer message broker socket handshake buffer flush disk write read fsync checkpoint snapshot metric " +
        "dashboard alert budget target baseline regression spike median p95 p99 under over after before during with " +
        "without because although while when since until and but or so then still only also never often rarely " +
        "slower faster higher lower stable noisy cold warm hot idle busy saturated blocked starved leaking growing " +
        "measured observed confirmed ruled out suspected expected reproduced isolated narrowed traced tuned reverted " +
        "shipped kept dropped moved split merged cached pooled batched streamed compressed sampled logged counted"
    ).Split(' ');

    private static readonly string[] Headings =
    {
        "Observations", "Notes", "Measurements", "Open Questions", "Context", "Details", "Follow-up", "Background",
        "Risks", "Side Effects", "Data", "Environment", "Setup", "Timeline Notes", "Evidence", "Discussion",
    };

    private static readonly string[] Languages = { "bash", "yaml", "csharp", "json", "sql", "text" };

    public static string Sentence(Prng rng, int minWords = 8, int maxWords = 18)
    {
        var count = rng.Between(minWords, maxWords);
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var word = rng.Pick(Words);
            if (i == 0)
            {
                word = char.ToUpperInvariant(word[0]) + word[1..];
            }
            else
            {
                builder.Append(' ');
                switch (rng.Below(14))
                {
                    case 0: word = rng.Between(2, 9_999).ToString(CultureInfo.InvariantCulture) + " ms"; break;
                    case 1: word = "`" + word + "." + rng.Pick(Words) + "`"; break;
                    case 2: word = "**" + word + "**"; break;
                    case 3: word = rng.Between(1, 99).ToString(CultureInfo.InvariantCulture) + "%"; break;
                }
            }

            builder.Append(word);
        }

        return builder.Append('.').ToString();
    }

    /// <summary>A paragraph of sentences, wrapped near 100 columns as people's editors do.</summary>
    public static string Paragraph(Prng rng, int minSentences = 2, int maxSentences = 5)
    {
        var text = string.Join(" ", Enumerable.Range(0, rng.Between(minSentences, maxSentences)).Select(_ => Sentence(rng)));
        var builder = new StringBuilder();
        var column = 0;
        foreach (var word in text.Split(' '))
        {
            if (column > 0 && column + word.Length + 1 > 100)
            {
                builder.Append('\n');
                column = 0;
            }
            else if (column > 0)
            {
                builder.Append(' ');
                column++;
            }

            builder.Append(word);
            column += word.Length;
        }

        return builder.Append("\n\n").ToString();
    }

    public static string Bullets(Prng rng) =>
        string.Concat(Enumerable.Range(0, rng.Between(3, 6)).Select(_ => "- " + Sentence(rng, 5, 12) + "\n")) + "\n";

    public static string Tasks(Prng rng) =>
        string.Concat(Enumerable.Range(0, rng.Between(2, 5)).Select(i => $"- [{(i % 2 == 0 ? "x" : " ")}] {Sentence(rng, 4, 9)}\n")) + "\n";

    public static string MetricTable(Prng rng)
    {
        var builder = new StringBuilder("| Metric | Before | After | Change |\n| --- | ---: | ---: | ---: |\n");
        for (var i = rng.Between(3, 6); i > 0; i--)
        {
            var before = rng.Between(50, 9_000);
            var after = rng.Between(30, 9_000);
            var change = (after - before) * 100 / before;
            builder.Append(CultureInfo.InvariantCulture,
                $"| {Capital(rng.Pick(Words))} {rng.Pick(Words)} | {before:N0} ms | {after:N0} ms | {change:+0;-0;0}% |\n");
        }

        return builder.Append('\n').ToString();
    }

    public static string Code(Prng rng)
    {
        var language = rng.Pick(Languages);
        var builder = new StringBuilder("```" + language + "\n");
        for (var i = rng.Between(4, 10); i > 0; i--)
        {
            builder.Append(language switch
            {
                "bash" => $"{rng.Pick(Words)}-tool --{rng.Pick(Words)} {rng.Between(1, 500)} | grep {rng.Pick(Words)}\n",
                "yaml" => $"{rng.Pick(Words)}:\n  {rng.Pick(Words)}: {rng.Between(1, 500)}\n",
                "csharp" => $"var {rng.Pick(Words)}{i} = await {Capital(rng.Pick(Words))}Async({rng.Between(1, 500)}); // [Not a prompt]\n",
                "json" => $"{{ \"{rng.Pick(Words)}\": {rng.Between(1, 500)}, \"see\": \"[[not-a-link]]\" }}\n",
                "sql" => $"SELECT {rng.Pick(Words)} FROM {rng.Pick(Words)} WHERE id = {rng.Between(1, 500)};\n",
                _ => $"{rng.Pick(Words)} {rng.Pick(Words)} {rng.Between(1, 500)} ms [x] attempts/{rng.Between(1, 9):000}-old/\n",
            });
        }

        return builder.Append("```\n\n").ToString();
    }

    public static string Quote(Prng rng) => "> " + Sentence(rng) + "\n> " + Sentence(rng) + "\n\n";

    /// <summary>Appends filler blocks (with an occasional heading) until the text reaches the target size or the cap.</summary>
    public static void PadTo(StringBuilder document, Prng rng, int targetBytes, int capBytes)
    {
        var section = 0;
        var size = Encoding.UTF8.GetByteCount(document.ToString());
        while (size < targetBytes)
        {
            var block = new StringBuilder();
            if (rng.Below(3) == 0)
            {
                block.Append(CultureInfo.InvariantCulture, $"### {rng.Pick(Headings)} {++section}\n\n");
            }

            block.Append(rng.Below(9) switch
            {
                0 => Bullets(rng),
                1 => MetricTable(rng),
                2 => Code(rng),
                3 => Quote(rng),
                4 => Tasks(rng),
                _ => Paragraph(rng),
            });

            var blockSize = Encoding.UTF8.GetByteCount(block.ToString());
            if (size + blockSize > capBytes)
            {
                break;
            }

            document.Append(block);
            size += blockSize;
        }
    }

    public static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
