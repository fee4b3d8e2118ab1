using Dossier.Core.Export;
using Dossier.Core.Facts;

namespace Dossier.Analysis.Incidents;

/// <summary>What incident grouping reads of one report of an event, from whichever row carries it.</summary>
/// <param name="Place">The place's entity id; a place linking left without one is no place to group by.</param>
/// <param name="Counts">How many figures (killed, wounded, displaced ...) the report gives.</param>
/// <param name="Actors">How many agents and targets the report names.</param>
public readonly record struct IncidentReport(EventType Type, DateOnly? DateFirst, DateOnly? DateLast, string? Place, int Counts, int Actors)
{
    public static IncidentReport Of(EventRow report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.Type, report.DateFirst, report.DateLast, report.Place?.EntityId, report.Counts.Count, report.Agents.Count + report.Targets.Count);
    }

    public static IncidentReport Of(ExportEvent report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.Type, report.DateFirst, report.DateLast, report.Place?.EntityId, report.Counts.Count, report.Agents.Count + report.Targets.Count);
    }
}

/// <summary>
/// When reports are one incident, and which of them stands for it: the same kind of event (an
/// attack, a clash, a shelling and a killing are one family) at the same place entity on
/// overlapping dates; a report without a date or a linked place is an incident of its own, too
/// little to say it is the same. Written once for both groupers: <see cref="IncidentGrouper"/>
/// (<c>dossier events</c>, corroboration, disputes) and <see cref="StreamingIncidentGrouper{TIncident}"/>
/// (the ACLED-style export, over a store's events in date order).
/// </summary>
public static class IncidentRule
{
    /// <summary>
    /// The family and place under which a report looks for its incident, or null for a report
    /// without a date or a linked place, which stays an incident of its own.
    /// </summary>
    public static (int Family, string Place)? Key(IncidentReport report)
        => report.DateFirst is null || report.Place is not { } place ? null : (Family(report.Type), place);

    /// <summary>Attacks, armed clashes, airstrikes or shelling, and killings are one family (-1); every other type is its own.</summary>
    public static int Family(EventType type)
        => type is EventType.Attack or EventType.ArmedClash or EventType.AirstrikeOrShelling or EventType.Killing ? -1 : (int)type;

    /// <summary>
    /// Whether <paramref name="report"/> says more than <paramref name="best"/> and stands for their
    /// incident instead: the more precise date (fewer days between its first and last; a report
    /// without both is least precise), then more figures, then more actors. On a tie the report met
    /// first stays.
    /// </summary>
    public static bool SaysMore(IncidentReport report, IncidentReport best)
    {
        static int Span(IncidentReport r) => r.DateFirst is { } first && r.DateLast is { } last ? last.DayNumber - first.DayNumber : int.MaxValue;
        if (Span(report) != Span(best))
        {
            return Span(report) < Span(best);
        }

        if (report.Counts != best.Counts)
        {
            return report.Counts > best.Counts;
        }

        return report.Actors > best.Actors;
    }
}
