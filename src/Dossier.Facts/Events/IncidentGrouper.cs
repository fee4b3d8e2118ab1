using Dossier.Core.Facts;

namespace Dossier.Facts.Events;

/// <summary>One incident and every report of it, so that an attack told by three outlets is counted once.</summary>
public sealed record Incident(EventRow Event, IReadOnlyList<EventRow> Reports);

/// <summary>
/// Joins reports of the same incident: the same kind of event (an attack, a clash and a shelling
/// are one family), at the same place actor, on overlapping dates. A report without a date or a
/// place stays an incident of its own: too little to say it is the same.
/// </summary>
public static class IncidentGrouper
{
    public static IReadOnlyList<Incident> Group(IReadOnlyList<EventRow> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var incidents = new List<List<EventRow>>();
        foreach (var report in reports)
        {
            var same = report.DateFirst is null || report.Place?.EntityId is null
                ? null
                : incidents.FirstOrDefault(group => group.Any(other => SameIncident(report, other)));
            if (same is null)
            {
                incidents.Add([report]);
            }
            else
            {
                same.Add(report);
            }
        }

        return [.. incidents.Select(group => new Incident(Best(group), group))];
    }

    private static bool SameIncident(EventRow a, EventRow b)
        => Family(a.Type) == Family(b.Type)
           && a.Place?.EntityId is { } place && place == b.Place?.EntityId
           && a.DateFirst is { } aFirst && b.DateFirst is { } bFirst
           && aFirst <= (b.DateLast ?? bFirst) && bFirst <= (a.DateLast ?? aFirst);

    private static int Family(EventType type)
        => type is EventType.Attack or EventType.ArmedClash or EventType.AirstrikeOrShelling or EventType.Killing ? -1 : (int)type;

    /// <summary>The report that says most: the most precise date, then the most counts and actors.</summary>
    private static EventRow Best(List<EventRow> group)
        => group.OrderBy(r => r.DateLast is { } last && r.DateFirst is { } first ? last.DayNumber - first.DayNumber : int.MaxValue)
                .ThenByDescending(r => r.Counts.Count)
                .ThenByDescending(r => r.Agents.Count + r.Targets.Count)
                .First();
}
