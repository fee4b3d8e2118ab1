namespace Dossier.Storage;

/// <summary>
/// One row of the event listing, read the same way from either store. The query's columns, in order:
/// article seq and id, title, outlet, published, type, trigger start and end, first and last date,
/// date precision, date text start and end, place chain, agents, targets, counts (JSON), the claim's
/// speaker start, end and chain, sentence start and end, then the stretch of text those spans cover
/// and where it starts.
/// </summary>
internal static class EventRows
{
    public static EventRow Read(DbDataReader reader, IReadOnlyDictionary<(long, int), (string Id, string Name)> entityOfChain,
        IReadOnlyDictionary<(long, int), string> chainNames, Func<long, string> articleText)
    {
        var seq = reader.GetInt64(0);

        // Only the stretch of text the event's spans cover is read, not the whole article per event.
        var window = new TextWindow(reader.GetString(22), reader.GetInt32(23), () => articleText(seq));
        EventActor Actor(int chain) => entityOfChain.TryGetValue((seq, chain), out var entity)
            ? new EventActor(entity.Id, entity.Name)
            : new EventActor(null, chainNames.GetValueOrDefault((seq, chain), "?"));
        var counts = (JsonSerializer.Deserialize<StoredCount[]>(reader.GetString(16)) ?? [])
            .Select(c => new EventCountRow(Enum.Parse<CountKind>(c.Kind), c.Low, c.High, c.Bound, window.Slice(c.Start, c.End)))
            .ToList();
        string? saidBy = null;
        if (!reader.IsDBNull(17))
        {
            saidBy = !reader.IsDBNull(19) && entityOfChain.TryGetValue((seq, reader.GetInt32(19)), out var speaker)
                ? speaker.Name
                : window.Slice(reader.GetInt32(17), reader.GetInt32(18));
        }

        return new EventRow(
            new ArticleId(reader.GetString(1)), Text(reader, 2), Text(reader, 3), Text(reader, 4),
            Enum.Parse<EventType>(reader.GetString(5)), window.Slice(reader.GetInt32(6), reader.GetInt32(7)),
            reader.IsDBNull(8) ? null : DateOnly.ParseExact(reader.GetString(8), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            reader.IsDBNull(9) ? null : DateOnly.ParseExact(reader.GetString(9), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Text(reader, 10),
            reader.IsDBNull(11) ? null : window.Slice(reader.GetInt32(11), reader.GetInt32(12)),
            reader.IsDBNull(13) ? null : Actor(reader.GetInt32(13)),
            [.. (JsonSerializer.Deserialize<int[]>(reader.GetString(14)) ?? []).Select(Actor)],
            [.. (JsonSerializer.Deserialize<int[]>(reader.GetString(15)) ?? []).Select(Actor)],
            counts,
            saidBy,
            window.Slice(reader.GetInt32(20), reader.GetInt32(21)));
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

/// <summary>A casualty or other count as an event's JSON column holds it: the figure and where its words are.</summary>
internal sealed record StoredCount(string Kind, long Low, long? High, string Bound, int Start, int End);
