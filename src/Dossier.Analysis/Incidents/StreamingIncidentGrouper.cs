using Dossier.Core.Export;

namespace Dossier.Analysis.Incidents;

/// <summary>An incident as <see cref="StreamingIncidentGrouper{TIncident}"/> holds it while reports may still join it.</summary>
public interface IStreamedIncident
{
    /// <summary>Orders the incidents that close at the same date.</summary>
    string Id { get; }

    /// <summary>The last day any of its reports gives: a report dated after it starts another incident.</summary>
    DateOnly? LastDate { get; }

    void Add(ExportEvent report);
}

/// <summary>
/// Joins reports of one incident by <see cref="IncidentRule"/> as they stream by in date order (a
/// store's events read by date): the same family of event at the same place entity on overlapping
/// dates. Only incidents still open at the current date are held, so memory follows the number of
/// places active at once, not the size of the store. A report without a date or a linked place is
/// an incident of its own: too little to say it is the same.
/// </summary>
/// <remarks>
/// Unlike <see cref="IncidentGrouper"/>, this does not join a syndicated copy's report to its
/// original's incident whatever its dates: a copy may be dated long before or after its original,
/// so no incident could be closed before the stream ends.
/// </remarks>
/// <param name="start">Makes the incident a report starts; the report is then added to it.</param>
public sealed class StreamingIncidentGrouper<TIncident>(Func<ExportEvent, TIncident> start)
    where TIncident : IStreamedIncident
{
    private readonly Dictionary<(int Family, string Place), TIncident> open = [];
    private DateOnly? current;

    /// <summary>Adds a report; returns the incidents it closes (those that ended before its date), in the order of their ids.</summary>
    public IEnumerable<TIncident> Add(ExportEvent report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (IncidentRule.Key(IncidentReport.Of(report)) is not { } key)
        {
            var alone = start(report);
            alone.Add(report);
            return [alone];
        }

        var first = report.DateFirst!.Value;
        var closed = new List<TIncident>();
        if (current != first)
        {
            current = first;
            foreach (var (held, incident) in open.Where(p => p.Value.LastDate < first).OrderBy(p => p.Value.Id, StringComparer.Ordinal).ToList())
            {
                open.Remove(held);
                closed.Add(incident);
            }
        }

        if (!open.TryGetValue(key, out var same))
        {
            same = start(report);
            open[key] = same;
        }

        same.Add(report);
        return closed;
    }

    /// <summary>The incidents still open once every report is in, in the order of their ids.</summary>
    public IEnumerable<TIncident> Finish()
    {
        var rest = open.Values.OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        open.Clear();
        return rest;
    }
}
