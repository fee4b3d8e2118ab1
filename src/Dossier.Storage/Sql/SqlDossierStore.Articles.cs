using Dossier.Core.Identity;

namespace Dossier.Storage.Sql;

/// <summary>Articles as lookups and summaries read them, ingest runs, and the store's statistics.</summary>
public abstract partial class SqlDossierStore
{
    public ArticleLookup FindArticle(string idOrPrefix)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        var prefix = idOrPrefix.Trim().ToLowerInvariant();
        if (prefix.Length == 0 || !prefix.All(char.IsAsciiHexDigitLower))
        {
            return new ArticleLookup.NotFound();
        }

        using var find = Query("SELECT id FROM articles WHERE id >= @low AND id < @high ORDER BY id LIMIT 10").With("low", prefix).With("high", prefix + "g");
        var ids = Rows(find, reader => new ArticleId(reader.GetString(0)));
        return ids.Count switch
        {
            0 => new ArticleLookup.NotFound(),
            1 => new ArticleLookup.Found(LoadArticle(ids[0])),
            _ => ids.Any(id => id.Value == prefix) ? new ArticleLookup.Found(LoadArticle(new ArticleId(prefix))) : new ArticleLookup.Ambiguous(ids),
        };
    }

    private StoredArticle LoadArticle(ArticleId id)
    {
        using var load = Query("""
            SELECT clean_text, title, outlet, author, url, published, origin_path, origin_format, origin_line, origin_item,
                   copy_of, copy_similarity, word_count, offset_map, ingested_at
            FROM articles WHERE id = @id
            """).With("id", id.Value);
        var articles = Rows(load, reader => (
            Text: reader.GetString(0),
            Metadata: new ArticleMetadata
            {
                Title = reader.NullableString(1),
                Outlet = reader.NullableString(2),
                Author = reader.NullableString(3),
                Url = reader.NullableString(4),
                Published = PublicationDate.TryParseIso(reader.NullableString(5), out var date) ? date : null,
            },
            Origin: new DocumentOrigin(reader.GetString(6), SourceFormatNames.Parse(reader.GetString(7)), reader.NullableInt(8), reader.NullableInt(9)),
            CopyOf: reader.IsDBNull(10) ? (ArticleId?)null : new ArticleId(reader.GetString(10)),
            CopySimilarity: reader.IsDBNull(11) ? (double?)null : reader.GetDouble(11),
            WordCount: reader.GetInt32(12),
            Map: OffsetMapCodec.Decode((byte[])reader.GetValue(13)),
            IngestedAt: DateTimeOffset.Parse(reader.GetString(14), CultureInfo.InvariantCulture)));
        if (articles.Count == 0)
        {
            throw new StoreException($"{Location}: article {id} vanished while being read");
        }

        using var removedQuery = Query("""SELECT start, "end", reason, rule, preview FROM removed_ranges WHERE article_id = @id ORDER BY ordinal""").With("id", id.Value);
        var removed = Rows(removedQuery, reader => new RemovedRange(
            reader.GetInt32(0), reader.GetInt32(1), Enum.Parse<RemovalReason>(reader.GetString(2)), reader.GetString(3), reader.GetString(4)));
        using var captionQuery = Query("""SELECT start, "end" FROM captions WHERE article_id = @id ORDER BY start""").With("id", id.Value);
        var captions = Rows(captionQuery, reader => new TextSpan(reader.GetInt32(0), reader.GetInt32(1)));
        var a = articles[0];
        return new StoredArticle(id, a.Text, a.Metadata, a.Origin, a.CopyOf, a.CopySimilarity, a.WordCount, removed, captions, a.Map, a.IngestedAt);
    }

    public IReadOnlyList<SourceSummary> ListSources()
    {
        using var list = Query("""
            SELECT outlet, CAST(COUNT(*) AS integer), CAST(COUNT(copy_of) AS integer), MIN(published), MAX(published)
            FROM articles GROUP BY outlet ORDER BY COUNT(*) DESC, outlet IS NULL, outlet
            """);
        return Rows(list, reader =>
        {
            var articles = reader.GetInt32(1);
            var copies = reader.GetInt32(2);
            return new SourceSummary(
                SourceSummary.ListedName(reader.NullableString(0)), articles, copies, articles - copies, reader.NullableString(3), reader.NullableString(4));
        });
    }

    public int CountMatches(string query, int atMost = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(atMost, 0);
        ArgumentNullException.ThrowIfNull(query);
        var match = Dialect.SearchMatch(query);
        if (match.Length == 0)
        {
            return 0;
        }

        using var count = Query(Dialect.CountMatches).With("query", match).With("most", (long)atMost);
        return Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public IReadOnlyList<SearchHit> Search(string query, int limit, int offset, SearchOrder order = SearchOrder.BestMatch)
    {
        ArgumentNullException.ThrowIfNull(query);
        var match = Dialect.SearchMatch(query);
        if (match.Length == 0)
        {
            return [];
        }

        using var search = Query(Dialect.Search(order == SearchOrder.Newest)).With("query", match).With("limit", (long)limit).With("offset", (long)offset);
        return Rows(search, reader => new SearchHit(
            new ArticleId(reader.GetString(0)), reader.NullableString(1), reader.NullableString(2), reader.NullableString(3), reader.GetString(4), reader.GetDouble(5)));
    }

    public long BeginIngestRun(IReadOnlyList<string> inputs, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Flush();
        using var begin = Query("INSERT INTO ingest_runs (inputs, started_at) VALUES (@inputs, @started) RETURNING id")
            .With("inputs", string.Join('\n', inputs))
            .With("started", startedAt.ToString("O", CultureInfo.InvariantCulture));
        return (long)begin.ExecuteScalar()!;
    }

    public void RecordRefusal(long runId, string origin, string reason)
    {
        using var refusal = Query("INSERT INTO refusals (run_id, origin, reason) VALUES (@run, @origin, @reason)")
            .With("run", runId).With("origin", origin).With("reason", reason);
        refusal.ExecuteNonQuery();
    }

    public void FinishIngestRun(long runId, IngestRunSummary summary, DateTimeOffset finishedAt)
    {
        ArgumentNullException.ThrowIfNull(summary);
        Flush();
        using var finish = Query("""
            UPDATE ingest_runs SET finished_at = @finished, read = @read, stored = @stored, duplicates = @duplicates,
                near_duplicates = @near, refused = @refused WHERE id = @run
            """)
            .With("run", runId)
            .With("finished", finishedAt.ToString("O", CultureInfo.InvariantCulture))
            .With("read", summary.Read)
            .With("stored", summary.Stored)
            .With("duplicates", summary.Duplicates)
            .With("near", summary.NearDuplicates)
            .With("refused", summary.Refused);
        finish.ExecuteNonQuery();
    }

    public StoreStatistics GetStatistics()
    {
        Flush();

        // MAX over ISO 8601 text: runs are recorded with the same clock and offset.
        using var stats = Query($"""
            SELECT (SELECT CAST(COUNT(*) AS integer) FROM articles), (SELECT CAST(COUNT(copy_of) AS integer) FROM articles),
                   (SELECT CAST(COUNT(*) AS integer) FROM refusals), {Dialect.StoreSize}, (SELECT MAX(finished_at) FROM ingest_runs),
                   (SELECT CAST(COUNT(*) AS integer) FROM entities), (SELECT CAST(COUNT(*) AS integer) FROM events),
                   (SELECT CAST(COUNT(*) AS integer) FROM claims c JOIN articles ar ON ar.seq = c.article_seq WHERE {ClaimRows.NotRepeatedFromOriginal}),
                   (SELECT CAST(COUNT(*) AS integer) FROM relations)
            """);
        return Rows(stats, reader => new StoreStatistics(
            reader.GetInt32(0),
            reader.GetInt32(1),
            reader.GetInt32(2),
            reader.GetInt64(3),
            reader.IsDBNull(4) ? null : DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
            reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8)))[0];
    }

    /// <summary>What adding an article came to: stored as an original, or as a copy of one.</summary>
    private protected static AddResult Added(ArticleId id, ArticleId? original, double similarity) =>
        original is { } copied ? new AddResult(AddOutcome.NearDuplicate, id, copied, similarity) : new AddResult(AddOutcome.Stored, id);

    /// <summary>
    /// Candidates must share two bands, not one: a pair at the 0.7 threshold shares about eight of
    /// 32 (and two or more with probability 0.998), while unrelated articles that share a few common
    /// sentences often share exactly one, and checking them is most of the cost on a large store.
    /// </summary>
    private const int MinSharedBands = 2;

    /// <summary>The articles a new one may copy, given its band keys as @b0, @b1, ...: see <see cref="FindNearDuplicate"/>.</summary>
    private protected static readonly string NearDuplicateCandidates = $"""
        SELECT a.id, a.copy_of, a.minhash FROM articles a
        WHERE a.seq IN (SELECT article_seq FROM minhash_bands WHERE band_key IN ({string.Join(", ", Enumerable.Range(0, MinHashSignature.Bands).Select(i => $"@b{i}"))})
                        GROUP BY article_seq HAVING COUNT(*) >= {MinSharedBands})
        ORDER BY a.seq
        """;

    /// <summary>The original a new article copies, if any: the most similar of the <see cref="NearDuplicateCandidates"/> at or above the threshold.</summary>
    private protected (ArticleId? Original, double Similarity) FindNearDuplicate(DbCommand candidates, MinHashSignature signature, long[] bandKeys)
    {
        for (var i = 0; i < bandKeys.Length; i++)
        {
            candidates.With($"b{i}", bandKeys[i]);
        }

        ArticleId? best = null;
        var bestSimilarity = 0.0;
        using var reader = candidates.ExecuteReader();
        while (reader.Read())
        {
            var similarity = signature.Similarity(MinHashSignature.FromBytes((byte[])reader.GetValue(2)));
            if (similarity >= NearDuplicateThreshold && similarity > bestSimilarity)
            {
                bestSimilarity = similarity;

                // A copy of a copy is counted against the first original, so copies never chain.
                best = new ArticleId(reader.NullableString(1) ?? reader.GetString(0));
            }
        }

        return (best, bestSimilarity);
    }
}
