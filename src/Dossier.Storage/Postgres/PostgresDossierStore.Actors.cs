using System.Globalization;
using System.Text.Json;
using Dossier.Core.Actors;
using Dossier.Core.Documents;
using Dossier.Core.Facts;
using Dossier.Core.Storage;
using Dossier.Storage.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Dossier.Storage.Postgres;

/// <summary>Actors: each article's chains of mentions, the entities linking made of them, and overrides.</summary>
public sealed partial class PostgresDossierStore
{
    public IReadOnlyList<(ArticleId Id, string OriginPath)> ListArticles()
    {
        using var query = Command("SELECT id, origin_path FROM articles ORDER BY seq");
        var articles = new List<(ArticleId, string)>();
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            articles.Add((new ArticleId(reader.GetString(0)), reader.GetString(1)));
        }

        return articles;
    }

    public IReadOnlyList<ArticleId> ArticlesNeedingActors(string linkerVersion)
    {
        using var query = Command("SELECT id FROM articles WHERE linker_version IS NULL OR linker_version <> @version ORDER BY seq").With("version", linkerVersion);
        var ids = new List<ArticleId>();
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(new ArticleId(reader.GetString(0)));
        }

        return ids;
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

    public int CountArticles(LinkerVersions which)
    {
        using var query = VersionQuery("SELECT COUNT(*) FROM articles WHERE {0}", which, null);
        return Convert.ToInt32(query.ExecuteScalar(), CultureInfo.InvariantCulture);
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
            using var query = VersionQuery("SELECT id FROM articles WHERE {0} ORDER BY seq LIMIT @max FOR UPDATE SKIP LOCKED", which, transaction).With("max", max);
            var ids = new List<ArticleId>();
            using (var reader = query.ExecuteReader())
            {
                while (reader.Read())
                {
                    ids.Add(new ArticleId(reader.GetString(0)));
                }
            }

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

    private NpgsqlCommand VersionQuery(string sql, LinkerVersions which, NpgsqlTransaction? transaction) => which switch
    {
        LinkerVersions.Exactly exactly => Command(string.Format(CultureInfo.InvariantCulture, sql, "linker_version = @version"), transaction).With("version", exactly.Version),
        LinkerVersions.NoneOf none => Command(string.Format(CultureInfo.InvariantCulture, sql, "(linker_version IS NULL OR NOT (linker_version = ANY(@versions)))"), transaction)
            .With("versions", none.Versions.ToArray()),
        _ => throw new ArgumentOutOfRangeException(nameof(which)),
    };

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

    private sealed class PostgresArticleClaim(PostgresDossierStore store, NpgsqlTransaction transaction, IReadOnlyList<ArticleId> articles) : IArticleClaim
    {
        private bool done;

        public NpgsqlTransaction Transaction => transaction;

        public IReadOnlyList<ArticleId> Articles => articles;

        public void Complete()
        {
            ObjectDisposedException.ThrowIf(done, this);
            done = true;
            store.claim = null;
            using (transaction)
            {
                transaction.Commit();
            }
        }

        public void Dispose()
        {
            if (done)
            {
                return;
            }

            done = true;
            store.claim = null;
            using (transaction)
            {
                // A connection already broken has nothing left to roll back.
                if (transaction.Connection is not null)
                {
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

    public IReadOnlyList<RelationRow> ListRelations()
    {
        using var query = Command($"""
            SELECT ar.id, ar.outlet, r.kind, se.id, COALESCE(se.name, sa.name), te.id, COALESCE(te.name, ta.name),
                   r.cue_start, r.cue_end, c.modality, c.speaker_start, c.speaker_end, spe.name, r.sentence_start, r.sentence_end, ar.clean_text
            FROM relations r
            JOIN articles ar ON ar.seq = r.article_seq
            {RelationJoins}
            ORDER BY r.kind, COALESCE(se.name, sa.name), ar.seq, r.ordinal
            """);
        var rows = new List<RelationRow>();
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            var text = reader.GetString(15);
            var polarity = reader.IsDBNull(9) ? "asserted" : reader.GetString(9).ToLowerInvariant();
            string? saidBy = reader.IsDBNull(10) ? null : reader.NullableString(12) ?? text[reader.GetInt32(10)..reader.GetInt32(11)];
            rows.Add(new RelationRow(
                new ArticleId(reader.GetString(0)), reader.NullableString(1), Enum.Parse<RelationKind>(reader.GetString(2)),
                new EventActor(reader.NullableString(3), reader.GetString(4)), new EventActor(reader.NullableString(5), reader.GetString(6)),
                text[reader.GetInt32(7)..reader.GetInt32(8)], polarity, saidBy, text[reader.GetInt32(13)..reader.GetInt32(14)]));
        }

        return rows;
    }

    // Where the text an event row needs starts and ends: its sentence, trigger, date and speaker.
    private const string EventTextFrom = "LEAST(ev.sentence_start, ev.trigger_start, COALESCE(ev.date_start, ev.sentence_start), COALESCE(c.speaker_start, ev.sentence_start))";
    private const string EventTextTo = "GREATEST(ev.sentence_end, ev.trigger_end, COALESCE(ev.date_end, ev.sentence_end), COALESCE(c.speaker_end, ev.sentence_end))";

    /// <summary>An article's whole text, on a connection of its own: the store's is busy reading rows.</summary>
    private string ArticleText(long seq)
    {
        using var own = dataSource.OpenConnection();
        using var query = new NpgsqlCommand("SELECT clean_text FROM articles WHERE seq = @seq", own).With("seq", seq);
        return (string)query.ExecuteScalar()!;
    }

    public IReadOnlyList<EventRow> ListEvents()
    {
        var entityOfChain = new Dictionary<(long, int), (string Id, string Name)>();
        using (var map = Command("SELECT ec.article_seq, ec.chain, e.id, e.name FROM entity_chains ec JOIN entities e ON e.id = ec.entity_id WHERE ec.article_seq IN (SELECT DISTINCT article_seq FROM events)"))
        using (var reader = map.ExecuteReader())
        {
            while (reader.Read())
            {
                entityOfChain[(reader.GetInt64(0), reader.GetInt32(1))] = (reader.GetString(2), reader.GetString(3));
            }
        }

        var chainNames = new Dictionary<(long, int), string>();
        using (var names = Command("SELECT article_seq, chain, name FROM article_actors WHERE article_seq IN (SELECT DISTINCT article_seq FROM events)"))
        using (var reader = names.ExecuteReader())
        {
            while (reader.Read())
            {
                chainNames[(reader.GetInt64(0), reader.GetInt32(1))] = reader.GetString(2);
            }
        }

        // SQLite puts NULL first in ascending order; the IS NULL term states the order outright in both.
        using var query = Command($"""
            SELECT ev.article_seq, ar.id, ar.title, ar.outlet, ar.published, ev.type, ev.trigger_start, ev.trigger_end, ev.date_first, ev.date_last,
                   ev.date_precision, ev.date_start, ev.date_end, ev.place_chain, ev.agents::text, ev.targets::text, ev.counts::text,
                   c.speaker_start, c.speaker_end, c.speaker_chain, ev.sentence_start, ev.sentence_end,
                   substr(ar.clean_text, {EventTextFrom} + 1, {EventTextTo} - {EventTextFrom}), {EventTextFrom}
            FROM events ev
            JOIN articles ar ON ar.seq = ev.article_seq
            LEFT JOIN claims c ON c.article_seq = ev.article_seq AND c.ordinal = ev.claim_ordinal
            ORDER BY COALESCE(ev.date_first, ar.published) IS NULL, COALESCE(ev.date_first, ar.published), ar.seq, ev.ordinal
            """);
        var rows = new List<EventRow>();
        using (var reader = query.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(EventRows.Read(reader, entityOfChain, chainNames, ArticleText));
            }
        }

        return rows;
    }

    /// <summary>The outlets of the copies repeating a claim, in PostgreSQL's string aggregate.</summary>
    private static readonly string CopiedBy = ClaimRows.CopiedByColumn("string_agg({0}, chr(31))");

    public IReadOnlyList<ClaimRow> ListClaims(ClaimFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);

        // lower() under the "C" collation folds ASCII only, as SQLite's lower() does; an article without a date sorts first, as in SQLite.
        using var query = Command($"""
            SELECT {ClaimRows.Columns}, {CopiedBy}
            FROM claims c
            {ClaimRows.Joins}
            WHERE {ClaimRows.NotRepeatedFromOriginal}
              AND (@speaker IS NULL OR se.id = @speaker OR ae.id = @speaker)
              AND (@speaker_text IS NULL OR strpos(lower(substr(ar.clean_text, c.speaker_start + 1, c.speaker_end - c.speaker_start)), lower(@speaker_text)) > 0)
              AND (@about IS NULL OR EXISTS (
                   SELECT 1 FROM actor_mentions m JOIN entity_chains ec ON ec.article_seq = m.article_seq AND ec.chain = m.chain
                   WHERE m.article_seq = c.article_seq AND m.start >= c.content_start AND m."end" <= c.content_end AND ec.entity_id = @about))
            ORDER BY ar.published NULLS FIRST, ar.seq, c.content_start, c.ordinal
            LIMIT @limit OFFSET @offset
            """)
            .With("speaker", filter.SpeakerEntityId)
            .With("speaker_text", filter.SpeakerText)
            .With("about", filter.AboutEntityId)
            .With("limit", (long)filter.Limit)
            .With("offset", (long)filter.Offset);
        var rows = new List<ClaimRow>();
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(ClaimRows.Read(reader));
        }

        return rows;
    }

    public IReadOnlyList<ClaimKey> ListClaimKeys()
    {
        var keys = Stream($"""
            SELECT c.article_seq, c.ordinal, sc.entity_id, ac.entity_id
            FROM claims c
            JOIN articles ar ON ar.seq = c.article_seq
            LEFT JOIN entity_chains sc ON sc.article_seq = c.article_seq AND sc.chain = c.speaker_chain
            LEFT JOIN entity_chains ac ON ac.article_seq = c.article_seq AND ac.chain = c.affiliation_chain
            WHERE {ClaimRows.NotRepeatedFromOriginal}
            ORDER BY ar.published NULLS FIRST, ar.seq, c.content_start, c.ordinal
            """, null, sorted: false, reader => (reader.GetInt64(0), reader.GetInt32(1), reader.NullableString(2), reader.NullableString(3))).ToList();
        var named = Stream("""
            SELECT c.article_seq, c.ordinal, ec.entity_id
            FROM claims c
            JOIN actor_mentions m ON m.article_seq = c.article_seq AND m.start >= c.content_start AND m.start < c.content_end AND m."end" <= c.content_end
            JOIN entity_chains ec ON ec.article_seq = m.article_seq AND ec.chain = m.chain
            """, null, sorted: false, reader => (reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2))).ToList();
        return ClaimRows.Join(keys, named);
    }

    public IReadOnlyList<ClaimRow> ReadClaims(IReadOnlyList<ClaimKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return [];
        }

        using var query = Command($"""
            SELECT {ClaimRows.Columns}, {CopiedBy}
            FROM unnest(@seqs, @ordinals) WITH ORDINALITY AS p(article_seq, ordinal, position)
            JOIN claims c ON c.article_seq = p.article_seq AND c.ordinal = p.ordinal
            {ClaimRows.Joins}
            ORDER BY p.position
            """)
            .With("seqs", keys.Select(k => k.ArticleSeq).ToArray())
            .With("ordinals", keys.Select(k => k.Ordinal).ToArray());
        var rows = new List<ClaimRow>(keys.Count);
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(ClaimRows.Read(reader));
        }

        return rows;
    }

    public IEnumerable<StoredChain> ReadChains()
    {
        var names = new NamePool();
        StoredChainBuilder? current = null;
        foreach (var row in Stream("""
            SELECT aa.article_seq, ar.id, aa.chain, aa.name, aa.kind, m.text, m.form, aa.kind_reason
            FROM article_actors aa
            JOIN articles ar ON ar.seq = aa.article_seq
            LEFT JOIN actor_mentions m ON m.article_seq = aa.article_seq AND m.chain = aa.chain
            ORDER BY aa.article_seq, aa.chain, m.start
            """, null, sorted: false, reader => (Seq: reader.GetInt64(0), Id: reader.GetString(1), Chain: reader.GetInt32(2), Name: reader.GetString(3), Kind: reader.GetString(4),
                Text: reader.NullableString(5), Form: reader.NullableString(6), KindReason: reader.GetString(7))))
        {
            if (current is null || current.Seq != row.Seq || current.Chain != row.Chain)
            {
                if (current is not null)
                {
                    yield return current.Build();
                }

                ActorKinds.TryParse(row.Kind, out var kind);
                var article = current?.Seq == row.Seq ? current.ArticleId : new ArticleId(row.Id);
                current = new StoredChainBuilder(row.Seq, article, row.Chain, names.Intern(row.Name), kind,
                    row.KindReason.StartsWith("the recognizer found", StringComparison.Ordinal));
            }

            if (row.Text is not null)
            {
                current.Add(names.Intern(row.Text), Enum.Parse<MentionForm>(row.Form!));
            }
        }

        if (current is not null)
        {
            yield return current.Build();
        }
    }

    public IEnumerable<ChainTie> ReadChainTies(RelationKind kind)
        => Stream("SELECT article_seq, source_chain, target_chain FROM relations WHERE kind = @kind ORDER BY article_seq, ordinal",
            command => command.With("kind", kind.ToString()), sorted: false,
            reader => new ChainTie(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2)));

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

        using (var counts = Command($"""
            WITH c AS (
                SELECT ec.entity_id AS id, COUNT(*) AS mentions, COUNT(DISTINCT ec.article_seq) AS articles
                FROM entity_chains ec
                JOIN actor_mentions m ON m.article_seq = ec.article_seq AND m.chain = ec.chain
                WHERE m.form IN {NamingForms}
                GROUP BY ec.entity_id)
            UPDATE entities SET mentions = c.mentions, articles = c.articles FROM c WHERE c.id = entities.id
            """, transaction))
        {
            counts.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public IReadOnlyList<EntitySummary> ListEntities(ActorKind? kind, int limit)
    {
        using var query = Command("""
            SELECT id, name, kind, mentions, articles FROM entities
            WHERE @kind IS NULL OR kind = @kind
            ORDER BY mentions DESC, articles DESC, name LIMIT @limit
            """).With("kind", kind?.ToName()).With("limit", (long)limit);
        return ReadSummaries(query);
    }

    public IReadOnlyList<EntitySummary> FindEntities(string nameOrId)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);

        // lower() under the "C" collation folds ASCII letters only: the same match as SQLite's COLLATE NOCASE.
        using var query = Command($"""
            SELECT id, name, kind, mentions, articles FROM entities
            WHERE id = @text OR lower(name) = lower(@text) OR id IN (
                SELECT ec.entity_id FROM actor_mentions m
                JOIN entity_chains ec ON ec.article_seq = m.article_seq AND ec.chain = m.chain
                WHERE lower(m.text) = lower(@text) AND m.form IN {NamingForms})
            ORDER BY mentions DESC, name
            """).With("text", nameOrId.Trim());
        return ReadSummaries(query);
    }

    private List<EntitySummary> ReadSummaries(NpgsqlCommand query)
    {
        var rows = new List<(string Id, string Name, ActorKind Kind, int Mentions, int Articles)>();
        using (var reader = query.ExecuteReader())
        {
            while (reader.Read())
            {
                ActorKinds.TryParse(reader.GetString(2), out var kind);
                rows.Add((reader.GetString(0), reader.GetString(1), kind, reader.GetInt32(3), reader.GetInt32(4)));
            }
        }

        // Many actors: every spelling in one pass over the mentions; a query per actor cost a
        // round trip and a plan each (about 24 minutes for 1,000 actors on PostgreSQL at 100,000 articles).
        if (rows.Count >= ManyActors)
        {
            var all = AllSpellings();
            return rows.Select(r => new EntitySummary(r.Id, r.Name, r.Kind, r.Mentions, r.Articles, all.GetValueOrDefault(r.Id, []))).ToList();
        }

        return rows.Select(r => new EntitySummary(r.Id, r.Name, r.Kind, r.Mentions, r.Articles, Spellings(r.Id))).ToList();
    }

    /// <summary>From how many actors on their spellings are read in one pass over all mentions rather than per actor.</summary>
    private const int ManyActors = 100;

    private Dictionary<string, List<SpellingCount>> AllSpellings()
    {
        using var query = Command($"""
            SELECT ec.entity_id, m.text, COUNT(*)::int AS n FROM entity_chains ec
            JOIN actor_mentions m ON m.article_seq = ec.article_seq AND m.chain = ec.chain
            WHERE m.form IN {NamingForms}
            GROUP BY ec.entity_id, m.text ORDER BY ec.entity_id, n DESC, m.text
            """);
        using var reader = query.ExecuteReader();
        return SpellingRows.ByEntity(reader);
    }

    private List<SpellingCount> Spellings(string entityId)
    {
        using var query = Command($"""
            SELECT m.text, COUNT(*)::int AS n FROM entity_chains ec
            JOIN actor_mentions m ON m.article_seq = ec.article_seq AND m.chain = ec.chain
            WHERE ec.entity_id = @id AND m.form IN {NamingForms}
            GROUP BY m.text ORDER BY n DESC, m.text
            """).With("id", entityId);
        var spellings = new List<SpellingCount>();
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            spellings.Add(new SpellingCount(reader.GetString(0), reader.GetInt32(1)));
        }

        return spellings;
    }

    public EntityDetail? GetEntity(string id, int maxAppearances = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxAppearances);

        // By id alone (FindEntities also scans every mention's spelling), and the spellings counted
        // once, with their reasons, not once more for the summary.
        (string Name, ActorKind Kind, int Mentions, int Articles, string Reason)? row = null;
        using (var byId = Command("SELECT id, name, kind, mentions, articles, kind_reason FROM entities WHERE id = @id").With("id", id))
        using (var reader = byId.ExecuteReader())
        {
            if (reader.Read())
            {
                ActorKinds.TryParse(reader.GetString(2), out var kind);
                row = (reader.GetString(1), kind, reader.GetInt32(3), reader.GetInt32(4), reader.GetString(5));
            }
        }

        if (row is not { } found)
        {
            return null;
        }

        var reason = found.Reason;
        int appearanceCount;
        using (var total = Command("SELECT COUNT(*)::int FROM entity_chains WHERE entity_id = @id").With("id", id))
        {
            appearanceCount = (int)total.ExecuteScalar()!;
        }

        var appearances = new List<EntityAppearance>();
        using (var query = Command($"""
            SELECT ar.id, ar.title, ar.outlet, ar.origin_path, aa.name,
                   (SELECT COUNT(*)::int FROM actor_mentions m WHERE m.article_seq = ec.article_seq AND m.chain = ec.chain AND m.form IN {NamingForms}),
                   ec.rule, ec.score, ec.detail
            FROM entity_chains ec
            JOIN article_actors aa ON aa.article_seq = ec.article_seq AND aa.chain = ec.chain
            JOIN articles ar ON ar.seq = ec.article_seq
            WHERE ec.entity_id = @id
            ORDER BY ar.seq, ec.chain
            LIMIT @max
            """).With("id", id).With("max", (long)maxAppearances))
        using (var reader = query.ExecuteReader())
        {
            while (reader.Read())
            {
                appearances.Add(new EntityAppearance(new ArticleId(reader.GetString(0)), reader.NullableString(1), reader.NullableString(2), reader.GetString(3),
                    reader.GetString(4), reader.GetInt32(5), reader.GetString(6), reader.GetDouble(7), reader.GetString(8)));
            }
        }

        // Each spelling with the form, reason and article of its first mention (SQLite takes those from
        // the row where MIN() is reached; a window function says so explicitly).
        var spellings = new List<SpellingReason>();
        using (var reasons = Command($"""
            SELECT text, n, form, reason, id FROM (
                SELECT m.text, COUNT(*) OVER (PARTITION BY m.text)::int AS n, m.form, m.reason, ar.id,
                       ROW_NUMBER() OVER (PARTITION BY m.text ORDER BY m.article_seq, m.start) AS first
                FROM entity_chains ec
                JOIN actor_mentions m ON m.article_seq = ec.article_seq AND m.chain = ec.chain
                JOIN articles ar ON ar.seq = m.article_seq
                WHERE ec.entity_id = @id AND m.form IN {NamingForms}) AS spelled
            WHERE first = 1
            ORDER BY n DESC, text
            """).With("id", id))
        using (var reader = reasons.ExecuteReader())
        {
            while (reader.Read())
            {
                spellings.Add(new SpellingReason(reader.GetString(0), reader.GetInt32(1), Enum.Parse<MentionForm>(reader.GetString(2)), reader.GetString(3), new ArticleId(reader.GetString(4))));
            }
        }

        var summary = new EntitySummary(id, found.Name, found.Kind, found.Mentions, found.Articles, [.. spellings.Select(s => new SpellingCount(s.Text, s.Count))]);
        var names = new HashSet<string>(summary.Spellings.Select(s => s.Text), StringComparer.OrdinalIgnoreCase) { summary.Name, summary.Id };
        var overrides = ListOverrides()
            .Where(o => names.Contains(o.Subject) || o.Arguments.Any(names.Contains))
            .Select(o => $"{o.Action.ToString().ToLowerInvariant()} {o.Subject} {string.Join(' ', o.Arguments)} ({o.CreatedAt:yyyy-MM-dd HH:mm})")
            .ToList();
        return new EntityDetail(summary, reason, spellings, appearances, overrides) { AppearanceCount = appearanceCount };
    }

    public IReadOnlyList<(string Spelling, string EntityId)> ListSpellings()
    {
        // Ordered as SQLite happens to return a UNION (by its columns), so suggestions come out the same.
        using var query = Command($"""
            SELECT m.text, ec.entity_id FROM actor_mentions m
            JOIN entity_chains ec ON ec.article_seq = m.article_seq AND ec.chain = m.chain
            WHERE m.form IN {NamingForms}
            UNION SELECT name, id FROM entities
            ORDER BY 1, 2
            """);
        var spellings = new List<(string, string)>();
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            spellings.Add((reader.GetString(0), reader.GetString(1)));
        }

        return spellings;
    }

    public IReadOnlyList<EntityMentionRow> ListEntityMentions()
    {
        using var query = Command("""
            SELECT ar.origin_path, m.text, m.form, ec.entity_id FROM actor_mentions m
            JOIN entity_chains ec ON ec.article_seq = m.article_seq AND ec.chain = m.chain
            JOIN articles ar ON ar.seq = m.article_seq
            ORDER BY m.article_seq, m.start
            """);
        var rows = new List<EntityMentionRow>();
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new EntityMentionRow(reader.GetString(0), reader.GetString(1), Enum.Parse<MentionForm>(reader.GetString(2)), reader.GetString(3)));
        }

        return rows;
    }

    public void AddOverride(OverrideAction action, string subject, IReadOnlyList<string> arguments, DateTimeOffset createdAt)
    {
        using var insert = Command("INSERT INTO actor_overrides (action, subject, arguments, created_at) VALUES (@action, @subject, @arguments::jsonb, @created)")
            .With("action", action.ToString().ToLowerInvariant())
            .With("subject", subject)
            .With("arguments", JsonSerializer.Serialize(arguments))
            .With("created", createdAt.ToString("O", CultureInfo.InvariantCulture));
        insert.ExecuteNonQuery();
    }

    public IReadOnlyList<ActorOverride> ListOverrides()
    {
        using var query = Command("SELECT seq, action, subject, arguments::text, created_at FROM actor_overrides ORDER BY seq");
        var overrides = new List<ActorOverride>();
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            overrides.Add(new ActorOverride(
                reader.GetInt64(0),
                Enum.Parse<OverrideAction>(reader.GetString(1), ignoreCase: true),
                reader.GetString(2),
                JsonSerializer.Deserialize<string[]>(reader.GetString(3)) ?? [],
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture)));
        }

        return overrides;
    }
}
