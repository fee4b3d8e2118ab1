using Dossier.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace Dossier.Cli.Tests.Commands;

/// <summary>
/// Finding actors on several threads and in several processes: the same store as one thread makes,
/// and a worker killed midway loses and duplicates nothing.
/// </summary>
public sealed class ParallelLinkingTests
{
    private static readonly string[] Listings = ["actors", "events", "relations", "claims"];

    [Fact]
    public void Ingest_on_four_threads_finds_the_same_actors_events_relations_and_claims_as_on_one()
    {
        using var workspace = new Workspace();
        var one = Path.Combine(workspace.Root, "one.db");
        var four = Path.Combine(workspace.Root, "four.db");

        var single = CliRun.Run("ingest", workspace.SampleCorpus, "--db", one, "--jobs", "1");
        var parallel = CliRun.Run("ingest", workspace.SampleCorpus, "--db", four, "--jobs", "4");

        Assert.True(single.ExitCode == 0, single.Error);
        Assert.True(parallel.ExitCode == 0, parallel.Error);
        foreach (var listing in Listings)
        {
            var expected = CliRun.Run(listing, "--db", one, "--format", "json").Out;
            Assert.True(expected.Length > 100, $"{listing} found nothing to compare");
            Assert.Equal(expected, CliRun.Run(listing, "--db", four, "--format", "json").Out);
        }
    }

    [Fact]
    public void Ingest_on_four_threads_stores_the_same_articles_copies_and_refusals_in_the_same_order_as_on_one()
    {
        using var workspace = new Workspace();
        var corpus = Path.Combine(workspace.Root, "corpus");
        WriteCorpus(corpus, 300);
        foreach (var i in new[] { 10, 150, 290 })
        {
            // A syndicated copy, an exact repeat and files that cannot be read, among the rest.
            var text = File.ReadAllText(Path.Combine(corpus, $"{i:D5}.txt"));
            File.WriteAllText(Path.Combine(corpus, $"{i:D5}-copy.txt"), text.Replace("Report", "Story", StringComparison.Ordinal) + "\nThe post appeared first on Libya Review.");
            File.WriteAllText(Path.Combine(corpus, $"{i:D5}-repeat.txt"), text);
            File.WriteAllBytes(Path.Combine(corpus, $"{i:D5}-binary.txt"), [0, 1, 2, 0, 255, 0, 7]);
        }

        var one = Path.Combine(workspace.Root, "one.db");
        var four = Path.Combine(workspace.Root, "four.db");
        var single = CliRun.Run("ingest", corpus, "--db", one, "--jobs", "1", "--no-link", "--format", "json");
        var parallel = CliRun.Run("ingest", corpus, "--db", four, "--jobs", "4", "--no-link", "--format", "json");

        Assert.Equal(1, single.ExitCode);
        Assert.Equal(single.ExitCode, parallel.ExitCode);
        Assert.Equal(3, single.Json.GetProperty("refused").GetInt32());
        Assert.Equal(3, single.Json.GetProperty("nearDuplicates").GetInt32());
        Assert.Equal(single.Out.Replace(one, four, StringComparison.Ordinal).Split('\n').Where(l => !l.Contains("seconds", StringComparison.Ordinal)),
            parallel.Out.Split('\n').Where(l => !l.Contains("seconds", StringComparison.Ordinal)));
        Assert.Equal(single.ErrorLines, parallel.ErrorLines);
        Assert.Equal(Rows(one), Rows(four));
    }

