using Dossier.Core.Storage;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests.Sqlite;

public sealed class SqliteDossierStoreTests : DossierStoreContract
{
    private readonly string directory = Directory.CreateTempSubdirectory("dossier-store-").FullName;

    private string DatabasePath => Path.Combine(directory, "dossier.db");

    protected override IDossierStore OpenFresh() => SqliteDossierStore.Open(DatabasePath);

    protected override IDossierStore Reopen() => SqliteDossierStore.Open(DatabasePath);

    [Fact]
    public void Sqlite_store_refuses_a_file_that_is_not_a_database()
    {
        File.WriteAllText(DatabasePath, "This is a shopping list, not a database.\nEggs\nMilk\n" + new string('x', 4000));

        var error = Assert.Throws<StoreException>(() => SqliteDossierStore.Open(DatabasePath));

        Assert.Contains("not a SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("This is a shopping list", File.ReadAllText(DatabasePath), StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_store_refuses_a_database_from_a_newer_schema_and_leaves_it_alone()
    {
        using (var store = SqliteDossierStore.Open(DatabasePath))
        {
        }

        SetUserVersion(99);

        var error = Assert.Throws<StoreException>(() => SqliteDossierStore.Open(DatabasePath));

        Assert.Contains("newer Dossier", error.Message, StringComparison.Ordinal);
        Assert.Contains("schema 99", error.Message, StringComparison.Ordinal);
        Assert.Equal(99, ReadUserVersion());
    }

    [Fact]
    public void Sqlite_store_refuses_a_folder_or_a_missing_parent_with_a_clear_message()
    {
        var folderError = Assert.Throws<StoreException>(() => SqliteDossierStore.Open(directory));
        var parentError = Assert.Throws<StoreException>(() => SqliteDossierStore.Open(Path.Combine(directory, "missing", "x.db")));

        Assert.Contains("is a folder", folderError.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", parentError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_store_uses_wal_and_records_its_schema_version()
    {
        using (var store = SqliteDossierStore.Open(DatabasePath))
        {
        }

        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        Assert.Equal(SqliteSchema.CurrentVersion, ReadUserVersion());
    }

    [Fact]
    public void Sqlite_store_written_before_actors_existed_is_upgraded_and_keeps_its_articles()
    {
        using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = SqliteSchema.Migrations[0] + """
                INSERT INTO articles (id, title, origin_path, origin_format, clean_text, word_count, cleaner_version, offset_map, minhash, ingested_at)
                VALUES ('00112233445566778899aabbccddeeff', 'Old', 'old.txt', 'text', 'Haftar spoke.', 2, '1', x'', x'', '2026-01-01T00:00:00Z');
                PRAGMA user_version = 1;
                """;
            command.ExecuteNonQuery();
        }

        using (var store = SqliteDossierStore.Open(DatabasePath))
        {
            // The old article has no actors yet: the next linking finds them.
            Assert.Equal("00112233445566778899aabbccddeeff", Assert.Single(store.ArticlesNeedingActors("1")).Value);
            Assert.Empty(store.ListEntities(null, 10));
        }

        Assert.Equal(SqliteSchema.CurrentVersion, ReadUserVersion());
    }

    protected override void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private void SetUserVersion(int version)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA user_version = {version}";
        command.ExecuteNonQuery();
    }

    private int ReadUserVersion()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
