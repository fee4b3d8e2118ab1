using Dossier.Storage.Sqlite;

namespace Dossier.Export.Tests.Csv;

public sealed class AcledCsvExporterTests
{
    [Fact]
    public void Csv_export_starts_with_ACLEDs_columns_and_then_ours()
    {
        using var facts = TripoliReports.Build();

        var header = Lines(Exported.Text(facts.Store, ExportFormat.Csv))[0].Split(',');

        Assert.Equal(["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1"], header[..8]);
        Assert.Equal(["location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities"], header[21..29]);
        Assert.Equal(["injured", "displaced", "speakers", "modality", "independent_sources", "reports"], header[^6..]);
    }

    [Fact]
    public void Csv_export_joins_the_reports_of_one_incident_keeping_the_lowest_toll_and_noting_each()
    {
        using var facts = TripoliReports.Build();

        var lines = Lines(Exported.Text(facts.Store, ExportFormat.Csv));

        Assert.Equal(2, lines.Length);
        var row = Fields(lines[1]);
        var column = AcledCsvColumns();
        Assert.Equal("2019-04-08", row[column["event_date"]]);
        Assert.Equal("1", row[column["time_precision"]]);
        Assert.Equal("Battles", row[column["event_type"]]);
        Assert.Equal("Tripoli", row[column["location"]]);
        Assert.Equal("150", row[column["fatalities"]]);
        Assert.Contains("150 (Reuters)", row[column["notes"]], StringComparison.Ordinal);
        Assert.Contains("254 (Al Jazeera)", row[column["notes"]], StringComparison.Ordinal);
        Assert.Equal("Al Jazeera; Libya Observer; Reuters", row[column["source"]]);
        Assert.Equal("2", row[column["independent_sources"]]);
        Assert.Equal("3", row[column["reports"]]);
        Assert.Equal("asserted", row[column["modality"]]);
    }

    [Fact]
    public void Csv_export_of_the_demo_store_has_one_row_per_incident_with_every_column()
    {
        using var store = SqliteDossierStore.Open(DemoStore.Path);

        var lines = Lines(Exported.Text(store, ExportFormat.Csv));

        Assert.True(lines.Length > 10);
        Assert.All(lines, line => Assert.Equal(AcledCsvColumns().Count, Fields(line).Count));
    }

    private static Dictionary<string, int> AcledCsvColumns() =>
        Dossier.Export.Csv.AcledCsvExporter.Header.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);

    private static string[] Lines(string csv) => csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Splits one RFC 4180 line (no line breaks inside fields in these tests).</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
