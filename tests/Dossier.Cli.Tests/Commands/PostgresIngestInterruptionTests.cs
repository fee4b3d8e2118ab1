using System.Diagnostics;
using Dossier.Tests.Shared;
using Npgsql;

namespace Dossier.Cli.Tests.Commands;

/// <summary>
/// Several <c>dossier ingest</c> processes writing one PostgreSQL store, one of them killed midway:
/// running it again completes the store with nothing lost and nothing stored twice.
/// </summary>
[Trait(TestTier.Name, TestTier.Integration)]
[Collection(PostgresCollection.Name)]
public sealed class PostgresIngestInterruptionTests(PostgresServer server)
{
    [PostgresFact]
    public async Task Ingest_workers_killed_and_restarted_lose_and_duplicate_nothing()
    {
        using var workspace = new Workspace();
        var corpus = Path.Combine(workspace.Root, "corpus");
        const int articleCount = 1000;
        IngestInterruptionTests.WriteCorpus(corpus, articleCount);
        var database = server.CreateDatabase();

        using (var killed = IngestInterruptionTests.StartDossier("ingest", corpus, "--db", database, "--no-link"))
        using (var steady = IngestInterruptionTests.StartDossier("ingest", corpus, "--db", database, "--no-link"))
        {
            // Kill one worker once some articles are in, while the other goes on over the same files.
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (Scalar(database, "SELECT COUNT(*) FROM articles") < 200 && DateTime.UtcNow < deadline && !killed.HasExited)
            {
                await Task.Delay(20);
            }

            Assert.False(killed.HasExited, "the ingest finished before it could be interrupted; make the corpus larger");
            killed.Kill(entireProcessTree: true);
            await killed.WaitForExitAsync();
            await steady.WaitForExitAsync();
            Assert.Equal(0, steady.ExitCode);
        }

        var rerun = CliRun.Run("ingest", corpus, "--db", database, "--format", "json");

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Equal(articleCount, rerun.Json.GetProperty("duplicates").GetInt32());
        Assert.Equal(articleCount, Scalar(database, "SELECT COUNT(*) FROM articles"));
        Assert.Equal(articleCount, Scalar(database, "SELECT COUNT(DISTINCT origin_path) FROM articles"));

        // Every article is whole: its bands, and the same removed teaser as every other article.
        Assert.Equal(0, Scalar(database, "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM minhash_bands b WHERE b.article_seq = a.seq)"));
        Assert.Equal(1, Scalar(database, "SELECT COUNT(DISTINCT n) FROM (SELECT COUNT(*) AS n FROM removed_ranges GROUP BY article_id) AS per_article"));
        Assert.Equal(articleCount, Scalar(database, "SELECT COUNT(DISTINCT article_id) FROM removed_ranges"));
    }

    [PostgresFact]
    public async Task Workers_sharing_a_store_one_killed_midway_leave_the_same_actors_and_facts_as_one_worker()
    {
        using var workspace = new Workspace();
        var corpus = Path.Combine(workspace.Root, "corpus");
        const int articleCount = 600;
        IngestInterruptionTests.WriteCorpus(corpus, articleCount);
        var shared = server.CreateDatabase();
        var reference = server.CreateDatabase();
        Assert.Equal(0, CliRun.Run("ingest", corpus, "--db", shared, "--no-link").ExitCode);

        using (var killed = IngestInterruptionTests.StartDossier("worker", "--db", shared, "--jobs", "1"))
        using (var steady = IngestInterruptionTests.StartDossier("worker", "--db", shared, "--jobs", "1"))
        {
            // Kill one worker once the first claims are stored; the other takes over what it held.
            var deadline = DateTime.UtcNow.AddSeconds(180);
            while (Scalar(shared, "SELECT COUNT(*) FROM articles WHERE linker_version IS NOT NULL") < 64 && DateTime.UtcNow < deadline && !killed.HasExited)
            {
                await Task.Delay(20);
            }

            Assert.False(killed.HasExited, "the workers finished before one could be killed; make the corpus larger");
            killed.Kill(entireProcessTree: true);
            await killed.WaitForExitAsync();
            await steady.WaitForExitAsync();
            Assert.Equal(0, steady.ExitCode);
        }

        var single = CliRun.Run("ingest", corpus, "--db", reference, "--jobs", "1");

        Assert.True(single.ExitCode == 0, single.Error);
        Assert.Equal(0, Scalar(shared, "SELECT COUNT(*) FROM articles WHERE linker_version IS NULL OR linker_version LIKE '%first look'"));
        foreach (var table in new[] { "article_actors", "actor_mentions", "claims", "events", "relations" })
        {
            Assert.Equal(Scalar(reference, $"SELECT COUNT(*) FROM {table}"), Scalar(shared, $"SELECT COUNT(*) FROM {table}"));
        }

        foreach (var listing in new[] { "actors", "events", "relations", "claims" })
        {
            Assert.Equal(CliRun.Run(listing, "--db", reference, "--format", "json").Out, CliRun.Run(listing, "--db", shared, "--format", "json").Out);
        }
    }

    private static long Scalar(string connectionString, string sql)
    {
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0; // the schema is not there yet
        }
    }
}
