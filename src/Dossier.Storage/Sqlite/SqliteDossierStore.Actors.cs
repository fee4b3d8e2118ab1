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
