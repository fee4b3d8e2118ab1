using Dossier.Tests.Shared;

namespace Dossier.Cli.Tests.Commands;

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}

/// <summary>The CLI over a real PostgreSQL server gives what it gives over a SQLite file, word for word.</summary>
[Trait(TestTier.Name, TestTier.Integration)]
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests(PostgresServer server)
{
    [PostgresFact]
    public void Ingest_and_link_into_postgres_find_the_same_actors_events_and_claims_as_sqlite()
    {
        using var workspace = new Workspace();
        var postgres = server.CreateDatabase();

        var sqliteIngest = CliRun.Run("ingest", workspace.SampleCorpus, "--db", workspace.Database, "--format", "json");
        var postgresIngest = CliRun.Run("ingest", workspace.SampleCorpus, "--db", postgres, "--format", "json");
        var again = CliRun.Run("ingest", workspace.SampleCorpus, "--db", postgres, "--format", "json");
        var link = CliRun.Run("link", "--db", postgres);

        Assert.True(postgresIngest.ExitCode == 0, postgresIngest.Error);
        Assert.True(link.ExitCode == 0, link.Error);
        Assert.Equal(sqliteIngest.Json.GetProperty("stored").GetInt32(), postgresIngest.Json.GetProperty("stored").GetInt32());
        Assert.Equal(0, again.Json.GetProperty("stored").GetInt32());
        foreach (var listing in new[] { "actors", "events", "claims", "relations", "sources" })
        {
            var fromSqlite = CliRun.Run(listing, "--db", workspace.Database, "--format", "json");
            var fromPostgres = CliRun.Run(listing, "--db", postgres, "--format", "json");

            Assert.True(fromPostgres.ExitCode == 0, fromPostgres.Error);
            Assert.True(fromSqlite.Json.GetArrayLength() > 0, listing);
            Assert.Equal(fromSqlite.Out, fromPostgres.Out);
        }

        var search = CliRun.Run("search", "Haftar", "--db", postgres, "--format", "json");
        Assert.True(search.ExitCode == 0, search.Error);
        Assert.Contains("\"id\"", search.Out, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_postgres_store_that_cannot_be_opened_is_one_line_naming_the_server_without_the_password()
    {
        var result = CliRun.Run("actors", "--db", "postgres://analyst:hunter2@127.0.0.1:1/dossier");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("dossier: postgres://analyst@127.0.0.1:1/dossier: cannot reach the PostgreSQL server", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Error, StringComparison.Ordinal);
    }
}
