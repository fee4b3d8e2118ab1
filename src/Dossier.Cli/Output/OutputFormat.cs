using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dossier.Cli.Output;

/// <summary>How a command prints what it lists.</summary>
internal enum OutputFormat
{
    Table,
    Json,
}

internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,

        // Output is read by people and scripts, never embedded in a page as-is: keep quotes and
        // non-ASCII letters readable instead of \u-escaping them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(TextWriter writer, T value)
    {
        writer.WriteLine(JsonSerializer.Serialize(value, Options));
    }
}
