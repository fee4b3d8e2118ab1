using System.Globalization;
using Dossier.Core.Actors;
using Dossier.Core.Facts;
using Dossier.Core.Storage;
using Dossier.Web.Places;

namespace Dossier.Web.Api;

/// <summary>One article as the lists need it, without its text.</summary>
internal sealed record ArticleInfo(string Id, string? Title, string? Outlet, string? Author, string? Url, string? Published, string? CopyOf, int WordCount);

/// <summary>
/// What the pages list, read from the store once per store version and shared by all requests:
/// the actors, their ties, the events (with coordinates) and the articles' metadata. The store has
/// no paged queries for these yet, so a list request pages over this copy instead of reading all
/// rows each time. An ingest through the server makes a new version.
/// </summary>
internal sealed class Corpus
{
    private Corpus(
        IReadOnlyList<EntitySummary> actors,
        IReadOnlyList<TieItem> ties,
        IReadOnlyList<EventItem> events,
        IReadOnlyDictionary<string, ArticleInfo> articles,
        IReadOnlyList<SourceSummary> sources)
    {
        Actors = actors;
        ActorById = actors.ToDictionary(a => a.Id, StringComparer.Ordinal);
        Ties = ties;
        Events = events;
        Articles = articles;
        Sources = sources;
    }

    public IReadOnlyList<EntitySummary> Actors { get; }

    public IReadOnlyDictionary<string, EntitySummary> ActorById { get; }

    public IReadOnlyList<TieItem> Ties { get; }

    public IReadOnlyList<EventItem> Events { get; }

    public IReadOnlyDictionary<string, ArticleInfo> Articles { get; }

    public IReadOnlyList<SourceSummary> Sources { get; }

    public static Corpus Load(IDossierStore store, PlaceCoordinates places)
    {
        var articles = new Dictionary<string, ArticleInfo>(StringComparer.Ordinal);
        foreach (var (id, _) in store.ListArticles())
        {
            if (store.FindArticle(id.Value) is ArticleLookup.Found { Article: var a })
            {
                articles[id.Value] = new ArticleInfo(id.Value, a.Metadata.Title, a.Metadata.Outlet, a.Metadata.Author, a.Metadata.Url,
                    a.Metadata.Published?.ToIso(), a.CopyOf?.Value, a.WordCount);
            }
        }

        var actors = store.ListEntities(null, int.MaxValue);
        var ties = store.ListRelations()
            .Select(r => ToTie(r, articles.TryGetValue(r.ArticleId.Value, out var info) ? info.Published : null))
            .ToList();
        var stateMentions = actors.Where(a => a.Kind == ActorKind.State).Select(a => (a.Name, a.Mentions)).ToList();
        var rows = store.ListEvents();
        var events = new List<EventItem>(rows.Count);
        var number = 0;
        foreach (var row in rows)
        {
            var place = row.Place is { } p ? places.Find(p.Name, stateMentions) : null;
            events.Add(ToEvent(row, number++, place));
        }

        return new Corpus(actors, ties, events, articles, store.ListSources());
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

    private static TieItem ToTie(RelationRow r, string? published) =>
        new(r.Kind.ToName(), Group(r.Kind), Ref(r.Source), Ref(r.Target), r.Cue, r.Polarity, r.SaidBy, r.ArticleId.Value, r.Outlet, published, r.Evidence);

    public static ActorRef Ref(EventActor actor) => new(actor.EntityId, actor.Name);

    private static EventItem ToEvent(EventRow e, int number, PlaceMatch? place)
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
            place is null ? null : [place.Latitude, place.Longitude],
            place?.From,
            e.Agents.Select(Ref).ToList(),
            e.Targets.Select(Ref).ToList(),
            e.Counts.Select(c => new EventCountItem(c.Kind.ToString().ToLowerInvariant(), c.Low, c.High, c.Bound, c.Text)).ToList(),
            killed,
            e.SaidBy,
            e.ArticleId.Value,
            e.Title,
            e.Outlet,
            e.Published,
            e.Evidence);
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

    public T Get()
    {
        var version = pool.Version;
        lock (gate)
        {
            if (current is { } c && c.Version == version)
            {
                return c.Value;
            }

            var value = pool.Read(load);
            current = (version, value);
            return value;
        }
    }
}
