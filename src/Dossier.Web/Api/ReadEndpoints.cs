using Dossier.Core.Actors;
using Dossier.Core.Facts;
using Dossier.Core.Storage;
using Dossier.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dossier.Web.Api;

/// <summary>The read-only part of the JSON API: every list paged, every failure a problem document.</summary>
internal static class ReadEndpoints
{
    public static void Map(RouteGroupBuilder api, DossierWebOptions options)
    {
        api.MapGet("/info", (StorePool pool, CorpusCache cache) =>
        {
            var corpus = cache.Get();
            return new ServerInfo(DossierStores.IsServer(pool.Path) ? DossierStores.Describe(pool.Path) : Path.GetFileName(pool.Path), corpus.Articles.Count, corpus.Copies, corpus.Actors.Count, corpus.Events.Count, corpus.Ties.Count,
                options.AllowIngest, options.Token is not null);
        }).WithSummary("The store served and what the server allows");

        api.MapGet("/actors", Results<Ok<Page<ActorItem>>, ProblemHttpResult> (CorpusCache cache, string? kind, string? q, int? offset, int? limit) =>
        {
            if (!Paging.TryCreate(offset, limit, out var paging, out var problem))
            {
                return problem!;
            }

            ActorKind? wanted = null;
            if (kind is not null)
            {
                if (!ActorKinds.TryParse(kind, out var parsed))
                {
                    return Problems.BadRequest($"unknown kind {kind}; kinds are {ActorKinds.AllNames}");
                }

                wanted = parsed;
            }

            var corpus = cache.Get();
            if (wanted is null && string.IsNullOrWhiteSpace(q))
            {
                return TypedResults.Ok(paging.Of(corpus.ActorItems));
            }

            return TypedResults.Ok(paging.Of(corpus.Actors.Where(a => (wanted is null || a.Kind == wanted) && (string.IsNullOrWhiteSpace(q) || Matches(a, q))).Select(Corpus.ToActor)));
        }).ProducesProblem(StatusCodes.Status400BadRequest)
          .WithSummary("Actors, most mentioned first; kind and name filters");

        api.MapGet("/actors/{id}", Results<Ok<ActorDossier>, ProblemHttpResult> (StorePool pool, CorpusCache cache, AnalysisCache analysis, string id) =>
        {
            var corpus = cache.Get();
            var detail = corpus.Dossiers.GetOrAdd(id, pool, static (id, pool) => pool.Read(store => store.GetEntity(id, DossierListLength)));
            if (detail is null)
            {
                return Problems.NotFound($"no actor with id {id}");
            }

            // A dossier shows the first page of each of its lists, with their totals; the lists' own
            // endpoints (/ties?actor=, /events?actor=, /claims?by= and ?about=) page through the rest.
            const int shown = DossierListLength;
            var (byKeys, byTotal) = corpus.Claims.Find(id, null, 0, shown);
            var (aboutKeys, aboutTotal) = corpus.Claims.Find(null, id, 0, shown);
            var (by, about) = pool.Read(store => (store.ReadClaims(byKeys), store.ReadClaims(aboutKeys)));
            var tieIndex = corpus.TiesByActor.GetValueOrDefault(id, []);
            var ties = tieIndex.Take(shown).Select(i => corpus.Ties[i]).ToList();
            var roles = tieIndex.Select(i => corpus.Ties[i]).Where(t => t.Source.Id == id && t.Group == "leads").Take(shown).ToList();
            var eventIndex = corpus.EventsByActor.GetValueOrDefault(id, []);
            var events = eventIndex.Take(shown).Select(i => corpus.Events[i]).ToList();

            // The analyses read every article; on a big store they take long, so a dossier waits a
            // little for them and otherwise says they are still being computed.
            var analysed = analysis.TryGet(TimeSpan.FromSeconds(5));
            var dossier = new ActorDossier(
                Corpus.ToActor(detail.Summary),
                detail.KindReason,
                detail.Names.Select(n => new ActorName(n.Text, n.Count, n.Form.ToString().ToLowerInvariant(), n.Reason, n.FirstArticle.Value)).ToList(),
                roles,
                ties,
                events,
                by.Select(ToClaim).ToList(),
                about.Select(ToClaim).ToList(),
                detail.Appearances.Take(shown).Select(a => new ActorAppearance(a.ArticleId.Value, a.Title, a.Outlet, a.ChainName, a.Mentions, a.Rule, a.Score, a.Detail)).ToList(),
                detail.Overrides,
                analysed is null ? [] : analysed.LabelsOf(id),
                analysed is null ? [] : [.. analysed.DisputesOf(id).Take(shown)],
                new DossierTotals(tieIndex.Length, eventIndex.Length, byTotal > shown, aboutTotal > shown, detail.AppearanceCount, analysed is not null));
            return TypedResults.Ok(dossier);
        }).ProducesProblem(StatusCodes.Status404NotFound)
          .WithSummary("One actor's dossier: names and why they were joined, ties, events, claims by and about it, the labels each outlet gives it, and disputes about it");

        api.MapGet("/disputes", Results<Ok<Page<DisputeItem>>, ProblemHttpResult> (StorePool pool, AnalysisCache analysis, string? actor, int? offset, int? limit) =>
        {
            if (!Paging.TryCreate(offset, limit, out var paging, out var problem))
            {
                return problem!;
            }

            if (analysis.TryGet(AnalysisWait) is not { } analysed)
            {
                return StillAnalysing(pool);
            }

            return TypedResults.Ok(paging.Of(actor is null ? analysed.Disputes : analysed.DisputesOf(actor)));
        }).ProducesProblem(StatusCodes.Status400BadRequest)
          .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
          .WithSummary("The dispute ledger: every source's value side by side (tolls, perpetrators, control, accusations and denials), by actor id");

        api.MapGet("/framing", Results<Ok<FramingOverview>, ProblemHttpResult> (StorePool pool, AnalysisCache analysis) => analysis.TryGet(AnalysisWait) is { } analysed
                ? TypedResults.Ok(AnalysisCache.Overview(analysed.Framing))
                : StillAnalysing(pool))
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("The sides of the conflict and each outlet's alignment: labels in its own voice, casualty reports, named perpetrators per side");

        api.MapGet("/graph", Results<Ok<ActorGraph>, FileContentHttpResult, ProblemHttpResult> (CorpusCache cache, string? kinds, string? groups, string? from, string? to, string? outlet, int? minSources, int? limit, int? maxTies) =>
        {
            var max = limit ?? Graph.DefaultActors;
            var maxEdges = maxTies ?? Graph.DefaultTies;
            if (max is < 1 or > 5000 || maxEdges is < 1 or > 100_000 || minSources is < 1)
            {
                return Problems.BadRequest("limit must be between 1 and 5000, maxTies between 1 and 100000, and minSources at least 1");
            }

            if (!QueryValues.TryDay(nameof(from), from, out _, out var dateProblem) || !QueryValues.TryDay(nameof(to), to, out _, out dateProblem))
            {
                return dateProblem!;
            }

            if (!QueryValues.TryGroups(groups, out var groupSet, out var groupProblem))
            {
                return groupProblem!;
            }

            var corpus = cache.Get();
            if (kinds is null && groups is null && from is null && to is null && outlet is null && minSources is null or 1 && limit is null && maxTies is null)
            {
                return TypedResults.Bytes(corpus.Graph.DefaultJson, "application/json");
            }

            var kindSet = new HashSet<ActorKind>();
            foreach (var k in Split(kinds))
            {
                if (!ActorKinds.TryParse(k, out var parsed))
                {
                    return Problems.BadRequest($"unknown kind {k}; kinds are {ActorKinds.AllNames}");
                }

                kindSet.Add(parsed);
            }

            return TypedResults.Ok(corpus.Graph.Build(kindSet, groupSet, from, to, outlet, minSources ?? 1, max, maxEdges));
        }).ProducesProblem(StatusCodes.Status400BadRequest)
          .WithSummary("The actor graph: the most mentioned actors (limit, default 300) with at least one tie that passes the filters, the strongest ties between them (maxTies, default 600), and each actor's position in a layout of the store's whole graph");

        api.MapGet("/ties", Results<Ok<Page<TieItem>>, ProblemHttpResult> (CorpusCache cache, string? actor, string? other, string? kind, string? group, int? offset, int? limit) =>
        {
            if (!Paging.TryCreate(offset, limit, out var paging, out var problem))
            {
                return problem!;
            }

            if (!QueryValues.TryTieKind(kind, out kind, out problem))
            {
                return problem!;
            }

            if (group is not null && !QueryValues.TieGroups.Contains(group, StringComparer.Ordinal))
            {
                return QueryValues.UnknownGroup(group);
            }

            var corpus = cache.Get();
            if (actor is null && other is null && kind is null && group is null)
            {
                return TypedResults.Ok(paging.Of(corpus.Ties));
            }

            // An actor's ties are listed from its index; only a list without an actor reads every tie.
            if (actor is not null && other is null && kind is null && group is null)
            {
                return TypedResults.Ok(paging.Of(corpus.TiesByActor.GetValueOrDefault(actor, []), i => corpus.Ties[i]));
            }

            var candidates = actor is not null ? corpus.TiesByActor.GetValueOrDefault(actor, []).Select(i => corpus.Ties[i])
                : other is not null ? corpus.TiesByActor.GetValueOrDefault(other, []).Select(i => corpus.Ties[i])
                : corpus.Ties;
            return TypedResults.Ok(paging.Of(candidates
                .Where(t => actor is null || t.Source.Id == actor || t.Target.Id == actor)
                .Where(t => other is null || t.Source.Id == other || t.Target.Id == other)
                .Where(t => kind is null || t.Kind == kind)
                .Where(t => group is null || t.Group == group)));
        }).ProducesProblem(StatusCodes.Status400BadRequest)
          .WithSummary("Ties between actors with their evidence sentences");

        api.MapGet("/events", Results<Ok<Page<EventItem>>, ProblemHttpResult> (CorpusCache cache, string? type, string? actor, string? from, string? to, string? outlet, bool? located, int? offset, int? limit) =>
        {
            if (!Paging.TryCreate(offset, limit, out var paging, out var problem))
            {
                return problem!;
            }

            if (type is not null && !EventTypes.TryParse(type, out _))
            {
                return Problems.BadRequest($"unknown event type {type}; types are {EventTypes.AllNames}");
            }

            var corpus = cache.Get();
            if (type is null && actor is null && from is null && to is null && outlet is null && located is null)
            {
                return TypedResults.Ok(paging.Of(corpus.Events));
            }

            if (!QueryValues.TryDay(nameof(from), from, out var fromDate, out problem) || !QueryValues.TryDay(nameof(to), to, out var toDate, out problem))
            {
                return problem!;
            }

            var fromDay = fromDate ?? int.MinValue;
            var toDay = toDate ?? int.MaxValue;

            // The shortest of the lists the filters have ready (an actor's, a type's, an outlet's,
            // the located events) is read, and the other filters are checked on the events' side
            // arrays (days as numbers, outlets, types), not on the events themselves.
            var indexes = new List<int[]>();
            if (actor is not null)
            {
                indexes.Add(corpus.EventsByActor.GetValueOrDefault(actor, []));
            }

            if (type is not null)
            {
                indexes.Add(corpus.EventsByType.GetValueOrDefault(type, []));
            }

            if (outlet is not null)
            {
                indexes.Add(corpus.EventsByOutlet.GetValueOrDefault(outlet, []));
            }

            if (located is { } wantLocated)
            {
                indexes.Add(wantLocated ? corpus.LocatedEvents : corpus.UnlocatedEvents);
            }

            var dated = from is not null || to is not null;
            if (indexes.Count == 1 && !dated)
            {
                return TypedResults.Ok(paging.Of(indexes[0], i => corpus.Events[i]));
            }

            var days = corpus.EventDays;
            var types = corpus.EventTypes;
            var placed = corpus.EventLocated;
            IReadOnlyList<int> candidates = indexes.Count == 0 ? new AllPositions(corpus.Events.Count) : indexes.MinBy(i => i.Length)!;
            return TypedResults.Ok(paging.Of(candidates, i => (!dated || (days[i] >= 0 && days[i] >= fromDay && days[i] <= toDay))
                            && (outlet is null || corpus.EventReportedBy(i, outlet))
                            && (type is null || string.Equals(types[i], type, StringComparison.OrdinalIgnoreCase))
                            && (located is null || placed[i] == located),
                i => corpus.Events[i]));
        }).ProducesProblem(StatusCodes.Status400BadRequest)
          .WithSummary("Reported events in publication order, with coordinates where the place is known");

        api.MapGet("/claims", Results<Ok<Page<ClaimItem>>, ProblemHttpResult> (StorePool pool, CorpusCache cache, string? by, string? about, int? offset, int? limit) =>
        {
            if (!Paging.TryCreate(offset, limit, out var paging, out var problem))
            {
                return problem!;
            }

            // The page's keys come from the claim index; only the page's rows are read from the store.
            var (keys, total) = cache.Get().Claims.Find(by, about, paging.Offset, paging.Limit);
            var items = pool.Read(store => store.ReadClaims(keys)).Select(ToClaim).ToList();
            return TypedResults.Ok(new Page<ClaimItem>(items, paging.Offset, paging.Limit, total, paging.Offset + paging.Limit < total));
        }).ProducesProblem(StatusCodes.Status400BadRequest)
          .WithSummary("Claims: who says what, by speaker or about an actor (actor ids)");

        api.MapGet("/sources", Results<Ok<Page<SourceItem>>, ProblemHttpResult> (CorpusCache cache, int? offset, int? limit) =>
        {
            if (!Paging.TryCreate(offset, limit, out var paging, out var problem))
            {
                return problem!;
            }

            return TypedResults.Ok(paging.Of(cache.Get().SourceItems));
        }).ProducesProblem(StatusCodes.Status400BadRequest)
          .WithSummary("Outlets side by side: articles, originals, copies, dates, the actors they report on most");

        api.MapGet("/articles", Results<Ok<Page<ArticleItem>>, ProblemHttpResult> (CorpusCache cache, string? outlet, int? offset, int? limit) =>
        {
            if (!Paging.TryCreate(offset, limit, out var paging, out var problem))
            {
                return problem!;
            }

            var articles = cache.Get().ArticlesByDate;
            return TypedResults.Ok(outlet is null
                ? paging.Of(articles, ToArticle)
                : paging.Of(cache.Get().ArticlesByOutlet.GetValueOrDefault(outlet, []), ToArticle));
        }).ProducesProblem(StatusCodes.Status400BadRequest)
          .WithSummary("Articles in publication order");

        api.MapGet("/articles/{id}", Results<Ok<ArticleText>, ProblemHttpResult> (StorePool pool, string id, string? hl, int? start, int? end) =>
        {
            var lookup = pool.Read(store => store.FindArticle(id));
            switch (lookup)
            {
                case ArticleLookup.NotFound:
                    return Problems.NotFound($"no article with id {id}");
                case ArticleLookup.Ambiguous ambiguous:
                    return Problems.BadRequest($"{id} is the start of {ambiguous.Candidates.Count} article ids; give more digits");
            }

            var article = ((ArticleLookup.Found)lookup).Article;
            Highlight? highlight = null;
            if (start is { } s && end is { } e && s >= 0 && e <= article.Text.Length && s < e)
            {
                highlight = new Highlight(s, e);
            }
            else if (!string.IsNullOrWhiteSpace(hl))
            {
                highlight = Find(article.Text, hl);
            }

            var m = article.Metadata;
            var info = new ArticleItem(article.Id.Value, m.Title, m.Outlet, m.Author, m.Url, m.Published?.ToIso(), article.CopyOf?.Value, article.WordCount);
            return TypedResults.Ok(new ArticleText(info, article.Text, highlight));
        }).ProducesProblem(StatusCodes.Status400BadRequest)
          .ProducesProblem(StatusCodes.Status404NotFound)
          .WithSummary("One article's clean text; hl (a sentence) or start and end mark the evidence to highlight");

        api.MapGet("/search", Results<Ok<SearchResult>, ProblemHttpResult> (StorePool pool, CorpusCache cache, string? q, int? offset, int? limit) =>
        {
            if (!Paging.TryCreate(offset, limit, out var paging, out var problem))
            {
                return problem!;
            }

            if (string.IsNullOrWhiteSpace(q))
            {
                return Problems.BadRequest("q is required: words to look for");
            }

            var actors = paging.Offset == 0
                ? cache.Get().Actors.Where(a => Matches(a, q)).Take(20).Select(Corpus.ToActor).ToList()
                : [];
            IReadOnlyList<SearchHit> hits;
            int matches;
            try
            {
                (matches, hits) = pool.Read(store =>
                {
                    var counted = store.CountMatches(q, RankedMatches + 1);
                    return (counted, store.Search(q, paging.Limit + 1, paging.Offset, counted > RankedMatches ? SearchOrder.Newest : SearchOrder.BestMatch));
                });
            }
            catch (System.Data.Common.DbException exception)
            {
                return Problems.BadRequest($"cannot search for {q}: {exception.Message.ReplaceLineEndings(" ")}");
            }

            var many = matches > RankedMatches;
            var page = new Page<ArticleHit>(hits.Take(paging.Limit).Select(h => new ArticleHit(h.Id.Value, h.Title, h.Outlet, h.Published, h.Snippet)).ToList(),
                paging.Offset, paging.Limit, many ? null : matches, hits.Count > paging.Limit);
            return TypedResults.Ok(new SearchResult(actors, page, many ? null : matches, many ? "newest" : "best match"));
        }).ProducesProblem(StatusCodes.Status400BadRequest)
          .WithSummary("Actors whose names contain the words, and article hits with snippets: best match first, or newest first when more than 5,000 articles match");
    }

