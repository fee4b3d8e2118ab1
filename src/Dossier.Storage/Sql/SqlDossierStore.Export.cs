using Dossier.Core.Export;

using static Dossier.Storage.ExportRows;

namespace Dossier.Storage.Sql;

/// <summary>
/// Readers for exports: each streams its rows from one query, holding one row (and one article's
/// text) at a time, on a connection the store lends (<see cref="Lend"/>). Sentences are cut from the
/// article's text in .NET, not with SQL substr, because our offsets count UTF-16 code units and both
/// engines count characters. Ordered queries select no text, so that the engine sorts small rows.
/// </summary>
public abstract partial class SqlDossierStore
{
    // An article passes a date range by its publication date; one without a date passes only when there is no range.
    private const string PublishedInRange = """
        (@from IS NULL OR substr(ar.published, 1, 10) >= @from) AND (@to IS NULL OR substr(ar.published, 1, 10) <= @to)
        """;

    private const string MentionsActor = "(@actor IS NULL OR ar.seq IN (SELECT article_seq FROM entity_chains WHERE entity_id = @actor))";

    private const string SourceColumns = "ar.seq, ar.id, ar.outlet, ar.copy_of, o.outlet, ar.published";

    private const string SourceJoins = "JOIN articles ar ON ar.seq = {0}.article_seq LEFT JOIN articles o ON o.id = ar.copy_of";

    public IEnumerable<ExportArticle> ReadArticles(ExportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Stream($"""
            SELECT ar.seq, ar.id, ar.title, ar.outlet, ar.author, ar.url, ar.published, ar.copy_of, ar.copy_similarity, ar.word_count,
                   ar.origin_path, ar.ingested_at,
                   {Dialect.EntityIdList},
                   (SELECT {Dialect.OrdinalList("c")} FROM claims c WHERE c.article_seq = ar.seq AND {ClaimAboutActor}),
                   (SELECT {Dialect.OrdinalList("ev")} FROM events ev WHERE ev.article_seq = ar.seq AND {EventInRange} AND {EventWithActor}),
                   (SELECT {Dialect.OrdinalList("r")} FROM relations r WHERE r.article_seq = ar.seq AND {RelationWithActor})
            FROM articles ar
            WHERE {PublishedInRange} AND {MentionsActor}
            ORDER BY ar.seq
            """, Bind(filter), sorted: false, reader => new ExportArticle(
                new ArticleId(reader.GetString(1)), reader.NullableString(2), reader.NullableString(3), reader.NullableString(4), reader.NullableString(5),
                reader.NullableString(6), reader.IsDBNull(7) ? null : new ArticleId(reader.GetString(7)), reader.IsDBNull(8) ? null : reader.GetDouble(8),
                reader.GetInt32(9), reader.GetString(10), DateTimeOffset.Parse(reader.GetString(11), CultureInfo.InvariantCulture),
                Words(reader, 12), [.. Words(reader, 13).Select(Int)], [.. Words(reader, 14).Select(Int)], [.. Words(reader, 15).Select(Int)]));
    }

    // A claim is about the actor when the actor speaks, is spoken for, or is named in what is said.
    private const string ClaimAboutActor = """
        (@actor IS NULL
         OR EXISTS (SELECT 1 FROM entity_chains x WHERE x.article_seq = c.article_seq AND x.chain IN (c.speaker_chain, c.affiliation_chain) AND x.entity_id = @actor)
         OR EXISTS (SELECT 1 FROM actor_mentions m JOIN entity_chains x ON x.article_seq = m.article_seq AND x.chain = m.chain
                    WHERE m.article_seq = c.article_seq AND m.start >= c.content_start AND m."end" <= c.content_end AND x.entity_id = @actor))
        """;

    // An event passes a date range by its own dates, or its article's when the text gave none.
    private const string EventInRange = """
        (@from IS NULL OR COALESCE(ev.date_last, ev.date_first, substr(ar.published, 1, 10)) >= @from)
        AND (@to IS NULL OR COALESCE(ev.date_first, substr(ar.published, 1, 10)) <= @to)
        """;

