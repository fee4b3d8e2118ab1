using System.Globalization;
using Dossier.Core.Facts;

namespace Dossier.Analysis;

/// <summary>What a timeline entry is.</summary>
public enum TimelineEntryKind
{
    Event,
    Relation,
}

/// <summary>
/// One entry of a timeline: an incident on its own dates, or a tie between actors on the date it was
/// reported ("reported" precision: the report says it holds then, not since when).
/// </summary>
public sealed record TimelineEntry(
    TimelineEntryKind Kind,
    DateOnly? From,
    DateOnly? To,
    string Precision,
    string What,
    IReadOnlyList<string> Actors,
    int? Incident,
    Support Support,
    string Evidence);

/// <summary>Events and changes in ties, in date order with their precision, for the corpus or for one actor.</summary>
public static class Timeline
{
    public static IReadOnlyList<TimelineEntry> Build(CorpusFacts facts, string? actorId = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var entries = new List<TimelineEntry>();
        foreach (var incident in Corroboration.Incidents(facts))
        {
            var e = incident.Incident.Event;
            var actors = e.Agents.Concat(e.Targets).Append(e.Place).OfType<EventActor>().Select(a => a.EntityId).OfType<string>().Distinct().ToList();
            if (actorId is not null && !incident.Incident.Reports.Any(r => r.Agents.Concat(r.Targets).Append(r.Place).Any(a => a?.EntityId == actorId)))
            {
                continue;
            }

            var killed = incident.Incident.Reports.SelectMany(r => r.Counts).Where(c => c.Kind == CountKind.Killed).Select(c => c.Low).DefaultIfEmpty().Max();
            var what = $"{e.Type.ToName()}{(e.Place is { } place ? " at " + place.Name : "")}"
                       + (e.Agents.Count > 0 ? $" by {string.Join(", ", e.Agents.Select(a => a.Name))}" : "")
                       + (e.Targets.Count > 0 ? $" against {string.Join(", ", e.Targets.Select(a => a.Name))}" : "")
                       + (killed > 0 ? $"; {killed} killed" : "");
            entries.Add(new TimelineEntry(TimelineEntryKind.Event, e.DateFirst, e.DateLast ?? e.DateFirst, e.DatePrecision ?? "undated", what, actors, incident.Number, incident.Support, e.Evidence));
        }

        foreach (var relation in Corroboration.Relations(facts))
        {
            if (actorId is not null && relation.Source.EntityId != actorId && relation.Target.EntityId != actorId)
            {
                continue;
            }

            var reported = relation.Reports
                .Select(r => facts.ArticlesById.TryGetValue(r.ArticleId, out var a) ? Day(a.Published) : null)
                .OfType<DateOnly>()
                .DefaultIfEmpty()
                .Min();
            var first = relation.Reports[0];
            entries.Add(new TimelineEntry(
                TimelineEntryKind.Relation,
                reported == default ? null : reported,
                reported == default ? null : reported,
                reported == default ? "undated" : "reported",
                $"{relation.Source.Name} {relation.Kind.ToName()} {relation.Target.Name}{(first.Polarity == "denied" ? " (denied)" : "")}",
                [.. new[] { relation.Source.EntityId, relation.Target.EntityId }.OfType<string>()],
                null,
                relation.Support,
                first.Evidence));
        }

        // Dated entries first, in date order; then what the reports leave undated.
        return [.. entries.OrderBy(e => e.From is null).ThenBy(e => e.From).ThenBy(e => e.Kind).ThenBy(e => e.What, StringComparer.Ordinal)];
    }

    private static DateOnly? Day(string? published)
        => published is { Length: >= 10 } && DateOnly.TryParseExact(published[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
