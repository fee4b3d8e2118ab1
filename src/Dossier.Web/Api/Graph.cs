using Dossier.Core.Actors;

namespace Dossier.Web.Api;

/// <summary>
/// The actor graph: one edge per pair of actors and kind of tie, counting its reports and the
/// outlets that made them (copies of one article are one outlet's report, not corroboration).
/// </summary>
internal static class Graph
{
    public static ActorGraph Build(Corpus corpus, IReadOnlySet<ActorKind> kinds, IReadOnlySet<string> groups, string? from, string? to, string? outlet, int minSources, int limit)
    {
        bool Keep(string? id) => id is not null && corpus.ActorById.TryGetValue(id, out var a) && (kinds.Count == 0 || kinds.Contains(a.Kind));

        var edges = corpus.Ties
            .Where(t => t.Source.Id != t.Target.Id && Keep(t.Source.Id) && Keep(t.Target.Id))
            .Where(t => groups.Count == 0 || groups.Contains(t.Group))
            .Where(t => outlet is null || string.Equals(t.Outlet, outlet, StringComparison.Ordinal))
            .Where(t => ReadEndpoints.InRange(t.Published, from, to))
            .GroupBy(t => (Source: t.Source.Id!, Target: t.Target.Id!, t.Kind))
            .Select(g => new GraphEdge(
                $"{g.Key.Source}>{g.Key.Kind}>{g.Key.Target}",
                g.Key.Source,
                g.Key.Target,
                g.Key.Kind,
                g.First().Group,
                g.Count(),
                g.Where(t => !IsCopy(corpus, t.ArticleId)).Select(t => t.Outlet ?? t.ArticleId).Distinct(StringComparer.Ordinal).Count()))
            .Where(e => e.Outlets >= minSources)
            .ToList();

        var ids = edges.SelectMany(e => new[] { e.Source, e.Target }).ToHashSet(StringComparer.Ordinal);
        var nodes = ids.Select(id => corpus.ActorById[id])
            .OrderByDescending(a => a.Mentions).ThenBy(a => a.Name, StringComparer.Ordinal)
            .Take(limit)
            .Select(a => new GraphNode(a.Id, a.Name, a.Kind.ToName(), a.Mentions, a.Articles))
            .ToList();
        var kept = nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        edges = edges.Where(e => kept.Contains(e.Source) && kept.Contains(e.Target))
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        var outlets = corpus.Sources.Select(s => s.Outlet).Order(StringComparer.Ordinal).ToList();
        var allKinds = Enum.GetValues<ActorKind>().Select(k => k.ToName()).ToList();
        return new ActorGraph(nodes, edges, outlets, allKinds, Corpus.Groups.Append("other").ToList(), corpus.Actors.Count);
    }

    private static bool IsCopy(Corpus corpus, string articleId) =>
        corpus.Articles.TryGetValue(articleId, out var a) && a.CopyOf is not null;
}
