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
        Assert.Equal(1, ReadUserVersion());
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
