using System.Text.RegularExpressions;
using Dossier.Core.Documents;
using Dossier.Core.Identity;
using Dossier.Core.Storage;
using Dossier.Storage.Postgres;
using Dossier.Storage.Sqlite;
using Dossier.Tests.Shared;
using Npgsql;

namespace Dossier.Storage.Tests.Postgres;

/// <summary>One server for every PostgreSQL test class of this assembly; each test gets a database of its own.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}

[Trait(TestTier.Name, TestTier.Integration)]
[Collection(PostgresCollection.Name)]
[NeedsPostgres]
public sealed class PostgresDossierStoreTests(PostgresServer server) : DossierStoreContract
{
    private readonly Lazy<string> database = new(server.CreateDatabase);

    private string ConnectionString => database.Value;

    protected override IDossierStore OpenFresh() => PostgresDossierStore.Open(ConnectionString);

    protected override IDossierStore Reopen() => PostgresDossierStore.Open(ConnectionString);

    [PostgresFact]
    public void Postgres_store_is_chosen_for_a_uri_or_a_connection_string_and_sqlite_otherwise()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var uri = $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";

        using var byUri = DossierStores.Open(uri);
        using var byConnectionString = DossierStores.Open(ConnectionString);

        Assert.IsType<PostgresDossierStore>(byUri);
        Assert.IsType<PostgresDossierStore>(byConnectionString);
        Assert.Equal(uri, byUri.Location);
        Assert.False(DossierStores.IsServer("dossier.db"));
        Assert.False(DossierStores.IsServer("reports/Host=a.db"));
        Assert.True(DossierStores.IsServer("postgresql://h/d"));
    }

    [PostgresFact]
    public void Postgres_store_lets_a_long_statement_run_unless_the_address_sets_a_timeout()
    {
        using var unlimited = PostgresDossierStore.Open(ConnectionString);
        using var limited = PostgresDossierStore.Open(ConnectionString + ";Command Timeout=7");

        Assert.Equal(0, unlimited.CommandTimeout);
        Assert.Equal(7, limited.CommandTimeout);
    }

    [PostgresFact]
    public void Postgres_store_names_the_server_and_database_but_never_the_password_when_it_cannot_open()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var missing = $"postgres://{builder.Username}:sekret-pw@{builder.Host}:{builder.Port}/no_such_database";
        var unreachable = $"Host=127.0.0.1;Port=1;Database=dossier;Username=u;Password=sekret-pw;Timeout=3";

        var missingError = Assert.Throws<StoreException>(() => DossierStores.Open(missing));
        var unreachableError = Assert.Throws<StoreException>(() => DossierStores.Open(unreachable));

        Assert.Contains("has no database no_such_database", missingError.Message, StringComparison.Ordinal);
        Assert.Contains($"{builder.Host}:{builder.Port}", missingError.Message, StringComparison.Ordinal);
        Assert.Contains("cannot reach the PostgreSQL server at 127.0.0.1:1", unreachableError.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sekret-pw", missingError.Message + unreachableError.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', missingError.Message + unreachableError.Message);
    }

    [PostgresFact]
    public void Postgres_store_refuses_a_database_from_a_newer_schema_and_leaves_it_alone()
    {
        using (OpenFresh())
        {
        }

        Execute("UPDATE dossier_schema SET version = 99");

        var error = Assert.Throws<StoreException>(() => PostgresDossierStore.Open(ConnectionString));

        Assert.Contains("newer Dossier", error.Message, StringComparison.Ordinal);
        Assert.Contains("schema 99", error.Message, StringComparison.Ordinal);
        Assert.Equal(99, Scalar<int>("SELECT version FROM dossier_schema"));
    }

    [PostgresFact]
    public void Postgres_store_records_the_same_schema_version_as_sqlite()
    {
        using (OpenFresh())
        {
        }

        Assert.Equal(SqliteSchema.CurrentVersion, Scalar<int>("SELECT version FROM dossier_schema"));
    }

    [PostgresFact]
    public void Postgres_stores_opened_at_once_on_a_new_database_create_the_schema_once()
    {
        var stores = Enumerable.Range(0, 4).AsParallel().Select(_ => PostgresDossierStore.Open(ConnectionString)).ToList();

        foreach (var store in stores)
        {
            store.Dispose();
        }

        Assert.Equal(1L, Scalar<long>("SELECT COUNT(*) FROM dossier_schema"));
    }

    [PostgresFact]
    public void Postgres_stores_writing_the_same_articles_at_once_store_each_exactly_once()
    {
        var documents = Enumerable.Range(300, 40).Select(seed => Documents.Make(Documents.Story(seed))).ToList();

        // Four writers, as four ingest processes would, each with the articles in another order.
        var outcomes = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(4).SelectMany(writer =>
        {
            using var store = PostgresDossierStore.Open(ConnectionString);
            var order = writer % 2 == 0 ? documents : Enumerable.Reverse(documents);
            return order.Select(d => store.AddArticle(d, MinHashSignature.FromText(d.Text)).Outcome).ToList();
        }).ToList();

        Assert.Equal(40, outcomes.Count(o => o == AddOutcome.Stored));
        Assert.Equal(120, outcomes.Count(o => o == AddOutcome.Duplicate));
        Assert.Equal(40L, Scalar<long>("SELECT COUNT(*) FROM articles"));
        Assert.Equal(40L, Scalar<long>("SELECT COUNT(DISTINCT article_id) FROM removed_ranges"));
    }

    [PostgresFact]
    public void Postgres_workers_claiming_at_once_never_take_the_same_article()
    {
        var ids = StoreStories(10);
        using var first = PostgresDossierStore.Open(ConnectionString);
        using var second = PostgresDossierStore.Open(ConnectionString);
        var needing = new LinkerVersions.NoneOf(["v1"]);

        using var firstClaim = first.ClaimArticles(needing, 4);
        using var secondClaim = second.ClaimArticles(needing, 4);

        Assert.Equal(ids.Take(4), firstClaim.Articles);
        Assert.Equal(ids.Skip(4).Take(4), secondClaim.Articles);
        // Counts see what others hold: the work is not done until their claims are.
        Assert.Equal(10, first.CountArticles(needing));
    }

    [PostgresFact]
    public void Postgres_worker_whose_connection_dies_mid_claim_frees_its_articles_with_nothing_written()
    {
        var ids = StoreStories(3);
        var needing = new LinkerVersions.NoneOf(["v1"]);
        var dying = PostgresDossierStore.Open(ConnectionString);
        var claim = dying.ClaimArticles(needing, 3);
        dying.ReplaceArticleActors(claim.Articles[0], [], [], [], [], "v1");
        var pid = Scalar<int>($"SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%' LIMIT 1");

        Execute($"SELECT pg_terminate_backend({pid})");
        using var next = PostgresDossierStore.Open(ConnectionString);
        using var taken = next.ClaimArticles(needing, 3);

        Assert.Equal(ids, taken.Articles);
        Assert.Equal(3, next.CountArticles(needing));
        Assert.ThrowsAny<Exception>(claim.Complete);
    }

    private List<ArticleId> StoreStories(int count)
    {
        using var store = PostgresDossierStore.Open(ConnectionString);
        var ids = new List<ArticleId>();
        for (var i = 0; i < count; i++)
        {
            var document = Documents.Make(Documents.Story(500 + i), path: $"story-{i}.txt");
            store.AddArticle(document, MinHashSignature.FromText(document.Text));
            ids.Add(document.Id);
        }

        return ids;
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private T Scalar<T>(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return (T)command.ExecuteScalar()!;
    }
}

/// <summary>The two schemas are kept in step: same number of steps, same tables. Needs no server.</summary>
public sealed partial class StoreSchemaTests
{
    [Fact]
    public void Schemas_of_both_stores_have_the_same_version()
    {
        Assert.Equal(SqliteSchema.CurrentVersion, PostgresSchema.CurrentVersion);
    }

    [Fact]
    public void Schemas_of_both_stores_create_the_same_tables_at_each_step()
    {
        for (var step = 0; step < SqliteSchema.CurrentVersion; step++)
        {
            Assert.Equal(Tables(SqliteSchema.Migrations[step]), Tables(PostgresSchema.Migrations[step]));
        }
    }

    /// <summary>Tables a migration creates. SQLite's full-text index is a virtual table; PostgreSQL's is a column, so it is not counted.</summary>
    private static List<string> Tables(string migration) =>
        [.. CreateTable().Matches(migration).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"CREATE TABLE (\w+)")]
    private static partial Regex CreateTable();
}
