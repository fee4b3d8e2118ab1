using System.Diagnostics;
using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Core.Pipeline;
using Dossier.Core.Storage;
using Dossier.Ingest;
using Dossier.Ingest.Jobs;
using Dossier.Storage.Sqlite;

namespace Dossier.Bench;

/// <summary>
/// Whole-corpus benchmarks. <c>ingest [--articles N]</c>: read + clean + dedupe + store of N generated
/// articles into a fresh SQLite store, single-threaded, reporting articles/s, MB/s and peak memory.
/// Pin it to one core with <c>taskset -c 0</c> to measure the one-core figure.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine("usage: dossier-bench ingest|resolve|extract|export|scale|web|web-graph|web-first-page [--runs N] [--articles N] [--seed S] [--format F] [--jobs J] [--db STORE] [--requests R] [--concurrency C] [--only ENDPOINT]");
            return args.Length == 0 ? 2 : 0;
        }

        var articles = IntOption(args, "--articles", 100_000);
        var seed = IntOption(args, "--seed", 1);
        return args[0] switch
        {
            "ingest" => Ingest(articles, seed),
            "resolve" => Resolve(articles, seed),
            "extract" => Extract(articles, StringOption(args, "--corpus")),
            "export" => ExportBenchmark.Run(articles, seed, StringOption(args, "--format")),
            "scale" => ScaleRun.Run(articles, seed, IntOption(args, "--jobs", Environment.ProcessorCount), StringOption(args, "--db"), ScaleRun.Open, ScaleRun.Empty),
            "export-one" => ExportBenchmark.One(args[1], args[2]),
            "export-readers" => ExportBenchmark.Readers(args[1]),
            "web-graph" => GraphBenchmark.RunAsync(IntOption(args, "--actors", 2000), IntOption(args, "--ties", 10_000)).GetAwaiter().GetResult(),
            "search" => Search(StringOption(args, "--db") ?? Path.Combine(Path.GetTempPath(), "bench-web-100000-1.db"), StringOption(args, "--q") ?? "shelled"),
            "web-first-page" => GraphBenchmark.FirstPageOnlyAsync(StringOption(args, "--db"), IntOption(args, "--runs", 7), args.Contains("--profile")).GetAwaiter().GetResult(),
            "web" => WebBenchmark.RunAsync(articles, seed, IntOption(args, "--requests", 200), IntOption(args, "--concurrency", 4), StringOption(args, "--only")).GetAwaiter().GetResult(),
            _ => Usage(args[0]),
        };
    }

    /// <summary>
    /// <c>search [--db STORE] [--q WORDS]</c>: one store connection, a search's parts timed 30 times
    /// each (after 3 unmeasured): the count of matches (all, and up to 5,001 as the web API counts),
    /// a page of the newest matches (the API's order past 5,000) and of the best matches (the CLI's);
    /// then the API's count and page on four connections at once; medians in ms.
    /// </summary>
    private static int Search(string database, string words)
    {
        using var store = Dossier.Storage.DossierStores.Open(database, TimeProvider.System);
        double Median(Func<int> run)
        {
            var times = new List<double>();
            for (var i = 0; i < 33; i++)
            {
                var watch = Stopwatch.StartNew();
                run();
                if (i >= 3)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            return times[times.Count / 2];
        }

        var count = Median(() => store.CountMatches(words));
        var capped = Median(() => store.CountMatches(words, 5_001));
        var newest = Median(() => store.Search(words, 51, 0, SearchOrder.Newest).Count);
        var all = Median(() => store.Search(words, 51, 0).Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"search \"{words}\" in {database}: {store.CountMatches(words):N0} matches; count {count:0.0} ms (up to 5,001: {capped:0.0} ms), page of the newest {newest:0.0} ms, page of the best matches {all:0.0} ms (medians of 30)"));

        // Four at once, each on a connection of its own, as the web API's four benchmark clients.
        var perThread = new double[4];
        Parallel.For(0, 4, thread =>
        {
            using var own = Dossier.Storage.DossierStores.Open(database, TimeProvider.System);
            var times = new List<double>();
            for (var i = 0; i < 33; i++)
            {
                var watch = Stopwatch.StartNew();
                if (own.CountMatches(words, 5_001) > 5_000)
                {
                    own.Search(words, 51, 0, SearchOrder.Newest);
                }
                else
                {
                    own.Search(words, 51, 0);
                }
                if (i >= 3)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            perThread[thread] = times[times.Count / 2];
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  four connections at once, the web API's count and page: medians {string.Join(", ", perThread.Select(t => t.ToString("0.0", CultureInfo.InvariantCulture)))} ms"));
        return 0;
    }

    private static int Usage(string command)
    {
        Console.Error.WriteLine($"dossier-bench: unknown benchmark {command}; try ingest");
        return 2;
    }

    /// <summary>
    /// Joining the article actors of N articles (25 each) into entities, in memory, one thread: the
    /// resolver's own cost, without reading the chains from a store.
    /// </summary>
    private static int Resolve(int articles, int seed)
    {
        var root = RepositoryRoot();
        var chains = new ActorChainGenerator(seed).Generate(articles, 25);
        var countries = Dossier.Actors.Lexicon.CountryNames.Load(Path.Combine(root, "models", Dossier.Actors.Lexicon.CountryNames.FileName));
        GC.Collect();
        var watch = Stopwatch.StartNew();
        var result = new Dossier.Actors.Resolution.ActorResolver(countries).Resolve(chains, []);
        watch.Stop();
        var peakMegabytes = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"resolve: {articles:N0} articles, {chains.Count:N0} article actors -> {result.Entities.Count:N0} entities in {watch.Elapsed.TotalSeconds:0.0} s ({chains.Count / watch.Elapsed.TotalSeconds:N0} article actors/s), peak {peakMegabytes:0} MB"));
        return 0;
    }

    /// <summary>
    /// What linking and fact extraction add to the NLP stage, per article: the five cleaned sample
    /// articles annotated N times over (tokens, sentences, tags, entities), then linked and
    /// extracted (actors, claims, events, relations) on the annotated documents, one thread.
    /// </summary>
    private static int Extract(int repeats, string? corpus)
    {
        var root = RepositoryRoot();
        var models = Dossier.Nlp.NlpModels.Load(Path.Combine(root, "models"));
        var countries = Dossier.Actors.Lexicon.CountryNames.Load(Path.Combine(root, "models", Dossier.Actors.Lexicon.CountryNames.FileName));
        var cleaner = new ArticleCleaner();
        var files = corpus is null
            ? Directory.GetFiles(Path.Combine(root, "samples", "libya"), "*.txt").Order(StringComparer.Ordinal)
            : Directory.EnumerateFiles(corpus, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(200);
        var texts = files
            .Select(f => cleaner.Clean(new RawDocument(new DocumentOrigin(f, SourceFormat.Text), File.ReadAllText(f), false, ArticleMetadata.Empty)))
            .ToList();
        var nlp = models.BuildPipeline();
        var linker = new Dossier.Actors.InArticle.ArticleLinker(countries);
        var claims = new Dossier.Facts.Claims.ClaimExtractor();
        var events = new Dossier.Facts.Events.EventExtractor();
        var relations = new Dossier.Facts.Relations.RelationExtractor();
        var nlpTime = TimeSpan.Zero;
        var extractTime = TimeSpan.Zero;
        var words = 0L;
        var stageTimes = new TimeSpan[4];
        for (var round = 0; round < Math.Max(1, repeats); round++)
        {
            foreach (var clean in texts)
            {
                var document = new Document(clean.Origin, clean.Text, clean.Metadata, clean.OffsetMap, clean.Removed, clean.Captions);
                var watch = Stopwatch.StartNew();
                nlp.Run(document, CancellationToken.None);
                nlpTime += watch.Elapsed;
                IDocumentStage[] stages = [linker, claims, events, relations];
                for (var i = 0; i < stages.Length; i++)
                {
                    watch.Restart();
                    stages[i].Process(document, CancellationToken.None);
                    stageTimes[i] += watch.Elapsed;
                    extractTime += watch.Elapsed;
                }

                words += document.Tokens!.Count;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"extract: {repeats * texts.Count:N0} articles, {words:N0} tokens; NLP {nlpTime.TotalSeconds:0.00} s ({words / nlpTime.TotalSeconds:N0} tokens/s), " +
            $"linking and facts {extractTime.TotalSeconds:0.00} s: +{100 * extractTime.TotalSeconds / nlpTime.TotalSeconds:0}% of the NLP time " +
            $"(actors {stageTimes[0].TotalSeconds:0.00} s, claims {stageTimes[1].TotalSeconds:0.00} s, events {stageTimes[2].TotalSeconds:0.00} s, relations {stageTimes[3].TotalSeconds:0.00} s)"));
        return 0;
    }

    private static int Ingest(int articles, int seed)
    {
        var root = RepositoryRoot();
        var output = Path.Combine(root, "bench", "out");
        var corpus = Path.Combine(output, string.Create(CultureInfo.InvariantCulture, $"corpus-{articles}-{seed}"));
        long corpusBytes;
        if (!Directory.Exists(corpus))
        {
            Console.Error.WriteLine($"generating {articles:N0} articles into {corpus} ...");
            var generator = new CorpusGenerator(Path.Combine(root, "samples", "libya"), seed);
            var temporary = corpus + ".partial";
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }

            generator.Write(temporary, articles);
            Directory.Move(temporary, corpus);
        }

        corpusBytes = Directory.EnumerateFiles(corpus, "*.txt", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var database = Path.Combine(output, string.Create(CultureInfo.InvariantCulture, $"ingest-{articles}.db"));
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(file);
        }

        GC.Collect();
        var counter = new CountingObserver();
        var watch = Stopwatch.StartNew();
        IngestReport report;
        using (var store = SqliteDossierStore.Open(database))
        {
            var job = new IngestJob(store, new ArticleReader(new ReaderOptions()), new ArticleCleaner(), TimeProvider.System, () => Stream.Null);
            report = job.Run([corpus], counter, CancellationToken.None);
        }

        watch.Stop();
        var seconds = watch.Elapsed.TotalSeconds;
        var peakMegabytes = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        var megabytes = corpusBytes / 1024.0 / 1024.0;
        var storeMegabytes = new FileInfo(database).Length / 1024.0 / 1024.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            ingest benchmark: {articles:N0} generated articles, {megabytes:N1} MB of text, seed {seed}
              read {report.Read:N0}, stored {report.Stored:N0}, duplicates {report.Duplicates:N0}, near-duplicates {report.NearDuplicates:N0}, refused {report.Refused:N0}
              time            {seconds:N1} s
              articles/s      {report.Read / seconds:N0}
              MB/s            {megabytes / seconds:N2}
              words/s         {report.WordsStored / seconds:N0} (stored articles)
              peak memory     {peakMegabytes:N0} MB (peak working set of the whole process)
              store size      {storeMegabytes:N0} MB
            """));
        return report.Refused == 0 ? 0 : 1;
    }

    private static string? StringOption(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dossier.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("run the benchmark from inside the Dossier repository");
    }

    private sealed class CountingObserver : IIngestObserver
    {
        private int articles;

        public void Started(int files) => Console.Error.WriteLine($"ingesting {files:N0} files ...");

        public void FileStarted(string path)
        {
        }

        public void Added(Document document, AddResult result)
        {
            if (++articles % 10_000 == 0)
            {
                Console.Error.WriteLine($"  {articles:N0} articles");
            }
        }

        public void Refused(string origin, string reason) => Console.Error.WriteLine($"{origin}: {reason}");

        public void Noted(string origin, string note) => Console.Error.WriteLine($"{origin}: {note}");
    }
}
