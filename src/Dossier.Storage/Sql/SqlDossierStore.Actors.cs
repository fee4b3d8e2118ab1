namespace Dossier.Storage.Sql;

/// <summary>Actors, claims, events and relations as the lists and lookups read them.</summary>
public abstract partial class SqlDossierStore
{
    public IReadOnlyList<(ArticleId Id, string OriginPath)> ListArticles()
    {
        Flush();
        using var query = Query("SELECT id, origin_path FROM articles ORDER BY seq");
        return Rows(query, reader => (new ArticleId(reader.GetString(0)), reader.GetString(1)));
    }

    public IReadOnlyList<ArticleId> ArticlesNeedingActors(string linkerVersion)
    {
        using var query = Query("SELECT id FROM articles WHERE linker_version IS NULL OR linker_version <> @version ORDER BY seq").With("version", linkerVersion);
        return Rows(query, reader => new ArticleId(reader.GetString(0)));
    }

    public int CountArticles(LinkerVersions which)
    {
        using var query = VersionQuery("SELECT COUNT(*) FROM articles WHERE {0}", which);
        return Convert.ToInt32(query.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>A query whose <c>{0}</c> is the WHERE condition of a version selection, with its versions bound.</summary>
    private protected DbCommand VersionQuery(string sql, LinkerVersions which)
    {
        IReadOnlyList<string> versions = which switch
        {
            LinkerVersions.Exactly exactly => [exactly.Version],
            LinkerVersions.NoneOf none => none.Versions,
            _ => throw new ArgumentOutOfRangeException(nameof(which)),
        };
        var condition = which switch
        {
            LinkerVersions.Exactly => "linker_version = @v0",
            _ when versions.Count == 0 => "1 = 1",
            _ => $"(linker_version IS NULL OR linker_version NOT IN ({string.Join(", ", versions.Select((_, i) => $"@v{i}"))}))",
        };
        var query = Query(string.Format(CultureInfo.InvariantCulture, sql, condition));
        for (var i = 0; i < versions.Count; i++)
        {
            query.With($"v{i}", versions[i]);
        }

        return query;
    }

    /// <summary>Every row of a query, read into a list.</summary>
    private protected static List<T> Rows<T>(DbCommand query, Func<DbDataReader, T> read)
    {
        var rows = new List<T>();
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public IReadOnlyList<RelationRow> ListRelations()
    {
        Flush();
        using var query = Query($"""
            SELECT ar.id, ar.outlet, r.kind, se.id, COALESCE(se.name, sa.name), te.id, COALESCE(te.name, ta.name),
                   r.cue_start, r.cue_end, c.modality, c.speaker_start, c.speaker_end, spe.name, r.sentence_start, r.sentence_end, ar.clean_text
            FROM relations r
            JOIN articles ar ON ar.seq = r.article_seq
            {RelationJoins}
            ORDER BY r.kind, COALESCE(se.name, sa.name), ar.seq, r.ordinal
            """);
        return Rows(query, reader =>
        {
            var text = reader.GetString(15);
            var polarity = reader.IsDBNull(9) ? "asserted" : reader.GetString(9).ToLowerInvariant();
            string? saidBy = reader.IsDBNull(10) ? null : reader.NullableString(12) ?? text[reader.GetInt32(10)..reader.GetInt32(11)];
            return new RelationRow(
                new ArticleId(reader.GetString(0)), reader.NullableString(1), Enum.Parse<RelationKind>(reader.GetString(2)),
                new EventActor(reader.NullableString(3), reader.GetString(4)), new EventActor(reader.NullableString(5), reader.GetString(6)),
                text[reader.GetInt32(7)..reader.GetInt32(8)], polarity, saidBy, text[reader.GetInt32(13)..reader.GetInt32(14)]);
        });
    }

    public IReadOnlyList<EventRow> ListEvents()
    {
        Flush();
        var entityOfChain = new Dictionary<(long, int), (string Id, string Name)>();
        using (var map = Query("SELECT ec.article_seq, ec.chain, e.id, e.name FROM entity_chains ec JOIN entities e ON e.id = ec.entity_id WHERE ec.article_seq IN (SELECT DISTINCT article_seq FROM events)"))
        using (var reader = map.ExecuteReader())
        {
            while (reader.Read())
            {
                entityOfChain[(reader.GetInt64(0), reader.GetInt32(1))] = (reader.GetString(2), reader.GetString(3));
            }
        }

        var chainNames = new Dictionary<(long, int), string>();
        using (var names = Query("SELECT article_seq, chain, name FROM article_actors WHERE article_seq IN (SELECT DISTINCT article_seq FROM events)"))
        using (var reader = names.ExecuteReader())
        {
            while (reader.Read())
            {
                chainNames[(reader.GetInt64(0), reader.GetInt32(1))] = reader.GetString(2);
            }
        }

        // Where the text an event row needs starts and ends: its sentence, trigger, date and speaker.
        var from = $"{Dialect.Least}(ev.sentence_start, ev.trigger_start, COALESCE(ev.date_start, ev.sentence_start), COALESCE(c.speaker_start, ev.sentence_start))";
        var to = $"{Dialect.Greatest}(ev.sentence_end, ev.trigger_end, COALESCE(ev.date_end, ev.sentence_end), COALESCE(c.speaker_end, ev.sentence_end))";

        // SQLite puts NULL first in ascending order; the IS NULL term states the order outright in both.
        using var query = Query($"""
            SELECT ev.article_seq, ar.id, ar.title, ar.outlet, ar.published, ev.type, ev.trigger_start, ev.trigger_end, ev.date_first, ev.date_last,
                   ev.date_precision, ev.date_start, ev.date_end, ev.place_chain, ev.agents, ev.targets, ev.counts,
                   c.speaker_start, c.speaker_end, c.speaker_chain, ev.sentence_start, ev.sentence_end,
                   substr(ar.clean_text, {from} + 1, {to} - {from}), {from}
            FROM events ev
            JOIN articles ar ON ar.seq = ev.article_seq
            LEFT JOIN claims c ON c.article_seq = ev.article_seq AND c.ordinal = ev.claim_ordinal
            ORDER BY COALESCE(ev.date_first, ar.published) IS NULL, COALESCE(ev.date_first, ar.published), ar.seq, ev.ordinal
            """);
        return Rows(query, reader => EventRows.Read(reader, entityOfChain, chainNames, ArticleText));
    }

    /// <summary>An article's whole text, on a lent connection: the store's may be busy reading rows.</summary>
    private string ArticleText(long seq)
    {
        using var lease = Lend(sorted: false);
        using var query = lease.Command("SELECT clean_text FROM articles WHERE seq = @seq").With("seq", seq);
        return (string)query.ExecuteScalar()!;
    }

    /// <summary>The outlets of the copies repeating a claim, in the engine's string aggregate.</summary>
    private string CopiedBy => ClaimRows.CopiedByColumn(Dialect.StringAgg);

    public IReadOnlyList<ClaimRow> ListClaims(ClaimFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Flush();

        // Two steps: first the page's keys, found from the smallest set that can hold them (the
        // speaker's or the named actor's chains when there is one, else all claims in publication
        // order by the articles_published index) without reading any article row, whose text makes
        // it a page of its own; then the page's rows with their text. A deep offset still walks the
        // keys before it, but only the keys.
        // SQLite is held to these plans (its CROSS JOIN and INDEXED BY); an article without a date
        // sorts first, where SQLite puts NULL.
        var join = Dialect.ForcedJoin;
        string keys;
        if (filter.SpeakerEntityId is not null && filter.SpeakerText is null && filter.AboutEntityId is null)
        {
            keys = $"""
                SELECT DISTINCT c.article_seq, c.ordinal, ar.published, c.content_start FROM entity_chains x {Dialect.IndexedBy("entity_chains_entity")}
                {join} claims c ON c.article_seq = x.article_seq AND (c.speaker_chain = x.chain OR c.affiliation_chain = x.chain)
                JOIN articles ar ON ar.seq = c.article_seq
                WHERE x.entity_id = @speaker AND {ClaimRows.NotRepeatedFromOriginal}
                """;
        }
        else if (filter.AboutEntityId is not null && filter.SpeakerText is null)
        {
            keys = $"""
                SELECT DISTINCT c.article_seq, c.ordinal, ar.published, c.content_start FROM entity_chains x {Dialect.IndexedBy("entity_chains_entity")}
                {join} actor_mentions m ON m.article_seq = x.article_seq AND m.chain = x.chain
                {join} claims c ON c.article_seq = m.article_seq AND m.start >= c.content_start AND m."end" <= c.content_end
                JOIN articles ar ON ar.seq = c.article_seq
                WHERE x.entity_id = @about AND {ClaimRows.NotRepeatedFromOriginal}
                  AND (@speaker IS NULL OR EXISTS (SELECT 1 FROM entity_chains s WHERE s.article_seq = c.article_seq
                       AND s.chain IN (c.speaker_chain, c.affiliation_chain) AND s.entity_id = @speaker))
                """;
        }
        else
        {
            keys = $"""
                SELECT c.article_seq, c.ordinal, ar.published, c.content_start FROM articles ar {Dialect.IndexedBy("articles_published")}
                {join} claims c ON c.article_seq = ar.seq
                WHERE {ClaimRows.NotRepeatedFromOriginal}
                  AND (@speaker IS NULL OR EXISTS (SELECT 1 FROM entity_chains s WHERE s.article_seq = c.article_seq
                       AND s.chain IN (c.speaker_chain, c.affiliation_chain) AND s.entity_id = @speaker))
                  AND (@speaker_text IS NULL OR {Dialect.Contains("lower(substr(ar.clean_text, c.speaker_start + 1, c.speaker_end - c.speaker_start))", "lower(@speaker_text)")})
                  AND (@about IS NULL OR EXISTS (
                       SELECT 1 FROM actor_mentions m JOIN entity_chains ec ON ec.article_seq = m.article_seq AND ec.chain = m.chain
                       WHERE m.article_seq = c.article_seq AND m.start >= c.content_start AND m."end" <= c.content_end AND ec.entity_id = @about))
                """;
        }

        using var query = Query($"""
            WITH page AS ({keys}
                ORDER BY 3 NULLS FIRST, 1, 4, 2 LIMIT @limit OFFSET @offset)
            SELECT {ClaimRows.Columns}, {CopiedBy}
            FROM page p
            JOIN claims c ON c.article_seq = p.article_seq AND c.ordinal = p.ordinal
            {ClaimRows.Joins}
            ORDER BY ar.published NULLS FIRST, ar.seq, c.content_start, c.ordinal
            """)
            .With("speaker", filter.SpeakerEntityId)
            .With("speaker_text", filter.SpeakerText)
            .With("about", filter.AboutEntityId)
            .With("limit", filter.Limit)
            .With("offset", filter.Offset);
        return Rows(query, ClaimRows.Read);
    }

    public IReadOnlyList<ClaimKey> ListClaimKeys()
    {
        Flush();
        using var keys = Query($"""
            SELECT c.article_seq, c.ordinal, sc.entity_id, ac.entity_id
            FROM articles ar {Dialect.IndexedBy("articles_published")}
            {Dialect.ForcedJoin} claims c ON c.article_seq = ar.seq
            LEFT JOIN entity_chains sc ON sc.article_seq = c.article_seq AND sc.chain = c.speaker_chain
            LEFT JOIN entity_chains ac ON ac.article_seq = c.article_seq AND ac.chain = c.affiliation_chain
            WHERE {ClaimRows.NotRepeatedFromOriginal}
            ORDER BY ar.published NULLS FIRST, ar.seq, c.content_start, c.ordinal
            """);

        // The mentions inside each claim's content: a range of the mentions' primary key per claim.
        using var named = Query($"""
            SELECT c.article_seq, c.ordinal, ec.entity_id
            FROM claims c
            {Dialect.ForcedJoin} actor_mentions m ON m.article_seq = c.article_seq AND m.start >= c.content_start AND m.start < c.content_end AND m."end" <= c.content_end
            JOIN entity_chains ec ON ec.article_seq = m.article_seq AND ec.chain = m.chain
            """);
        return ClaimRows.Join(
            Rows(keys, reader => (reader.GetInt64(0), reader.GetInt32(1), reader.NullableString(2), reader.NullableString(3))),
            Rows(named, reader => (reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2))));
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
        using var query = Query($"""
            WITH page(article_seq, ordinal, position) AS (VALUES {values})
            SELECT {ClaimRows.Columns}, {CopiedBy}
            FROM page p
            {Dialect.ForcedJoin} claims c ON c.article_seq = p.article_seq AND c.ordinal = p.ordinal
            {ClaimRows.Joins}
            ORDER BY p.position
            """);
        return Rows(query, ClaimRows.Read);
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

    public IReadOnlyList<EntitySummary> ListEntities(ActorKind? kind, int limit)
    {
        Flush();
        using var query = Query("""
            SELECT id, name, kind, mentions, articles FROM entities
            WHERE @kind IS NULL OR kind = @kind
            ORDER BY mentions DESC, articles DESC, name LIMIT @limit
            """).With("kind", kind?.ToName()).With("limit", limit);
        return ReadSummaries(query);
    }

    public IReadOnlyList<EntitySummary> FindEntities(string nameOrId)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        Flush();

        // lower() folds ASCII letters only, in SQLite and under PostgreSQL's "C" collation alike.
        using var query = Query($"""
            SELECT id, name, kind, mentions, articles FROM entities
            WHERE id = @text OR lower(name) = lower(@text) OR id IN (
                SELECT ec.entity_id FROM actor_mentions m
                JOIN entity_chains ec ON ec.article_seq = m.article_seq AND ec.chain = m.chain
                WHERE lower(m.text) = lower(@text) AND m.form IN {NamingForms})
            ORDER BY mentions DESC, name
            """).With("text", nameOrId.Trim());
        return ReadSummaries(query);
    }

    private List<EntitySummary> ReadSummaries(DbCommand query)
    {
        var rows = Rows(query, reader =>
        {
            ActorKinds.TryParse(reader.GetString(2), out var kind);
            return (Id: reader.GetString(0), Name: reader.GetString(1), Kind: kind, Mentions: reader.GetInt32(3), Articles: reader.GetInt32(4));
        });

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
        using var query = Query($"""
            SELECT ec.entity_id, m.text, CAST(COUNT(*) AS integer) AS n FROM entity_chains ec
            JOIN actor_mentions m ON m.article_seq = ec.article_seq AND m.chain = ec.chain
            WHERE m.form IN {NamingForms}
            GROUP BY ec.entity_id, m.text ORDER BY ec.entity_id, n DESC, m.text
            """);
        using var reader = query.ExecuteReader();
        return SpellingRows.ByEntity(reader);
    }

    private List<SpellingCount> Spellings(string entityId)
    {
        using var query = Query($"""
            SELECT m.text, CAST(COUNT(*) AS integer) AS n FROM entity_chains ec
            JOIN actor_mentions m ON m.article_seq = ec.article_seq AND m.chain = ec.chain
            WHERE ec.entity_id = @id AND m.form IN {NamingForms}
            GROUP BY m.text ORDER BY n DESC, m.text
            """).With("id", entityId);
        return Rows(query, reader => new SpellingCount(reader.GetString(0), reader.GetInt32(1)));
    }

    public EntityDetail? GetEntity(string id, int maxAppearances = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxAppearances);
        Flush();

        // By id alone (FindEntities also scans every mention's spelling, seconds on 100,000
        // articles), and the spellings counted once, with their reasons, not once more for the summary.
        using var byId = Query("SELECT id, name, kind, mentions, articles, kind_reason FROM entities WHERE id = @id").With("id", id);
        var rows = Rows(byId, reader =>
        {
            ActorKinds.TryParse(reader.GetString(2), out var kind);
            return (Name: reader.GetString(1), Kind: kind, Mentions: reader.GetInt32(3), Articles: reader.GetInt32(4), Reason: reader.GetString(5));
        });
        if (rows.Count == 0)
        {
            return null;
        }

        var found = rows[0];
        using var total = Query("SELECT CAST(COUNT(*) AS integer) FROM entity_chains WHERE entity_id = @id").With("id", id);
        var appearanceCount = Convert.ToInt32(total.ExecuteScalar(), CultureInfo.InvariantCulture);

        using var appearanceQuery = Query($"""
            SELECT ar.id, ar.title, ar.outlet, ar.origin_path, aa.name,
                   (SELECT CAST(COUNT(*) AS integer) FROM actor_mentions m WHERE m.article_seq = ec.article_seq AND m.chain = ec.chain AND m.form IN {NamingForms}),
                   ec.rule, ec.score, ec.detail
            FROM entity_chains ec
            JOIN article_actors aa ON aa.article_seq = ec.article_seq AND aa.chain = ec.chain
            JOIN articles ar ON ar.seq = ec.article_seq
            WHERE ec.entity_id = @id
            ORDER BY ar.seq, ec.chain
            LIMIT @max
            """).With("id", id).With("max", (long)maxAppearances);
        var appearances = Rows(appearanceQuery, reader => new EntityAppearance(new ArticleId(reader.GetString(0)), reader.NullableString(1), reader.NullableString(2),
            reader.GetString(3), reader.GetString(4), reader.GetInt32(5), reader.GetString(6), reader.GetDouble(7), reader.GetString(8)));

        // Each spelling with the form, reason and article of its first mention.
        using var reasons = Query($"""
            SELECT text, n, form, reason, id FROM (
                SELECT m.text, CAST(COUNT(*) OVER (PARTITION BY m.text) AS integer) AS n, m.form, m.reason, ar.id,
                       ROW_NUMBER() OVER (PARTITION BY m.text ORDER BY m.article_seq, m.start) AS first
                FROM entity_chains ec
                JOIN actor_mentions m ON m.article_seq = ec.article_seq AND m.chain = ec.chain
                JOIN articles ar ON ar.seq = m.article_seq
                WHERE ec.entity_id = @id AND m.form IN {NamingForms}) AS spelled
            WHERE first = 1
            ORDER BY n DESC, text
            """).With("id", id);
        var spellings = Rows(reasons, reader =>
            new SpellingReason(reader.GetString(0), reader.GetInt32(1), Enum.Parse<MentionForm>(reader.GetString(2)), reader.GetString(3), new ArticleId(reader.GetString(4))));

        var summary = new EntitySummary(id, found.Name, found.Kind, found.Mentions, found.Articles, [.. spellings.Select(s => new SpellingCount(s.Text, s.Count))]);
        var names = new HashSet<string>(summary.Spellings.Select(s => s.Text), StringComparer.OrdinalIgnoreCase) { summary.Name, summary.Id };
        var overrides = ListOverrides()
            .Where(o => names.Contains(o.Subject) || o.Arguments.Any(names.Contains))
            .Select(o => $"{o.Action.ToString().ToLowerInvariant()} {o.Subject} {string.Join(' ', o.Arguments)} ({o.CreatedAt:yyyy-MM-dd HH:mm})")
            .ToList();
        return new EntityDetail(summary, found.Reason, spellings, appearances, overrides) { AppearanceCount = appearanceCount };
    }

    public IReadOnlyList<(string Spelling, string EntityId)> ListSpellings()
    {
        Flush();
        using var query = Query($"""
            SELECT m.text, ec.entity_id FROM actor_mentions m
            JOIN entity_chains ec ON ec.article_seq = m.article_seq AND ec.chain = m.chain
            WHERE m.form IN {NamingForms}
            UNION SELECT name, id FROM entities
            ORDER BY 1, 2
            """);
        return Rows(query, reader => (reader.GetString(0), reader.GetString(1)));
    }

    public IReadOnlyList<EntityMentionRow> ListEntityMentions()
    {
        Flush();
        using var query = Query("""
            SELECT ar.origin_path, m.text, m.form, ec.entity_id FROM actor_mentions m
            JOIN entity_chains ec ON ec.article_seq = m.article_seq AND ec.chain = m.chain
            JOIN articles ar ON ar.seq = m.article_seq
            ORDER BY m.article_seq, m.start
            """);
        return Rows(query, reader => new EntityMentionRow(reader.GetString(0), reader.GetString(1), Enum.Parse<MentionForm>(reader.GetString(2)), reader.GetString(3)));
    }

    public void AddOverride(OverrideAction action, string subject, IReadOnlyList<string> arguments, DateTimeOffset createdAt)
    {
        Flush();
        using var insert = Query($"INSERT INTO actor_overrides (action, subject, arguments, created_at) VALUES (@action, @subject, {Dialect.JsonParameter("arguments")}, @created)")
            .With("action", action.ToString().ToLowerInvariant())
            .With("subject", subject)
            .With("arguments", JsonSerializer.Serialize(arguments))
            .With("created", createdAt.ToString("O", CultureInfo.InvariantCulture));
        insert.ExecuteNonQuery();
    }

    public IReadOnlyList<ActorOverride> ListOverrides()
    {
        Flush();
        using var query = Query("SELECT seq, action, subject, arguments, created_at FROM actor_overrides ORDER BY seq");
        return Rows(query, reader => new ActorOverride(
            reader.GetInt64(0),
            Enum.Parse<OverrideAction>(reader.GetString(1), ignoreCase: true),
            reader.GetString(2),
            JsonSerializer.Deserialize<string[]>(reader.GetString(3)) ?? [],
            DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture)));
    }
}
