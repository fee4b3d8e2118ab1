using System.Diagnostics;
using Dossier.Tests.Shared;
using Npgsql;

namespace Dossier.Cli.Tests.Commands;

/// <summary>
/// Several <c>dossier ingest</c> processes writing one PostgreSQL store, one of them killed midway:
/// running it again completes the store with nothing lost and nothing stored twice.
/// </summary>
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
