using Dossier.Core.Actors;
using Dossier.Core.Documents;
using Dossier.Core.Facts;

namespace Dossier.Core.Export;

/// <summary>
/// Which part of the store an export reads: facts about one entity, and facts dated within a range
/// (an event by its own date, anything else by its article's publication date). Null means no limit.
/// </summary>
public sealed record ExportFilter(string? EntityId = null, DateOnly? From = null, DateOnly? To = null)
{
    public static readonly ExportFilter All = new();
}

/// <summary>
/// Where a fact was read: the article, its outlet, and, when the article is a near-duplicate copy,
/// the article it copies and that one's outlet, so that copies are not counted as sources of their own.
/// </summary>
public sealed record ReportSource(ArticleId ArticleId, string? Outlet, ArticleId? CopyOf, string? CopyOfOutlet);

/// <summary>An actor in a fact: its entity when linking joined it to one, and the name the article gives.</summary>
public sealed record ExportActor(string? EntityId, string Name);

/// <summary>Who a fact is attributed to: the words of the text, and the entity they name, if any.</summary>
public sealed record ExportSpeaker(string Text, string? EntityId, string? Name);

/// <summary>An article's metadata as exported, with the ordinals of the facts read from it.</summary>
public sealed record ExportArticle(
    ArticleId Id,
    string? Title,
    string? Outlet,
    string? Author,
    string? Url,
    string? Published,
    ArticleId? CopyOf,
    double? CopySimilarity,
    int WordCount,
    string OriginPath,
    DateTimeOffset IngestedAt,
    IReadOnlyList<string> EntityIds,
    IReadOnlyList<int> Claims,
    IReadOnlyList<int> Events,
    IReadOnlyList<int> Relations);

/// <summary>An entity with every spelling its mentions use, most used first.</summary>
public sealed record ExportEntity(string Id, string Name, ActorKind Kind, int Mentions, int Articles, IReadOnlyList<SpellingCount> Spellings);

/// <summary>One claim as one sentence makes it. <see cref="Ordinal"/> numbers it within its article.</summary>
public sealed record ExportClaim(
    ReportSource Source,
    string? Published,
    int Ordinal,
    ClaimForm Form,
    Modality Modality,
    string Cue,
    ExportSpeaker Speaker,
    ExportActor? Affiliation,
    string Content,
    string Sentence);

/// <summary>One event as one sentence reports it, with the modality and speaker of the claim it is part of.</summary>
public sealed record ExportEvent(
    ReportSource Source,
    string? Published,
    int Ordinal,
    EventType Type,
    string Trigger,
    DateOnly? DateFirst,
    DateOnly? DateLast,
    string? DatePrecision,
    string? DateText,
    ExportActor? Place,
    IReadOnlyList<ExportActor> Agents,
    IReadOnlyList<ExportActor> Targets,
    IReadOnlyList<EventCountRow> Counts,
    Modality Modality,
    ExportSpeaker? Speaker,
    string Sentence);

/// <summary>One relation as one sentence states it.</summary>
public sealed record ExportRelation(
    ReportSource Source,
    string? Published,
    int Ordinal,
    RelationKind Kind,
    ExportActor From,
    ExportActor To,
    string Cue,
    Modality Modality,
    ExportSpeaker? Speaker,
    string Sentence);
