using System.Text;

namespace Dossier.Export.Csv;

/// <summary>RFC 4180 rows: fields with a comma, quote or line break are quoted, quotes doubled, lines end in CRLF.</summary>
internal sealed class CsvWriter(TextWriter writer)
{
    private readonly StringBuilder line = new();

    public void Row(IReadOnlyList<string?> fields)
    {
        line.Clear();
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            var value = fields[i] ?? "";
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                line.Append(value);
            }
        }

        line.Append("\r\n");
        writer.Write(line);
    }
}
