using Dossier.Core.Identity;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Each article is written in one transaction, so a
/// process killed at any moment leaves every article whole or absent, and re-running the same ingest
/// completes it without duplicates. Not thread-safe: one instance per writer thread.
/// </summary>
public sealed class SqliteDossierStore : SqlDossierStore, IDossierStore
{
    // SQLite result codes worth a specific message (https://sqlite.org/rescode.html).
    private const int SqliteNotADatabase = 26;
    private const int SqliteCantOpen = 14;
    private const int SqliteReadOnly = 8;

    private static readonly string BandRows =
        string.Join(", ", Enumerable.Range(0, MinHashSignature.Bands).Select(i => $"(@b{i}, @seq)"));

    private readonly SqliteConnection connection;
    private readonly TimeProvider clock;
    /// <summary>
    /// Articles are committed in groups: each article is atomic on its own (a savepoint), but a commit
    /// per article rewrites dozens of index pages each time and caps ingest at a few hundred articles
    /// a second. A killed process loses at most the last group, which re-running the ingest redoes.
    /// </summary>
    private const int MaxBatchArticles = 256;

    private static readonly TimeSpan MaxBatchAge = TimeSpan.FromMilliseconds(500);

    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);
    private SqliteTransaction? batch;
    private long batchStarted;
    private int batchSize;

    private SqliteDossierStore(string path, SqliteConnection connection, TimeProvider clock, double nearDuplicateThreshold)
        : base(path, SqlDialect.Sqlite, nearDuplicateThreshold)
    {
        this.connection = connection;
        this.clock = clock;
    }

    /// <summary>Opens the store at <paramref name="path"/>, creating it or upgrading its schema as needed.</summary>
    /// <exception cref="StoreException">The file is not a SQLite database, is from a newer Dossier, or cannot be opened.</exception>
    public static SqliteDossierStore Open(string path, TimeProvider? clock = null, double nearDuplicateThreshold = 0.7)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new StoreException($"{path}: is a folder, not a database file");
        }

        var directory = Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new StoreException($"{path}: folder {directory} does not exist");
        }

        // No time limit on waiting for the write lock (0), as on PostgreSQL: another process's long
        // write (the join of a large store holds it for minutes) must make a second ingest or worker
        // wait its turn, not fail with "database is locked" after the default 30 seconds.
        var builder = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 0 };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            var store = new SqliteDossierStore(path, connection, clock ?? TimeProvider.System, nearDuplicateThreshold);
            store.Configure();
            store.Migrate();
            return store;
        }
        catch (SqliteException exception)
        {
            connection.Dispose();
            throw exception.SqliteErrorCode switch
            {
                SqliteNotADatabase => new StoreException($"{path}: not a SQLite database (is it the right file?)", exception),
                SqliteCantOpen => new StoreException($"{path}: cannot be opened ({exception.Message.TrimEnd('.')})", exception),
                SqliteReadOnly => new StoreException($"{path}: is read-only", exception),
                _ => new StoreException($"{path}: {exception.Message}", exception),
            };
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public AddResult AddArticle(Document document, MinHashSignature signature)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(signature);
        var transaction = CurrentBatch();
        Command("savepoint", "SAVEPOINT article", transaction).ExecuteNonQuery();
        try
        {
            var result = AddInBatch(document, signature, transaction);
            Command("release", "RELEASE article", transaction).ExecuteNonQuery();
            CommitBatchWhenDue();
            return result;
        }
        catch
        {
            // The article's own savepoint goes; articles before it in the batch stay.
            Command("rollback-to", "ROLLBACK TO article", transaction).ExecuteNonQuery();
            Command("release", "RELEASE article", transaction).ExecuteNonQuery();
            throw;
        }
    }

    /// <summary>Commits the articles added so far. Called at the end of an ingest, and by <see cref="Dispose"/>.</summary>
    public override void Flush()
    {
        // What a claim wrote is committed by completing the claim, never halfway.
        if (claim is null)
        {
            CommitBatch();
        }
    }

    private protected override DbConnection Connection => connection;

    private protected override DbTransaction? Transaction => batch;

    /// <summary>The store's own connection: SQLite runs several queries on one at a time. A sorting query sorts in temporary files, not memory, while it runs.</summary>
    private protected override Lease Lend(bool sorted)
    {
        Flush();
        if (!sorted)
        {
            return new Lease(connection, batch, null);
        }

        Pragma("PRAGMA temp_store = FILE");
        return new Lease(connection, batch, () => Pragma("PRAGMA temp_store = MEMORY"));
    }

    private void Pragma(string sql)
    {
        using var pragma = connection.CreateCommand();
        pragma.CommandText = sql;
        pragma.ExecuteNonQuery();
    }

    private void CommitBatch()
    {
        if (batch is null)
        {
            return;
        }

        batch.Commit();
        batch.Dispose();
        batch = null;
        batchSize = 0;
    }

    private SqliteTransaction CurrentBatch()
    {
        if (batch is null)
        {
            batch = connection.BeginTransaction();
            batchStarted = clock.GetTimestamp();
        }

        return batch;
    }

    /// <summary>Drops everything written since the last commit (a claim given up).</summary>
    private void RollBackBatch()
    {
        if (batch is null)
        {
            return;
        }

        batch.Rollback();
        batch.Dispose();
        batch = null;
        batchSize = 0;
    }

    private void CommitBatchWhenDue()
    {
        batchSize++;
        if (claim is null && batchSize >= MaxBatchArticles || clock.GetElapsedTime(batchStarted) >= MaxBatchAge)
        {
            Flush();
        }
    }

    private AddResult AddInBatch(Document document, MinHashSignature signature, SqliteTransaction transaction)
    {
        var exists = Command("exists", "SELECT 1 FROM articles WHERE id = @id", transaction);
        exists.With("id", document.Id.Value);
        if (exists.ExecuteScalar() is not null)
        {
            return new AddResult(AddOutcome.Duplicate, document.Id, document.Id);
        }

        var bandKeys = signature.BandKeys();
        var (originalId, similarity) = FindNearDuplicate(Command("candidates", NearDuplicateCandidates, transaction), signature, bandKeys);

        var insert = Command("insert", """
            INSERT INTO articles (id, copy_of, copy_similarity, title, outlet, author, url, published, origin_path,
                origin_format, origin_line, origin_item, clean_text, word_count, cleaner_version, offset_map, minhash, ingested_at)
            VALUES (@id, @copy_of, @copy_similarity, @title, @outlet, @author, @url, @published, @origin_path,
                @origin_format, @origin_line, @origin_item, @clean_text, @word_count, @cleaner_version, @offset_map, @minhash, @ingested_at)
            RETURNING seq
            """, transaction);
        var metadata = document.Metadata;
        insert.With("id", document.Id.Value);
        insert.With("copy_of", originalId?.Value);
        insert.With("copy_similarity", originalId is null ? null : similarity);
        insert.With("title", metadata.Title);
        insert.With("outlet", metadata.Outlet);
        insert.With("author", metadata.Author);
        insert.With("url", metadata.Url);
        insert.With("published", metadata.Published?.ToIso());
        insert.With("origin_path", document.Origin.Path);
        insert.With("origin_format", document.Origin.Format.Name());
        insert.With("origin_line", document.Origin.Line);
        insert.With("origin_item", document.Origin.Item);
        insert.With("clean_text", document.Text);
        insert.With("word_count", TextNormalizer.CountWords(document.Text));
        insert.With("cleaner_version", document.CleanerVersion);
        insert.With("offset_map", OffsetMapCodec.Encode(document.OffsetMap));
        insert.With("minhash", signature.ToBytes());
        insert.With("ingested_at", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        var seq = (long)insert.ExecuteScalar()!;

        var fts = Command("fts", "INSERT INTO articles_fts (rowid, title, clean_text) VALUES (@seq, @title, @clean_text)", transaction);
        fts.With("seq", seq);
        fts.With("title", metadata.Title);
        fts.With("clean_text", document.Text);
        fts.ExecuteNonQuery();

        var band = Command("band", $"INSERT OR IGNORE INTO minhash_bands (band_key, article_seq) VALUES {BandRows}", transaction);
        band.With("seq", seq);
        for (var i = 0; i < bandKeys.Length; i++)
        {
            band.With($"b{i}", bandKeys[i]);
        }

        band.ExecuteNonQuery();

        var removed = Command("removed", """
            INSERT INTO removed_ranges (article_id, ordinal, start, end, reason, rule, preview)
            VALUES (@id, @ordinal, @start, @end, @reason, @rule, @preview)
            """, transaction);
        removed.With("id", document.Id.Value);
        for (var i = 0; i < document.Removed.Count; i++)
        {
            var range = document.Removed[i];
            removed.With("ordinal", i);
            removed.With("start", range.Start);
            removed.With("end", range.End);
            removed.With("reason", range.Reason.ToString());
            removed.With("rule", range.Rule);
            removed.With("preview", range.Preview);
            removed.ExecuteNonQuery();
        }

        var caption = Command("caption", "INSERT OR IGNORE INTO captions (article_id, start, end) VALUES (@id, @start, @end)", transaction);
        caption.With("id", document.Id.Value);
        foreach (var span in document.Captions)
        {
            caption.With("start", span.Start);
            caption.With("end", span.End);
            caption.ExecuteNonQuery();
        }

        if (document.Actors is { } actors)
        {
            WriteArticleActors(seq, actors, document.Claims ?? [], document.Events ?? [], document.Relations ?? [], document.ActorsVersion ?? "unknown", transaction);
        }

        return Added(document.Id, originalId, similarity);
    }

    public long DataVersion() => (long)Command("data-version", "PRAGMA data_version", null).ExecuteScalar()!;

    /// <summary>
    /// Folds the write-ahead log into the file, rewrites the file without its free pages, and lets
    /// SQLite refresh the statistics its planner uses. Takes the store to itself while it runs.
    /// </summary>
    public void Vacuum()
    {
        if (claim is not null)
        {
            throw new InvalidOperationException("cannot vacuum while holding a claim");
        }

        CommitBatch();
        foreach (var sql in new[] { "PRAGMA wal_checkpoint(TRUNCATE)", "VACUUM", "PRAGMA optimize", "PRAGMA wal_checkpoint(TRUNCATE)" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        claim?.Dispose();
        Flush();
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }

        commands.Clear();
        connection.Dispose();
    }


    private void Configure()
    {
        using var pragma = connection.CreateCommand();

        // WAL with synchronous=NORMAL: a commit survives a killed process (not a power cut before the
        // next checkpoint), at a fraction of the cost of syncing every article.
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; " +
                             "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 10000;";
        pragma.ExecuteNonQuery();
    }

    private void Migrate()
    {
        using var read = connection.CreateCommand();
        read.CommandText = "PRAGMA user_version";
        var version = Convert.ToInt32(read.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (version > SqliteSchema.CurrentVersion)
        {
            throw new StoreException(
                $"{Location}: written by a newer Dossier (schema {version}; this build reads up to {SqliteSchema.CurrentVersion}); upgrade Dossier to open it");
        }

        for (var next = version; next < SqliteSchema.CurrentVersion; next++)
        {
            using var transaction = connection.BeginTransaction();
            using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = SqliteSchema.Migrations[next] + $"\nPRAGMA user_version = {next + 1};";
            migrate.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    /// <summary>A statement prepared once and kept, with its parameters cleared for new values.</summary>
    private SqliteCommand Command(string key, string sql, SqliteTransaction? transaction)
    {
        if (!commands.TryGetValue(key, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            commands[key] = command;
        }

        // Every statement joins the open batch, if any: the connection refuses statements outside it.
        command.Transaction = transaction ?? batch;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>
    /// In SQLite a claim is the store's write transaction: another process that claims waits for this
    /// one to complete, so two workers never take the same article, and the group commit is held
    /// back until the claim completes.
    /// </summary>
    public IArticleClaim ClaimArticles(LinkerVersions which, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (claim is not null)
        {
            throw new InvalidOperationException("this store already holds a claim; complete or dispose it first");
        }

        Flush();
        CurrentBatch();
        using var query = VersionQuery("SELECT id FROM articles WHERE {0} ORDER BY seq LIMIT @max", which).With("max", max);
        var ids = Rows(query, reader => new ArticleId(reader.GetString(0)));
        claim = new SqliteArticleClaim(this, ids);
        return claim;
    }

    public void SetLinkerVersion(ArticleId article, string linkerVersion)
    {
        var update = Command("set-linker-version", "UPDATE articles SET linker_version = @version WHERE id = @id", CurrentBatch());
        update.With("version", linkerVersion);
        update.With("id", article.Value);
        if (update.ExecuteNonQuery() == 0)
        {
            throw new StoreException($"{Location}: no article {article.Value}");
        }

        CommitBatchWhenDue();
    }

    private SqliteArticleClaim? claim;

    /// <summary>A claim ends with the batch it holds: committed, or rolled back when given up.</summary>
    private sealed class SqliteArticleClaim(SqliteDossierStore store, IReadOnlyList<ArticleId> articles) : ArticleClaim(articles)
    {
        private protected override void End(bool complete)
        {
            store.claim = null;
            if (complete)
            {
                store.CommitBatch();
            }
            else
            {
                store.RollBackBatch();
            }
        }
    }

    public void ReplaceArticleActors(ArticleId article, IReadOnlyList<ArticleActor> actors, IReadOnlyList<Claim> claims, IReadOnlyList<ReportedEvent> events, IReadOnlyList<Relation> relations, string linkerVersion)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(claims);
        var transaction = CurrentBatch();
        var seqQuery = Command("seq-of", "SELECT seq FROM articles WHERE id = @id", transaction);
        seqQuery.With("id", article.Value);
        if (seqQuery.ExecuteScalar() is not long seq)
        {
            throw new StoreException($"{Location}: no article {article.Value}");
        }

        Command("savepoint", "SAVEPOINT article", transaction).ExecuteNonQuery();
        try
        {
            WriteArticleActors(seq, actors, claims, events, relations, linkerVersion, transaction);
            Command("release", "RELEASE article", transaction).ExecuteNonQuery();
            CommitBatchWhenDue();
        }
        catch
        {
            Command("rollback-to", "ROLLBACK TO article", transaction).ExecuteNonQuery();
            Command("release", "RELEASE article", transaction).ExecuteNonQuery();
            throw;
        }
    }

    private void WriteArticleActors(long seq, IReadOnlyList<ArticleActor> actors, IReadOnlyList<Claim> claims, IReadOnlyList<ReportedEvent> events, IReadOnlyList<Relation> relations, string linkerVersion, SqliteTransaction transaction)
    {
        var clear = Command("clear-actors", """
            DELETE FROM relations WHERE article_seq = @seq;
            DELETE FROM events WHERE article_seq = @seq;
            DELETE FROM claims WHERE article_seq = @seq;
            DELETE FROM actor_mentions WHERE article_seq = @seq;
            DELETE FROM article_actors WHERE article_seq = @seq;
            UPDATE articles SET linker_version = @version WHERE seq = @seq;
            """, transaction);
        clear.With("seq", seq);
        clear.With("version", linkerVersion);
        clear.ExecuteNonQuery();

        var text = Command("article-text", "SELECT clean_text FROM articles WHERE seq = @seq", transaction);
        text.With("seq", seq);
        var clean = (string)text.ExecuteScalar()!;

        var actor = Command("insert-actor", "INSERT INTO article_actors (article_seq, chain, name, kind, kind_reason) VALUES (@seq, @chain, @name, @kind, @reason)", transaction);
        var mention = Command("insert-mention", """
            INSERT OR IGNORE INTO actor_mentions (article_seq, start, end, chain, text, form, reason)
            VALUES (@seq, @start, @end, @chain, @text, @form, @reason)
            """, transaction);
        foreach (var chain in actors)
        {
            actor.With("seq", seq);
            actor.With("chain", chain.Chain);
            actor.With("name", chain.Name);
            actor.With("kind", chain.Kind.ToName());
            actor.With("reason", chain.KindReason);
            actor.ExecuteNonQuery();
            foreach (var item in chain.Mentions)
            {
                mention.With("seq", seq);
                mention.With("start", item.Start);
                mention.With("end", item.End);
                mention.With("chain", chain.Chain);
                mention.With("text", clean[item.Start..item.End]);
                mention.With("form", item.Form.ToString());
                mention.With("reason", item.Reason);
                mention.ExecuteNonQuery();
            }
        }

        var claim = Command("insert-claim", """
            INSERT INTO claims (article_seq, ordinal, form, modality, sentence_start, sentence_end, content_start, content_end,
                cue_start, cue_end, speaker_start, speaker_end, speaker_chain, affiliation_chain, extractor)
            VALUES (@seq, @ordinal, @form, @modality, @sentence_start, @sentence_end, @content_start, @content_end,
                @cue_start, @cue_end, @speaker_start, @speaker_end, @speaker_chain, @affiliation_chain, @extractor)
            """, transaction);
        for (var i = 0; i < claims.Count; i++)
        {
            var item = claims[i];
            claim.With("seq", seq);
            claim.With("ordinal", i);
            claim.With("form", item.Form.ToString());
            claim.With("modality", item.Modality.ToString());
            claim.With("sentence_start", item.SentenceStart);
            claim.With("sentence_end", item.SentenceEnd);
            claim.With("content_start", item.ContentStart);
            claim.With("content_end", item.ContentEnd);
            claim.With("cue_start", item.CueStart);
            claim.With("cue_end", item.CueEnd);
            claim.With("speaker_start", item.SpeakerStart);
            claim.With("speaker_end", item.SpeakerEnd);
            claim.With("speaker_chain", item.SpeakerChain);
            claim.With("affiliation_chain", item.AffiliationChain);
            claim.With("extractor", linkerVersion);
            claim.ExecuteNonQuery();
        }

        var insertEvent = Command("insert-event", """
            INSERT INTO events (article_seq, ordinal, type, sentence_start, sentence_end, trigger_start, trigger_end, date_first, date_last,
                date_precision, date_start, date_end, place_chain, agents, targets, counts, claim_ordinal, extractor)
            VALUES (@seq, @ordinal, @type, @sentence_start, @sentence_end, @trigger_start, @trigger_end, @date_first, @date_last,
                @date_precision, @date_start, @date_end, @place_chain, @agents, @targets, @counts, @claim_ordinal, @extractor)
            """, transaction);
        for (var i = 0; i < events.Count; i++)
        {
            var item = events[i];
            insertEvent.With("seq", seq);
            insertEvent.With("ordinal", i);
            insertEvent.With("type", item.Type.ToString());
            insertEvent.With("sentence_start", item.SentenceStart);
            insertEvent.With("sentence_end", item.SentenceEnd);
            insertEvent.With("trigger_start", item.TriggerStart);
            insertEvent.With("trigger_end", item.TriggerEnd);
            insertEvent.With("date_first", item.DateFirst?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            insertEvent.With("date_last", item.DateLast?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            insertEvent.With("date_precision", item.DatePrecision);
            insertEvent.With("date_start", item.DateStart);
            insertEvent.With("date_end", item.DateEnd);
            insertEvent.With("place_chain", item.PlaceChain);
            insertEvent.With("agents", JsonSerializer.Serialize(item.Agents));
            insertEvent.With("targets", JsonSerializer.Serialize(item.Targets));
            insertEvent.With("counts", JsonSerializer.Serialize(item.Counts.Select(c => new StoredCount(c.Kind.ToString(), c.Low, c.High, c.Bound, c.Start, c.End))));
            insertEvent.With("claim_ordinal", item.Claim);
            insertEvent.With("extractor", linkerVersion);
            insertEvent.ExecuteNonQuery();
        }

        var insertRelation = Command("insert-relation", """
            INSERT INTO relations (article_seq, ordinal, kind, source_chain, target_chain, sentence_start, sentence_end, cue_start, cue_end, claim_ordinal, extractor)
            VALUES (@seq, @ordinal, @kind, @source, @target, @sentence_start, @sentence_end, @cue_start, @cue_end, @claim_ordinal, @extractor)
            """, transaction);
        for (var i = 0; i < relations.Count; i++)
        {
            var item = relations[i];
            insertRelation.With("seq", seq);
            insertRelation.With("ordinal", i);
            insertRelation.With("kind", item.Kind.ToString());
            insertRelation.With("source", item.Source);
            insertRelation.With("target", item.Target);
            insertRelation.With("sentence_start", item.SentenceStart);
            insertRelation.With("sentence_end", item.SentenceEnd);
            insertRelation.With("cue_start", item.CueStart);
            insertRelation.With("cue_end", item.CueEnd);
            insertRelation.With("claim_ordinal", item.Claim);
            insertRelation.With("extractor", linkerVersion);
            insertRelation.ExecuteNonQuery();
        }
    }

    public void ReplaceEntities(IReadOnlyList<ResolvedEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        Flush();
        using var transaction = connection.BeginTransaction();
        Command("clear-entities", "DELETE FROM entity_chains; DELETE FROM entities;", transaction).ExecuteNonQuery();
        var entity = Command("insert-entity", "INSERT INTO entities (id, name, kind, kind_reason, mentions, articles) VALUES (@id, @name, @kind, @reason, 0, 0)", transaction);
        var member = Command("insert-member", "INSERT INTO entity_chains (article_seq, chain, entity_id, rule, score, detail) VALUES (@seq, @chain, @id, @rule, @score, @detail)", transaction);
        foreach (var resolved in entities)
        {
            entity.With("id", resolved.Id).With("name", resolved.Name).With("kind", resolved.Kind.ToName()).With("reason", resolved.KindReason).ExecuteNonQuery();
            foreach (var link in resolved.Members)
            {
                member.With("seq", link.ArticleSeq).With("chain", link.Chain).With("id", resolved.Id)
                    .With("rule", link.Rule).With("score", link.Score).With("detail", link.Detail).ExecuteNonQuery();
            }
        }

        Command("entity-counts", EntityCounts, transaction).ExecuteNonQuery();
        transaction.Commit();
    }
}
