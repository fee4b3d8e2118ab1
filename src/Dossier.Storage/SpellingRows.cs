namespace Dossier.Storage;

/// <summary>Spellings of many actors, read the same way from either store: rows of entity id, text and count, ordered by entity.</summary>
internal static class SpellingRows
{
    public static Dictionary<string, List<SpellingCount>> ByEntity(DbDataReader reader)
    {
        var spellings = new Dictionary<string, List<SpellingCount>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (!spellings.TryGetValue(id, out var list))
            {
                spellings[id] = list = [];
            }

            list.Add(new SpellingCount(reader.GetString(1), reader.GetInt32(2)));
        }

        return spellings;
    }
}
