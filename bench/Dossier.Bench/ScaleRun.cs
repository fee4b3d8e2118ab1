using System.Diagnostics;
using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Core.Storage;
using Dossier.Ingest;
using Dossier.Ingest.Jobs;
using Dossier.Pipeline;
using Dossier.Storage.Sqlite;

namespace Dossier.Bench;

/// <summary>
/// <c>scale [--articles N] [--jobs J] [--db STORE]</c>: the whole pipeline (read, clean, dedupe,
/// store, then find actors, claims, events and relations and join the actors) over N generated
/// articles with a large cast, into a fresh store; then the time of what an analyst does next
/// (one actor's dossier, the event list, a search). STORE is a SQLite path (default: a file under
/// bench/out) or whatever <c>--db</c> takes, such as a PostgreSQL connection string, whose database
/// is emptied first.
/// </summary>
internal static class ScaleRun
{
    public static int Run(int articles, int seed, int jobs, string? db, Func<string, IDossierStore> open, Action<string> empty)
    {
        var root = Program.RepositoryRoot();
        var output = Path.Combine(root, "bench", "out");
        var corpus = Path.Combine(output, string.Create(CultureInfo.InvariantCulture, $"scale-corpus-{articles}-{seed}"));
        if (!Directory.Exists(corpus))
        {
            Console.Error.WriteLine($"generating {articles:N0} articles into {corpus} ...");
            var temporary = corpus + ".partial";
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }

            new CorpusGenerator(Path.Combine(root, "samples", "libya"), seed, largeCast: true).Write(temporary, articles);
            Directory.Move(temporary, corpus);
        }

        db ??= Path.Combine(output, string.Create(CultureInfo.InvariantCulture, $"scale-{articles}.db"));
        empty(db);
        var corpusBytes = Directory.EnumerateFiles(corpus, "*.txt", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        GC.Collect();
        var total = Stopwatch.StartNew();
        using var store = open(db);
        var ingest = Stopwatch.StartNew();
        var job = new IngestJob(store, new ArticleReader(new ReaderOptions()), new ArticleCleaner(), TimeProvider.System, () => Stream.Null);
        var report = job.Run([corpus], new QuietObserver(), CancellationToken.None);
        ingest.Stop();
        var linking = AnnotationWorker.Open(store, Path.Combine(root, "models"));
        var lastReport = Stopwatch.StartNew();
        var linked = linking.Run(
            progress =>
            {
                if (progress.Done == 0 || progress.Done == progress.Total || lastReport.Elapsed >= TimeSpan.FromSeconds(30))
                {
                    lastReport.Restart();
                    Console.Error.WriteLine($"  {DateTime.Now:HH:mm:ss} linking, {progress.Step}: {progress.Done:N0}/{progress.Total:N0}");
                }
            },
            problem => Console.Error.WriteLine(problem),
            CancellationToken.None,
            jobs);
        total.Stop();
        var peakMegabytes = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        var storeMegabytes = store.GetStatistics().Bytes / 1024.0 / 1024.0;

        // The most mentioned actor (named in nearly every article: the worst case) and a typical one.
        var ranked = store.ListEntities(kind: null, limit: 1_000);
        var top = ranked[0];
        var typical = ranked[ranked.Count / 2];
        var show = Median(() => _ = (store.FindEntities(top.Name), store.GetEntity(top.Id)));
        var showTypical = Median(() => _ = (store.FindEntities(typical.Name), store.GetEntity(typical.Id)));
        var events = Median(() => _ = store.ListEvents().Count);
        var search = Median(() => _ = store.Search("Haftar", 20, 0).Count);
        var seconds = total.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            scale run: {articles:N0} generated articles ({corpusBytes / 1024.0 / 1024.0:N1} MB of text, seed {seed}), {jobs} {(jobs == 1 ? "thread" : "threads")}, store {store.Location}
              read {report.Read:N0}, stored {report.Stored:N0}, duplicates {report.Duplicates:N0}, near-duplicates {report.NearDuplicates:N0}, refused {report.Refused:N0}
              ingest          {ingest.Elapsed.TotalSeconds:N1} s
              annotate        {linked.Annotating.TotalSeconds:N1} s ({linked.ArticlesAnnotated:N0} articles, {linked.ArticlesFailed:N0} failed)
              resolve         {linked.Resolving.TotalSeconds:N1} s ({linked.Chains:N0} article actors -> {linked.Entities:N0} actors)
              total           {seconds:N1} s
              articles/s      {report.Read / seconds:N1}
              words/s         {report.WordsStored / seconds:N0}
              peak memory     {peakMegabytes:N0} MB
              store size      {storeMegabytes:N0} MB
              show {top.Name,-20} {show:N1} ms (median of 5; {top.Articles:N0} articles)
              show {typical.Name,-20} {showTypical:N1} ms ({typical.Articles:N0} articles)
              events          {events:N1} ms
              search Haftar   {search:N1} ms
            | {articles:N0} | {(store is SqliteDossierStore ? "SQLite" : "PostgreSQL")} | {jobs} | {report.Read / seconds:N1} | {report.WordsStored / seconds:N0} | {peakMegabytes:N0} MB | {storeMegabytes:N0} MB | {show:N0} ms | {showTypical:N0} ms | {events:N0} ms | {search:N0} ms |
            """));
        return report.Refused == 0 && linked.ArticlesFailed == 0 ? 0 : 1;
    }

    /// <summary>Deletes a SQLite store and its journal files, so the run starts empty.</summary>
    public static void DeleteSqlite(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    public static IDossierStore Open(string db) => Dossier.Storage.DossierStores.Open(db);

    /// <summary>Empties the store: a SQLite file is deleted, a PostgreSQL database dropped and made again.</summary>
    public static void Empty(string db)
    {
        if (!Dossier.Storage.DossierStores.IsServer(db))
        {
            DeleteSqlite(db);
            return;
        }

        // The benchmark takes a connection string ("Host=...;Database=...;Username=..."), not a URI.
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(db);
        var name = builder.Database ?? throw new ArgumentException($"{db}: no database named");
        builder.Database = "postgres";
        using var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", $"CREATE DATABASE \"{name}\"" })
        {
            using var command = new Npgsql.NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
    }

    private static double Median(Action query)
    {
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            query();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[2];
    }

    private sealed class QuietObserver : IIngestObserver
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
                Console.Error.WriteLine($"  {articles:N0} articles stored");
            }
        }

        public void Refused(string origin, string reason) => Console.Error.WriteLine($"{origin}: {reason}");

        public void Noted(string origin, string note) => Console.Error.WriteLine($"{origin}: {note}");
    }
}
