using System.Globalization;
using System.Text.Json;
using Dossier.Core.Actors;
using Dossier.Core.Documents;
using Dossier.Core.Export;
using Dossier.Core.Facts;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>
/// Readers for exports: each streams its rows from one query, holding one row (and one article's
/// text) at a time. Sentences are cut from the article's text in .NET, not with SQL substr, because
/// our offsets count UTF-16 code units and SQLite counts characters. Ordered queries select no text,
/// so that SQLite sorts small rows; sorting goes to temporary files, not memory, while they run.
/// </summary>
public sealed partial class SqliteDossierStore
{
    // An article passes a date range by its publication date; one without a date passes only when there is no range.
    private const string PublishedInRange = """
        ($from IS NULL OR substr(ar.published, 1, 10) >= $from) AND ($to IS NULL OR substr(ar.published, 1, 10) <= $to)
        """;

    private const string MentionsActor = "($actor IS NULL OR ar.seq IN (SELECT article_seq FROM entity_chains WHERE entity_id = $actor))";

    private const string SourceColumns = "ar.seq, ar.id, ar.outlet, ar.copy_of, o.outlet, ar.published";

    private const string SourceJoins = "JOIN articles ar ON ar.seq = {0}.article_seq LEFT JOIN articles o ON o.id = ar.copy_of";

    public IEnumerable<ExportArticle> ReadArticles(ExportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Stream($"""
            SELECT ar.seq, ar.id, ar.title, ar.outlet, ar.author, ar.url, ar.published, ar.copy_of, ar.copy_similarity, ar.word_count,
                   ar.origin_path, ar.ingested_at,
                   (SELECT group_concat(entity_id, ' ') FROM (SELECT DISTINCT ec.entity_id FROM entity_chains ec WHERE ec.article_seq = ar.seq ORDER BY ec.entity_id)),
                   (SELECT group_concat(c.ordinal, ' ') FROM claims c WHERE c.article_seq = ar.seq AND {ClaimAboutActor}),
                   (SELECT group_concat(ev.ordinal, ' ') FROM events ev WHERE ev.article_seq = ar.seq AND {EventInRange} AND {EventWithActor}),
                   (SELECT group_concat(r.ordinal, ' ') FROM relations r WHERE r.article_seq = ar.seq AND {RelationWithActor})
            FROM articles ar
            WHERE {PublishedInRange} AND {MentionsActor}
            ORDER BY ar.seq
            """, filter, sorted: false, reader => new ExportArticle(
                new ArticleId(reader.GetString(1)), NullableString(reader, 2), NullableString(reader, 3), NullableString(reader, 4), NullableString(reader, 5),
                NullableString(reader, 6), reader.IsDBNull(7) ? null : new ArticleId(reader.GetString(7)), reader.IsDBNull(8) ? null : reader.GetDouble(8),
                reader.GetInt32(9), reader.GetString(10), DateTimeOffset.Parse(reader.GetString(11), CultureInfo.InvariantCulture),
                Words(reader, 12), [.. Words(reader, 13).Select(Int)], [.. Words(reader, 14).Select(Int)], [.. Words(reader, 15).Select(Int)]));
    }

    // A claim is about the actor when the actor speaks, is spoken for, or is named in what is said.
    private const string ClaimAboutActor = """
        ($actor IS NULL
         OR EXISTS (SELECT 1 FROM entity_chains x WHERE x.article_seq = c.article_seq AND x.chain IN (c.speaker_chain, c.affiliation_chain) AND x.entity_id = $actor)
         OR EXISTS (SELECT 1 FROM actor_mentions m JOIN entity_chains x ON x.article_seq = m.article_seq AND x.chain = m.chain
                    WHERE m.article_seq = c.article_seq AND m.start >= c.content_start AND m.end <= c.content_end AND x.entity_id = $actor))
        """;

    // An event passes a date range by its own dates, or its article's when the text gave none.
    private const string EventInRange = """
        ($from IS NULL OR COALESCE(ev.date_last, ev.date_first, substr(ar.published, 1, 10)) >= $from)
        AND ($to IS NULL OR COALESCE(ev.date_first, substr(ar.published, 1, 10)) <= $to)
        """;

    private const string EventWithActor = """
        ($actor IS NULL OR EXISTS (
            SELECT 1 FROM entity_chains x WHERE x.article_seq = ev.article_seq AND x.entity_id = $actor
              AND (x.chain = ev.place_chain OR x.chain IN (SELECT value FROM json_each(ev.agents)) OR x.chain IN (SELECT value FROM json_each(ev.targets)))))
        """;

