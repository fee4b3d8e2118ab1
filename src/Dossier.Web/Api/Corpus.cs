using System.Diagnostics;
using System.Globalization;
using Dossier.Analysis.Copies;
using Dossier.Analysis.Places;
using Dossier.Core.Actors;
using Dossier.Core.Documents;
using Dossier.Core.Export;
using Dossier.Core.Facts;
using Dossier.Core.Storage;

namespace Dossier.Web.Api;

/// <summary>One article as the lists need it, without its text.</summary>
internal sealed record ArticleInfo(string Id, string? Title, string? Outlet, string? Author, string? Url, string? Published, string? CopyOf, int WordCount);

/// <summary>A syndicated copy's report of a fact its original states in the same words: the copy's article, outlet and publication date.</summary>
internal sealed record CopyReport(string ArticleId, string? Outlet, string? Published);

/// <summary>
/// What the pages list, read from the store once per store version and shared by all requests:
/// the actors, their ties, the events (with coordinates) and the articles' metadata, with what
/// the lists need ready made (articles in date order, each actor's events and ties, the outlets'
/// summaries, the graph and its layout), so that a list request pages over a list it does not
/// build. An ingest through the server makes a new version.
/// </summary>
internal sealed class Corpus
{
    private Corpus(
        IReadOnlyList<EntitySummary> actors,
        IReadOnlyList<TieItem> ties,
        IReadOnlyList<IReadOnlyList<CopyReport>> tieCopies,
        IReadOnlyList<EventItem> events,
        IReadOnlyDictionary<string, ArticleInfo> articles,
        IReadOnlyList<SourceSummary> sources,
        IReadOnlyList<ClaimKey> claims)
    {
        Claims = new ClaimIndex(claims);
        Actors = actors;
        ActorItems = [.. actors.Select(ToActor)];
        ActorById = actors.ToDictionary(a => a.Id, StringComparer.Ordinal);
        Ties = ties;
        TieCopies = tieCopies;
        Events = events;
        Articles = articles;
        Sources = sources;
        Copies = articles.Values.Count(a => a.CopyOf is not null);
        ArticlesByDate = [.. articles.Values.OrderBy(a => a.Published ?? "", StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal)];
        TiesByActor = IndexByActor(ties.Count, i => [ties[i].Source, ties[i].Target]);
        EventsByActor = IndexByActor(events.Count, i => [.. events[i].Agents, .. events[i].Targets, events[i].Place]);
        EventDays = [.. events.Select(e => Graph.Day(e.DateFirst ?? e.Published))];
        EventOutlets = [.. events.Select(e => SourceSummary.ListedName(e.Outlet))];
        EventTypes = [.. events.Select(e => string.Intern(e.Type))];
        EventLocated = [.. events.Select(e => e.Coordinates is not null)];
        EventsByType = IndexBy(events.Count, i => EventTypes[i], StringComparer.OrdinalIgnoreCase);
        EventsByOutlet = IndexByAll(events.Count, i => [EventOutlets[i], .. events[i].CopiedBy], StringComparer.Ordinal);
        LocatedEvents = [.. Enumerable.Range(0, events.Count).Where(i => EventLocated[i])];
        UnlocatedEvents = [.. Enumerable.Range(0, events.Count).Where(i => !EventLocated[i])];
        ArticlesByOutlet = ArticlesByDate.GroupBy(a => SourceSummary.ListedName(a.Outlet), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ArticleInfo>)[.. g], StringComparer.Ordinal);
        SourceItems = [.. sources.Select(s => new SourceItem(s.Outlet, s.Articles, s.Originals, s.Copies, s.FirstPublished, s.LastPublished, TopActors(s.Outlet)))];
        Graph = new Graph(this);
    }

    public IReadOnlyList<EntitySummary> Actors { get; }

    /// <summary>The actors as the API lists them, most mentioned first.</summary>
    public IReadOnlyList<ActorItem> ActorItems { get; }

    public IReadOnlyDictionary<string, EntitySummary> ActorById { get; }

    /// <summary>
    /// The ties, one per sentence that states them: a syndicated copy's tie in its original's
    /// sentence is not one of them but one more report of the original's (its outlet in the tie's
    /// <see cref="TieItem.CopiedBy"/>, its report in <see cref="TieCopies"/>).
    /// </summary>
    public IReadOnlyList<TieItem> Ties { get; }

    /// <summary>Side by side with <see cref="Ties"/>, the copies' reports of each tie, for the graph's counts and its date and outlet filters.</summary>
    public IReadOnlyList<IReadOnlyList<CopyReport>> TieCopies { get; }

    /// <summary>The positions in <see cref="Ties"/> of each actor's ties, in order.</summary>
    public IReadOnlyDictionary<string, int[]> TiesByActor { get; }

    public IReadOnlyList<EventItem> Events { get; }

    /// <summary>Each event's day (its own date, else its article's) as yyyymmdd, -1 when there is none: date filters compare numbers.</summary>
    public int[] EventDays { get; }

    /// <summary>Each event's outlet as the sources list names it (<see cref="SourceSummary.UnknownOutlet"/> when not known), side by side with <see cref="Events"/> so a filter reads one array.</summary>
    public string[] EventOutlets { get; }

    /// <summary>Each event's type name; with the arrays beside it, a filter over 800,000 events reads a few contiguous arrays instead of every event object.</summary>
    public string[] EventTypes { get; }

    /// <summary>Whether each event has coordinates.</summary>
    public bool[] EventLocated { get; }

    /// <summary>The positions in <see cref="Events"/> of each event type's events (by name, any case), in order.</summary>
    public IReadOnlyDictionary<string, int[]> EventsByType { get; }

    /// <summary>The positions in <see cref="Events"/> of each outlet's events, in order: those it reported, and those it repeated in a copy (<see cref="EventItem.CopiedBy"/>).</summary>
    public IReadOnlyDictionary<string, int[]> EventsByOutlet { get; }

    /// <summary>The positions of the events with coordinates, in order: the map's list.</summary>
    public int[] LocatedEvents { get; }

    /// <summary>The positions of the events without coordinates, in order.</summary>
    public int[] UnlocatedEvents { get; }

    /// <summary>The positions in <see cref="Events"/> of the events each actor took part in or that happened at it, in order.</summary>
    public IReadOnlyDictionary<string, int[]> EventsByActor { get; }

    public IReadOnlyDictionary<string, ArticleInfo> Articles { get; }

    /// <summary>Articles in publication order, then by id.</summary>
    public IReadOnlyList<ArticleInfo> ArticlesByDate { get; }

    /// <summary>Each outlet's articles in publication order, then by id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ArticleInfo>> ArticlesByOutlet { get; }

    public IReadOnlyList<SourceSummary> Sources { get; }

    /// <summary>How many of the articles are copies of another.</summary>
    public int Copies { get; }

    /// <summary>The outlets as the sources page lists them, with the actors each reports on most.</summary>
    public IReadOnlyList<SourceItem> SourceItems { get; }

    public Graph Graph { get; }

    /// <summary>
    /// The store's part of the dossiers opened in this store version: the spellings with their
    /// reasons are a pass over every mention of the actor (half a second for one named 13,000 times),
    /// so an actor opened again is not read again.
    /// </summary>
    public DossierCache Dossiers { get; } = new();

    /// <summary>Every claim's key, by speaker and by the actors it names: claim lists read only their page's rows.</summary>
    public ClaimIndex Claims { get; }

    public static Corpus Load(IDossierStore store, PlaceCoordinates places)
    {
        // The export reader gives every article's metadata without its text.
        var articles = new Dictionary<string, ArticleInfo>(StringComparer.Ordinal);
        foreach (var a in store.ReadArticles(ExportFilter.All))
        {
            articles[a.Id.Value] = new ArticleInfo(a.Id.Value, a.Title, a.Outlet, a.Author, a.Url, a.Published, a.CopyOf?.Value, a.WordCount);
        }

        // A copy's fact in its original's words is one more report of the original's, never a
        // second fact: the lists, the counts and the graph all read the folded lists.
        var copies = new ArticleCopies(articles.Values.Where(a => a.CopyOf is not null)
            .ToDictionary(a => new ArticleId(a.Id), a => new ArticleId(a.CopyOf!)));
        string? PublishedOf(ArticleId article) => articles.TryGetValue(article.Value, out var info) ? info.Published : null;
        var actors = store.ListEntities(null, int.MaxValue);
        var folded = CopiedRelations.FoldReports(store.ListRelations(), copies);
        var ties = new List<TieItem>(folded.Count);
        var tieCopies = new List<IReadOnlyList<CopyReport>>(folded.Count);
        foreach (var (relation, repeats) in folded)
        {
            ties.Add(ToTie(relation, PublishedOf(relation.ArticleId), CopiedReports.OutletsOf(repeats.Select(c => c.Outlet))));
            tieCopies.Add(repeats.Count == 0 ? [] : [.. repeats.Select(c => new CopyReport(c.ArticleId.Value, c.Outlet, PublishedOf(c.ArticleId)))]);
        }

        var stateMentions = PlaceCoordinates.StateMentions(actors);
        var articleNames = PlaceContext.ArticleNamesOf(store.ReadChains());
        var rows = CopiedEvents.Fold(store.ListEvents(), copies);
        var events = new List<EventItem>(rows.Count);
        var number = 0;
        foreach (var (row, repeats) in rows)
        {
            var place = row.Place is { } p ? places.Resolve(p.Name, new PlaceContext(articleNames.GetValueOrDefault(row.ArticleId) ?? [], stateMentions)) : null;
            events.Add(ToEvent(row, number++, place, CopiedReports.OutletsOf(repeats.Select(c => c.Outlet))));
        }

        return new Corpus(actors, ties, tieCopies, events, articles, store.ListSources(), store.ListClaimKeys());
    }

    private static Dictionary<string, int[]> IndexBy(int count, Func<int, string?> keyOf, StringComparer comparer)
        => IndexByAll(count, i => keyOf(i) is { } key ? [key] : [], comparer);

    /// <summary>The positions of the items under each of their keys, in order; an item under one key twice is listed there once.</summary>
    private static Dictionary<string, int[]> IndexByAll(int count, Func<int, IEnumerable<string>> keysOf, StringComparer comparer)
    {
        var lists = new Dictionary<string, List<int>>(comparer);
        for (var i = 0; i < count; i++)
        {
            foreach (var key in keysOf(i))
            {
                if (!lists.TryGetValue(key, out var list))
                {
                    lists[key] = list = [];
                }

                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }
        }

        return lists.ToDictionary(l => l.Key, l => l.Value.ToArray(), comparer);
    }

    /// <summary>Whether the outlet (as the sources list names it) reported event <paramref name="i"/>, in its own article or in a copy.</summary>
    public bool EventReportedBy(int i, string outlet)
        => string.Equals(EventOutlets[i], outlet, StringComparison.Ordinal) || Events[i].CopiedBy.Contains(outlet, StringComparer.Ordinal);

    /// <summary>
    /// The source a report from this article counts for when independent outlets are counted: its
    /// outlet (the article itself when it has none), or for a syndicated copy the source of the
    /// article it copies, so that three outlets running one wire story are one source.
    /// </summary>
    public string OriginOf(string articleId, string? outlet)
    {
        if (Articles.TryGetValue(articleId, out var article) && article.CopyOf is { } original)
        {
            return Articles.TryGetValue(original, out var copied) ? copied.Outlet ?? copied.Id : original;
        }

        return outlet ?? articleId;
    }

    private static Dictionary<string, int[]> IndexByActor(int count, Func<int, IEnumerable<ActorRef?>> actorsOf)
    {
        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            foreach (var id in actorsOf(i).Select(a => a?.Id).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                if (!lists.TryGetValue(id, out var list))
                {
                    lists[id] = list = [];
                }

                list.Add(i);
            }
        }

        return lists.ToDictionary(l => l.Key, l => l.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The actors an outlet's ties and events name most, counted once for all outlets.</summary>
    private List<SourceActor> TopActors(string outlet)
    {
        topActors ??= CountActorsByOutlet();
        return topActors.TryGetValue(outlet, out var counts)
            ? [.. counts.Where(c => ActorById.ContainsKey(c.Key))
                .OrderByDescending(c => c.Value).ThenBy(c => ActorById[c.Key].Name, StringComparer.Ordinal)
                .Take(8)
                .Select(c => new SourceActor(c.Key, ActorById[c.Key].Name, c.Value))]
            : [];
    }

    private Dictionary<string, Dictionary<string, int>>? topActors;

    private Dictionary<string, Dictionary<string, int>> CountActorsByOutlet()
    {
        var byOutlet = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        void Count(string? articleOutlet, ActorRef? a)
        {
            if (a?.Id is not { } id)
            {
                return;
            }

            var outlet = SourceSummary.ListedName(articleOutlet);
            if (!byOutlet.TryGetValue(outlet, out var counts))
            {
                byOutlet[outlet] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            counts[id] = counts.GetValueOrDefault(id) + 1;
        }

        // A copy's repeated report counts for the copy's outlet too: it is that outlet's report.
        for (var i = 0; i < Ties.Count; i++)
        {
            var t = Ties[i];
            foreach (var outlet in new[] { t.Outlet }.Concat(TieCopies[i].Select(c => c.Outlet)))
            {
                Count(outlet, t.Source);
                Count(outlet, t.Target);
            }
        }

        foreach (var e in Events)
        {
            foreach (var outlet in new[] { e.Outlet }.Concat(e.CopiedBy))
            {
                Count(outlet, e.Place);
                foreach (var a in e.Agents.Concat(e.Targets))
                {
                    Count(outlet, a);
                }
            }
        }

        return byOutlet;
    }

    public static ActorItem ToActor(EntitySummary e) =>
        new(e.Id, e.Name, e.Kind.ToName(), e.Mentions, e.Articles, e.Spellings.Select(s => s.Text).ToList());

    /// <summary>The edge colours of the graph: the five families analysts ask about, and the rest by name.</summary>
    public static string Group(RelationKind kind) => kind switch
    {
        RelationKind.Leads or RelationKind.SpokespersonOf or RelationKind.MemberOf => "leads",
        RelationKind.AlliedWith => "allied",
        RelationKind.Supports => "backs",
        RelationKind.Opposes or RelationKind.Attacked or RelationKind.DesignatedTerroristBy => "fights",
        RelationKind.Controls or RelationKind.BasedIn => "controls",
        _ => "other",
    };

    public static readonly IReadOnlyList<string> Groups = ["leads", "allied", "backs", "fights", "controls"];

    private static TieItem ToTie(RelationRow r, string? published, IReadOnlyList<string> copiedBy) =>
        new(r.Kind.ToName(), Group(r.Kind), Ref(r.Source), Ref(r.Target), r.Cue, r.Polarity, r.SaidBy, r.ArticleId.Value, r.Outlet, published, r.Evidence, copiedBy);

    public static ActorRef Ref(EventActor actor) => new(actor.EntityId, actor.Name);

    private static EventItem ToEvent(EventRow e, int number, PlaceResolution? place, IReadOnlyList<string> copiedBy)
    {
        var killed = e.Counts.Where(c => c.Kind == CountKind.Killed).Select(c => (long?)c.Low).Max();
        return new EventItem(
            number.ToString(CultureInfo.InvariantCulture),
            e.Type.ToName(),
            e.Trigger,
            e.DateFirst?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.DateLast?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.DatePrecision,
            e.DateText,
            e.Place is { } p ? Ref(p) : null,
            place?.Match is { } match ? [match.Latitude, match.Longitude] : null,
            place?.Reason,
            e.Agents.Select(Ref).ToList(),
            e.Targets.Select(Ref).ToList(),
            e.Counts.Select(c => new EventCountItem(c.Kind.ToString().ToLowerInvariant(), c.Low, c.High, c.Bound, c.Text)).ToList(),
            killed,
            e.SaidBy,
            e.ArticleId.Value,
            e.Title,
            e.Outlet,
            e.Published,
            e.Evidence,
            copiedBy);
    }
}

/// <summary>Keeps one <see cref="Corpus"/> per store version.</summary>
internal sealed class CorpusCache(StorePool pool, PlaceCoordinates places)
{
    private readonly VersionedCache<Corpus> cache = new(pool, store => Corpus.Load(store, places));

    public Corpus Get() => cache.Get();
}

/// <summary>Something read from the store once per store version and shared by all requests until an ingest makes a new one.</summary>
internal sealed class VersionedCache<T>(StorePool pool, Func<IDossierStore, T> load)
    where T : class
{
    private readonly Lock gate = new();
    private (long Version, T Value)? current;

    private (long Version, Task<T> Task, long Started)? computing;

    public T Get() => Start().GetAwaiter().GetResult();

    /// <summary>
    /// The value, or null when it is not ready within <paramref name="wait"/> of when its computation
    /// started; it goes on in the background and a later call gets it. So only the first callers
    /// wait for a long computation, not every caller in turn.
    /// </summary>
    public T? TryGet(TimeSpan wait)
    {
        var task = Start();
        if (task.IsCompletedSuccessfully)
        {
            return task.Result;
        }

        var started = computing?.Started ?? Stopwatch.GetTimestamp();
        var left = wait - Stopwatch.GetElapsedTime(started);
        return left > TimeSpan.Zero && task.Wait(left) ? task.Result : null;
    }

    private Task<T> Start()
    {
        var version = pool.Version;
        lock (gate)
        {
            if (current is { } c && c.Version == version)
            {
                return Task.FromResult(c.Value);
            }

            if (computing is { } running && running.Version == version && !running.Task.IsFaulted)
            {
                return running.Task;
            }

            var task = Task.Run(() =>
            {
                var value = pool.Read(load);
                lock (gate)
                {
                    if (current is null || current.Value.Version < version)
                    {
                        current = (version, value);
                    }
                }

                return value;
            });
            computing = (version, task, Stopwatch.GetTimestamp());
            return task;
        }
    }
}

/// <summary>The entity details of the dossiers opened, up to <see cref="Capacity"/> actors; the rest are read each time.</summary>
internal sealed class DossierCache
{
    public const int Capacity = 2_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, EntityDetail?> details = new(StringComparer.Ordinal);

    public EntityDetail? GetOrAdd(string id, StorePool pool, Func<string, StorePool, EntityDetail?> read)
    {
        if (details.TryGetValue(id, out var known))
        {
            return known;
        }

        var detail = read(id, pool);
        if (detail is not null && details.Count < Capacity)
        {
            details.TryAdd(id, detail);
        }

        return detail;
    }
}
