using Dossier.Storage.Postgres;
using Dossier.Storage.Sqlite;

namespace Dossier.Storage;

/// <summary>
/// Opens the store a user names with <c>--db</c>: a PostgreSQL database for a <c>postgres://</c> or
/// <c>postgresql://</c> URI or an Npgsql connection string (<c>Host=...;Database=...</c>), a SQLite
/// file for anything else. Every way of opening a store goes through here, so the CLI, the web
/// server and the demo accept the same addresses.
/// </summary>
public static class DossierStores
{
    /// <summary>What <c>--db</c> accepts, for help texts.</summary>
    public const string Help = "The store: a SQLite file path, or a PostgreSQL database as postgres://user@host/database or Host=...;Database=...;Username=...";

    /// <summary>Whether <paramref name="db"/> names a PostgreSQL database rather than a SQLite file.</summary>
    public static bool IsServer(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return PostgresAddress.IsPostgres(db);
    }

    /// <summary>Opens the store, creating it (a SQLite file, or Dossier's tables in an existing database) or upgrading its schema as needed.</summary>
    /// <exception cref="StoreException">The store cannot be opened; the message is one line naming it, never a password.</exception>
    public static IDossierStore Open(string db, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(db);
        return IsServer(db) ? PostgresDossierStore.Open(db, clock) : SqliteDossierStore.Open(db, clock);
    }

    /// <summary>
    /// Whether the store exists already: a SQLite file on disk, or, for a server, always (an empty
    /// database is a store without articles yet; opening says when the server or database is missing).
    /// </summary>
    public static bool Exists(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return IsServer(db) || File.Exists(db);
    }

    /// <summary>The store's name for messages: the path, or the server and database without the password.</summary>
    public static string Describe(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!IsServer(db))
        {
            return db;
        }

        try
        {
            return PostgresAddress.Describe(PostgresAddress.Parse(db));
        }
        catch (StoreException)
        {
            return "the PostgreSQL address given with --db";
        }
    }
}
