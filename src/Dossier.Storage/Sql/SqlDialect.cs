using Dossier.Storage.Postgres;
using Npgsql;

namespace Dossier.Storage.Sql;

/// <summary>
/// What the shared SQL cannot say the same way in SQLite and PostgreSQL: a few functions and
/// aggregates, JSON arrays, lists bound as one parameter, planner hints, and full-text search
/// (FTS5 against tsvector). Everything else is written once.
/// </summary>
internal sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new()
    {
        Least = "min",
        Greatest = "max",
        StringAgg = "group_concat({0}, char(31))",
        OrdinalList = alias => $"group_concat({alias}.ordinal, ' ')",
        EntityIdList = "(SELECT group_concat(entity_id, ' ') FROM (SELECT DISTINCT ec.entity_id FROM entity_chains ec WHERE ec.article_seq = ar.seq ORDER BY ec.entity_id))",
        JsonArrayHas = (array, value) => $"{value} IN (SELECT value FROM json_each({array}))",
        JsonParameter = name => "@" + name,
        InList = (column, name) => $"{column} IN (SELECT value FROM json_each(@{name}))",
        BindList = (command, name, values) => command.With(name, JsonSerializer.Serialize(values)),
        ForcedJoin = "CROSS JOIN",
        IndexedBy = index => "INDEXED BY " + index,
        Contains = (text, part) => $"instr({text}, {part}) > 0",
        StoreSize = "(SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size())",

        // Each term quoted, a phrase's words in one quote, a prefix marked after it.
        SearchMatch = text => string.Join(' ', SearchTerms.Parse(text).Select(t => "\"" + string.Join(' ', t.Words) + "\"" + (t.Prefix ? "*" : string.Empty))),
        CountMatches = "SELECT COUNT(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH @query LIMIT @most)",

        // Order first, then make snippets for the page only: a sort carries every row's snippet, and
        // a word found in 100,000 articles made 100,000 snippets for a page of 50. CROSS JOIN keeps
        // the page the outer loop: the planner otherwise walked every match of the words to find
        // the page's 50 (0.6 s of a common word's search at 100,000 articles). bm25 is lower for a
        // better match: the score is its negation, higher for better as in PostgreSQL.
        Search = newest => $$"""
            WITH page AS (
                SELECT rowid AS seq, {{(newest ? "0.0" : "bm25(articles_fts, 4.0, 1.0)")}} AS score FROM articles_fts
                WHERE articles_fts MATCH @query
                ORDER BY {{(newest ? "rowid DESC" : "score, rowid")}} LIMIT @limit OFFSET @offset)
            SELECT a.id, a.title, a.outlet, a.published,
                   snippet(articles_fts, 1, char(2), char(3), '…', 16), -page.score
            FROM page CROSS JOIN articles_fts CROSS JOIN articles a
            WHERE articles_fts.rowid = page.seq AND a.seq = page.seq AND articles_fts MATCH @query
            ORDER BY {{(newest ? "page.seq DESC" : "page.score, page.seq")}}
            """,
    };

    public static readonly SqlDialect Postgres = new()
    {
        Least = "LEAST",
        Greatest = "GREATEST",
        StringAgg = "string_agg({0}, chr(31))",
        OrdinalList = alias => $"string_agg({alias}.ordinal::text, ' ' ORDER BY {alias}.ordinal)",
        EntityIdList = "(SELECT string_agg(DISTINCT ec.entity_id, ' ' ORDER BY ec.entity_id) FROM entity_chains ec WHERE ec.article_seq = ar.seq)",

        // A JSON array contains a number it lists: '[0,3]' @> '3'.
        JsonArrayHas = (array, value) => $"{array} @> to_jsonb({value})",
        JsonParameter = name => $"@{name}::jsonb",
        InList = (column, name) => $"{column} = ANY(@{name})",
        BindList = (command, name, values) => ((NpgsqlCommand)command).With(name, values.ToArray()),
        ForcedJoin = "JOIN",
        IndexedBy = _ => string.Empty,
        Contains = (text, part) => $"strpos({text}, {part}) > 0",
        StoreSize = "pg_database_size(current_database())",

        // Each word quoted and in lower case, a phrase's words next to each other (<->), its prefix
        // mark on its last word, as in FTS5.
        SearchMatch = text => string.Join(" & ", SearchTerms.Parse(text).Select(term =>
        {
            var quoted = term.Words.Select(w => "'" + w.ToLowerInvariant() + "'").ToList();
            if (term.Prefix)
            {
                quoted[^1] += ":*";
            }

            return quoted.Count == 1 ? quoted[0] : "(" + string.Join(" <-> ", quoted) + ")";
        })),
        CountMatches = "SELECT COUNT(*) FROM (SELECT 1 FROM articles WHERE search @@ to_tsquery('simple', @query) LIMIT @most) m",

        // Rank first and cut the page, then build snippets for that page only: ts_headline re-parses
        // the whole text. The weights are {D, C, B, A}: the title (A) counts four times the text (B).
        Search = newest => $$"""
            WITH q AS (SELECT to_tsquery('simple', @query) AS query),
            page AS (
                SELECT a.seq, a.id, a.title, a.outlet, a.published, a.clean_text,
                       {{(newest ? "0.0::float8" : "ts_rank('{0, 0, 0.25, 1}', a.search, q.query)::float8")}} AS rank
                FROM articles a, q
                WHERE a.search @@ q.query
                ORDER BY {{(newest ? "a.seq DESC" : "rank DESC, a.seq")}}
                LIMIT @limit OFFSET @offset)
            SELECT page.id, page.title, page.outlet, page.published,
                   ts_headline('simple', page.clean_text, q.query,
                       'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=16, MinWords=8, ShortWord=0, MaxFragments=1, FragmentDelimiter=" … "'),
                   page.rank
            FROM page, q
            ORDER BY {{(newest ? "page.seq DESC" : "page.rank DESC, page.seq")}}
            """,
    };

    /// <summary>The smallest and largest of several values: scalar <c>min</c> and <c>max</c> in SQLite.</summary>
    public required string Least { get; init; }

    public required string Greatest { get; init; }

    /// <summary>A string aggregate joining with U+001F, as a format with one placeholder for the value.</summary>
    public required string StringAgg { get; init; }

    /// <summary>The ordinals of a table's rows of one article, space-separated in order.</summary>
    public required Func<string, string> OrdinalList { get; init; }

    /// <summary>The entities an article <c>ar</c> mentions, space-separated in id order.</summary>
    public required string EntityIdList { get; init; }

    /// <summary>Whether a JSON array of numbers lists a value.</summary>
    public required Func<string, string, string> JsonArrayHas { get; init; }

    /// <summary>A parameter written to a JSON column.</summary>
    public required Func<string, string> JsonParameter { get; init; }

    /// <summary>Whether a column's value is among a list of strings bound by <see cref="BindList"/> as one parameter.</summary>
    public required Func<string, string, string> InList { get; init; }

    public required Action<DbCommand, string, IEnumerable<string?>> BindList { get; init; }

    /// <summary>
    /// A join whose order the planner keeps (SQLite's CROSS JOIN with ON): SQLite otherwise walked
    /// every claim of a common word or entity to find a page.
    /// </summary>
    public required string ForcedJoin { get; init; }

    /// <summary>SQLite's hint naming the index a table is read by; PostgreSQL's planner takes none.</summary>
    public required Func<string, string> IndexedBy { get; init; }

    /// <summary>Whether a text contains another.</summary>
    public required Func<string, string, string> Contains { get; init; }

    /// <summary>The full-text query of what a user typed (<see cref="SearchTerms"/>); empty when nothing searchable was typed.</summary>
    public required Func<string, string> SearchMatch { get; init; }

    /// <summary>How many articles match @query, counting up to @most.</summary>
    public required string CountMatches { get; init; }

    /// <summary>
    /// A page (@limit, @offset) of the articles matching @query, best or newest first: id, title,
    /// outlet, published, a snippet with hits between U+0002 and U+0003 (so that callers can style
    /// them without parsing brackets the text itself may hold), and a score, higher for better.
    /// </summary>
    public required Func<bool, string> Search { get; init; }

    /// <summary>The store's size on disk in bytes.</summary>
    public required string StoreSize { get; init; }
}
