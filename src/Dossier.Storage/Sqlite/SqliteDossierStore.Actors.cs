using System.Globalization;
using System.Text.Json;
using Dossier.Core.Actors;
using Dossier.Core.Documents;
using Dossier.Core.Facts;
using Dossier.Core.Storage;
using Dossier.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>Writing actors and facts: each article's chains of mentions, its claims, events and relations, and the entities linking made of them; claims of articles to link.</summary>
public sealed partial class SqliteDossierStore
{
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
        var update = Command("set-linker-version", "UPDATE articles SET linker_version = $version WHERE id = $id", CurrentBatch());
        Set(update, "$version", linkerVersion);
        Set(update, "$id", article.Value);
        if (update.ExecuteNonQuery() == 0)
        {
            throw new StoreException($"{Location}: no article {article.Value}");
        }

        CommitBatchWhenDue();
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

}