    /// <summary>
    /// The most matches a search ranks; more are listed newest first. Ranking reads every match:
    /// 0.1 s for a word in all of 100,000 articles, the newest first a few ms. A word in over 5,000
    /// articles says little of relevance; more words or a phrase narrow it, and then rank.
    /// </summary>
    public const int RankedMatches = 5_000;

    /// <summary>How many of each list a dossier shows; the list endpoints page through the rest.</summary>
    public const int DossierListLength = 200;

    /// <summary>How long a request for the disputes or framing waits for the analyses before it answers that they are still being computed.</summary>
    private static readonly TimeSpan AnalysisWait = TimeSpan.FromSeconds(20);

    private static ProblemHttpResult StillAnalysing(StorePool pool) => TypedResults.Problem(
        "the disputes and framing of this store are still being computed (they read every article); try again in a minute",
        statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy", extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = 60, ["store"] = Path.GetFileName(pool.Path) });

    public static ClaimItem ToClaim(ClaimRow c) => new(
        c.ArticleId.Value, c.Title, c.Outlet, c.Published,
        c.Form switch { ClaimForm.DirectQuote => "quote", ClaimForm.IndirectSpeech => "reported speech", _ => c.Form.ToString().ToLowerInvariant() },
        c.Modality.ToString().ToLowerInvariant(), c.Cue, c.SpeakerText,
        c.SpeakerName is null ? null : new ActorRef(c.SpeakerEntityId, c.SpeakerName),
        c.AffiliationName is null ? null : new ActorRef(c.AffiliationEntityId, c.AffiliationName),
        c.Content, c.Sentence, c.CopiedBy);

    private static ArticleItem ToArticle(ArticleInfo a) => new(a.Id, a.Title, a.Outlet, a.Author, a.Url, a.Published, a.CopyOf, a.WordCount);

    private static bool Matches(EntitySummary actor, string q) =>
        actor.Name.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase) ||
        actor.Spellings.Any(s => s.Text.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase));

    internal static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The evidence sentence in the article: exactly, or else with its spaces folded.</summary>
    internal static Highlight? Find(string text, string sentence)
    {
        var wanted = sentence.Trim();
        var at = text.IndexOf(wanted, StringComparison.Ordinal);
        if (at >= 0)
        {
            return new Highlight(at, at + wanted.Length);
        }

        // Evidence may join lines the article breaks: match word by word over any whitespace.
        var words = wanted.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }

        var pattern = string.Join(@"\s+", words.Select(System.Text.RegularExpressions.Regex.Escape));
        var match = System.Text.RegularExpressions.Regex.Match(text, pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? new Highlight(match.Index, match.Index + match.Length) : null;
    }
}
