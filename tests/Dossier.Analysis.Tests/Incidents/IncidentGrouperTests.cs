using Dossier.Analysis.Copies;
using Dossier.Analysis.Incidents;
using Dossier.Core.Documents;
using Dossier.Core.Facts;

namespace Dossier.Analysis.Tests.Incidents;

public sealed class IncidentGrouperTests
{
    private static int evidence;

    private static EventRow Report(EventType type, string? place, string? first, string? last = null) => new(
        new ArticleId("a" + evidence.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(31, '0')), null, null, null, type, "t",
        first is null ? null : DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture),
        last is null ? null : DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture),
        null, null, place is null ? null : new EventActor(place, place), [], [], [], null, $"report {++evidence}");

    [Fact]
    public void Violent_reports_at_one_place_on_overlapping_days_are_one_incident_and_a_meeting_there_is_another()
    {
        var attack = Report(EventType.Attack, "tripoli", "2019-04-05");
        var shelling = Report(EventType.AirstrikeOrShelling, "tripoli", "2019-04-04", "2019-04-06");
        var meeting = Report(EventType.Meeting, "tripoli", "2019-04-05");
        var elsewhere = Report(EventType.Attack, "sirte", "2019-04-05");
        var later = Report(EventType.Attack, "tripoli", "2019-04-07");

        var incidents = IncidentGrouper.Group([attack, shelling, meeting, elsewhere, later]);

        Assert.Equal([[attack, shelling], [meeting], [elsewhere], [later]], incidents.Select(i => i.Reports.ToList()));
    }

    [Fact]
    public void A_report_without_a_date_or_a_place_is_an_incident_of_its_own()
    {
        var dated = Report(EventType.Attack, "tripoli", "2019-04-05");
        var undated = Report(EventType.Attack, "tripoli", null);
        var nowhere = Report(EventType.Attack, null, "2019-04-05");

        var incidents = IncidentGrouper.Group([dated, undated, nowhere]);

        Assert.Equal(3, incidents.Count);
    }

    [Fact]
    public void A_report_that_spans_two_incidents_joins_the_first_and_a_report_spanning_years_is_found_by_a_day_within()
    {
        var early = Report(EventType.Attack, "tripoli", "2019-04-05");
        var late = Report(EventType.Attack, "tripoli", "2019-04-20");
        var month = Report(EventType.Attack, "tripoli", "2019-04-01", "2019-04-30");
        var war = Report(EventType.ArmedClash, "benghazi", "2014-05-16", "2017-07-05");
        var battle = Report(EventType.Attack, "benghazi", "2016-02-23");

        var incidents = IncidentGrouper.Group([early, late, month, war, battle]);

        Assert.Equal([[early, month], [late], [war, battle]], incidents.Select(i => i.Reports.ToList()));
    }

    [Fact]
    public void A_copys_report_in_its_originals_words_joins_the_originals_incident_even_undated_and_listed_first()
    {
        var original = Report(EventType.Attack, null, null);
        var other = Report(EventType.Attack, null, null);
        var copyId = new ArticleId("c".PadLeft(32, '0'));
        var copy = original with { ArticleId = copyId, Outlet = "Mirror Daily" };
        var ownLine = Report(EventType.Attack, null, null) with { ArticleId = copyId };
        var copies = new ArticleCopies(new Dictionary<ArticleId, ArticleId> { [copyId] = original.ArticleId });

        var incidents = IncidentGrouper.Group([copy, original, other, ownLine], copies);

        Assert.Equal([[original, copy], [other], [ownLine]], incidents.Select(i => i.Reports.ToList()));
        Assert.Equal(4, IncidentGrouper.Group([copy, original, other, ownLine]).Count);
    }
}