    private const string RelationWithActor = """
        ($actor IS NULL OR EXISTS (
            SELECT 1 FROM entity_chains x WHERE x.article_seq = r.article_seq AND x.entity_id = $actor AND x.chain IN (r.source_chain, r.target_chain)))
        """;

    public IEnumerable<ExportEntity> ReadEntities(ExportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ExportEntityBuilder? current = null;
        foreach (var row in Stream($"""
            SELECT e.id, e.name, e.kind, e.mentions, e.articles, s.text, s.n
            FROM entities e
            LEFT JOIN (SELECT ec.entity_id, m.text, COUNT(*) AS n FROM entity_chains ec
                       JOIN actor_mentions m ON m.article_seq = ec.article_seq AND m.chain = ec.chain
                       WHERE m.form IN {NamingForms} GROUP BY ec.entity_id, m.text) s ON s.entity_id = e.id
            WHERE ($actor IS NULL AND $from IS NULL AND $to IS NULL)
               OR e.id IN (SELECT ec.entity_id FROM entity_chains ec JOIN articles ar ON ar.seq = ec.article_seq WHERE {PublishedInRange} AND {MentionsActor})
            ORDER BY e.id, s.n DESC, s.text
            """, filter, sorted: true, reader => (Id: reader.GetString(0), Name: reader.GetString(1), Kind: reader.GetString(2), Mentions: reader.GetInt32(3),
                Articles: reader.GetInt32(4), Spelling: NullableString(reader, 5), Count: reader.IsDBNull(6) ? 0 : reader.GetInt32(6))))
        {
            if (current is null || !string.Equals(current.Id, row.Id, StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    yield return current.Build();
                }

                ActorKinds.TryParse(row.Kind, out var kind);
                current = new ExportEntityBuilder(row.Id, row.Name, kind, row.Mentions, row.Articles);
            }

            if (row.Spelling is not null)
            {
                current.Spellings.Add(new SpellingCount(row.Spelling, row.Count));
            }
        }

        if (current is not null)
        {
            yield return current.Build();
        }
    }

    private sealed class ExportEntityBuilder(string id, string name, ActorKind kind, int mentions, int articles)
    {
        public string Id => id;

        public List<SpellingCount> Spellings { get; } = [];

        public ExportEntity Build() => new(id, name, kind, mentions, articles, Spellings);
    }

    public IEnumerable<ExportClaim> ReadClaims(ExportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var texts = new ArticleTexts(this);
        return Stream($"""
            SELECT {SourceColumns}, c.ordinal, c.form, c.modality, c.cue_start, c.cue_end, c.speaker_start, c.speaker_end, se.id, se.name,
                   ae.id, COALESCE(ae.name, aa.name), c.content_start, c.content_end, c.sentence_start, c.sentence_end
            FROM claims c
            {string.Format(CultureInfo.InvariantCulture, SourceJoins, "c")}
            LEFT JOIN entity_chains sc ON sc.article_seq = c.article_seq AND sc.chain = c.speaker_chain
            LEFT JOIN entities se ON se.id = sc.entity_id
            LEFT JOIN article_actors aa ON aa.article_seq = c.article_seq AND aa.chain = c.affiliation_chain
            LEFT JOIN entity_chains ac ON ac.article_seq = c.article_seq AND ac.chain = c.affiliation_chain
            LEFT JOIN entities ae ON ae.id = ac.entity_id
            WHERE {PublishedInRange} AND {ClaimAboutActor}
            ORDER BY c.article_seq, c.ordinal
            """, filter, sorted: false, reader =>
            {
                var text = texts.Of(reader.GetInt64(0));
                string Span(int from) => text[reader.GetInt32(from)..reader.GetInt32(from + 1)];
                return new ExportClaim(Source(reader), NullableString(reader, 5), reader.GetInt32(6),
                    Enum.Parse<ClaimForm>(reader.GetString(7)), Enum.Parse<Modality>(reader.GetString(8)), Span(9),
                    new ExportSpeaker(Span(11), NullableString(reader, 13), NullableString(reader, 14)),
                    reader.IsDBNull(16) ? null : new ExportActor(NullableString(reader, 15), reader.GetString(16)),
                    Span(17), Span(19));
            });
    }

