using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using Dossier.Core.Documents;
using Dossier.Core.Identity;
using Dossier.Core.Storage;
using Dossier.Storage.Sql;
using Npgsql;

namespace Dossier.Storage.Postgres;

/// <summary>
/// The server store: one PostgreSQL database that several Dossier processes may write at once. Each
/// article is written in its own transaction, so a process killed at any moment leaves every article
/// whole or absent, and re-running the same ingest completes it without duplicates. Two processes
/// storing the same article race on the unique article id, and the loser finds a duplicate. Not
/// thread-safe: one instance per writer thread, like the SQLite store.
/// </summary>
public sealed partial class PostgresDossierStore : SqlDossierStore, IDossierStore
{
    /// <summary>Serialises schema upgrades between processes that open a new database at the same moment.</summary>
    private const long MigrationLock = 0x646f7373_69657201;

    // SQLSTATE codes worth their own message (https://www.postgresql.org/docs/current/errcodes-appendix.html).
    private const string InvalidPassword = "28P01";
    private const string InvalidAuthorization = "28000";
    private const string UnknownDatabase = "3D000";
    private const string InsufficientPrivilege = "42501";

    private readonly NpgsqlDataSource dataSource;
    private readonly NpgsqlConnection connection;
    private readonly TimeProvider clock;

    private PostgresDossierStore(string location, NpgsqlDataSource dataSource, NpgsqlConnection connection, TimeProvider clock, double nearDuplicateThreshold)
        : base(location, SqlDialect.Postgres, nearDuplicateThreshold)
    {
        this.dataSource = dataSource;
        this.connection = connection;
        this.clock = clock;
    }

    /// <summary>Opens the database that <paramref name="address"/> names (a postgres:// URI or a connection string), creating or upgrading its schema as needed.</summary>
    /// <exception cref="StoreException">The server cannot be reached, refuses the login, has no such database, or holds a newer schema.</exception>
    public static PostgresDossierStore Open(string address, TimeProvider? clock = null, double nearDuplicateThreshold = 0.7)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        var builder = PostgresAddress.Parse(address);
        var location = PostgresAddress.Describe(builder);

        // Prepare the statements used per article once per connection instead of parsing them each time.
        builder.MaxAutoPrepare = 64;
        builder.AutoPrepareMinUsages = 2;

        // Linking a large store writes millions of rows in one statement (the actors' COPY took over a
        // minute at 100,000 articles and hit Npgsql's 30-second default): no time limit on a statement
        // unless the address sets one ("Command Timeout=N").
        if (!address.Contains("timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.CommandTimeout = 0;
        }
        var dataSource = NpgsqlDataSource.Create(builder);
        NpgsqlConnection? connection = null;
        try
        {
            connection = dataSource.OpenConnection();
            var store = new PostgresDossierStore(location, dataSource, connection, clock ?? TimeProvider.System, nearDuplicateThreshold);
            store.Migrate();
            store.Configure();
            return store;
        }
        catch (Exception exception) when (exception is NpgsqlException or StoreException)
        {
            connection?.Dispose();
            dataSource.Dispose();
            throw exception as StoreException ?? Explain(location, builder, (NpgsqlException)exception);
        }
    }

    /// <summary>One line a user can act on, naming the server and database but never the password.</summary>
    private static StoreException Explain(string location, NpgsqlConnectionStringBuilder builder, NpgsqlException exception)
    {
        var message = exception switch
        {
            PostgresException { SqlState: InvalidPassword or InvalidAuthorization } =>
                $"{location}: the server refused the login for user {builder.Username ?? "(none)"} ({exception.Message.ReplaceLineEndings(" ").TrimEnd('.')})",
            PostgresException { SqlState: UnknownDatabase } =>
                $"{location}: server {builder.Host}:{builder.Port} has no database {builder.Database}; create it first (createdb {builder.Database})",
            PostgresException { SqlState: InsufficientPrivilege } =>
                $"{location}: user {builder.Username} may not create Dossier's tables in database {builder.Database} ({exception.Message.ReplaceLineEndings(" ").TrimEnd('.')})",
            { InnerException: SocketException or TimeoutException } or { IsTransient: true } =>
                $"{location}: cannot reach the PostgreSQL server at {builder.Host}:{builder.Port} ({(exception.InnerException ?? exception).Message.ReplaceLineEndings(" ").TrimEnd('.')})",
            _ => $"{location}: {exception.Message.ReplaceLineEndings(" ").TrimEnd('.')}",
        };
        return new StoreException(message, exception);
    }

