using Dossier.Analysis.Copies;
using Dossier.Core.Actors;
using Dossier.Core.Analysis;
using Dossier.Core.Documents;
using Dossier.Core.Facts;
using Dossier.Core.Storage;

namespace Dossier.Analysis;

/// <summary>
/// Everything the analyses weigh, read from the store once: the articles (text, outlet, date, copies,
/// mentions), the entities, and the claims, events and relations found in them.
/// </summary>
public sealed class CorpusFacts
{
    public CorpusFacts(
        IReadOnlyList<ArticleReading> articles,
        IReadOnlyList<EntitySummary> entities,
        IReadOnlyList<ClaimRow> claims,
        IReadOnlyList<EventRow> events,
        IReadOnlyList<RelationRow> relations)
    {
        Articles = articles;
        Entities = entities;
        Claims = claims;
        Events = events;
        Relations = relations;
        ArticlesById = articles.ToDictionary(a => a.Id);
        EntitiesById = entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        Sources = new SourceIndependence(articles);
        Copies = new ArticleCopies(articles.Where(a => a.CopyOf is not null).ToDictionary(a => a.Id, a => a.CopyOf!.Value));
    }

    public IReadOnlyList<ArticleReading> Articles { get; }

    public IReadOnlyDictionary<ArticleId, ArticleReading> ArticlesById { get; }

    public IReadOnlyList<EntitySummary> Entities { get; }

    public IReadOnlyDictionary<string, EntitySummary> EntitiesById { get; }

    public IReadOnlyList<ClaimRow> Claims { get; }

    public IReadOnlyList<EventRow> Events { get; }

    public IReadOnlyList<RelationRow> Relations { get; }

    public SourceIndependence Sources { get; }

    /// <summary>Which article copies which: a copy's repeated report joins its original's incident.</summary>
    public ArticleCopies Copies { get; }

    public static CorpusFacts Load(IDossierStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new CorpusFacts(
            [.. store.ReadArticleTexts()],
            store.ListEntities(null, int.MaxValue),
            store.ListClaims(new ClaimFilter(Limit: int.MaxValue)),
            store.ListEvents(),
            store.ListRelations());
    }

    /// <summary>
    /// Only what labels need for a few articles: their text, mentions and claims; no events or
    /// relations. Enough for the labels of one actor without reading the whole store.
    /// </summary>
    public static CorpusFacts LoadForLabels(IDossierStore store, IReadOnlyCollection<ArticleId> articles)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(articles);
        var wanted = articles.ToHashSet();
        return new CorpusFacts(
            [.. store.ReadArticleTexts(articles)],
            [],
            [.. store.ListClaims(new ClaimFilter(Limit: int.MaxValue)).Where(c => wanted.Contains(c.ArticleId))],
            [],
            []);
    }

    /// <summary>The entity's kind, or null for an id the store does not know.</summary>
    public ActorKind? KindOf(string? entityId)
        => entityId is not null && EntitiesById.TryGetValue(entityId, out var entity) ? entity.Kind : null;

    public string NameOf(string entityId) => EntitiesById.TryGetValue(entityId, out var entity) ? entity.Name : entityId;
}