    private sealed record StoredCountRow(string Kind, long Low, long? High, string Bound, int Start, int End);

    public IEnumerable<ExportEvent> ReadEvents(ExportFilter filter, bool byDate = false)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var texts = new ArticleTexts(this);
        const string Actors = """
            (SELECT json_group_array(json_array(ec.entity_id, COALESCE(e.name, aa.name)))
             FROM json_each(ev.{0}) j
             JOIN article_actors aa ON aa.article_seq = ev.article_seq AND aa.chain = j.value
             LEFT JOIN entity_chains ec ON ec.article_seq = ev.article_seq AND ec.chain = j.value
             LEFT JOIN entities e ON e.id = ec.entity_id)
            """;
        var order = byDate ? "COALESCE(ev.date_first, substr(ar.published, 1, 10)), ev.article_seq, ev.ordinal" : "ev.article_seq, ev.ordinal";
        return Stream($"""
            SELECT {SourceColumns}, ev.ordinal, ev.type, ev.trigger_start, ev.trigger_end, ev.date_first, ev.date_last, ev.date_precision,
                   ev.date_start, ev.date_end, pe.id, COALESCE(pe.name, pa.name),
                   {string.Format(CultureInfo.InvariantCulture, Actors, "agents")}, {string.Format(CultureInfo.InvariantCulture, Actors, "targets")},
                   ev.counts, c.modality, c.speaker_start, c.speaker_end, spe.id, spe.name, ev.sentence_start, ev.sentence_end
            FROM events ev
            {string.Format(CultureInfo.InvariantCulture, SourceJoins, "ev")}
            LEFT JOIN article_actors pa ON pa.article_seq = ev.article_seq AND pa.chain = ev.place_chain
            LEFT JOIN entity_chains pc ON pc.article_seq = ev.article_seq AND pc.chain = ev.place_chain
            LEFT JOIN entities pe ON pe.id = pc.entity_id
            LEFT JOIN claims c ON c.article_seq = ev.article_seq AND c.ordinal = ev.claim_ordinal
            LEFT JOIN entity_chains spc ON spc.article_seq = c.article_seq AND spc.chain = c.speaker_chain
            LEFT JOIN entities spe ON spe.id = spc.entity_id
            WHERE {EventInRange} AND {EventWithActor}
            ORDER BY {order}
            """, filter, sorted: byDate, reader =>
            {
                var text = texts.Of(reader.GetInt64(0));
                var counts = (JsonSerializer.Deserialize<StoredCountRow[]>(reader.GetString(19)) ?? [])
                    .Select(c => new EventCountRow(Enum.Parse<CountKind>(c.Kind), c.Low, c.High, c.Bound, text[c.Start..c.End]))
                    .ToList();
                return new ExportEvent(Source(reader), NullableString(reader, 5), reader.GetInt32(6), Enum.Parse<EventType>(reader.GetString(7)),
                    text[reader.GetInt32(8)..reader.GetInt32(9)], Date(reader, 10), Date(reader, 11), NullableString(reader, 12),
                    reader.IsDBNull(13) ? null : text[reader.GetInt32(13)..reader.GetInt32(14)],
                    reader.IsDBNull(16) ? null : new ExportActor(NullableString(reader, 15), reader.GetString(16)),
                    ActorList(reader, 17), ActorList(reader, 18), counts,
                    reader.IsDBNull(20) ? Modality.Asserted : Enum.Parse<Modality>(reader.GetString(20)),
                    Speaker(reader, 21, text), text[reader.GetInt32(25)..reader.GetInt32(26)]);
            });
    }

    public IEnumerable<ExportRelation> ReadRelations(ExportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var texts = new ArticleTexts(this);
        return Stream($"""
            SELECT {SourceColumns}, r.ordinal, r.kind, se.id, COALESCE(se.name, sa.name), te.id, COALESCE(te.name, ta.name), r.cue_start, r.cue_end,
                   c.modality, c.speaker_start, c.speaker_end, spe.id, spe.name, r.sentence_start, r.sentence_end
            FROM relations r
            {string.Format(CultureInfo.InvariantCulture, SourceJoins, "r")}
            JOIN article_actors sa ON sa.article_seq = r.article_seq AND sa.chain = r.source_chain
            JOIN article_actors ta ON ta.article_seq = r.article_seq AND ta.chain = r.target_chain
            LEFT JOIN entity_chains sec ON sec.article_seq = r.article_seq AND sec.chain = r.source_chain
            LEFT JOIN entities se ON se.id = sec.entity_id
            LEFT JOIN entity_chains tec ON tec.article_seq = r.article_seq AND tec.chain = r.target_chain
            LEFT JOIN entities te ON te.id = tec.entity_id
            LEFT JOIN claims c ON c.article_seq = r.article_seq AND c.ordinal = r.claim_ordinal
            LEFT JOIN entity_chains spc ON spc.article_seq = c.article_seq AND spc.chain = c.speaker_chain
            LEFT JOIN entities spe ON spe.id = spc.entity_id
            WHERE {PublishedInRange} AND {RelationWithActor}
            ORDER BY se.id IS NULL, se.id, te.id IS NULL, te.id, r.kind, r.article_seq, r.ordinal
            """, filter, sorted: true, reader =>
            {
                var text = texts.Of(reader.GetInt64(0));
                return new ExportRelation(Source(reader), NullableString(reader, 5), reader.GetInt32(6), Enum.Parse<RelationKind>(reader.GetString(7)),
                    new ExportActor(NullableString(reader, 8), reader.GetString(9)), new ExportActor(NullableString(reader, 10), reader.GetString(11)),
                    text[reader.GetInt32(12)..reader.GetInt32(13)],
                    reader.IsDBNull(14) ? Modality.Asserted : Enum.Parse<Modality>(reader.GetString(14)),
                    Speaker(reader, 15, text), text[reader.GetInt32(19)..reader.GetInt32(20)]);
            });
    }

    /// <summary>Runs one query and yields its rows as they come; a sorting query sorts in temporary files while it runs.</summary>
    private IEnumerable<T> Stream<T>(string sql, ExportFilter filter, bool sorted, Func<SqliteDataReader, T> read)
    {
        Flush();
        if (sorted)
        {
            Pragma("PRAGMA temp_store = FILE");
        }

        try
        {
            using var query = connection.CreateCommand();
            query.CommandText = sql;
            query.Parameters.AddWithValue("$actor", filter.EntityId ?? (object)DBNull.Value);
            query.Parameters.AddWithValue("$from", filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? (object)DBNull.Value);
            query.Parameters.AddWithValue("$to", filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? (object)DBNull.Value);
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                yield return read(reader);
            }
        }
        finally
        {
            if (sorted)
            {
                Pragma("PRAGMA temp_store = MEMORY");
            }
        }
    }

    private void Pragma(string sql)
    {
        using var pragma = connection.CreateCommand();
        pragma.CommandText = sql;
        pragma.ExecuteNonQuery();
    }

    private static ReportSource Source(SqliteDataReader reader) => new(
        new ArticleId(reader.GetString(1)), NullableString(reader, 2), reader.IsDBNull(3) ? null : new ArticleId(reader.GetString(3)), NullableString(reader, 4));

    private static ExportSpeaker? Speaker(SqliteDataReader reader, int start, string text) => reader.IsDBNull(start)
        ? null
        : new ExportSpeaker(text[reader.GetInt32(start)..reader.GetInt32(start + 1)], NullableString(reader, start + 2), NullableString(reader, start + 3));

    private static DateOnly? Date(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string[] Words(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? [] : reader.GetString(ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static int Int(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private static List<ExportActor> ActorList(SqliteDataReader reader, int ordinal)
    {
        var actors = new List<ExportActor>();
        if (reader.IsDBNull(ordinal))
        {
            return actors;
        }

        using var pairs = JsonDocument.Parse(reader.GetString(ordinal));
        foreach (var pair in pairs.RootElement.EnumerateArray())
        {
            actors.Add(new ExportActor(pair[0].GetString(), pair[1].GetString() ?? "?"));
        }

        return actors;
    }

    /// <summary>One article's clean text at a time: rows in article order read each text once.</summary>
    private sealed class ArticleTexts(SqliteDossierStore store)
    {
        private long seq = -1;
        private string text = "";

        public string Of(long articleSeq)
        {
            if (articleSeq != seq)
            {
                using var query = store.connection.CreateCommand();
                query.CommandText = "SELECT clean_text FROM articles WHERE seq = $seq";
                query.Parameters.AddWithValue("$seq", articleSeq);
                text = (string)query.ExecuteScalar()!;
                seq = articleSeq;
            }

            return text;
        }
    }
}
