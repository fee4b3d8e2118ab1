using Dossier.Core.Analysis;

namespace Dossier.Storage;

/// <summary>
/// An article's entity mentions for the analyses, read the same way from either store. The query's
/// columns, in order: start, end, form, entity id, entity name, entity kind.
/// </summary>
internal static class MentionRows
{
    public static List<EntityMentionSpan> ReadAll(DbCommand query)
    {
        var spans = new List<EntityMentionSpan>();
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            spans.Add(new EntityMentionSpan(
                reader.GetInt32(0),
                reader.GetInt32(1),
                Enum.Parse<MentionForm>(reader.GetString(2)),
                reader.GetString(3),
                reader.GetString(4),
                ActorKinds.TryParse(reader.GetString(5), out var kind) ? kind : ActorKind.Organization));
        }

        return spans;
    }
}
