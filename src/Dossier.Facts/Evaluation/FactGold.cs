using System.Text.Json;

namespace Dossier.Facts.Evaluation;

public sealed record GoldClaim(string Doc, string? Speaker, string SpeakerText, string Evidence, string? Cue, string Form);

public sealed record GoldEvent(string Doc, string Type, string? Date, string? Place, IReadOnlyList<string> Agents, IReadOnlyList<string> Targets, long? Killed, long? Injured, string Evidence, string? AttributedTo);

public sealed record GoldRelation(string Doc, string Type, string Source, string Target, string Evidence, string? Polarity);

/// <summary>Names of a gold entity id: its canonical name and every form the gold lists for it.</summary>
public sealed record GoldNames(string Id, IReadOnlySet<string> Names);

/// <summary>
/// The facts of a gold file: "claims", "events" and "relations" beside the "entities" of the actors
/// gold (entity ids refer to those). A list that is missing is not scored.
/// </summary>
public sealed record FactGold(IReadOnlyList<GoldClaim>? Claims, IReadOnlyList<GoldEvent>? Events, IReadOnlyList<GoldRelation>? Relations, IReadOnlyDictionary<string, GoldNames> Entities)
{
    public static FactGold Read(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path}: not JSON: {exception.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            var entities = new Dictionary<string, GoldNames>(StringComparer.Ordinal);
            if (root.TryGetProperty("entities", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var entity in list.EnumerateArray())
                {
                    var id = Text(entity, "id") ?? throw new InvalidDataException($"{path}: an entity has no \"id\"");
                    var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    if (Text(entity, "canonical") is { } canonical)
                    {
                        names.Add(canonical);
                    }

                    if (entity.TryGetProperty("mentions", out var mentions) && mentions.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var mention in mentions.EnumerateArray())
                        {
                            if (Text(mention, "text") is { } text)
                            {
                                names.Add(text);
                            }
                        }
                    }

                    entities[id] = new GoldNames(id, names);
                }
            }

            var claims = Items(root, "claims", (e, i) => new GoldClaim(
                Need(e, "doc", "claims", i), Text(e, "speaker"), Need(e, "speaker_text", "claims", i), Need(e, "evidence", "claims", i), Text(e, "cue"), Text(e, "form") ?? "indirect"));
            var events = Items(root, "events", (e, i) => new GoldEvent(
                Need(e, "doc", "events", i), Need(e, "type", "events", i), Text(e, "date"), Text(e, "place"), Strings(e, "agents"), Strings(e, "targets"),
                Number(e, "killed"), Number(e, "injured"), Need(e, "evidence", "events", i), Text(e, "attributed_to")));
            var relations = Items(root, "relations", (e, i) => new GoldRelation(
                Need(e, "doc", "relations", i), Need(e, "type", "relations", i), Need(e, "source", "relations", i), Need(e, "target", "relations", i),
                Need(e, "evidence", "relations", i), Text(e, "polarity")));
            return new FactGold(claims, events, relations, entities);

            string Need(JsonElement e, string name, string kind, int index)
                => Text(e, name) ?? throw new InvalidDataException($"{path}: {kind} item {index + 1} has no \"{name}\"");
        }
    }

    private static List<T>? Items<T>(JsonElement root, string name, Func<JsonElement, int, T> read)
        => root.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray().Select(read)] : null;

    private static string? Text(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Number(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    private static List<string> Strings(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)] : [];
}
