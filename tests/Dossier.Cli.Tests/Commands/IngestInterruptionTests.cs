using System.Diagnostics;
using Dossier.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace Dossier.Cli.Tests.Commands;

/// <summary>
/// A real <c>dossier</c> process killed in the middle of an ingest: the store must stay consistent,
/// and running the same ingest again must complete it with nothing lost or duplicated.
/// </summary>
[Trait(TestTier.Name, TestTier.Integration)]
public sealed class IngestInterruptionTests
{
    [Fact]
    public async Task Ingest_killed_midway_leaves_a_consistent_store_that_a_rerun_completes()
    {
        using var workspace = new Workspace();
        var corpus = Path.Combine(workspace.Root, "corpus");
        const int articleCount = 4000;
        WriteCorpus(corpus, articleCount);
        var interrupted = Path.Combine(workspace.Root, "interrupted.db");
        var reference = Path.Combine(workspace.Root, "reference.db");

        using (var process = StartDossier("ingest", corpus, "--db", interrupted))
        {
            // Kill once some articles are in, while the rest are still being written.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (CountArticles(interrupted) < 200 && DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(20);
            }

            Assert.False(process.HasExited, "the ingest finished before it could be interrupted; make the corpus larger");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var partial = CountArticles(interrupted);
        Assert.InRange(partial, 200, articleCount - 1);
        Assert.Equal("ok", SqliteFile.Scalar(interrupted, "PRAGMA integrity_check"));
        Assert.Equal(0L, SqliteFile.Scalar(interrupted, "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM articles_fts f WHERE f.rowid = a.seq AND articles_fts MATCH 'report')"));

        var rerun = CliRun.Run("ingest", corpus, "--db", interrupted, "--format", "json");
        var single = CliRun.Run("ingest", corpus, "--db", reference, "--format", "json");

        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(partial, rerun.Json.GetProperty("duplicates").GetInt32());
        Assert.Equal(articleCount, CountArticles(interrupted));
        Assert.Equal(Ids(reference), Ids(interrupted));
        Assert.Equal(SqliteFile.Scalar(reference, "SELECT COUNT(*) FROM removed_ranges"), SqliteFile.Scalar(interrupted, "SELECT COUNT(*) FROM removed_ranges"));
        Assert.Equal(SqliteFile.Scalar(reference, "SELECT COUNT(*) FROM minhash_bands"), SqliteFile.Scalar(interrupted, "SELECT COUNT(*) FROM minhash_bands"));
        Assert.Equal(0, single.ExitCode);
    }

    [Fact]
    public async Task Sigterm_inside_a_long_article_stops_the_ingest_and_a_rerun_gives_the_same_store()
    {
        using var workspace = new Workspace();
        var report = Path.Combine(workspace.Root, "report.txt");
        WriteLongReport(report, sentences: 4000);
        var interrupted = Path.Combine(workspace.Root, "interrupted.db");
        var reference = Path.Combine(workspace.Root, "reference.db");

        using (var process = StartDossier("ingest", report, "--db", interrupted, "--jobs", "1"))
        {
            // The report is stored at once; its linking takes far longer than the wait here, so the
            // signal comes while its sentences are being read.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (CountArticles(interrupted) < 1 && DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(20);
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.False(process.HasExited, "the ingest finished before it could be interrupted; make the report longer");
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            // Generous: on a loaded machine even stopping takes its share of the cores. An idle
            // machine stops within a second (docs/benchmarks.md); the point here is that it stops at
            // all in the middle of a long article, and that the rerun completes the store.
            using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await process.WaitForExitAsync(stopped.Token);
            Assert.NotEqual(0, process.ExitCode);
        }

        Assert.Equal("ok", SqliteFile.Scalar(interrupted, "PRAGMA integrity_check"));
        var rerun = CliRun.Run("ingest", report, "--db", interrupted, "--format", "json", "--jobs", "1");
        var single = CliRun.Run("ingest", report, "--db", reference, "--format", "json", "--jobs", "1");

        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(1, rerun.Json.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, single.ExitCode);
        foreach (var listing in new[] { new[] { "actors", "--top", "1000" }, ["claims"], ["relations"], ["events"] })
        {
            Assert.Equal(
                CliRun.Run([.. listing, "--db", reference, "--format", "json"]).Out,
                CliRun.Run([.. listing, "--db", interrupted, "--format", "json"]).Out);
        }
    }

    /// <summary>One report of many sentences about the same few actors, as a long UN panel report is.</summary>
    private static void WriteLongReport(string path, int sentences)
    {
        string[] places = ["Tripoli", "Benghazi", "Misrata", "Sirte", "Derna", "Sebha", "Tobruk", "Ajdabiya"];
        string[] actors = ["The Libyan National Army", "Forces of the Government of National Accord", "Khalifa Haftar", "Fayez al-Sarraj", "A Misrata brigade", "Islamic State fighters"];
        string[] verbs = ["attacked", "shelled", "withdrew from", "captured", "surrounded", "entered"];
        var random = new Random(11);
        var lines = new List<string> { "Final report of the Panel of Experts", string.Empty };
        for (var s = 0; s < sentences; s++)
        {
            lines.Add($"{actors[random.Next(actors.Length)]} {verbs[random.Next(verbs.Length)]} {places[random.Next(places.Length)]} on day {random.Next(1000)}, " +
                      $"leaving {random.Next(2, 900)} dead, according to {actors[random.Next(actors.Length)].ToLowerInvariant()}.");
        }

        File.WriteAllLines(path, lines);
    }

    internal static void WriteCorpus(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        string[] places = ["Tripoli", "Benghazi", "Misrata", "Sirte", "Derna", "Sebha", "Tobruk", "Ajdabiya", "Zintan", "Jufra"];
        string[] actors = ["the Libyan National Army", "forces of the Government of National Accord", "a Misrata brigade", "Islamic State fighters", "local militias"];
        string[] verbs = ["attacked", "shelled", "withdrew from", "captured", "surrounded", "entered"];
        var random = new Random(7);
        for (var i = 0; i < count; i++)
        {
            var lines = new List<string> { $"Report {i}: fighting near {places[i % places.Length]}", string.Empty };
            for (var s = 0; s < 12; s++)
            {
                lines.Add($"On day {random.Next(10_000)} {actors[random.Next(actors.Length)]} {verbs[random.Next(verbs.Length)]} " +
                          $"{places[random.Next(places.Length)]}, leaving {random.Next(2, 900)} dead and {random.Next(2, 5000)} displaced, witnesses said in report {i}-{s}.");
            }

            lines.Add("You may also like:");
            lines.Add("An unrelated teaser about a film star.");
            File.WriteAllLines(Path.Combine(folder, $"{i:D5}.txt"), lines);
        }
    }

    internal static Process StartDossier(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dossier.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static long CountArticles(string database)
    {
        if (!File.Exists(database))
        {
            return 0;
        }

        try
        {
            return (long)SqliteFile.Scalar(database, "SELECT COUNT(*) FROM articles")!;
        }
        catch (SqliteException)
        {
            return 0; // the schema is not there yet
        }
    }


    private static List<string> Ids(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM articles ORDER BY id";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
