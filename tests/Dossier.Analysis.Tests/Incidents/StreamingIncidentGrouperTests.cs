using System.Globalization;
using Dossier.Analysis.Incidents;
using Dossier.Core.Documents;
using Dossier.Core.Export;
using Dossier.Core.Facts;

namespace Dossier.Analysis.Tests.Incidents;

public sealed class StreamingIncidentGrouperTests
{
    [Fact]
    public void Reports_in_date_order_make_the_incidents_the_grouper_of_a_whole_list_makes()
    {
        (EventType Type, string? Place, string? First, string? Last)[] reports =
        [
            (EventType.AirstrikeOrShelling, "tripoli", "2019-04-04", "2019-04-06"),
            (EventType.Attack, "tripoli", "2019-04-05", null),
            (EventType.Meeting, "tripoli", "2019-04-05", null),
            (EventType.Attack, "sirte", "2019-04-05", null),
            (EventType.Killing, "tripoli", "2019-04-06", null),
            (EventType.Attack, "tripoli", "2019-04-07", "2019-04-09"),
            (EventType.ArmedClash, "tripoli", "2019-04-09", null),
            (EventType.Attack, "tripoli", null, null),
            (EventType.Attack, null, "2019-04-09", null),
            (EventType.ArmedClash, "tripoli", "2019-04-12", null),
        ];
        var rows = reports.Select((r, i) => Row(i, r.Type, r.Place, r.First, r.Last)).ToList();
        var grouper = new StreamingIncidentGrouper<Reports>(_ => new Reports());

        var streamed = reports.Select((r, i) => Exported(i, r.Type, r.Place, r.First, r.Last)).SelectMany(grouper.Add).ToList();
        streamed.AddRange(grouper.Finish());

        var whole = IncidentGrouper.Group(rows).Select(i => string.Join(" ", i.Reports.Select(r => r.Evidence)));
        Assert.Equal(whole.Order(StringComparer.Ordinal), streamed.Select(i => string.Join(" ", i.Numbers.Select(n => $"report {n}"))).Order(StringComparer.Ordinal));
        Assert.Equal(7, whole.Count());
    }

    [Fact]
    public void An_incident_is_given_back_once_a_report_is_dated_after_its_last_day()
    {
        var grouper = new StreamingIncidentGrouper<Reports>(_ => new Reports());

        Assert.Empty(grouper.Add(Exported(0, EventType.Attack, "tripoli", "2019-04-05", "2019-04-06")));
        Assert.Empty(grouper.Add(Exported(1, EventType.ArmedClash, "tripoli", "2019-04-06", null)));
        var closed = Assert.Single(grouper.Add(Exported(2, EventType.Meeting, "tripoli", "2019-04-07", null)));

        Assert.Equal([0, 1], closed.Numbers);
        Assert.Equal([2], Assert.Single(grouper.Finish()).Numbers);
    }

    private static ArticleId Article(int number) => new("a" + number.ToString(CultureInfo.InvariantCulture).PadLeft(31, '0'));

    private static DateOnly? Date(string? date) => date is null ? null : DateOnly.Parse(date, CultureInfo.InvariantCulture);

    private static EventRow Row(int number, EventType type, string? place, string? first, string? last) => new(
        Article(number), null, null, null, type, "t", Date(first), Date(last), null, null,
        place is null ? null : new EventActor(place, place), [], [], [], null, $"report {number}");

    private static ExportEvent Exported(int number, EventType type, string? place, string? first, string? last) => new(
        new ReportSource(Article(number), null, null, null), null, number, type, "t", Date(first), Date(last), null, null,
        place is null ? null : new ExportActor(place, place), [], [], [], Modality.Asserted, null, $"report {number}");

    private sealed class Reports : IStreamedIncident
    {
        public List<int> Numbers { get; } = [];

        public string Id => Numbers[0].ToString("D4", CultureInfo.InvariantCulture);

        public DateOnly? LastDate { get; private set; }

        public void Add(ExportEvent report)
        {
            Numbers.Add(report.Ordinal);
            if ((report.DateLast ?? report.DateFirst) is { } last && (LastDate is null || last > LastDate))
            {
                LastDate = last;
            }
        }
    }
}
