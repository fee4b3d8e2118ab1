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

    /// <summary>
    /// Tab-separated values with a header row, one record a line, for pasting into a spreadsheet;
    /// wherever csv is offered. Tabs and line breaks inside a value become spaces, as TSV has no quoting.
    /// </summary>
    Tsv,
}

internal static class CsvOutput
{
    /// <summary>The rows as CSV, or as TSV when <paramref name="format"/> is <see cref="OutputFormat.Tsv"/>.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows, OutputFormat format = OutputFormat.Csv)
    {
        var tsv = format == OutputFormat.Tsv;
        Func<string?, string> field = tsv ? TsvField : Field;
        var separator = tsv ? '\t' : ',';
        var end = tsv ? "\n" : "\r\n";
        writer.Write(string.Join(separator, header.Select(field)) + end);
        foreach (var row in rows)
        {
            writer.Write(string.Join(separator, row.Select(field)) + end);
        }
    }

    private static string Field(string? value)
    {
        value ??= "";
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string TsvField(string? value) =>
        (value ?? "").Replace("\r\n", " ", StringComparison.Ordinal).Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}

/// <summary>How wide a table's text may run, so a row stays a few lines on any terminal.</summary>
internal static class TableText
{
    /// <summary>
    /// Evidence and other long text, clipped to about two lines of the column it will get: the
    /// column takes roughly a third of the console's width beside the table's other columns, so a
    /// row stays a few lines however narrow the terminal (it took ten at 80 columns with a fixed length).
    /// </summary>
    /// <value>Two thirds of the width in characters, at least 40 and at most <paramref name="longest"/>.</value>
    public static string Clip(string text, Spectre.Console.IAnsiConsole console, int longest = 160)
    {
        ArgumentNullException.ThrowIfNull(console);
        return Dossier.Core.Documents.TextClipping.Clip(text, Math.Clamp(console.Profile.Width * 2 / 3, 40, longest));
    }

    /// <summary>
    /// Writes the table, or, on a console too narrow for its columns (under 16 characters each),
    /// each row as a record: one line per non-empty cell, its column's name first, then a blank
    /// line. A squeezed table shrinks its widest column most, the evidence: at 80 columns its text
    /// ran a word a line, down ten lines and more; as a record it gets the whole width.
    /// </summary>
    public static void Write(Spectre.Console.IAnsiConsole console, Spectre.Console.Table table)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(table);
        if (console.Profile.Width >= table.Columns.Count * 16)
        {
            console.Write(table);
            return;
        }

        var headers = table.Columns.Select(c => c.Header).ToList();
        foreach (var row in table.Rows)
        {
            var record = new Spectre.Console.Grid()
                .AddColumn(new Spectre.Console.GridColumn { NoWrap = true, Padding = new Spectre.Console.Padding(0, 0, 1, 0) })
                .AddColumn(new Spectre.Console.GridColumn());
            foreach (var (header, cell) in headers.Zip(row))
            {
                if (cell is not Spectre.Console.Markup { Length: 0 })
                {
                    record.AddRow(header, cell);
                }
            }

            console.Write(record);
            console.Write(Spectre.Console.Text.NewLine);
        }
    }
}

internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,

        // Output is read by people and scripts, never embedded in a page as-is: keep quotes and
        // non-ASCII letters readable instead of \u-escaping them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The evaluation reports (<c>dossier eval ...</c>) keep the snake_case field names their
    /// measurement contract fixed ("by_type", "words_per_second"), as the export formats keep their
    /// standards' names; listings use <see cref="Options"/>, as the web API does.
    /// </summary>
    public static readonly JsonSerializerOptions ReportOptions = new(Options) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void WriteReport<T>(TextWriter writer, T value) => writer.WriteLine(JsonSerializer.Serialize(value, ReportOptions));

    public static void Write<T>(TextWriter writer, T value)
    {
        writer.WriteLine(JsonSerializer.Serialize(value, Options));
    }
}
