using System.Diagnostics;
using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Core.Pipeline;
using Dossier.Ingest;
using Dossier.Nlp;
using Dossier.Nlp.Sentences;
using Dossier.Nlp.Tokenizing;

namespace Dossier.Bench.Nlp;

/// <summary>
/// NLP speed: the cleaned sample articles repeated to at least a million words, run through each
/// stage alone and the whole stack, on one thread and on all cores; model load time; peak memory.
/// </summary>
internal static class SpeedBenchmark
{
    public static int Run(string root, int minimumWords)
    {
        var load = Stopwatch.StartNew();
        var models = NlpModels.Load(Path.Combine(root, "models"));
        load.Stop();

        var cleaner = new ArticleCleaner();
        var samples = Directory.EnumerateFiles(Path.Combine(root, "samples", "libya"), "*.txt").Order(StringComparer.Ordinal)
            .Select(f => cleaner.Clean(new RawDocument(new DocumentOrigin(f, SourceFormat.Text), File.ReadAllText(f), false, ArticleMetadata.Empty)).Text)
            .ToList();
        var texts = new List<string>();
        long words = 0;
        while (words < minimumWords)
        {
            foreach (var text in samples)
            {
                texts.Add(text);
                words += RuleTokenizer.Tokenize(text).Count;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"NLP benchmark: {texts.Count:N0} articles, {words:N0} tokens; models loaded in {load.Elapsed.TotalMilliseconds:N0} ms (features: part of speech {models.Tagger.FeatureCount:N0}, entities {models.Recognizer.FeatureCount:N0}, dependencies {models.Parser.FeatureCount:N0})"));
        Console.WriteLine("| stage | 1 thread, tokens/s | all cores, tokens/s |");
        Console.WriteLine("|---|---|---|");
        var untouched = new PipelineBuilder().Build();
        var tokenized = new PipelineBuilder().Add(new RuleTokenizer()).Add(new SentenceSplitter()).Build();
        var tagged = new PipelineBuilder().Add(new RuleTokenizer()).Add(new SentenceSplitter()).Add(models.Tagger).Build();
        Row("tokenizer", texts, words, untouched, document => new RuleTokenizer().Process(document, CancellationToken.None));
        Row("sentences (given tokens)", texts, words, new PipelineBuilder().Add(new RuleTokenizer()).Build(),
            document => new SentenceSplitter().Process(document, CancellationToken.None));
        Row("part of speech (given sentences)", texts, words, tokenized, document => models.Tagger.Process(document, CancellationToken.None));
        Row("entities (given tags)", texts, words, tagged, document => models.Recognizer.Process(document, CancellationToken.None));
        Row("dependencies (given tags)", texts, words, tagged, document => models.Parser.Process(document, CancellationToken.None));
        var pipeline = models.BuildPipeline();
        Row("whole stack", texts, words, untouched, document => pipeline.Run(document, CancellationToken.None));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB; {Environment.ProcessorCount} cores"));
        return 0;
    }

    private static Document Make(string text) =>
        new(new DocumentOrigin("bench", SourceFormat.Text), text, ArticleMetadata.Empty, new OffsetMap([]), [], []);

    /// <summary>Times <paramref name="work"/> over documents already run through <paramref name="before"/> (untimed).</summary>
    private static void Row(string name, List<string> texts, long words, DocumentPipeline before, Action<Document> work)
    {
        List<Document> Prepare() => [.. texts.Select(text =>
        {
            var document = Make(text);
            before.Run(document, CancellationToken.None);
            return document;
        })];

        // Enough warm-up for the runtime to have compiled the hot code in its final, optimized
        // tier (it recompiles a method after 30 calls, on a background thread, after a pause).
        var warmUp = Stopwatch.StartNew();
        foreach (var document in Prepare().Take(400))
        {
            work(document);
        }

        while (warmUp.Elapsed < TimeSpan.FromSeconds(1))
        {
            foreach (var document in Prepare().Take(20))
            {
                work(document);
            }
        }

        // The median of three timed passes: one pass on this shared machine varies by a third.
        var single = Median(() =>
        {
            var batch = Prepare();
            var watch = Stopwatch.StartNew();
            foreach (var document in batch)
            {
                work(document);
            }

            return watch.Elapsed;
        });
        var parallel = Median(() =>
        {
            var batch = Prepare();
            var watch = Stopwatch.StartNew();
            Parallel.ForEach(batch, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, work);
            return watch.Elapsed;
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {words / single.TotalSeconds:N0} | {words / parallel.TotalSeconds:N0} |"));
    }

    private static TimeSpan Median(Func<TimeSpan> pass)
    {
        TimeSpan[] times = [pass(), pass(), pass()];
        Array.Sort(times);
        return times[1];
    }
}