    [Theory]
    [InlineData("ingest", "0")]
    [InlineData("link", "-2")]
    [InlineData("worker", "0")]
    public void Fewer_than_one_job_is_refused_with_one_line(string command, string jobs)
    {
        using var workspace = new Workspace();
        var args = command == "ingest" ? new[] { command, workspace.SampleCorpus } : [command];

        var result = CliRun.Run([.. args, "--db", workspace.Database, "--jobs", jobs]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--jobs must be at least 1", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.Database));
    }

    [Fact]
    public void A_worker_with_nothing_to_do_says_so()
    {
        using var workspace = new Workspace();
        CliRun.Run("ingest", workspace.SampleCorpus, "--db", workspace.Database);

        var result = CliRun.Run("worker", "--db", workspace.Database);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("No article needs actors", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_worker_on_a_missing_store_is_one_clear_line()
    {
        using var workspace = new Workspace();

        var result = CliRun.Run("worker", "--db", workspace.Database);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no such store", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    // Only this test of the class kills a real process, so only it leaves the fast tier.
    [Fact]
    [Trait(TestTier.Name, TestTier.Integration)]
    public async Task A_worker_killed_midway_loses_and_duplicates_nothing_when_another_finishes()
    {
        using var workspace = new Workspace();
        var corpus = Path.Combine(workspace.Root, "corpus");
        const int articleCount = 1500;
        WriteCorpus(corpus, articleCount);
        var interrupted = Path.Combine(workspace.Root, "interrupted.db");
        var reference = Path.Combine(workspace.Root, "reference.db");
        Assert.Equal(0, CliRun.Run("ingest", corpus, "--db", interrupted, "--no-link").ExitCode);

        using (var process = IngestInterruptionTests.StartDossier("worker", "--db", interrupted, "--jobs", "1"))
        {
            // Kill once the first claims are stored, while later ones are being annotated.
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (Linked(interrupted) < 64 && DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(20);
            }

            Assert.False(process.HasExited, "the worker finished before it could be killed; make the corpus larger");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var partial = Linked(interrupted);
        Assert.InRange(partial, 64, articleCount - 1);

        var finish = CliRun.Run("worker", "--db", interrupted, "--jobs", "2");
        var single = CliRun.Run("ingest", corpus, "--db", reference, "--jobs", "1");

        Assert.True(finish.ExitCode == 0, finish.Error);
        Assert.True(single.ExitCode == 0, single.Error);
        Assert.Equal(articleCount, Linked(interrupted));
        AssertSameStore(reference, interrupted);
    }

    [Fact]
    public async Task Two_worker_processes_at_once_on_one_sqlite_file_both_finish_with_the_store_of_one_ingest()
    {
        using var workspace = new Workspace();
        var corpus = Path.Combine(workspace.Root, "corpus");
        const int articleCount = 600;
        WriteCorpus(corpus, articleCount);
        var shared = Path.Combine(workspace.Root, "shared.db");
        var reference = Path.Combine(workspace.Root, "reference.db");
        Assert.Equal(0, CliRun.Run("ingest", corpus, "--db", shared, "--no-link").ExitCode);

        // They take turns for the file's write lock: each claim, and the join at the end, waits for the other's.
        using var one = IngestInterruptionTests.StartDossier("worker", "--db", shared, "--jobs", "1");
        using var two = IngestInterruptionTests.StartDossier("worker", "--db", shared, "--jobs", "1");
        await Task.WhenAll(one.WaitForExitAsync(), two.WaitForExitAsync());
        var single = CliRun.Run("ingest", corpus, "--db", reference, "--jobs", "1");

        Assert.Equal(0, one.ExitCode);
        Assert.Equal(0, two.ExitCode);
        Assert.True(single.ExitCode == 0, single.Error);
        Assert.Equal(articleCount, Linked(shared));
        AssertSameStore(reference, shared);
    }

    private static void WriteCorpus(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        string[] places = ["Tripoli", "Benghazi", "Misrata", "Sirte", "Derna", "Sebha", "Tobruk", "Ajdabiya", "Zintan", "Jufra"];
        string[] actors = ["the Libyan National Army", "forces of the Government of National Accord", "Khalifa Haftar's forces", "Islamic State fighters", "the Benghazi Defense Brigades"];
        string[] verbs = ["attacked", "shelled", "captured", "surrounded"];
        var random = new Random(11);
        for (var i = 0; i < count; i++)
        {
            var lines = new List<string> { $"Report {i}: fighting near {places[i % places.Length]}", string.Empty };
            for (var s = 0; s < 10; s++)
            {
                lines.Add($"On day {random.Next(10_000)} {actors[random.Next(actors.Length)]} {verbs[random.Next(verbs.Length)]} " +
                          $"{places[random.Next(places.Length)]}, killing {random.Next(2, 900)} people, a spokesman for {actors[random.Next(actors.Length)]} said in report {i}-{s}.");
            }

            File.WriteAllLines(Path.Combine(folder, $"{i:D5}.txt"), lines);
        }
    }

    private static List<string> Rows(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq || ' ' || id || ' ' || COALESCE(copy_of, '-') || ' ' || origin_path FROM articles ORDER BY seq";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static long Linked(string database) => (long)SqliteFile.Scalar(database, "SELECT COUNT(*) FROM articles WHERE linker_version IS NOT NULL")!;

    /// <summary>The same rows of actors and facts, and the same listings, in both stores.</summary>
    private static void AssertSameStore(string reference, string other)
    {
        foreach (var table in new[] { "article_actors", "actor_mentions", "claims", "events", "relations" })
        {
            Assert.Equal(Count(reference, table), Count(other, table));
        }

        foreach (var listing in Listings)
        {
            Assert.Equal(CliRun.Run(listing, "--db", reference, "--format", "json").Out, CliRun.Run(listing, "--db", other, "--format", "json").Out);
        }
    }

    private static long Count(string database, string table) => (long)SqliteFile.Scalar(database, $"SELECT COUNT(*) FROM {table}")!;

}
