using Dossier.Analysis.Copies;
using Dossier.Core.Documents;
using Dossier.Core.Facts;

namespace Dossier.Analysis.Incidents;

/// <summary>One incident and every report of it, so that an attack told by three outlets is counted once.</summary>
public sealed record Incident(EventRow Event, IReadOnlyList<EventRow> Reports);

/// <summary>
/// Joins reports of the same incident by <see cref="IncidentRule"/>: the same kind of event (an
/// attack, a clash and a shelling are one family), at the same place actor, on overlapping dates. A
/// report without a date or a place stays an incident of its own: too little to say it is the same.
/// A syndicated copy's report in the same words as its original's (same type, same sentence) joins
/// the original's incident whatever its date and place: it is one more report of it, not another
/// incident.
/// </summary>
/// <remarks>
/// The reports may come in any order; a report joins the first incident it overlaps. Over reports
/// in date order and without copies this gives the incidents <see cref="StreamingIncidentGrouper{TIncident}"/>
/// gives, which holds only the incidents still open.
/// </remarks>
public static class IncidentGrouper
{
    public static IReadOnlyList<Incident> Group(IReadOnlyList<EventRow> reports) => Group(reports, ArticleCopies.None);

    public static IReadOnlyList<Incident> Group(IReadOnlyList<EventRow> reports, ArticleCopies copies)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(copies);
        var incidents = new List<List<EventRow>>();

        // The originals' reports by their words, so a copy's repeated report finds its incident
        // even when the copy is listed first (dated before its original).
        var originals = new HashSet<(ArticleId, EventType, string)>();
        foreach (var report in reports)
        {
            if (copies.OriginalOf(report.ArticleId) is null)
            {
                originals.Add((report.ArticleId, report.Type, report.Evidence));
            }
        }

        var incidentOf = new Dictionary<(ArticleId, EventType, string), int>();
        var repeated = new List<EventRow>();

        // A report joins the first incident with a report of its family, at its place, on a day of
        // its dates. Each (family, place) keeps, for every day, the first incident with a report on
        // it, so a report looks up its own days instead of every incident (hours at 800,000 events).
        var days = new Dictionary<(int Family, string Place), PlaceDays>();
        foreach (var report in reports)
        {
            if (copies.OriginalOf(report.ArticleId) is { } original && originals.Contains((original, report.Type, report.Evidence)))
            {
                repeated.Add(report);
                continue;
            }

            incidentOf.TryAdd((report.ArticleId, report.Type, report.Evidence), incidents.Count);
            if (IncidentRule.Key(IncidentReport.Of(report)) is not { } key)
            {
                incidents.Add([report]);
                continue;
            }

            var first = report.DateFirst!.Value;
            var last = report.DateLast is { } end && end >= first ? end : first;
            if (!days.TryGetValue(key, out var known))
            {
                days[key] = known = new PlaceDays();
            }

            var same = known.FirstIncident(first.DayNumber, last.DayNumber);
            if (same < 0)
            {
                same = incidents.Count;
                incidents.Add([report]);
            }
            else
            {
                incidents[same].Add(report);
            }

            incidentOf[(report.ArticleId, report.Type, report.Evidence)] = same;
            known.Add(first.DayNumber, last.DayNumber, same);
        }

        foreach (var report in repeated)
        {
            incidents[incidentOf[(copies.OriginalOf(report.ArticleId)!.Value, report.Type, report.Evidence)]].Add(report);
        }

        return [.. incidents.Select(group => new Incident(Best(group), group))];
    }

    /// <summary>The incidents of one family at one place: for each day, the first with a report on it; and the reports that span over a year.</summary>
    private sealed class PlaceDays
    {
        private const int LongestIndexed = 366;

        private readonly Dictionary<int, int> firstOnDay = [];
        private readonly List<(int First, int Last, int Incident)> spanning = [];

        /// <summary>The first incident with a report on any day from <paramref name="first"/> to <paramref name="last"/>, or -1.</summary>
        public int FirstIncident(int first, int last)
        {
            var best = int.MaxValue;
            if (last - first <= LongestIndexed * 10)
            {
                for (var day = first; day <= last; day++)
                {
                    if (firstOnDay.TryGetValue(day, out var incident) && incident < best)
                    {
                        best = incident;
                    }
                }
            }
            else
            {
                foreach (var (day, incident) in firstOnDay)
                {
                    if (day >= first && day <= last && incident < best)
                    {
                        best = incident;
                    }
                }
            }

            foreach (var (from, to, incident) in spanning)
            {
                if (from <= last && first <= to && incident < best)
                {
                    best = incident;
                }
            }

            return best == int.MaxValue ? -1 : best;
        }

        public void Add(int first, int last, int incident)
        {
            if (last - first > LongestIndexed)
            {
                spanning.Add((first, last, incident));
                return;
            }

            for (var day = first; day <= last; day++)
            {
                if (!firstOnDay.TryGetValue(day, out var known) || incident < known)
                {
                    firstOnDay[day] = incident;
                }
            }
        }
    }

    /// <summary>The report that says most (<see cref="IncidentRule.SaysMore"/>), the first of those that say as much.</summary>
    private static EventRow Best(List<EventRow> group)
    {
        var best = group[0];
        foreach (var report in group.Skip(1))
        {
            if (IncidentRule.SaysMore(IncidentReport.Of(report), IncidentReport.Of(best)))
            {
                best = report;
            }
        }

        return best;
    }
}
