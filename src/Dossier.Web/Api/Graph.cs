using System.Globalization;
using Dossier.Core.Actors;
using Dossier.Core.Storage;

namespace Dossier.Web.Api;

/// <summary>
/// The actor graph: one edge per pair of actors and kind of tie, counting its reports and the
/// outlets that made them. A syndicated copy's report is one more report, under the copy's outlet
/// for the outlet filter, but it counts for the source of the article it copies: copies of one
/// article are one source, not corroboration.
/// Built once per store version (<see cref="Corpus"/>): the ties as compact rows, the edges of the
/// whole store, and every node's position; a request filters those, and only a date or outlet
/// filter goes back to the ties.
/// </summary>
internal sealed class Graph
{
    private readonly Corpus corpus;
    private readonly string[] actorIds;
    private readonly FilterTie[] tiesByDay;
    private readonly int[] tieDays;
    private readonly Dictionary<int, FilterTie[]> tiesByOutlet;
    private readonly int sourcePairs;
    private readonly string[] kinds;
    private readonly string[] groups;
    private readonly GraphEdge[] allEdges;
    private readonly int[] allReports;
    private readonly int[] allOutlets;
    private readonly int[] edgeSources;
    private readonly int[] edgeTargets;
    private readonly short[] edgeKinds;
    private readonly int[] edgeIdRanks;
    private readonly ActorKind[] actorKinds;
    private readonly int[] actorsByMentions;
    private readonly Dictionary<string, (float X, float Y)> positions;

    /// <summary>One report of a tie as numbers: its ends, its kind, its source for counting independent outlets, its day as yyyymmdd (-1 when undated), its outlet.</summary>
    private readonly record struct CompactTie(int Source, int Target, short Kind, int Outlet, int Day, int OutletName);

    /// <summary>
    /// One report of a tie as the filters read it: the edge it belongs to, its (edge, source) pair for
    /// counting independent outlets once per edge, its day, its outlet.
    /// </summary>
    private readonly record struct FilterTie(int Edge, int SourcePair, int Day, int OutletName);

    public Graph(Corpus corpus)
    {
        this.corpus = corpus;
        var actorIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();
        var kindIndex = new Dictionary<string, short>(StringComparer.Ordinal);
        var kindGroups = new List<string>();
        var kindNames = new List<string>();
        var sourceIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var outletNames = new Dictionary<string, int>(StringComparer.Ordinal);
        int Actor(string id)
        {
            if (!actorIndex.TryGetValue(id, out var i))
            {
                actorIndex[id] = i = ids.Count;
                ids.Add(id);
            }

            return i;
        }

        var compact = new List<CompactTie>(corpus.Ties.Count);
        int OutletName(string? outlet)
        {
            // Listed under the name the sources list gives it, so "(unknown outlet)" filters too.
            var listed = SourceSummary.ListedName(outlet);
            if (!outletNames.TryGetValue(listed, out var number))
            {
                outletNames[listed] = number = outletNames.Count;
            }

            return number;
        }

        for (var i = 0; i < corpus.Ties.Count; i++)
        {
            var t = corpus.Ties[i];
            if (t.Source.Id is not { } s || t.Target.Id is not { } g || s == g || !corpus.ActorById.ContainsKey(s) || !corpus.ActorById.ContainsKey(g))
            {
                continue;
            }

            if (!kindIndex.TryGetValue(t.Kind, out var kind))
            {
                kindIndex[t.Kind] = kind = (short)kindNames.Count;
                kindNames.Add(t.Kind);
                kindGroups.Add(t.Group);
            }

            var origin = corpus.OriginOf(t.ArticleId, t.Outlet);
            if (!sourceIndex.TryGetValue(origin, out var source))
            {
                sourceIndex[origin] = source = sourceIndex.Count;
            }

            var (sourceActor, targetActor) = (Actor(s), Actor(g));
            compact.Add(new CompactTie(sourceActor, targetActor, kind, source, Day(t.Published), OutletName(t.Outlet)));

            // Each copy that repeats the sentence: one more report, dated and filed under the copy's
            // outlet, of the same source as the sentence it repeats.
            foreach (var copy in corpus.TieCopies[i])
            {
                compact.Add(new CompactTie(sourceActor, targetActor, kind, source, Day(copy.Published), OutletName(copy.Outlet)));
            }
        }

        actorIds = [.. ids];
        kinds = [.. kindNames];
        groups = [.. kindGroups];
        OutletNumbers = outletNames;
        allEdges = [.. Aggregate(compact, out var edgeOfTie, out edgeSources, out edgeTargets, out edgeKinds)];
        allReports = [.. allEdges.Select(e => e.Reports)];
        allOutlets = [.. allEdges.Select(e => e.Outlets)];
        edgeIdRanks = new int[allEdges.Length];
        var rank = 0;
        foreach (var e in Enumerable.Range(0, allEdges.Length).OrderBy(e => allEdges[e].Id, StringComparer.Ordinal))
        {
            edgeIdRanks[e] = rank++;
        }

        actorKinds = [.. actorIds.Select(id => corpus.ActorById[id].Kind)];
        actorsByMentions = [.. Enumerable.Range(0, actorIds.Length)
            .OrderByDescending(a => corpus.ActorById[actorIds[a]].Mentions).ThenBy(a => corpus.ActorById[actorIds[a]].Name, StringComparer.Ordinal)];

        // The ties as (edge, source pair, day, outlet), once sorted by day and once grouped by
        // outlet: a date filter reads only the ties of its days (two binary searches), an outlet
        // filter only that outlet's ties.
        var pairs = new Dictionary<(int Edge, int Source), int>();
        var filterTies = new FilterTie[compact.Count];
        for (var i = 0; i < compact.Count; i++)
        {
            var t = compact[i];
            if (!pairs.TryGetValue((edgeOfTie[i], t.Outlet), out var pair))
            {
                pairs[(edgeOfTie[i], t.Outlet)] = pair = pairs.Count;
            }

            filterTies[i] = new FilterTie(edgeOfTie[i], pair, t.Day, t.OutletName);
        }

        sourcePairs = pairs.Count;
        tiesByDay = [.. filterTies.OrderBy(t => t.Day)];
        tieDays = [.. tiesByDay.Select(t => t.Day)];
        tiesByOutlet = filterTies.Where(t => t.OutletName >= 0).GroupBy(t => t.OutletName).ToDictionary(g => g.Key, g => g.ToArray());

        // One layout of every actor with a tie: a filtered graph shows its part of the same picture,
        // so an actor stays where the analyst last saw it.
        var linked = allEdges.Select(e => (actorIndex[e.Source], actorIndex[e.Target]))
            .Select(p => p.Item1 < p.Item2 ? p : (p.Item2, p.Item1))
            .Distinct()
            .ToList();
        var placed = GraphLayout.Compute(actorIds.Length, linked);
        positions = new Dictionary<string, (float, float)>(StringComparer.Ordinal);
        for (var i = 0; i < actorIds.Length; i++)
        {
            positions[actorIds[i]] = placed[i];
        }
    }

