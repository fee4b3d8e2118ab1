using System.Globalization;
using System.Text.Json;
using Dossier.Core.Actors;
using Dossier.Core.Documents;
using Dossier.Core.Facts;
using Dossier.Core.Storage;
using Dossier.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>Actors: each article's chains of mentions, the entities linking made of them, and overrides.</summary>
public sealed partial class SqliteDossierStore
{
    public IReadOnlyList<(ArticleId Id, string OriginPath)> ListArticles()
    {
        Flush();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT id, origin_path FROM articles ORDER BY seq";
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
        var query = Command("needing-actors", "SELECT id FROM articles WHERE linker_version IS NULL OR linker_version <> $version ORDER BY seq", null);
        Set(query, "$version", linkerVersion);
        var ids = new List<ArticleId>();
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(new ArticleId(reader.GetString(0)));
        }

        return ids;
    }

    public int CountArticles(LinkerVersions which)
    {
        var (key, condition) = VersionCondition(which);
        var query = Command("count-by-version-" + key, $"SELECT COUNT(*) FROM articles WHERE {condition}", null);
        SetVersions(query, which);
        return Convert.ToInt32(query.ExecuteScalar(), CultureInfo.InvariantCulture);
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
        var transaction = CurrentBatch();
        var (key, condition) = VersionCondition(which);
        var query = Command("claim-by-version-" + key, $"SELECT id FROM articles WHERE {condition} ORDER BY seq LIMIT $max", transaction);
        SetVersions(query, which);
        Set(query, "$max", max);
        var ids = new List<ArticleId>();
        using (var reader = query.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(new ArticleId(reader.GetString(0)));
            }
        }

        claim = new SqliteArticleClaim(this, ids);
        return claim;
    }

    public void SetLinkerVersion(ArticleId article, string linkerVersion)
    {
        var update = Command("set-linker-version", "UPDATE articles SET linker_version = $version WHERE id = $id", CurrentBatch());
        Set(update, "$version", linkerVersion);
        Set(update, "$id", article.Value);
        if (update.ExecuteNonQuery() == 0)
        {
            throw new StoreException($"{Location}: no article {article.Value}");
        }

        CommitBatchWhenDue();
    }

    /// <summary>The WHERE condition of a version selection, and a key naming its shape for the command cache.</summary>
    private static (string Key, string Condition) VersionCondition(LinkerVersions which) => which switch
    {
        LinkerVersions.Exactly => ("exactly", "linker_version = $v0"),
        LinkerVersions.NoneOf { Versions.Count: 0 } => ("any", "1 = 1"),
        LinkerVersions.NoneOf none => (
            "none-of-" + none.Versions.Count.ToString(CultureInfo.InvariantCulture),
            $"(linker_version IS NULL OR linker_version NOT IN ({string.Join(", ", Enumerable.Range(0, none.Versions.Count).Select(i => $"$v{i}"))}))"),
        _ => throw new ArgumentOutOfRangeException(nameof(which)),
    };

    private static void SetVersions(SqliteCommand command, LinkerVersions which)
    {
        IReadOnlyList<string> versions = which switch
        {
            LinkerVersions.Exactly exactly => [exactly.Version],
            LinkerVersions.NoneOf none => none.Versions,
            _ => [],
        };
        for (var i = 0; i < versions.Count; i++)
        {
            Set(command, $"$v{i}", versions[i]);
        }
    }

    private SqliteArticleClaim? claim;

    private sealed class SqliteArticleClaim(SqliteDossierStore store, IReadOnlyList<ArticleId> articles) : IArticleClaim
    {
        private bool done;

        public IReadOnlyList<ArticleId> Articles => articles;

        public void Complete()
        {
            ObjectDisposedException.ThrowIf(done, this);
            done = true;
            store.claim = null;
            store.CommitBatch();
        }

        public void Dispose()
        {
            if (done)
            {
                return;
            }

            done = true;
            store.claim = null;
            store.RollBackBatch();
        }
    }

    public void ReplaceArticleActors(ArticleId article, IReadOnlyList<ArticleActor> actors, IReadOnlyList<Claim> claims, IReadOnlyList<ReportedEvent> events, IReadOnlyList<Relation> relations, string linkerVersion)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(claims);
        var transaction = CurrentBatch();
        var seqQuery = Command("seq-of", "SELECT seq FROM articles WHERE id = $id", transaction);
        Set(seqQuery, "$id", article.Value);
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
            DELETE FROM relations WHERE article_seq = $seq;
            DELETE FROM events WHERE article_seq = $seq;
            DELETE FROM claims WHERE article_seq = $seq;
            DELETE FROM actor_mentions WHERE article_seq = $seq;
            DELETE FROM article_actors WHERE article_seq = $seq;
            UPDATE articles SET linker_version = $version WHERE seq = $seq;
            """, transaction);
        Set(clear, "$seq", seq);
        Set(clear, "$version", linkerVersion);
        clear.ExecuteNonQuery();

        var text = Command("article-text", "SELECT clean_text FROM articles WHERE seq = $seq", transaction);
        Set(text, "$seq", seq);
        var clean = (string)text.ExecuteScalar()!;

        var actor = Command("insert-actor", "INSERT INTO article_actors (article_seq, chain, name, kind, kind_reason) VALUES ($seq, $chain, $name, $kind, $reason)", transaction);
        var mention = Command("insert-mention", """
            INSERT OR IGNORE INTO actor_mentions (article_seq, start, end, chain, text, form, reason)
            VALUES ($seq, $start, $end, $chain, $text, $form, $reason)
            """, transaction);
        foreach (var chain in actors)
        {
            Set(actor, "$seq", seq);
            Set(actor, "$chain", chain.Chain);
            Set(actor, "$name", chain.Name);
            Set(actor, "$kind", chain.Kind.ToName());
            Set(actor, "$reason", chain.KindReason);
            actor.ExecuteNonQuery();
            foreach (var item in chain.Mentions)
            {
                Set(mention, "$seq", seq);
                Set(mention, "$start", item.Start);
                Set(mention, "$end", item.End);
                Set(mention, "$chain", chain.Chain);
                Set(mention, "$text", clean[item.Start..item.End]);
                Set(mention, "$form", item.Form.ToString());
                Set(mention, "$reason", item.Reason);
                mention.ExecuteNonQuery();
            }
        }

        var claim = Command("insert-claim", """
            INSERT INTO claims (article_seq, ordinal, form, modality, sentence_start, sentence_end, content_start, content_end,
                cue_start, cue_end, speaker_start, speaker_end, speaker_chain, affiliation_chain, extractor)
            VALUES ($seq, $ordinal, $form, $modality, $sentence_start, $sentence_end, $content_start, $content_end,
                $cue_start, $cue_end, $speaker_start, $speaker_end, $speaker_chain, $affiliation_chain, $extractor)
            """, transaction);
        for (var i = 0; i < claims.Count; i++)
        {
            var item = claims[i];
            Set(claim, "$seq", seq);
            Set(claim, "$ordinal", i);
            Set(claim, "$form", item.Form.ToString());
            Set(claim, "$modality", item.Modality.ToString());
            Set(claim, "$sentence_start", item.SentenceStart);
            Set(claim, "$sentence_end", item.SentenceEnd);
            Set(claim, "$content_start", item.ContentStart);
            Set(claim, "$content_end", item.ContentEnd);
            Set(claim, "$cue_start", item.CueStart);
            Set(claim, "$cue_end", item.CueEnd);
            Set(claim, "$speaker_start", item.SpeakerStart);
            Set(claim, "$speaker_end", item.SpeakerEnd);
            Set(claim, "$speaker_chain", item.SpeakerChain);
            Set(claim, "$affiliation_chain", item.AffiliationChain);
            Set(claim, "$extractor", linkerVersion);
            claim.ExecuteNonQuery();
        }

        var insertEvent = Command("insert-event", """
            INSERT INTO events (article_seq, ordinal, type, sentence_start, sentence_end, trigger_start, trigger_end, date_first, date_last,
                date_precision, date_start, date_end, place_chain, agents, targets, counts, claim_ordinal, extractor)
            VALUES ($seq, $ordinal, $type, $sentence_start, $sentence_end, $trigger_start, $trigger_end, $date_first, $date_last,
                $date_precision, $date_start, $date_end, $place_chain, $agents, $targets, $counts, $claim_ordinal, $extractor)
            """, transaction);
        for (var i = 0; i < events.Count; i++)
        {
            var item = events[i];
            Set(insertEvent, "$seq", seq);
            Set(insertEvent, "$ordinal", i);
            Set(insertEvent, "$type", item.Type.ToString());
            Set(insertEvent, "$sentence_start", item.SentenceStart);
            Set(insertEvent, "$sentence_end", item.SentenceEnd);
            Set(insertEvent, "$trigger_start", item.TriggerStart);
            Set(insertEvent, "$trigger_end", item.TriggerEnd);
            Set(insertEvent, "$date_first", item.DateFirst?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Set(insertEvent, "$date_last", item.DateLast?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Set(insertEvent, "$date_precision", item.DatePrecision);
            Set(insertEvent, "$date_start", item.DateStart);
            Set(insertEvent, "$date_end", item.DateEnd);
            Set(insertEvent, "$place_chain", item.PlaceChain);
            Set(insertEvent, "$agents", JsonSerializer.Serialize(item.Agents));
            Set(insertEvent, "$targets", JsonSerializer.Serialize(item.Targets));
            Set(insertEvent, "$counts", JsonSerializer.Serialize(item.Counts.Select(c => new StoredCount(c.Kind.ToString(), c.Low, c.High, c.Bound, c.Start, c.End))));
            Set(insertEvent, "$claim_ordinal", item.Claim);
            Set(insertEvent, "$extractor", linkerVersion);
            insertEvent.ExecuteNonQuery();
        }

        var insertRelation = Command("insert-relation", """
            INSERT INTO relations (article_seq, ordinal, kind, source_chain, target_chain, sentence_start, sentence_end, cue_start, cue_end, claim_ordinal, extractor)
            VALUES ($seq, $ordinal, $kind, $source, $target, $sentence_start, $sentence_end, $cue_start, $cue_end, $claim_ordinal, $extractor)
            """, transaction);
        for (var i = 0; i < relations.Count; i++)
        {
            var item = relations[i];
            Set(insertRelation, "$seq", seq);
            Set(insertRelation, "$ordinal", i);
            Set(insertRelation, "$kind", item.Kind.ToString());
            Set(insertRelation, "$source", item.Source);
            Set(insertRelation, "$target", item.Target);
            Set(insertRelation, "$sentence_start", item.SentenceStart);
            Set(insertRelation, "$sentence_end", item.SentenceEnd);
            Set(insertRelation, "$cue_start", item.CueStart);
            Set(insertRelation, "$cue_end", item.CueEnd);
            Set(insertRelation, "$claim_ordinal", item.Claim);
            Set(insertRelation, "$extractor", linkerVersion);
            insertRelation.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<RelationRow> ListRelations()
    {
        Flush();
        using var query = connection.CreateCommand();
        query.CommandText = $"""
            SELECT ar.id, ar.outlet, r.kind, se.id, COALESCE(se.name, sa.name), te.id, COALESCE(te.name, ta.name),
                   r.cue_start, r.cue_end, c.modality, c.speaker_start, c.speaker_end, spe.name, r.sentence_start, r.sentence_end, ar.clean_text
            FROM relations r
            JOIN articles ar ON ar.seq = r.article_seq
            {RelationJoins}
            ORDER BY r.kind, COALESCE(se.name, sa.name), ar.seq, r.ordinal
            """;
        var rows = new List<RelationRow>();
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            var text = reader.GetString(15);
            var polarity = reader.IsDBNull(9) ? "asserted" : reader.GetString(9).ToLowerInvariant();
            string? saidBy = reader.IsDBNull(10) ? null : NullableString(reader, 12) ?? text[reader.GetInt32(10)..reader.GetInt32(11)];
            rows.Add(new RelationRow(
                new ArticleId(reader.GetString(0)), NullableString(reader, 1), Enum.Parse<RelationKind>(reader.GetString(2)),
                new EventActor(NullableString(reader, 3), reader.GetString(4)), new EventActor(NullableString(reader, 5), reader.GetString(6)),
                text[reader.GetInt32(7)..reader.GetInt32(8)], polarity, saidBy, text[reader.GetInt32(13)..reader.GetInt32(14)]));
        }

        return rows;
    }

    public IReadOnlyList<EventRow> ListEvents()
    {
        Flush();
        var entityOfChain = new Dictionary<(long, int), (string Id, string Name)>();
        using (var map = connection.CreateCommand())
        {
            map.CommandText = "SELECT ec.article_seq, ec.chain, e.id, e.name FROM entity_chains ec JOIN entities e ON e.id = ec.entity_id WHERE ec.article_seq IN (SELECT DISTINCT article_seq FROM events)";
            using var reader = map.ExecuteReader();
            while (reader.Read())
            {
                entityOfChain[(reader.GetInt64(0), reader.GetInt32(1))] = (reader.GetString(2), reader.GetString(3));
            }
        }

        var chainNames = new Dictionary<(long, int), string>();
        using (var names = connection.CreateCommand())
        {
            names.CommandText = "SELECT article_seq, chain, name FROM article_actors WHERE article_seq IN (SELECT DISTINCT article_seq FROM events)";
            using var reader = names.ExecuteReader();
            while (reader.Read())
            {
                chainNames[(reader.GetInt64(0), reader.GetInt32(1))] = reader.GetString(2);
            }
        }

        using var query = connection.CreateCommand();
        query.CommandText = $"""
            SELECT ev.article_seq, ar.id, ar.title, ar.outlet, ar.published, ev.type, ev.trigger_start, ev.trigger_end, ev.date_first, ev.date_last,
                   ev.date_precision, ev.date_start, ev.date_end, ev.place_chain, ev.agents, ev.targets, ev.counts,
                   c.speaker_start, c.speaker_end, c.speaker_chain, ev.sentence_start, ev.sentence_end,
                   substr(ar.clean_text, {EventTextFrom} + 1, {EventTextTo} - {EventTextFrom}), {EventTextFrom}
            FROM events ev
            JOIN articles ar ON ar.seq = ev.article_seq
            LEFT JOIN claims c ON c.article_seq = ev.article_seq AND c.ordinal = ev.claim_ordinal
            ORDER BY COALESCE(ev.date_first, ar.published) IS NULL, COALESCE(ev.date_first, ar.published), ar.seq, ev.ordinal
            """;
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

    // Where the text an event row needs starts and ends: its sentence, trigger, date and speaker.
    private const string EventTextFrom = "min(ev.sentence_start, ev.trigger_start, COALESCE(ev.date_start, ev.sentence_start), COALESCE(c.speaker_start, ev.sentence_start))";
    private const string EventTextTo = "max(ev.sentence_end, ev.trigger_end, COALESCE(ev.date_end, ev.sentence_end), COALESCE(c.speaker_end, ev.sentence_end))";

    private string ArticleText(long seq)
    {
        var query = Command("clean-text-of", "SELECT clean_text FROM articles WHERE seq = $seq", null);
        Set(query, "$seq", seq);
        return (string)query.ExecuteScalar()!;
    }

    /// <summary>The outlets of the copies repeating a claim, in SQLite's string aggregate.</summary>
    private static readonly string CopiedBy = ClaimRows.CopiedByColumn("group_concat({0}, char(31))");

    public IReadOnlyList<ClaimRow> ListClaims(ClaimFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Flush();

        // Two steps: first the page's keys, found from the smallest set that can hold them (the
        // speaker's or the named actor's chains when there is one, else all claims in publication
        // order by the articles_published index) without reading any article row, whose text makes
        // it a page of its own; then the page's rows with their text. A deep offset still walks the
        // keys before it, but only the keys.
        string keys;
        if (filter.SpeakerEntityId is not null && filter.SpeakerText is null && filter.AboutEntityId is null)
        {
            keys = $"""
                SELECT DISTINCT c.article_seq, c.ordinal, ar.published, c.content_start FROM entity_chains x INDEXED BY entity_chains_entity
                CROSS JOIN claims c ON c.article_seq = x.article_seq AND (c.speaker_chain = x.chain OR c.affiliation_chain = x.chain)
                JOIN articles ar ON ar.seq = c.article_seq
                WHERE x.entity_id = $speaker AND {ClaimRows.NotRepeatedFromOriginal}
                """;
        }
        else if (filter.AboutEntityId is not null && filter.SpeakerText is null)
        {
            keys = $"""
                SELECT DISTINCT c.article_seq, c.ordinal, ar.published, c.content_start FROM entity_chains x INDEXED BY entity_chains_entity
                CROSS JOIN actor_mentions m ON m.article_seq = x.article_seq AND m.chain = x.chain
                CROSS JOIN claims c ON c.article_seq = m.article_seq AND m.start >= c.content_start AND m.end <= c.content_end
                JOIN articles ar ON ar.seq = c.article_seq
                WHERE x.entity_id = $about AND {ClaimRows.NotRepeatedFromOriginal}
                  AND ($speaker IS NULL OR EXISTS (SELECT 1 FROM entity_chains s WHERE s.article_seq = c.article_seq
                       AND s.chain IN (c.speaker_chain, c.affiliation_chain) AND s.entity_id = $speaker))
                """;
        }
        else
        {
            keys = $"""
                SELECT c.article_seq, c.ordinal, ar.published, c.content_start FROM articles ar INDEXED BY articles_published
                CROSS JOIN claims c ON c.article_seq = ar.seq
                WHERE {ClaimRows.NotRepeatedFromOriginal}
                  AND ($speaker IS NULL OR EXISTS (SELECT 1 FROM entity_chains s WHERE s.article_seq = c.article_seq
                       AND s.chain IN (c.speaker_chain, c.affiliation_chain) AND s.entity_id = $speaker))
                  AND ($speaker_text IS NULL OR instr(lower(substr(ar.clean_text, c.speaker_start + 1, c.speaker_end - c.speaker_start)), lower($speaker_text)) > 0)
                  AND ($about IS NULL OR EXISTS (
                       SELECT 1 FROM actor_mentions m JOIN entity_chains ec ON ec.article_seq = m.article_seq AND ec.chain = m.chain
                       WHERE m.article_seq = c.article_seq AND m.start >= c.content_start AND m.end <= c.content_end AND ec.entity_id = $about))
                """;
        }

        using var query = connection.CreateCommand();
        query.CommandText = $"""
            WITH page AS ({keys}
                ORDER BY 3, 1, 4, 2 LIMIT $limit OFFSET $offset)
            SELECT {ClaimRows.Columns}, {CopiedBy}
            FROM page p
            JOIN claims c ON c.article_seq = p.article_seq AND c.ordinal = p.ordinal
            {ClaimRows.Joins}
            ORDER BY ar.published, ar.seq, c.content_start, c.ordinal
            """;
        query.Parameters.AddWithValue("$speaker", filter.SpeakerEntityId ?? (object)DBNull.Value);
        query.Parameters.AddWithValue("$speaker_text", filter.SpeakerText ?? (object)DBNull.Value);
        query.Parameters.AddWithValue("$about", filter.AboutEntityId ?? (object)DBNull.Value);
        query.Parameters.AddWithValue("$limit", filter.Limit);
        query.Parameters.AddWithValue("$offset", filter.Offset);
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
        Flush();
        var keys = new List<(long, int, string?, string?)>();
        using (var query = connection.CreateCommand())
        {
            query.CommandText = $"""
                SELECT c.article_seq, c.ordinal, sc.entity_id, ac.entity_id
                FROM articles ar INDEXED BY articles_published
                CROSS JOIN claims c ON c.article_seq = ar.seq
                LEFT JOIN entity_chains sc ON sc.article_seq = c.article_seq AND sc.chain = c.speaker_chain
                LEFT JOIN entity_chains ac ON ac.article_seq = c.article_seq AND ac.chain = c.affiliation_chain
                WHERE {ClaimRows.NotRepeatedFromOriginal}
                ORDER BY ar.published, ar.seq, c.content_start, c.ordinal
                """;
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                keys.Add((reader.GetInt64(0), reader.GetInt32(1), NullableString(reader, 2), NullableString(reader, 3)));
            }
        }

        // The mentions inside each claim's content: a range of the mentions' primary key per claim.
        var named = new List<(long, int, string)>();
        using (var query = connection.CreateCommand())
        {
            query.CommandText = """
                SELECT c.article_seq, c.ordinal, ec.entity_id
                FROM claims c
                CROSS JOIN actor_mentions m ON m.article_seq = c.article_seq AND m.start >= c.content_start AND m.start < c.content_end AND m.end <= c.content_end
                JOIN entity_chains ec ON ec.article_seq = m.article_seq AND ec.chain = m.chain
                """;
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                named.Add((reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2)));
            }
        }

        return ClaimRows.Join(keys, named);
    }

    public IReadOnlyList<ClaimRow> ReadClaims(IReadOnlyList<ClaimKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Flush();
        if (keys.Count == 0)
        {
            return [];
        }

        // The keys are numbers, written into the statement as a table of values in the order wanted.
        var values = string.Join(", ", keys.Select((k, i) => string.Create(CultureInfo.InvariantCulture, $"({k.ArticleSeq}, {k.Ordinal}, {i})")));
        using var query = connection.CreateCommand();
        query.CommandText = $"""
            WITH page(article_seq, ordinal, position) AS (VALUES {values})
            SELECT {ClaimRows.Columns}, {CopiedBy}
            FROM page p
            CROSS JOIN claims c ON c.article_seq = p.article_seq AND c.ordinal = p.ordinal
            {ClaimRows.Joins}
            ORDER BY p.position
            """;
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
        Flush();
        using var query = connection.CreateCommand();
        query.CommandText = """
            SELECT aa.article_seq, ar.id, aa.chain, aa.name, aa.kind, m.text, m.form, aa.kind_reason
            FROM article_actors aa
            JOIN articles ar ON ar.seq = aa.article_seq
            LEFT JOIN actor_mentions m ON m.article_seq = aa.article_seq AND m.chain = aa.chain
            ORDER BY aa.article_seq, aa.chain
            """;
        using var reader = query.ExecuteReader();
        var names = new NamePool();
        StoredChainBuilder? current = null;
        while (reader.Read())
        {
            var seq = reader.GetInt64(0);
            var chain = reader.GetInt32(2);
            if (current is null || current.Seq != seq || current.Chain != chain)
            {
                if (current is not null)
                {
                    yield return current.Build();
                }

                ActorKinds.TryParse(reader.GetString(4), out var kind);
                var article = current?.Seq == seq ? current.ArticleId : new ArticleId(reader.GetString(1));
                current = new StoredChainBuilder(seq, article, chain, names.Intern(reader.GetString(3)), kind,
                    reader.GetString(7).StartsWith("the recognizer found", StringComparison.Ordinal));
            }

            if (!reader.IsDBNull(5))
            {
                current.Add(names.Intern(reader.GetString(5)), Enum.Parse<MentionForm>(reader.GetString(6)));
            }
        }

        if (current is not null)
        {
            yield return current.Build();
        }
    }

    public IEnumerable<ChainTie> ReadChainTies(RelationKind kind)
    {
        Flush();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT article_seq, source_chain, target_chain FROM relations WHERE kind = $kind ORDER BY article_seq, ordinal";
        query.Parameters.AddWithValue("$kind", kind.ToString());
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            yield return new ChainTie(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2));
        }
    }

    public void ReplaceEntities(IReadOnlyList<ResolvedEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        Flush();
        using var transaction = connection.BeginTransaction();
        using (var clear = connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM entity_chains; DELETE FROM entities;";
            clear.ExecuteNonQuery();
        }

        using var entity = connection.CreateCommand();
        entity.Transaction = transaction;
        entity.CommandText = "INSERT INTO entities (id, name, kind, kind_reason, mentions, articles) VALUES ($id, $name, $kind, $reason, 0, 0)";
        foreach (var name in new[] { "$id", "$name", "$kind", "$reason" })
        {
            entity.Parameters.Add(new SqliteParameter(name, null));
        }

        using var member = connection.CreateCommand();
        member.Transaction = transaction;
        member.CommandText = "INSERT INTO entity_chains (article_seq, chain, entity_id, rule, score, detail) VALUES ($seq, $chain, $id, $rule, $score, $detail)";
        foreach (var name in new[] { "$seq", "$chain", "$id", "$rule", "$score", "$detail" })
        {
            member.Parameters.Add(new SqliteParameter(name, null));
        }

        foreach (var resolved in entities)
        {
            Set(entity, "$id", resolved.Id);
            Set(entity, "$name", resolved.Name);
            Set(entity, "$kind", resolved.Kind.ToName());
            Set(entity, "$reason", resolved.KindReason);
            entity.ExecuteNonQuery();
            foreach (var link in resolved.Members)
            {
                Set(member, "$seq", link.ArticleSeq);
                Set(member, "$chain", link.Chain);
                Set(member, "$id", resolved.Id);
                Set(member, "$rule", link.Rule);
                Set(member, "$score", link.Score);
                Set(member, "$detail", link.Detail);
                member.ExecuteNonQuery();
            }
        }

        using (var counts = connection.CreateCommand())
        {
            counts.Transaction = transaction;
            counts.CommandText = $"""
                WITH c AS (
                    SELECT ec.entity_id AS id, COUNT(*) AS mentions, COUNT(DISTINCT ec.article_seq) AS articles
                    FROM entity_chains ec
                    JOIN actor_mentions m ON m.article_seq = ec.article_seq AND m.chain = ec.chain
                    WHERE m.form IN {NamingForms}
                    GROUP BY ec.entity_id)
                UPDATE entities SET mentions = c.mentions, articles = c.articles FROM c WHERE c.id = entities.id;
                """;
            counts.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public IReadOnlyList<EntitySummary> ListEntities(ActorKind? kind, int limit)
    {
        Flush();
        using var query = connection.CreateCommand();
        query.CommandText = """
            SELECT id, name, kind, mentions, articles FROM entities
            WHERE $kind IS NULL OR kind = $kind
            ORDER BY mentions DESC, articles DESC, name LIMIT $limit
            """;
        query.Parameters.AddWithValue("$kind", kind?.ToName() ?? (object)DBNull.Value);
        query.Parameters.AddWithValue("$limit", limit);
        return ReadSummaries(query);
    }

    public IReadOnlyList<EntitySummary> FindEntities(string nameOrId)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        Flush();
        using var query = connection.CreateCommand();
        query.CommandText = $"""
            SELECT id, name, kind, mentions, articles FROM entities
            WHERE id = $text OR name = $text COLLATE NOCASE OR id IN (
                SELECT ec.entity_id FROM actor_mentions m
                JOIN entity_chains ec ON ec.article_seq = m.article_seq AND ec.chain = m.chain
                WHERE m.text = $text COLLATE NOCASE AND m.form IN {NamingForms})
            ORDER BY mentions DESC, name
            """;
        query.Parameters.AddWithValue("$text", nameOrId.Trim());
        return ReadSummaries(query);
    }

    private List<EntitySummary> ReadSummaries(SqliteCommand query)
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
        using var query = connection.CreateCommand();
        query.CommandText = $"""
            SELECT ec.entity_id, m.text, COUNT(*) AS n FROM entity_chains ec
            JOIN actor_mentions m ON m.article_seq = ec.article_seq AND m.chain = ec.chain
            WHERE m.form IN {NamingForms}
            GROUP BY ec.entity_id, m.text ORDER BY ec.entity_id, n DESC, m.text
            """;
        using var reader = query.ExecuteReader();
        return SpellingRows.ByEntity(reader);
    }

    private List<SpellingCount> Spellings(string entityId)
    {
        var query = Command("spellings", $"""
            SELECT m.text, COUNT(*) AS n FROM entity_chains ec
            JOIN actor_mentions m ON m.article_seq = ec.article_seq AND m.chain = ec.chain
            WHERE ec.entity_id = $id AND m.form IN {NamingForms}
            GROUP BY m.text ORDER BY n DESC, m.text
            """, null);
        Set(query, "$id", entityId);
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
        // By id alone: FindEntities also looks the text up among all mentions' spellings, a scan of
        // every mention (seconds on 100,000 articles) that an id never needs.
        Flush();
        // The spellings are counted once, with their reasons, not once more for the summary: on an
        // actor named in most of 100,000 articles each count is a pass over its mentions.
        var byId = Command("entity-by-id", "SELECT id, name, kind, mentions, articles, kind_reason FROM entities WHERE id = $id", null);
        Set(byId, "$id", id);
        (string Name, ActorKind Kind, int Mentions, int Articles, string Reason)? row = null;
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
        var total = Command("appearance-count", "SELECT COUNT(*) FROM entity_chains WHERE entity_id = $id", null);
        Set(total, "$id", id);
        var appearanceCount = Convert.ToInt32(total.ExecuteScalar(), CultureInfo.InvariantCulture);

        var appearances = new List<EntityAppearance>();
        var query = Command("appearances", $"""
            SELECT ar.id, ar.title, ar.outlet, ar.origin_path, aa.name,
                   (SELECT COUNT(*) FROM actor_mentions m WHERE m.article_seq = ec.article_seq AND m.chain = ec.chain AND m.form IN {NamingForms}),
                   ec.rule, ec.score, ec.detail
            FROM entity_chains ec
            JOIN article_actors aa ON aa.article_seq = ec.article_seq AND aa.chain = ec.chain
            JOIN articles ar ON ar.seq = ec.article_seq
            WHERE ec.entity_id = $id
            ORDER BY ar.seq, ec.chain
            LIMIT $max
            """, null);
        Set(query, "$id", id);
        Set(query, "$max", (long)maxAppearances);
        using (var reader = query.ExecuteReader())
        {
            while (reader.Read())
            {
                appearances.Add(new EntityAppearance(new ArticleId(reader.GetString(0)), NullableString(reader, 1), NullableString(reader, 2), reader.GetString(3),
                    reader.GetString(4), reader.GetInt32(5), reader.GetString(6), reader.GetDouble(7), reader.GetString(8)));
            }
        }

        var spellings = new List<SpellingReason>();
        var reasons = Command("spelling-reasons", $"""
            SELECT m.text, COUNT(*) AS n, m.form, m.reason, ar.id, MIN(m.article_seq * 1000000 + m.start)
            FROM entity_chains ec
            JOIN actor_mentions m ON m.article_seq = ec.article_seq AND m.chain = ec.chain
            JOIN articles ar ON ar.seq = m.article_seq
            WHERE ec.entity_id = $id AND m.form IN {NamingForms}
            GROUP BY m.text ORDER BY n DESC, m.text
            """, null);
        Set(reasons, "$id", id);
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
        Flush();
        using var query = connection.CreateCommand();
        query.CommandText = $"""
            SELECT DISTINCT m.text, ec.entity_id FROM actor_mentions m
            JOIN entity_chains ec ON ec.article_seq = m.article_seq AND ec.chain = m.chain
            WHERE m.form IN {NamingForms}
            UNION SELECT name, id FROM entities
            """;
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
        Flush();
        using var query = connection.CreateCommand();
        query.CommandText = """
            SELECT ar.origin_path, m.text, m.form, ec.entity_id FROM actor_mentions m
            JOIN entity_chains ec ON ec.article_seq = m.article_seq AND ec.chain = m.chain
            JOIN articles ar ON ar.seq = m.article_seq
            ORDER BY m.article_seq, m.start
            """;
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
        Flush();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO actor_overrides (action, subject, arguments, created_at) VALUES ($action, $subject, $arguments, $created)";
        insert.Parameters.AddWithValue("$action", action.ToString().ToLowerInvariant());
        insert.Parameters.AddWithValue("$subject", subject);
        insert.Parameters.AddWithValue("$arguments", JsonSerializer.Serialize(arguments));
        insert.Parameters.AddWithValue("$created", createdAt.ToString("O", CultureInfo.InvariantCulture));
        insert.ExecuteNonQuery();
    }

    public IReadOnlyList<ActorOverride> ListOverrides()
    {
        Flush();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT seq, action, subject, arguments, created_at FROM actor_overrides ORDER BY seq";
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
