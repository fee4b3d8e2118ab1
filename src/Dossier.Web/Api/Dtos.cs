namespace Dossier.Web.Api;

// The JSON shapes of the API. Enumerations are written as the CLI's names ("armed-group",
// "allied_with"), so a script can pass what it read straight back as a filter.

/// <summary>One page of a list: <see cref="Total"/> is null when counting all would cost a full scan.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Offset, int Limit, int? Total, bool More);

public sealed record ServerInfo(string Store, int Articles, int Copies, int Actors, int Events, int Relations, bool IngestAllowed, bool TokenRequired);

public sealed record ActorItem(string Id, string Name, string Kind, int Mentions, int Articles, IReadOnlyList<string> Spellings);

public sealed record ActorName(string Text, int Count, string Form, string Reason, string FirstArticle);

public sealed record ActorAppearance(string ArticleId, string? Title, string? Outlet, string ChainName, int Mentions, string Rule, double Score, string Detail);

public sealed record ActorRef(string? Id, string Name);

/// <summary>
/// One tie as one sentence states it. <see cref="CopiedBy"/> names the outlets of the syndicated
/// copies of its article that repeat the sentence: each is one more outlet reporting it, not a
/// sentence of its own (as a claim's).
/// </summary>
public sealed record TieItem(string Kind, string Group, ActorRef Source, ActorRef Target, string Cue, string Polarity, string? SaidBy, string ArticleId, string? Outlet, string? Published, string Evidence, IReadOnlyList<string> CopiedBy);

public sealed record EventCountItem(string Kind, long Low, long? High, string Bound, string Text);

/// <summary>One report of an event; <see cref="CopiedBy"/> names the outlets of the syndicated copies of its article that repeat it in the same sentence.</summary>
public sealed record EventItem(
    string Id,
    string Type,
    string Trigger,
    string? DateFirst,
    string? DateLast,
    string? DatePrecision,
    string? DateText,
    ActorRef? Place,
    double[]? Coordinates,
    string? CoordinatesFrom,
    IReadOnlyList<ActorRef> Agents,
    IReadOnlyList<ActorRef> Targets,
    IReadOnlyList<EventCountItem> Counts,
    long? Killed,
    string? SaidBy,
    string ArticleId,
    string? Title,
    string? Outlet,
    string? Published,
    string Evidence,
    IReadOnlyList<string> CopiedBy);

public sealed record ClaimItem(
    string ArticleId,
    string? Title,
    string? Outlet,
    string? Published,
    string Form,
    string Modality,
    string Cue,
    string SpeakerText,
    ActorRef? Speaker,
    ActorRef? SpeaksFor,
    string Content,
    string Sentence,
    IReadOnlyList<string> CopiedBy);

public sealed record ActorDossier(
    ActorItem Actor,
    string KindReason,
    IReadOnlyList<ActorName> Names,
    IReadOnlyList<TieItem> Roles,
    IReadOnlyList<TieItem> Ties,
    IReadOnlyList<EventItem> Events,
    IReadOnlyList<ClaimItem> ClaimsBy,
    IReadOnlyList<ClaimItem> ClaimsAbout,
    IReadOnlyList<ActorAppearance> Articles,
    IReadOnlyList<string> Overrides,
    IReadOnlyList<LabelItem> Labels,
    IReadOnlyList<DisputeItem> Disputes,
    DossierTotals Totals);

/// <summary>
/// How long the dossier's lists are in full (each shows at most its first 200), and whether the
/// store's analyses were ready: when not, labels and disputes are empty for now, not absent.
/// </summary>
public sealed record DossierTotals(int Ties, int Events, bool MoreClaimsBy, bool MoreClaimsAbout, int Articles, bool AnalysisReady);

/// <summary>An actor of the graph with its position (<see cref="X"/>, <see cref="Y"/>) in a layout of the whole store's graph, computed by the server.</summary>
public sealed record GraphNode(string Id, string Name, string Kind, int Mentions, int Articles, float X, float Y);

public sealed record GraphEdge(string Id, string Source, string Target, string Kind, string Group, int Reports, int Outlets);

/// <summary>The graph: <see cref="TiesBetweenShown"/> counts the ties between the actors shown, of which <see cref="Edges"/> holds the strongest (the maxTies parameter).</summary>
public sealed record ActorGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, IReadOnlyList<string> Outlets, IReadOnlyList<string> Kinds, IReadOnlyList<string> Groups, int ActorsInStore, int TiesBetweenShown);

public sealed record SourceItem(string Outlet, int Articles, int Originals, int Copies, string? FirstPublished, string? LastPublished, IReadOnlyList<SourceActor> TopActors);

public sealed record SourceActor(string Id, string Name, int Reports);

public sealed record ArticleItem(string Id, string? Title, string? Outlet, string? Author, string? Url, string? Published, string? CopyOf, int WordCount);

public sealed record Highlight(int Start, int End);

public sealed record ArticleText(ArticleItem Article, string Text, Highlight? Highlight);

/// <summary>
/// A search's answer: <paramref name="Matches"/> articles contain the words (null: more than the
/// server ranks), listed in <paramref name="Order"/>: "best match" first, or "newest" first.
/// </summary>
public sealed record SearchResult(IReadOnlyList<ActorItem> Actors, Page<ArticleHit> Articles, int? Matches, string Order);

public sealed record ArticleHit(string Id, string? Title, string? Outlet, string? Published, string Snippet);

/// <summary>The multipart form of an ingest request: files, or pasted text with its title and outlet, or both.</summary>
/// <remarks>Properties, not a constructor's parameters, so that the OpenAPI schema requires none of them.</remarks>
public sealed record IngestUpload
{
    public IReadOnlyList<IFormFile>? Files { get; init; }

    public string? Text { get; init; }

    public string? Title { get; init; }

    public string? Outlet { get; init; }
}

public sealed record IngestText(string Text, string? Title, string? Outlet);

public sealed record IngestResult(int Files, int Read, int Stored, int Duplicates, int NearDuplicates, int Refused, IReadOnlyList<string> Refusals, IReadOnlyList<string> StoredIds, int ArticlesInStore);
