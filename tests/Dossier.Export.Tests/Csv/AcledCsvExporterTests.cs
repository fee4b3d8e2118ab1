using Dossier.Analysis.Places;
using Dossier.Core.Facts;
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
    public void Csv_export_places_an_incident_where_the_web_map_does_with_its_country_iso_code_and_first_level_division()
    {
        using var facts = BenghaziReport(outlet: "Libya Observer");
        var places = PlaceCoordinates.ForApplication(AppContext.BaseDirectory);

        var row = Fields(Lines(Exported.Text(facts.Store, ExportFormat.Csv, options: new ExportOptions(Exported.Stamp) { Places = places }))[1]);

        var column = AcledCsvColumns();
        var onTheMap = places.Find("Benghazi", PlaceCoordinates.StateMentions(facts.Store.ListEntities(null, int.MaxValue)))!;
        Assert.Equal("Benghazi", row[column["location"]]);
        Assert.Equal(onTheMap.Latitude, double.Parse(row[column["latitude"]], System.Globalization.CultureInfo.InvariantCulture), 4);
        Assert.Equal(onTheMap.Longitude, double.Parse(row[column["longitude"]], System.Globalization.CultureInfo.InvariantCulture), 4);
        Assert.InRange(double.Parse(row[column["latitude"]], System.Globalization.CultureInfo.InvariantCulture), 31.5, 32.5);
        Assert.Equal("Libya", row[column["country"]]);
        Assert.Equal("434", row[column["iso"]]);
        Assert.Equal("Banghazi", row[column["admin1"]]);
        Assert.Equal("1", row[column["geo_precision"]]);
    }

    [Fact]
    public void Csv_export_names_an_article_without_an_outlet_by_its_title_not_its_hash()
    {
        using var facts = BenghaziReport(outlet: null);

        var row = Fields(Lines(Exported.Text(facts.Store, ExportFormat.Csv))[1]);

        var source = row[AcledCsvColumns()["source"]];
        var id = Assert.Single(facts.Store.ListArticles()).Id.Value;
        Assert.Equal("(unknown outlet: Gunmen attacked a checkpoint in Benghazi)", source);
        Assert.DoesNotContain(id[..12], source, StringComparison.Ordinal);
    }

    private static HandBuiltFacts BenghaziReport(string? outlet)
    {
        var facts = new HandBuiltFacts();
        facts.Add("Gunmen attacked a checkpoint in Benghazi, killing 3 people on Tuesday, April 9. " + HandBuiltFacts.Filler(7), outlet, "2019-04-09", ["Benghazi"], a => (
            [],
            [a.Event(EventType.Attack, "attacked", TripoliReports.Day.AddDays(1), "Benghazi", [], [], (CountKind.Killed, "3 people", 3))],
            []));
        facts.Link();
        return facts;
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