    public AddResult AddArticle(Document document, MinHashSignature signature)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(signature);
        using var transaction = connection.BeginTransaction();
        var result = AddInTransaction(document, signature, transaction);
        if (result.Outcome == AddOutcome.Duplicate)
        {
            transaction.Rollback();
        }
        else
        {
            transaction.Commit();
        }

        return result;
    }

    /// <summary>
    /// Does nothing: every article is committed on its own. Batching as the SQLite store does would let
    /// two processes that store overlapping articles in different orders deadlock on the unique id,
    /// and would keep another process from seeing an article until the batch ends. A commit costs
    /// little here because the session does not wait for the disk (see <see cref="Configure"/>).
    /// </summary>
    public override void Flush()
    {
    }

    private protected override DbConnection Connection => connection;

    private protected override DbTransaction? Transaction => null;

    /// <summary>A pooled connection of the query's own: a PostgreSQL connection runs one query at a time.</summary>
    private protected override Lease Lend(bool sorted)
    {
        var own = dataSource.OpenConnection();
        return new Lease(own, null, own.Dispose);
    }

    private AddResult AddInTransaction(Document document, MinHashSignature signature, NpgsqlTransaction transaction)
    {
        using (var exists = Command("SELECT 1 FROM articles WHERE id = @id", transaction).With("id", document.Id.Value))
        {
            if (exists.ExecuteScalar() is not null)
            {
                return new AddResult(AddOutcome.Duplicate, document.Id, document.Id);
            }
        }

        // An article another process is storing at this moment is invisible until it commits, so two
        // near copies stored at the same instant may both become originals. Exact copies cannot: the
        // insert below waits on the other transaction's id and then does nothing.
        var bandKeys = signature.BandKeys();
        (ArticleId? originalId, double similarity) found;
        using (var candidates = Command(NearDuplicateCandidates, transaction))
        {
            found = FindNearDuplicate(candidates, signature, bandKeys);
        }

        var (originalId, similarity) = found;

        var metadata = document.Metadata;
        long seq;
        using (var insert = Command("""
            INSERT INTO articles (id, copy_of, copy_similarity, title, outlet, author, url, published, origin_path,
                origin_format, origin_line, origin_item, clean_text, word_count, cleaner_version, offset_map, minhash, ingested_at)
            VALUES (@id, @copy_of, @copy_similarity, @title, @outlet, @author, @url, @published, @origin_path,
                @origin_format, @origin_line, @origin_item, @clean_text, @word_count, @cleaner_version, @offset_map, @minhash, @ingested_at)
            ON CONFLICT (id) DO NOTHING
            RETURNING seq
            """, transaction))
        {
            insert.With("id", document.Id.Value)
                .With("copy_of", originalId?.Value)
                .With("copy_similarity", originalId is null ? null : similarity)
                .With("title", metadata.Title)
                .With("outlet", metadata.Outlet)
                .With("author", metadata.Author)
                .With("url", metadata.Url)
                .With("published", metadata.Published?.ToIso())
                .With("origin_path", document.Origin.Path)
                .With("origin_format", document.Origin.Format.Name())
                .With("origin_line", document.Origin.Line)
                .With("origin_item", document.Origin.Item)
                .With("clean_text", document.Text)
                .With("word_count", TextNormalizer.CountWords(document.Text))
                .With("cleaner_version", document.CleanerVersion)
                .With("offset_map", OffsetMapCodec.Encode(document.OffsetMap))
                .With("minhash", signature.ToBytes())
                .With("ingested_at", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            if (insert.ExecuteScalar() is not long inserted)
            {
                return new AddResult(AddOutcome.Duplicate, document.Id, document.Id);
            }

            seq = inserted;
        }

        using (var band = Command("INSERT INTO minhash_bands (band_key, article_seq) SELECT DISTINCT unnest(@keys), @seq", transaction))
        {
            band.With("keys", bandKeys).With("seq", seq).ExecuteNonQuery();
        }

        var removed = document.Removed;
        using (var insertRemoved = Command("""
            INSERT INTO removed_ranges (article_id, ordinal, start, "end", reason, rule, preview)
            SELECT @id, r.* FROM unnest(@ordinals, @starts, @ends, @reasons, @rules, @previews) AS r
            """, transaction))
        {
            insertRemoved.With("id", document.Id.Value)
                .With("ordinals", Enumerable.Range(0, removed.Count).ToArray())
                .With("starts", removed.Select(r => r.Start).ToArray())
                .With("ends", removed.Select(r => r.End).ToArray())
                .With("reasons", removed.Select(r => r.Reason.ToString()).ToArray())
                .With("rules", removed.Select(r => r.Rule).ToArray())
                .With("previews", removed.Select(r => r.Preview).ToArray())
                .ExecuteNonQuery();
        }

        using (var caption = Command("""
            INSERT INTO captions (article_id, start, "end") SELECT @id, c.* FROM unnest(@starts, @ends) AS c ON CONFLICT DO NOTHING
            """, transaction))
        {
            caption.With("id", document.Id.Value)
                .With("starts", document.Captions.Select(c => c.Start).ToArray())
                .With("ends", document.Captions.Select(c => c.End).ToArray())
                .ExecuteNonQuery();
        }

        if (document.Actors is { } actors)
        {
            WriteArticleActors(seq, actors, document.Claims ?? [], document.Events ?? [], document.Relations ?? [], document.ActorsVersion ?? "unknown", transaction);
        }

        return Added(document.Id, originalId, similarity);
    }

    /// <summary>
    /// Always 0: the server keeps no per-database count of commits that a reader could ask this
    /// cheaply, so a server over PostgreSQL still sees only its own writes (docs/postgresql.md).
    /// </summary>
    public long DataVersion() => 0;

    /// <summary>Gives back dead rows' space for reuse and refreshes the planner's statistics (VACUUM ANALYZE).</summary>
    public void Vacuum()
    {
        if (claim is not null)
        {
            throw new InvalidOperationException("cannot vacuum while holding a claim");
        }

        using var vacuum = Command("VACUUM (ANALYZE)");
        vacuum.CommandTimeout = 0;
        vacuum.ExecuteNonQuery();
    }

    public void Dispose()
    {
        claim?.Dispose();
        connection.Dispose();
        dataSource.Dispose();
    }

    private NpgsqlCommand Command(string sql, NpgsqlTransaction? transaction = null) => new(sql, connection, transaction);

    /// <summary>The seconds a statement may run before the client gives up on it; 0 for no limit.</summary>
    internal int CommandTimeout => connection.CommandTimeout;

    /// <summary>
    /// The session does not wait for the disk at commit. A commit still survives a killed Dossier
    /// process, and a server crash loses at most the last fraction of a second of commits, each whole
    /// (the log is replayed up to the last complete transaction): the same promise as the SQLite store
    /// in WAL mode, and re-running the ingest redoes what was lost.
    /// </summary>
    private void Configure()
    {
        using var set = Command("SET synchronous_commit = off");
        set.ExecuteNonQuery();
    }

    private void Migrate()
    {
        using var transaction = connection.BeginTransaction();
        using (var setup = Command("""
            SELECT pg_advisory_xact_lock(@lock);
            CREATE TABLE IF NOT EXISTS dossier_schema (version integer NOT NULL);
            INSERT INTO dossier_schema (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM dossier_schema);
            """, transaction).With("lock", MigrationLock))
        {
            setup.ExecuteNonQuery();
        }

        using var read = Command("SELECT version FROM dossier_schema", transaction);
        var version = (int)read.ExecuteScalar()!;
        if (version > PostgresSchema.CurrentVersion)
        {
            throw new StoreException(
                $"{Location}: written by a newer Dossier (schema {version}; this build reads up to {PostgresSchema.CurrentVersion}); upgrade Dossier to open it");
        }

        // DDL is transactional here: the upgrade happens entirely or not at all.
        for (var next = version; next < PostgresSchema.CurrentVersion; next++)
        {
            using var migrate = Command(PostgresSchema.Migrations[next] + $"\nUPDATE dossier_schema SET version = {next + 1};", transaction);
            migrate.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
