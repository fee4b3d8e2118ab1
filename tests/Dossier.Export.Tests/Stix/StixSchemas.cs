using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Dossier.Export.Tests.Stix;

/// <summary>
/// The published STIX 2.1 JSON schemas, loaded from Schemas/stix2.1 into one registry so that their
/// relative references resolve offline; every object is checked against the schema of its type.
/// </summary>
internal sealed class StixSchemas
{
    private readonly Dictionary<string, JsonSchema> byType = new(StringComparer.Ordinal);
    private readonly EvaluationOptions options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    public StixSchemas()
    {
        foreach (var file in Directory.GetFiles(Exported.SchemaFolder("stix2.1"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var schema = JsonSchema.FromFile(file);
            options.SchemaRegistry.Register(schema);
            var folder = Path.GetFileName(Path.GetDirectoryName(file)!);
            if (folder is "sdos" or "sros")
            {
                byType[Path.GetFileNameWithoutExtension(file)] = schema;
            }
            else if (Path.GetFileName(file) == "bundle.json")
            {
                byType["bundle"] = schema;
            }
        }
    }

    /// <summary>What the schema of the object's type finds wrong with it; an unknown type is itself a problem.</summary>
    public List<string> Problems(JsonNode stixObject)
    {
        var type = stixObject["type"]?.GetValue<string>() ?? "(no type)";
        if (!byType.TryGetValue(type, out var schema))
        {
            return [$"{type}: no STIX 2.1 schema for this type"];
        }

        var result = schema.Evaluate(stixObject, options);
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.HasErrors && !Alternative(d.EvaluationPath.ToString()))
                  .SelectMany(d => d.Errors!.Select(e => $"{stixObject["id"]} {d.InstanceLocation} {e.Key}: {e.Value} ({d.EvaluationPath})"))
                  .DefaultIfEmpty($"{stixObject["id"]}: invalid")];
    }

    // Failures inside anyOf, oneOf and not branches are how those keywords work, not what is wrong.
    private static bool Alternative(string path) =>
        path.Contains("/anyOf", StringComparison.Ordinal) || path.Contains("/oneOf", StringComparison.Ordinal) || path.Contains("/not", StringComparison.Ordinal);

    public static JsonNode Parse(byte[] json) => JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 256 })!;
}
