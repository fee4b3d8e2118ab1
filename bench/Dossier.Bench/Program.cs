using System.Diagnostics;
using System.Globalization;
using Dossier.Core.Documents;
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
            Console.WriteLine("usage: dossier-bench ingest|resolve [--articles N] [--seed S]");
            return args.Length == 0 ? 2 : 0;
        }

        var articles = IntOption(args, "--articles", 100_000);
        var seed = IntOption(args, "--seed", 1);
        return args[0] switch
        {
            "ingest" => Ingest(articles, seed),
            "resolve" => Resolve(articles, seed),
            _ => Usage(args[0]),
        };
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
    }
}
