using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dossier.Cli.Output;

/// <summary>How a command prints what it lists.</summary>
internal enum OutputFormat
{
    Table,
    Json,

    /// <summary>Comma-separated values with a header row (RFC 4180), for spreadsheets; only where a command says so.</summary>
    Csv,
}

internal static class CsvOutput
{
    public static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        writer.Write(string.Join(',', header.Select(Field)) + "\r\n");
        foreach (var row in rows)
        {
            writer.Write(string.Join(',', row.Select(Field)) + "\r\n");
        }
    }

    private static string Field(string? value)
    {
        value ??= "";
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
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
