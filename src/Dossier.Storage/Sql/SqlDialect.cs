using System.Data.Common;
using System.Text.Json;
using Dossier.Storage.Postgres;
using Npgsql;

namespace Dossier.Storage.Sql;

/// <summary>
/// What the shared SQL cannot say the same way in SQLite and PostgreSQL: a few functions and
/// aggregates, JSON arrays, and lists bound as one parameter. Everything else is written once.
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

    /// <summary>The store's size on disk in bytes.</summary>
    public required string StoreSize { get; init; }
}
