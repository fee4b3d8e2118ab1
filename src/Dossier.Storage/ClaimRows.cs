namespace Dossier.Storage;

/// <summary>
/// One row of the claim listing, read the same way from either store. The query's columns, in order:
/// article id, title, outlet, published, form, modality, cue start and end, speaker start and end,
/// the speaker's entity id and name, the affiliation's entity id and name, content start and end,
/// sentence start and end, the article's text, and the outlets of the copies that repeat the claim
/// (<see cref="CopiedByColumn"/>, joined by U+001F).
/// </summary>
internal static class ClaimRows
{
    public const string Columns = """
        ar.id, ar.title, ar.outlet, ar.published, c.form, c.modality, c.cue_start, c.cue_end, c.speaker_start, c.speaker_end,
        se.id, se.name, ae.id, ae.name, c.content_start, c.content_end, c.sentence_start, c.sentence_end, ar.clean_text
        """;

    /// <summary>
    /// A copy's claim whose words its original also reports: left out of every listing, since the
    /// copy is one more report of the original's claim (<see cref="CopiedByColumn"/>), not a second
    /// claim. A claim only the copy carries (a paragraph the copy added) is listed as its own.
    /// Needs claims c and their article ar.
    /// </summary>
    public const string NotRepeatedFromOriginal = """
        (ar.copy_of IS NULL OR NOT EXISTS (
            SELECT 1 FROM articles o JOIN claims oc ON oc.article_seq = o.seq
            WHERE o.id = ar.copy_of
              AND substr(o.clean_text, oc.content_start + 1, oc.content_end - oc.content_start) = substr(ar.clean_text, c.content_start + 1, c.content_end - c.content_start)))
        """;

    /// <summary>
    /// The outlets of the copies of the claim's article that carry the same words, through the
    /// store's string aggregate (<c>group_concat</c>, <c>string_agg</c>) given as a format with one
    /// placeholder for the value.
    /// </summary>
    public static string CopiedByColumn(string aggregate) => $"""
        (SELECT {string.Format(System.Globalization.CultureInfo.InvariantCulture, aggregate, $"COALESCE(cp.outlet, '{SourceSummary.UnknownOutlet}')")}
         FROM articles cp JOIN claims cc ON cc.article_seq = cp.seq
         WHERE cp.copy_of = ar.id
           AND substr(cp.clean_text, cc.content_start + 1, cc.content_end - cc.content_start) = substr(ar.clean_text, c.content_start + 1, c.content_end - c.content_start))
        """;

    /// <summary>The joins that give <see cref="Columns"/> their speaker and affiliation entities, after a FROM of claims c.</summary>
    public const string Joins = """
        JOIN articles ar ON ar.seq = c.article_seq
        LEFT JOIN entity_chains sc ON sc.article_seq = c.article_seq AND sc.chain = c.speaker_chain
        LEFT JOIN entities se ON se.id = sc.entity_id
        LEFT JOIN entity_chains ac ON ac.article_seq = c.article_seq AND ac.chain = c.affiliation_chain
        LEFT JOIN entities ae ON ae.id = ac.entity_id
        """;

    public static ClaimRow Read(DbDataReader reader)
    {
        var text = reader.GetString(18);
        string Span(int from, int to) => text[reader.GetInt32(from)..reader.GetInt32(to)];
        string? Nullable(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
        return new ClaimRow(
            new ArticleId(reader.GetString(0)), Nullable(1), Nullable(2), Nullable(3),
            Enum.Parse<ClaimForm>(reader.GetString(4)), Enum.Parse<Modality>(reader.GetString(5)),
            Span(6, 7), Span(8, 9), Nullable(10), Nullable(11), Nullable(12), Nullable(13),
            Span(14, 15), Span(16, 17), reader.GetInt32(14), reader.GetInt32(15), CopiedBy(reader, 19));
    }

    private static string[] CopiedBy(DbDataReader reader, int column)
        => reader.IsDBNull(column)
            ? []
            : [.. reader.GetString(column).Split('\u001f').Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Every claim's key with its speaker's and affiliation's entities, in listing order (publication
    /// date, undated first; article; place in the article), then the entities named in each claim's
    /// content, joined to them.
    /// </summary>
    public static IReadOnlyList<ClaimKey> Join(IEnumerable<(long Seq, int Ordinal, string? Speaker, string? Affiliation)> keys, IEnumerable<(long Seq, int Ordinal, string Entity)> named)
    {
        var about = new Dictionary<(long, int), List<string>>();
        foreach (var (seq, ordinal, entity) in named)
        {
            if (!about.TryGetValue((seq, ordinal), out var list))
            {
                about[(seq, ordinal)] = list = [];
            }

            if (!list.Contains(entity, StringComparer.Ordinal))
            {
                list.Add(entity);
            }
        }

        return [.. keys.Select(k => new ClaimKey(k.Seq, k.Ordinal, k.Speaker, k.Affiliation,
            about.TryGetValue((k.Seq, k.Ordinal), out var entities) ? [.. entities] : []))];
    }
}
