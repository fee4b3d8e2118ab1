namespace Dossier.Storage.Sql;

/// <summary>
/// What the SQLite and PostgreSQL stores share: the read side (lists, lookups, search, export
/// streams), written once over ADO.NET in SQL both engines run, with <see cref="SqlDialect"/> for
/// the few phrases they spell differently. Opening, bulk writes (savepoints in grouped commits
/// against a transaction per article, arrays and COPY), claims (the write transaction against
/// SKIP LOCKED), error codes and upkeep stay with each store, where the engines truly differ.
/// </summary>
public abstract partial class SqlDossierStore
{
    private protected SqlDossierStore(string location, SqlDialect dialect, double nearDuplicateThreshold)
    {
        Location = location;
        Dialect = dialect;
        NearDuplicateThreshold = nearDuplicateThreshold;
    }

    public string Location { get; }

    public double NearDuplicateThreshold { get; }

    private protected SqlDialect Dialect { get; }

    // Mentions that name their actor; pronouns point at it without naming it.
    private protected const string NamingForms = "('Name', 'PartialName', 'Acronym', 'Nationality', 'Description')";

    /// <summary>Each entity's count of naming mentions and of articles, after linking rewrote the entities.</summary>
    private protected const string EntityCounts = $"""
        WITH c AS (
            SELECT ec.entity_id AS id, COUNT(*) AS mentions, COUNT(DISTINCT ec.article_seq) AS articles
            FROM entity_chains ec
            JOIN actor_mentions m ON m.article_seq = ec.article_seq AND m.chain = ec.chain
            WHERE m.form IN {NamingForms}
            GROUP BY ec.entity_id)
        UPDATE entities SET mentions = c.mentions, articles = c.articles FROM c WHERE c.id = entities.id
        """;

    // A relation's two ends (chains, and the entities they were joined to) and the claim it is part of, with its speaker's entity.
    private protected const string RelationJoins = """
        JOIN article_actors sa ON sa.article_seq = r.article_seq AND sa.chain = r.source_chain
        JOIN article_actors ta ON ta.article_seq = r.article_seq AND ta.chain = r.target_chain
        LEFT JOIN entity_chains sec ON sec.article_seq = r.article_seq AND sec.chain = r.source_chain
        LEFT JOIN entities se ON se.id = sec.entity_id
        LEFT JOIN entity_chains tec ON tec.article_seq = r.article_seq AND tec.chain = r.target_chain
        LEFT JOIN entities te ON te.id = tec.entity_id
        LEFT JOIN claims c ON c.article_seq = r.article_seq AND c.ordinal = r.claim_ordinal
        LEFT JOIN entity_chains spc ON spc.article_seq = c.article_seq AND spc.chain = c.speaker_chain
        LEFT JOIN entities spe ON spe.id = spc.entity_id
        """;

    /// <summary>The store's own connection.</summary>
    private protected abstract DbConnection Connection { get; }

    /// <summary>The transaction statements on <see cref="Connection"/> must join, if any.</summary>
    private protected abstract DbTransaction? Transaction { get; }

    /// <summary>Commits what the store has written but not yet committed, where it groups commits.</summary>
    public abstract void Flush();

    /// <summary>
    /// A connection to run a query on while its rows are read, beside other queries: the store's own
    /// in SQLite (which runs several at once, and sorts in temporary files while a
    /// <paramref name="sorted"/> query runs), a pooled one of its own in PostgreSQL (which runs one
    /// query per connection at a time), so the store stays usable while the rows are read.
    /// </summary>
    private protected abstract Lease Lend(bool sorted);

    /// <summary>A statement on the store's own connection.</summary>
    private protected DbCommand Query(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        return command;
    }

    /// <summary>Runs one query on a lent connection and yields its rows as they come; <paramref name="owned"/> is disposed when they end.</summary>
    private protected IEnumerable<T> Stream<T>(string sql, Action<DbCommand>? bind, bool sorted, Func<DbDataReader, T> read, IDisposable? owned = null)
    {
        Lease? lease = null;
        try
        {
            lease = Lend(sorted);
            using var query = lease.Command(sql);
            bind?.Invoke(query);
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                yield return read(reader);
            }
        }
        finally
        {
            owned?.Dispose();
            lease?.Dispose();
        }
    }

    /// <summary>Articles claimed for linking, until the claim is completed or given up (disposed), once.</summary>
    private protected abstract class ArticleClaim(IReadOnlyList<ArticleId> articles) : IArticleClaim
    {
        private bool done;

        public IReadOnlyList<ArticleId> Articles => articles;

        public void Complete()
        {
            ObjectDisposedException.ThrowIf(done, this);
            done = true;
            End(complete: true);
        }

        public void Dispose()
        {
            if (!done)
            {
                done = true;
                End(complete: false);
            }
        }

        private protected abstract void End(bool complete);
    }

    /// <summary>A connection lent for reading, and what to do when the reading ends.</summary>
    private protected sealed class Lease(DbConnection connection, DbTransaction? transaction, Action? release) : IDisposable
    {
        public DbCommand Command(string sql)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = transaction;
            return command;
        }

        public void Dispose() => release?.Invoke();
    }
}
