using Dossier.Core.Export;

namespace Dossier.Storage;

/// <summary>The parts of an export row that both stores read alike, from either store's data reader.</summary>
internal static class ExportRows
{
    /// <summary>Columns 1 to 4: the article, its outlet, the article it copies and the copy's outlet.</summary>
    public static ReportSource Source(DbDataReader reader) => new(
        new ArticleId(reader.GetString(1)), NullableString(reader, 2), reader.IsDBNull(3) ? null : new ArticleId(reader.GetString(3)), NullableString(reader, 4));

    /// <summary>The speaker of a fact's claim: its words, and its entity when the claim names one of the article's actors.</summary>
    public static ExportSpeaker? Speaker(DbDataReader reader, int start, ArticleContext article)
    {
        if (reader.IsDBNull(start))
        {
            return null;
        }

        var words = article.Text[reader.GetInt32(start)..reader.GetInt32(start + 1)];
        var actor = reader.IsDBNull(start + 2) ? null : article.Actor(reader.GetInt32(start + 2));
        return new ExportSpeaker(words, actor?.EntityId, actor?.EntityId is null ? null : actor.Name);
    }

    /// <summary>A JSON array of chain numbers as the events table keeps them: "[0,3]" or "[0, 3]".</summary>
    public static IEnumerable<int> Chains(string json)
    {
        foreach (var part in json.AsSpan().Trim("[]").ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return Int(part);
        }
    }

    public static DateOnly? Date(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string[] Words(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? [] : reader.GetString(ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static int Int(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

/// <summary>One article's clean text and actors (chain to entity), as an export row needs them.</summary>
internal sealed class ArticleContext(string text, Dictionary<int, ExportActor> actors)
{
    public string Text => text;

    /// <summary>The actor of a chain: its entity and the entity's name when linked, else the article's own name for it.</summary>
    public ExportActor Actor(int chain) => actors.TryGetValue(chain, out var actor) ? actor : new ExportActor(null, "?");
}