    private IReadOnlyDictionary<string, int> OutletNumbers { get; }

    /// <summary>
    /// Most actors a graph shows unless asked for more (up to 5,000): the first page must draw in
    /// about a second; the page and the API can ask for the 2,000 actors and 10,000 ties the graph
    /// stays interactive with.
    /// </summary>
    public const int DefaultActors = 300;

    /// <summary>
    /// Most ties a graph shows unless asked for more (up to 100,000): the strongest (most independent
    /// sources, then most reports). Two per actor shown keep the first page legible and quick to
    /// draw; 2,000 among 300 actors made a tangle that took seconds to draw.
    /// </summary>
    public const int DefaultTies = 600;

    private byte[]? defaultJson;

    /// <summary>The unfiltered graph as JSON, made once: it is what the first page asks for.</summary>
    public byte[] DefaultJson => defaultJson ??= System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
        Build(new HashSet<ActorKind>(), new HashSet<string>(StringComparer.Ordinal), null, null, null, 1, DefaultActors, DefaultTies),
        System.Text.Json.JsonSerializerOptions.Web);

    public ActorGraph Build(IReadOnlySet<ActorKind> kindFilter, IReadOnlySet<string> groupFilter, string? from, string? to, string? outlet, int minSources, int limit, int maxTies)
    {
        // Edges and actors as numbers until the answer is made: a filter touches arrays, not records.
        int[] reports, outlets;
        if (from is null && to is null && outlet is null)
        {
            (reports, outlets) = (allReports, allOutlets);
        }
        else
        {
            (reports, outlets) = Filter(from is null ? null : Day(from), to is null ? null : Day(to), outlet);
        }

        var keptKinds = kindFilter.Count == 0 ? null : actorKinds.Select(kindFilter.Contains).ToArray();
        var keptGroups = groupFilter.Count == 0 ? null : groups.Select(groupFilter.Contains).ToArray();
        var present = new bool[actorIds.Length];
        var kept = new List<int>();
        for (var e = 0; e < allEdges.Length; e++)
        {
            var (source, target) = (edgeSources[e], edgeTargets[e]);
            if (reports[e] == 0 || outlets[e] < minSources || (keptGroups is not null && !keptGroups[edgeKinds[e]]) ||
                (keptKinds is not null && !(keptKinds[source] && keptKinds[target])))
            {
                continue;
            }

            kept.Add(e);
            present[source] = present[target] = true;
        }

        var shown = new bool[actorIds.Length];
        var nodes = new List<GraphNode>();
        foreach (var a in actorsByMentions)
        {
            if (nodes.Count == limit)
            {
                break;
            }

            if (present[a])
            {
                shown[a] = true;
                var actor = corpus.ActorById[actorIds[a]];
                var (x, y) = positions[actor.Id];
                nodes.Add(new GraphNode(actor.Id, actor.Name, actor.Kind.ToName(), actor.Mentions, actor.Articles, x, y));
            }
        }

        var between = kept.Where(e => shown[edgeSources[e]] && shown[edgeTargets[e]]).ToArray();
        var chosen = between;
        if (between.Length > maxTies)
        {
            chosen = [.. between.OrderByDescending(e => outlets[e]).ThenByDescending(e => reports[e]).ThenBy(e => edgeIdRanks[e]).Take(maxTies)];
        }

        var filtered = !ReferenceEquals(reports, allReports);
        var shownEdges = chosen.OrderBy(e => edgeIdRanks[e])
            .Select(e => filtered ? allEdges[e] with { Reports = reports[e], Outlets = outlets[e] } : allEdges[e])
            .ToList();
        var outletNames = corpus.Sources.Select(s => s.Outlet).Order(StringComparer.Ordinal).ToList();
        var allKinds = Enum.GetValues<ActorKind>().Select(k => k.ToName()).ToList();
        return new ActorGraph(nodes, shownEdges, outletNames, allKinds, Corpus.Groups.Append("other").ToList(), corpus.Actors.Count, between.Length);
    }

    /// <summary>One edge per (source, target, kind) of the ties, with its reports and independent outlets; and each tie's edge.</summary>
    private List<GraphEdge> Aggregate(List<CompactTie> all, out int[] edgeOfTie, out int[] sourceOf, out int[] targetOf, out short[] kindOf)
    {
        var edgeOf = new Dictionary<(int, int, short), int>();
        var reports = new List<int>();
        var keys = new List<(int Source, int Target, short Kind)>();
        var sources = new HashSet<(int Edge, int Outlet)>();
        var outletCounts = new List<int>();
        edgeOfTie = new int[all.Count];
        for (var i = 0; i < all.Count; i++)
        {
            var t = all[i];
            var key = (t.Source, t.Target, t.Kind);
            if (!edgeOf.TryGetValue(key, out var edge))
            {
                edgeOf[key] = edge = keys.Count;
                keys.Add(key);
                reports.Add(0);
                outletCounts.Add(0);
            }

            edgeOfTie[i] = edge;
            reports[edge]++;
            if (sources.Add((edge, t.Outlet)))
            {
                outletCounts[edge]++;
            }
        }

        var edges = new List<GraphEdge>(keys.Count);
        sourceOf = [.. keys.Select(k => k.Source)];
        targetOf = [.. keys.Select(k => k.Target)];
        kindOf = [.. keys.Select(k => k.Kind)];
        for (var i = 0; i < keys.Count; i++)
        {
            var (s, g, k) = keys[i];
            edges.Add(new GraphEdge($"{actorIds[s]}>{kinds[k]}>{actorIds[g]}", actorIds[s], actorIds[g], kinds[k], groups[k], reports[i], outletCounts[i]));
        }

        return edges;
    }

    /// <summary>
    /// Each edge's reports and independent outlets, counted over the ties reported between the two
    /// days (undated ties pass only when neither is given) and by the outlet. Reads the shorter of
    /// the days' ties and the outlet's ties, and checks the other condition on each.
    /// </summary>
    private (int[] Reports, int[] Outlets) Filter(int? fromDay, int? toDay, string? outlet)
    {
        var dated = fromDay is not null || toDay is not null;
        var outletNumber = outlet is null ? -1 : OutletNumbers.GetValueOrDefault(outlet, -2);
        ReadOnlySpan<FilterTie> candidates = tiesByDay;
        if (dated)
        {
            // Undated ties (day -1) sort first and never pass a date filter.
            var first = LowerBound(tieDays, Math.Max(0, fromDay ?? 0));
            var end = LowerBound(tieDays, toDay is { } last && last < int.MaxValue ? last + 1 : int.MaxValue);
            candidates = candidates[first..Math.Max(first, end)];
        }

        if (outlet is not null)
        {
            var ofOutlet = tiesByOutlet.GetValueOrDefault(outletNumber, []);
            if (ofOutlet.Length < candidates.Length || !dated)
            {
                candidates = ofOutlet;
            }
        }

        var (from, to) = (fromDay ?? int.MinValue, toDay ?? int.MaxValue);
        var reports = new int[allEdges.Length];
        var outlets = new int[allEdges.Length];
        var counted = new System.Collections.BitArray(sourcePairs);
        foreach (var t in candidates)
        {
            if ((outlet is not null && t.OutletName != outletNumber) || (dated && (t.Day < 0 || t.Day < from || t.Day > to)))
            {
                continue;
            }

            reports[t.Edge]++;
            if (!counted[t.SourcePair])
            {
                counted[t.SourcePair] = true;
                outlets[t.Edge]++;
            }
        }

        return (reports, outlets);
    }

    /// <summary>The first position in the sorted <paramref name="days"/> whose day is at least <paramref name="day"/>.</summary>
    private static int LowerBound(int[] days, int day)
    {
        var (low, high) = (0, days.Length);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (days[middle] < day)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>An ISO date's day as yyyymmdd, or -1 when there is none.</summary>
    public static int Day(string? date) =>
        date is { Length: >= 10 } && int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) &&
        int.TryParse(date.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) &&
        int.TryParse(date.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            ? (y * 10000) + (m * 100) + d
            : -1;
}
