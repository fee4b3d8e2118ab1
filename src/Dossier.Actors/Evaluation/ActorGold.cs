using System.Text.Json;

namespace Dossier.Actors.Evaluation;

/// <summary>One gold surface form: the article (its file name or a prefix of it) and the text as written there.</summary>
public sealed record GoldMention(string Doc, string Text);

public sealed record GoldEntity(string Id, string Type, string Canonical, IReadOnlyList<GoldMention> Mentions);

/// <summary>
/// The gold actors file: <c>{"entities": [{"id", "type", "canonical", "mentions": [{"doc", "text"}]}]}</c>.
/// Unknown keys (the facts of the same file) are ignored.
/// </summary>
public static class ActorGold
{
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal)
    {
        "PERSON", "ARMED_GROUP", "GOVERNMENT", "STATE", "ORGANIZATION", "PLACE", "MEDIA",
    };

    public static IReadOnlyList<GoldEntity> Read(string path)
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
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("entities", out var entities) || entities.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{path}: expected an object with an \"entities\" array");
            }

            var result = new List<GoldEntity>();
            var seen = new HashSet<(string, string)>();
            var index = 0;
            foreach (var entity in entities.EnumerateArray())
            {
                index++;
                var id = Text(entity, "id") ?? throw new InvalidDataException($"{path}: entity {index} has no \"id\"");
                var type = Text(entity, "type") ?? throw new InvalidDataException($"{path}: entity {id} has no \"type\"");
                if (!Types.Contains(type))
                {
                    throw new InvalidDataException($"{path}: entity {id}: type {type} is not one of {string.Join(", ", Types)}");
                }

                var mentions = new List<GoldMention>();
                if (!entity.TryGetProperty("mentions", out var list) || list.ValueKind != JsonValueKind.Array)
                {
                    throw new InvalidDataException($"{path}: entity {id} has no \"mentions\" array");
                }

                foreach (var mention in list.EnumerateArray())
                {
                    var doc = Text(mention, "doc");
                    var text = Text(mention, "text");
                    if (doc is null || text is null)
                    {
                        throw new InvalidDataException($"{path}: entity {id}: every mention needs \"doc\" and \"text\"");
                    }

                    if (!seen.Add((doc, text)))
                    {
                        throw new InvalidDataException($"{path}: entity {id}: \"{text}\" in {doc} is listed twice");
                    }

                    mentions.Add(new GoldMention(doc, text));
                }

                result.Add(new GoldEntity(id, type, Text(entity, "canonical") ?? id, mentions));
            }

            return result;
        }
    }

    private static string? Text(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
