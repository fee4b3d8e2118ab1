using Dossier.Core.Documents;

namespace Dossier.Core.Facts;

/// <summary>An actor taking part in an event, by entity when linking joined it to one.</summary>
public sealed record EventActor(string? EntityId, string Name);

/// <summary>A count as listed: what it counts, its figures, and the words it was read from.</summary>
public sealed record EventCountRow(CountKind Kind, long Low, long? High, string Bound, string Text);

/// <summary>One report of an event, with everything needed to show and check it.</summary>
public sealed record EventRow(
    ArticleId ArticleId,
    string? Title,
    string? Outlet,
    string? Published,
    EventType Type,
    string Trigger,
    DateOnly? DateFirst,
    DateOnly? DateLast,
    string? DatePrecision,
    string? DateText,
    EventActor? Place,
    IReadOnlyList<EventActor> Agents,
    IReadOnlyList<EventActor> Targets,
    IReadOnlyList<EventCountRow> Counts,
    string? SaidBy,
    string Evidence);
