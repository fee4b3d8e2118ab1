using System.Net.Sockets;
using Dossier.Core.Identity;
using Npgsql;
using NpgsqlTypes;

namespace Dossier.Storage.Postgres;

/// <summary>
/// The server store: one PostgreSQL database that several Dossier processes may write at once. Each
/// article is written in its own transaction, so a process killed at any moment leaves every article
/// whole or absent, and re-running the same ingest completes it without duplicates. Two processes
/// storing the same article race on the unique article id, and the loser finds a duplicate. Not
/// thread-safe: one instance per writer thread, like the SQLite store.
/// </summary>
public sealed class PostgresDossierStore : SqlDossierStore, IDossierStore
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

    public void ReplaceArticleActors(ArticleId article, IReadOnlyList<ArticleActor> actors, IReadOnlyList<Claim> claims, IReadOnlyList<ReportedEvent> events, IReadOnlyList<Relation> relations, string linkerVersion)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(claims);
        using var write = BeginArticleWrite();

        // The row lock makes two linkers working on the same article take turns instead of interleaving their rows.
        using (var seqQuery = Command("SELECT seq FROM articles WHERE id = @id FOR UPDATE", write.Transaction).With("id", article.Value))
        {
            if (seqQuery.ExecuteScalar() is not long seq)
            {
                throw new StoreException($"{Location}: no article {article.Value}");
            }

            WriteArticleActors(seq, actors, claims, events, relations, linkerVersion, write.Transaction);
        }

        write.Commit();
    }

    /// <summary>
    /// A claim is a transaction holding the claimed rows locked: another worker's claim skips them
    /// (SKIP LOCKED), and a worker that dies mid-claim drops its connection, the server rolls the
    /// transaction back and the rows are free at once, with nothing of them written.
    /// </summary>
    public IArticleClaim ClaimArticles(LinkerVersions which, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (claim is not null)
        {
            throw new InvalidOperationException("this store already holds a claim; complete or dispose it first");
        }

        var transaction = connection.BeginTransaction();
        try
        {
            using var query = VersionQuery("SELECT id FROM articles WHERE {0} ORDER BY seq LIMIT @max FOR UPDATE SKIP LOCKED", which).With("max", max);
            query.Transaction = transaction;
            var ids = Rows(query, reader => new ArticleId(reader.GetString(0)));

            claim = new PostgresArticleClaim(this, transaction, ids);
            return claim;
        }
        catch
        {
            transaction.Dispose();
            throw;
        }
    }

    public void SetLinkerVersion(ArticleId article, string linkerVersion)
    {
        using var write = BeginArticleWrite();
        using var update = Command("UPDATE articles SET linker_version = @version WHERE id = @id", write.Transaction)
            .With("version", linkerVersion).With("id", article.Value);
        if (update.ExecuteNonQuery() == 0)
        {
            throw new StoreException($"{Location}: no article {article.Value}");
        }

        write.Commit();
    }

    private PostgresArticleClaim? claim;

    /// <summary>
    /// The transaction one article's write goes in: its own, or inside a claim a savepoint of the
    /// claim's, so that a failed article is undone alone and the rest commit with the claim.
    /// </summary>
    private ArticleWrite BeginArticleWrite()
        => claim is null ? new ArticleWrite(connection.BeginTransaction(), OwnsTransaction: true) : ArticleWrite.InClaim(claim.Transaction);

    private sealed record ArticleWrite(NpgsqlTransaction Transaction, bool OwnsTransaction) : IDisposable
    {
        private const string Savepoint = "article";
        private bool done;

        public static ArticleWrite InClaim(NpgsqlTransaction transaction)
        {
            transaction.Save(Savepoint);
            return new ArticleWrite(transaction, OwnsTransaction: false);
        }

        public void Commit()
        {
            done = true;
            if (OwnsTransaction)
            {
                Transaction.Commit();
            }
            else
            {
                Transaction.Release(Savepoint);
            }
        }

        public void Dispose()
        {
            if (OwnsTransaction)
            {
                Transaction.Dispose();
            }
            else if (!done)
            {
                Transaction.Rollback(Savepoint);
            }
        }
    }

    /// <summary>A claim ends with its transaction: committed, or rolled back when given up.</summary>
    private sealed class PostgresArticleClaim(PostgresDossierStore store, NpgsqlTransaction transaction, IReadOnlyList<ArticleId> articles) : ArticleClaim(articles)
    {
        public NpgsqlTransaction Transaction => transaction;

        private protected override void End(bool complete)
        {
            store.claim = null;
            using (transaction)
            {
                if (complete)
                {
                    transaction.Commit();
                }
                else if (transaction.Connection is not null)
                {
                    // A connection already broken has nothing left to roll back.
                    transaction.Rollback();
                }
            }
        }
    }

    /// <summary>Writes one article's actors and facts, one statement per table: each takes its rows as parallel arrays.</summary>
    private void WriteArticleActors(long seq, IReadOnlyList<ArticleActor> actors, IReadOnlyList<Claim> claims, IReadOnlyList<ReportedEvent> events, IReadOnlyList<Relation> relations, string linkerVersion, NpgsqlTransaction transaction)
    {
        using (var clear = Command("""
            DELETE FROM relations WHERE article_seq = @seq;
            DELETE FROM events WHERE article_seq = @seq;
            DELETE FROM claims WHERE article_seq = @seq;
            DELETE FROM actor_mentions WHERE article_seq = @seq;
            DELETE FROM article_actors WHERE article_seq = @seq;
            """, transaction).With("seq", seq))
        {
            clear.ExecuteNonQuery();
        }

        string clean;
        using (var mark = Command("UPDATE articles SET linker_version = @version WHERE seq = @seq RETURNING clean_text", transaction).With("seq", seq).With("version", linkerVersion))
        {
            clean = (string)mark.ExecuteScalar()!;
        }

        using (var actor = Command("""
            INSERT INTO article_actors (article_seq, chain, name, kind, kind_reason)
            SELECT @seq, a.* FROM unnest(@chains, @names, @kinds, @reasons) AS a
            """, transaction))
        {
            actor.With("seq", seq)
                .With("chains", actors.Select(a => a.Chain).ToArray())
                .With("names", actors.Select(a => a.Name).ToArray())
                .With("kinds", actors.Select(a => a.Kind.ToName()).ToArray())
                .With("reasons", actors.Select(a => a.KindReason).ToArray())
                .ExecuteNonQuery();
        }

        var mentions = actors.SelectMany(a => a.Mentions.Select(m => (a.Chain, Mention: m))).ToList();
        using (var mention = Command("""
            INSERT INTO actor_mentions (article_seq, start, "end", chain, text, form, reason)
            SELECT @seq, m.* FROM unnest(@starts, @ends, @chains, @texts, @forms, @reasons) AS m
            ON CONFLICT DO NOTHING
            """, transaction))
        {
            mention.With("seq", seq)
                .With("starts", mentions.Select(m => m.Mention.Start).ToArray())
                .With("ends", mentions.Select(m => m.Mention.End).ToArray())
                .With("chains", mentions.Select(m => m.Chain).ToArray())
                .With("texts", mentions.Select(m => clean[m.Mention.Start..m.Mention.End]).ToArray())
                .With("forms", mentions.Select(m => m.Mention.Form.ToString()).ToArray())
                .With("reasons", mentions.Select(m => m.Mention.Reason).ToArray())
                .ExecuteNonQuery();
        }

        using (var claim = Command("""
            INSERT INTO claims (article_seq, ordinal, form, modality, sentence_start, sentence_end, content_start, content_end,
                cue_start, cue_end, speaker_start, speaker_end, speaker_chain, affiliation_chain, extractor)
            SELECT @seq, c.*, @extractor FROM unnest(@ordinals, @forms, @modalities, @sentence_starts, @sentence_ends, @content_starts, @content_ends,
                @cue_starts, @cue_ends, @speaker_starts, @speaker_ends, @speaker_chains, @affiliation_chains) AS c
            """, transaction))
        {
            claim.With("seq", seq)
                .With("extractor", linkerVersion)
                .With("ordinals", Enumerable.Range(0, claims.Count).ToArray())
                .With("forms", claims.Select(c => c.Form.ToString()).ToArray())
                .With("modalities", claims.Select(c => c.Modality.ToString()).ToArray())
                .With("sentence_starts", claims.Select(c => c.SentenceStart).ToArray())
                .With("sentence_ends", claims.Select(c => c.SentenceEnd).ToArray())
                .With("content_starts", claims.Select(c => c.ContentStart).ToArray())
                .With("content_ends", claims.Select(c => c.ContentEnd).ToArray())
                .With("cue_starts", claims.Select(c => c.CueStart).ToArray())
                .With("cue_ends", claims.Select(c => c.CueEnd).ToArray())
                .With("speaker_starts", claims.Select(c => c.SpeakerStart).ToArray())
                .With("speaker_ends", claims.Select(c => c.SpeakerEnd).ToArray())
                .With("speaker_chains", claims.Select(c => c.SpeakerChain).ToArray())
                .With("affiliation_chains", claims.Select(c => c.AffiliationChain).ToArray())
                .ExecuteNonQuery();
        }

        using (var insertEvent = Command("""
            INSERT INTO events (article_seq, ordinal, type, sentence_start, sentence_end, trigger_start, trigger_end, date_first, date_last,
                date_precision, date_start, date_end, place_chain, agents, targets, counts, claim_ordinal, extractor)
            SELECT @seq, e.ordinal, e.type, e.sentence_start, e.sentence_end, e.trigger_start, e.trigger_end, e.date_first, e.date_last,
                e.date_precision, e.date_start, e.date_end, e.place_chain, e.agents::jsonb, e.targets::jsonb, e.counts::jsonb, e.claim_ordinal, @extractor
            FROM unnest(@ordinals, @types, @sentence_starts, @sentence_ends, @trigger_starts, @trigger_ends, @date_firsts, @date_lasts,
                @date_precisions, @date_starts, @date_ends, @place_chains, @agents, @targets, @counts, @claims)
                AS e (ordinal, type, sentence_start, sentence_end, trigger_start, trigger_end, date_first, date_last,
                      date_precision, date_start, date_end, place_chain, agents, targets, counts, claim_ordinal)
            """, transaction))
        {
            insertEvent.With("seq", seq)
                .With("extractor", linkerVersion)
                .With("ordinals", Enumerable.Range(0, events.Count).ToArray())
                .With("types", events.Select(e => e.Type.ToString()).ToArray())
                .With("sentence_starts", events.Select(e => e.SentenceStart).ToArray())
                .With("sentence_ends", events.Select(e => e.SentenceEnd).ToArray())
                .With("trigger_starts", events.Select(e => e.TriggerStart).ToArray())
                .With("trigger_ends", events.Select(e => e.TriggerEnd).ToArray())
                .With("date_firsts", events.Select(e => e.DateFirst?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray())
                .With("date_lasts", events.Select(e => e.DateLast?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray())
                .With("date_precisions", events.Select(e => e.DatePrecision).ToArray())
                .With("date_starts", events.Select(e => e.DateStart).ToArray())
                .With("date_ends", events.Select(e => e.DateEnd).ToArray())
                .With("place_chains", events.Select(e => e.PlaceChain).ToArray())
                .With("agents", events.Select(e => JsonSerializer.Serialize(e.Agents)).ToArray())
                .With("targets", events.Select(e => JsonSerializer.Serialize(e.Targets)).ToArray())
                .With("counts", events.Select(e => JsonSerializer.Serialize(e.Counts.Select(c => new StoredCount(c.Kind.ToString(), c.Low, c.High, c.Bound, c.Start, c.End)))).ToArray())
                .With("claims", events.Select(e => e.Claim).ToArray())
                .ExecuteNonQuery();
        }

        using (var insertRelation = Command("""
            INSERT INTO relations (article_seq, ordinal, kind, source_chain, target_chain, sentence_start, sentence_end, cue_start, cue_end, claim_ordinal, extractor)
            SELECT @seq, r.*, @extractor FROM unnest(@ordinals, @kinds, @sources, @targets, @sentence_starts, @sentence_ends, @cue_starts, @cue_ends, @claims) AS r
            """, transaction))
        {
            insertRelation.With("seq", seq)
                .With("extractor", linkerVersion)
                .With("ordinals", Enumerable.Range(0, relations.Count).ToArray())
                .With("kinds", relations.Select(r => r.Kind.ToString()).ToArray())
                .With("sources", relations.Select(r => r.Source).ToArray())
                .With("targets", relations.Select(r => r.Target).ToArray())
                .With("sentence_starts", relations.Select(r => r.SentenceStart).ToArray())
                .With("sentence_ends", relations.Select(r => r.SentenceEnd).ToArray())
                .With("cue_starts", relations.Select(r => r.CueStart).ToArray())
                .With("cue_ends", relations.Select(r => r.CueEnd).ToArray())
                .With("claims", relations.Select(r => r.Claim).ToArray())
                .ExecuteNonQuery();
        }
    }

    public void ReplaceEntities(IReadOnlyList<ResolvedEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        using var transaction = connection.BeginTransaction();

        // Two processes linking at once take turns: without the lock each would delete only what was
        // committed before it began, and the second's rows would collide with the first's. Readers
        // (plain SELECT) are not blocked by this lock mode, and see the old linking until the commit.
        using (var clear = Command("LOCK TABLE entities, entity_chains IN EXCLUSIVE MODE; DELETE FROM entity_chains; DELETE FROM entities;", transaction))
        {
            clear.ExecuteNonQuery();
        }

        // COPY streams the whole linking in one go; a linking of a large corpus has hundreds of thousands of rows.
        using (var entityRows = connection.BeginBinaryImport("COPY entities (id, name, kind, kind_reason, mentions, articles) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var resolved in entities)
            {
                entityRows.StartRow();
                entityRows.Write(resolved.Id, NpgsqlDbType.Text);
                entityRows.Write(resolved.Name, NpgsqlDbType.Text);
                entityRows.Write(resolved.Kind.ToName(), NpgsqlDbType.Text);
                entityRows.Write(resolved.KindReason, NpgsqlDbType.Text);
                entityRows.Write(0, NpgsqlDbType.Integer);
                entityRows.Write(0, NpgsqlDbType.Integer);
            }

            entityRows.Complete();
        }

        using (var memberRows = connection.BeginBinaryImport("COPY entity_chains (article_seq, chain, entity_id, rule, score, detail) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var resolved in entities)
            {
                foreach (var link in resolved.Members)
                {
                    memberRows.StartRow();
                    memberRows.Write(link.ArticleSeq, NpgsqlDbType.Bigint);
                    memberRows.Write(link.Chain, NpgsqlDbType.Integer);
                    memberRows.Write(resolved.Id, NpgsqlDbType.Text);
                    memberRows.Write(link.Rule, NpgsqlDbType.Text);
                    memberRows.Write(link.Score, NpgsqlDbType.Double);
                    memberRows.Write(link.Detail, NpgsqlDbType.Text);
                }
            }

            memberRows.Complete();
        }

        using (var counts = Command(EntityCounts, transaction))
        {
            counts.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