    private string EventWithActor => $"""
        (@actor IS NULL OR EXISTS (
            SELECT 1 FROM entity_chains x WHERE x.article_seq = ev.article_seq AND x.entity_id = @actor
              AND (x.chain = ev.place_chain OR {Dialect.JsonArrayHas("ev.agents", "x.chain")} OR {Dialect.JsonArrayHas("ev.targets", "x.chain")})))
        """;

    private const string RelationWithActor = """
        (@actor IS NULL OR EXISTS (
            SELECT 1 FROM entity_chains x WHERE x.article_seq = r.article_seq AND x.entity_id = @actor AND x.chain IN (r.source_chain, r.target_chain)))
        """;

    public IEnumerable<ExportEntity> ReadEntities(ExportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);

        // Entities and their spellings come from two queries ordered by entity id and are merged here:
        // one pass over all mentions is much cheaper than a lookup per entity (mentions are keyed by
        // article and offset, not by chain).
        using var spellings = Stream($"""
            SELECT ec.entity_id, m.text, CAST(COUNT(*) AS integer) AS n FROM actor_mentions m
            JOIN entity_chains ec ON ec.article_seq = m.article_seq AND ec.chain = m.chain
            WHERE m.form IN {NamingForms}
            GROUP BY ec.entity_id, m.text
            ORDER BY ec.entity_id, n DESC, m.text
            """, null, sorted: true, reader => (Entity: reader.GetString(0), Spelling: new SpellingCount(reader.GetString(1), reader.GetInt32(2))))
            .GetEnumerator();
        var more = spellings.MoveNext();
        foreach (var (id, name, kindName, mentions, articles) in Stream($"""
            SELECT e.id, e.name, e.kind, e.mentions, e.articles
            FROM entities e
            WHERE (@actor IS NULL AND @from IS NULL AND @to IS NULL)
               OR e.id IN (SELECT ec.entity_id FROM entity_chains ec JOIN articles ar ON ar.seq = ec.article_seq WHERE {PublishedInRange} AND {MentionsActor})
            ORDER BY e.id
            """, Bind(filter), sorted: false, reader => (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4))))
        {
            var own = new List<SpellingCount>();
            while (more && string.CompareOrdinal(spellings.Current.Entity, id) < 0)
            {
                more = spellings.MoveNext();
            }

            while (more && string.Equals(spellings.Current.Entity, id, StringComparison.Ordinal))
            {
                own.Add(spellings.Current.Spelling);
                more = spellings.MoveNext();
            }

            ActorKinds.TryParse(kindName, out var kind);
            yield return new ExportEntity(id, name, kind, mentions, articles, own);
        }
    }

    public IEnumerable<ExportClaim> ReadClaims(ExportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var articles = new ArticleContexts(this);
        return Stream($"""
            SELECT {SourceColumns}, c.ordinal, c.form, c.modality, c.cue_start, c.cue_end, c.speaker_start, c.speaker_end, c.speaker_chain,
                   c.affiliation_chain, c.content_start, c.content_end, c.sentence_start, c.sentence_end
            FROM claims c
            {string.Format(CultureInfo.InvariantCulture, SourceJoins, "c")}
            WHERE {PublishedInRange} AND {ClaimAboutActor}
            ORDER BY c.article_seq, c.ordinal
            """, Bind(filter), sorted: false, reader =>
            {
                var article = articles.Of(reader.GetInt64(0));
                string Span(int from) => article.Text[reader.GetInt32(from)..reader.GetInt32(from + 1)];
                var speaker = reader.IsDBNull(13) ? null : article.Actor(reader.GetInt32(13));
                return new ExportClaim(Source(reader), reader.NullableString(5), reader.GetInt32(6),
                    Enum.Parse<ClaimForm>(reader.GetString(7)), Enum.Parse<Modality>(reader.GetString(8)), Span(9),
                    new ExportSpeaker(Span(11), speaker?.EntityId, speaker?.EntityId is null ? null : speaker.Name),
                    reader.IsDBNull(14) ? null : article.Actor(reader.GetInt32(14)),
                    Span(15), Span(17));
            }, articles);
    }

    public IEnumerable<ExportEvent> ReadEvents(ExportFilter filter, bool byDate = false)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var articles = new ArticleContexts(this);
        
        // An event without any date sorts first, as SQLite puts NULL in ascending order.
        var order = byDate ? "COALESCE(ev.date_first, substr(ar.published, 1, 10)) NULLS FIRST, ev.article_seq, ev.ordinal" : "ev.article_seq, ev.ordinal";
        return Stream($"""
            SELECT {SourceColumns}, ev.ordinal, ev.type, ev.trigger_start, ev.trigger_end, ev.date_first, ev.date_last, ev.date_precision,
                   ev.date_start, ev.date_end, ev.place_chain, ev.agents, ev.targets, ev.counts, c.modality, c.speaker_start, c.speaker_end, c.speaker_chain,
                   ev.sentence_start, ev.sentence_end
            FROM events ev
            {string.Format(CultureInfo.InvariantCulture, SourceJoins, "ev")}
            LEFT JOIN claims c ON c.article_seq = ev.article_seq AND c.ordinal = ev.claim_ordinal
            WHERE {EventInRange} AND {EventWithActor}
            ORDER BY {order}
            """, Bind(filter), sorted: byDate, reader =>
            {
                var article = articles.Of(reader.GetInt64(0));
                var text = article.Text;
                var counts = (JsonSerializer.Deserialize<StoredCount[]>(reader.GetString(18)) ?? [])
                    .Select(c => new EventCountRow(Enum.Parse<CountKind>(c.Kind), c.Low, c.High, c.Bound, text[c.Start..c.End]))
                    .ToList();
                return new ExportEvent(Source(reader), reader.NullableString(5), reader.GetInt32(6), Enum.Parse<EventType>(reader.GetString(7)),
                    text[reader.GetInt32(8)..reader.GetInt32(9)], Date(reader, 10), Date(reader, 11), reader.NullableString(12),
                    reader.IsDBNull(13) ? null : text[reader.GetInt32(13)..reader.GetInt32(14)],
                    reader.IsDBNull(15) ? null : article.Actor(reader.GetInt32(15)),
                    Chains(reader.GetString(16)).Select(article.Actor).ToList(), Chains(reader.GetString(17)).Select(article.Actor).ToList(), counts,
                    reader.IsDBNull(19) ? Modality.Asserted : Enum.Parse<Modality>(reader.GetString(19)),
                    Speaker(reader, 20, article), text[reader.GetInt32(23)..reader.GetInt32(24)]);
            }, articles);
    }

    public IEnumerable<ExportRelation> ReadRelations(ExportFilter filter, bool byTie = true)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return byTie ? ReadTies(filter) : ReadRelationsByArticle(filter);
    }

    private IEnumerable<ExportRelation> ReadRelationsByArticle(ExportFilter filter)
    {
        var articles = new ArticleContexts(this);
        return Stream($"""
            SELECT {SourceColumns}, r.ordinal, r.kind, r.source_chain, r.target_chain, r.cue_start, r.cue_end,
                   c.modality, c.speaker_start, c.speaker_end, c.speaker_chain, r.sentence_start, r.sentence_end
            FROM relations r
            {string.Format(CultureInfo.InvariantCulture, SourceJoins, "r")}
            LEFT JOIN claims c ON c.article_seq = r.article_seq AND c.ordinal = r.claim_ordinal
            WHERE {PublishedInRange} AND {RelationWithActor}
            ORDER BY r.article_seq, r.ordinal
            """, Bind(filter), sorted: false, reader =>
            {
                var article = articles.Of(reader.GetInt64(0));
                var text = article.Text;
                return new ExportRelation(Source(reader), reader.NullableString(5), reader.GetInt32(6), Enum.Parse<RelationKind>(reader.GetString(7)),
                    article.Actor(reader.GetInt32(8)), article.Actor(reader.GetInt32(9)), text[reader.GetInt32(10)..reader.GetInt32(11)],
                    reader.IsDBNull(12) ? Modality.Asserted : Enum.Parse<Modality>(reader.GetString(12)),
                    Speaker(reader, 13, article), text[reader.GetInt32(16)..reader.GetInt32(17)]);
            }, articles);
    }

    /// <summary>
    /// Relations ordered by tie. Rows come in no article order here, so the words are cut by the engine
    /// (substr counts characters, our offsets UTF-16 units: a character outside the BMP earlier in the
    /// article shifts the cut by one). Ties use the sentence only to count distinct evidence.
    /// </summary>
    private IEnumerable<ExportRelation> ReadTies(ExportFilter filter)
    {
        const string Cut = "substr(ar.clean_text, {0}_start + 1, {0}_end - {0}_start)";
        string Words(string column) => string.Format(CultureInfo.InvariantCulture, Cut, column);
        return Stream($"""
            SELECT {SourceColumns}, r.ordinal, r.kind, se.id, COALESCE(se.name, sa.name), te.id, COALESCE(te.name, ta.name), {Words("r.cue")},
                   c.modality, {Words("c.speaker")}, spe.id, spe.name, {Words("r.sentence")}
            FROM relations r
            {string.Format(CultureInfo.InvariantCulture, SourceJoins, "r")}
            {RelationJoins}
            WHERE {PublishedInRange} AND {RelationWithActor}
            ORDER BY se.id IS NULL, se.id, te.id IS NULL, te.id, r.kind, r.article_seq, r.ordinal
            """, Bind(filter), sorted: true, reader => new ExportRelation(Source(reader), reader.NullableString(5), reader.GetInt32(6),
                Enum.Parse<RelationKind>(reader.GetString(7)),
                new ExportActor(reader.NullableString(8), reader.GetString(9)), new ExportActor(reader.NullableString(10), reader.GetString(11)),
                reader.GetString(12),
                reader.IsDBNull(13) ? Modality.Asserted : Enum.Parse<Modality>(reader.GetString(13)),
                reader.IsDBNull(14) ? null : new ExportSpeaker(reader.GetString(14), reader.NullableString(15), reader.NullableString(16)),
                reader.GetString(17)));
    }

    private static Action<DbCommand> Bind(ExportFilter filter) => command => command
        .With("actor", filter.EntityId)
        .With("from", filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        .With("to", filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>
    /// The article of the current row, read once while rows of that article follow each other; rows
    /// in another order (by date, by tie) read it again for each row, which costs two index lookups.
    /// </summary>
    private sealed class ArticleContexts(SqlDossierStore store) : IDisposable
    {
        private Lease? lease;
        private DbCommand? textQuery;
        private DbCommand? actorQuery;
        private long seq = -1;
        private ArticleContext? current;

        public ArticleContext Of(long articleSeq)
        {
            if (articleSeq == seq && current is not null)
            {
                return current;
            }

            if (lease is null)
            {
                // Lent on the first row, so that an export that is never read holds no connection.
                lease = store.Lend(sorted: false);
                textQuery = lease.Command("SELECT clean_text FROM articles WHERE seq = @seq").With("seq", 0L);
                actorQuery = lease.Command("""
                    SELECT aa.chain, aa.name, e.id, e.name FROM article_actors aa
                    LEFT JOIN entity_chains ec ON ec.article_seq = aa.article_seq AND ec.chain = aa.chain
                    LEFT JOIN entities e ON e.id = ec.entity_id
                    WHERE aa.article_seq = @seq
                    """).With("seq", 0L);
            }

            textQuery!.Parameters[0].Value = articleSeq;
            var text = (string)textQuery.ExecuteScalar()!;
            actorQuery!.Parameters[0].Value = articleSeq;
            var actors = new Dictionary<int, ExportActor>();
            using (var reader = actorQuery.ExecuteReader())
            {
                while (reader.Read())
                {
                    actors[reader.GetInt32(0)] = reader.IsDBNull(2)
                        ? new ExportActor(null, reader.GetString(1))
                        : new ExportActor(reader.GetString(2), reader.GetString(3));
                }
            }

            seq = articleSeq;
            current = new ArticleContext(text, actors);
            return current;
        }

        public void Dispose()
        {
            textQuery?.Dispose();
            actorQuery?.Dispose();
            lease?.Dispose();
        }
    }
}
