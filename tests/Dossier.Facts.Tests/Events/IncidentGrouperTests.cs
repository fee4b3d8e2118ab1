using Dossier.Core.Documents;
using Dossier.Core.Facts;
using Dossier.Facts.Events;

namespace Dossier.Facts.Tests.Events;

public sealed class IncidentGrouperTests
{
    private static EventRow Report(string article, EventType type, string? place, string? date, int killed = 0)
        => new(new ArticleId(article.PadRight(32, '0')), null, null, null, type, "attacked",
            date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "day", date,
            place is null ? null : new EventActor(place, place), [], [], killed > 0 ? [new EventCountRow(CountKind.Killed, killed, null, "exact", killed.ToString(System.Globalization.CultureInfo.InvariantCulture))] : [], null, "evidence");

    [Fact]
    public void Reports_of_one_attack_in_one_place_on_one_day_are_one_incident()
    {
        var incidents = IncidentGrouper.Group([
            Report("a1", EventType.Attack, "ain-zara", "2020-03-18", 36),
            Report("b2", EventType.ArmedClash, "ain-zara", "2020-03-18"),
            Report("c3", EventType.Attack, "tripoli", "2020-03-18"),
            Report("d4", EventType.Attack, "ain-zara", "2020-03-19"),
        ]);

        Assert.Equal(3, incidents.Count);
        var first = incidents[0];
        Assert.Equal(2, first.Reports.Count);
        Assert.Equal(36, Assert.Single(first.Event.Counts).Low);
    }

    [Fact]
    public void Reports_without_a_date_or_a_place_are_never_joined()
    {
        var incidents = IncidentGrouper.Group([
            Report("a1", EventType.Attack, "ain-zara", null),
            Report("b2", EventType.Attack, "ain-zara", null),
            Report("c3", EventType.Attack, null, "2020-03-18"),
            Report("d4", EventType.Attack, null, "2020-03-18"),
        ]);

        Assert.Equal(4, incidents.Count);
    }
}
