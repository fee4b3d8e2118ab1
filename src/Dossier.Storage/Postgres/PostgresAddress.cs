using System.Text.RegularExpressions;
using Npgsql;

namespace Dossier.Storage.Postgres;

/// <summary>
/// What a user may pass as <c>--db</c> to name a PostgreSQL database: a URI
/// (<c>postgres://user:password@host:5432/dossier?sslmode=require</c>) or an Npgsql connection string
/// (<c>Host=db;Database=dossier;Username=dossier</c>).
/// </summary>
internal static partial class PostgresAddress
{
    /// <summary>
    /// Whether <paramref name="db"/> names a server rather than a SQLite file. A connection string is
    /// recognised by its first keyword, so a file whose name happens to contain '=' stays a file.
    /// </summary>
    public static bool IsPostgres(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || ConnectionStringStart().IsMatch(db);

    /// <exception cref="StoreException">The address is not a URI or connection string Npgsql understands.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string db)
    {
        try
        {
            return db.Contains("://", StringComparison.Ordinal) ? FromUri(db) : new NpgsqlConnectionStringBuilder(db);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or KeyNotFoundException)
        {
            // Never echo the address itself: it may hold a password.
            throw new StoreException($"--db: not a PostgreSQL address Dossier understands ({exception.Message.TrimEnd('.')}); expected postgres://user@host/database or Host=...;Database=...", exception);
        }
    }

    /// <summary>The server and database, for messages: <c>postgres://user@host:port/database</c>, never the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        var user = string.IsNullOrEmpty(builder.Username) ? string.Empty : builder.Username + "@";
        return $"postgres://{user}{builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static NpgsqlConnectionStringBuilder FromUri(string db)
    {
        var uri = new Uri(db, UriKind.Absolute);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = string.IsNullOrEmpty(uri.Host) ? "localhost" : uri.Host.Trim('[', ']'),
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        // Query parameters in libpq's spelling (sslmode=require, host=/run/postgresql) map onto
        // Npgsql's keywords, which accept those names as synonyms; an unknown one is an error, not ignored.
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            builder[string.Equals(key, "sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = value;
        }

        if (string.IsNullOrEmpty(builder.Database))
        {
            throw new ArgumentException("the address names no database: add /DATABASE after the host");
        }

        return builder;
    }

    [GeneratedRegex(@"^\s*(host|server|database|db|username|user id|userid|port)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionStringStart();
}
