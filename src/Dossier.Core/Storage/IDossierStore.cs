using Dossier.Core.Analysis;
using Dossier.Core.Actors;
using Dossier.Core.Documents;
using Dossier.Core.Export;
using Dossier.Core.Facts;
using Dossier.Core.Identity;

namespace Dossier.Core.Storage;

/// <summary>What became of an article handed to the store.</summary>
public enum AddOutcome
{
    Stored,

    /// <summary>The same clean text is already stored: nothing was added.</summary>
    Duplicate,

    /// <summary>Stored, as a copy of an earlier article (a syndicated or lightly edited version).</summary>
    NearDuplicate,
}

public sealed record AddResult(AddOutcome Outcome, ArticleId Id, ArticleId? OriginalId = null, double Similarity = 1.0);

/// <summary>An article as stored, with what the cleaner removed and why.</summary>
public sealed record StoredArticle(
    ArticleId Id,
    string Text,
    ArticleMetadata Metadata,
    DocumentOrigin Origin,
    ArticleId? CopyOf,
    double? CopySimilarity,
    int WordCount,
    IReadOnlyList<RemovedRange> Removed,
    IReadOnlyList<TextSpan> Captions,
    OffsetMap OffsetMap,
    DateTimeOffset IngestedAt);

/// <summary>One outlet's articles: originals and copies, with the span of their publication dates.</summary>
public sealed record SourceSummary(string Outlet, int Articles, int Copies, int Originals, string? FirstPublished, string? LastPublished)
{
    /// <summary>
    /// The outlet the articles whose outlet is not known are listed under. It is a real outlet
    /// name wherever outlets are filtered: a filter by it finds those articles and their facts, so
    /// the row that lists them also leads to them.
    /// </summary>
    public const string UnknownOutlet = "(unknown outlet)";

    /// <summary>The name an article's outlet is listed and filtered under: its own, or <see cref="UnknownOutlet"/>.</summary>
    public static string ListedName(string? outlet) => outlet ?? UnknownOutlet;
}

/// <summary>
/// How search hits are ordered. Ranking reads every match (bm25 counts the articles that hold each
/// word first): 0.1 s for a word in all of 100,000 articles, where the newest first takes a few ms.
/// </summary>
public enum SearchOrder
{
    BestMatch,
    Newest,
}

public sealed record SearchHit(ArticleId Id, string? Title, string? Outlet, string? Published, string Snippet, double Rank);

/// <summary>
/// Counts and sizes of a store, for <c>dossier stats</c> and the end of an ingest: articles, copies
/// among them, refused inputs, bytes, the last ingest, and what linking found: actors (entities),
/// events, claims (as listed: a copy's repeat of its original's claim is not counted again) and ties.
/// </summary>
public sealed record StoreStatistics(int Articles, int Copies, int Refusals, long Bytes, DateTimeOffset? LastIngest, int Actors, int Events, int Claims, int Ties);

/// <summary>One run of <c>dossier ingest</c>, as recorded in the store.</summary>
public sealed record IngestRunSummary(int Read, int Stored, int Duplicates, int NearDuplicates, int Refused);

/// <summary>Finding an article by its id or a unique prefix of it, like git does with commits.</summary>
public abstract record ArticleLookup
{
    public sealed record Found(StoredArticle Article) : ArticleLookup;

    public sealed record NotFound : ArticleLookup;

    public sealed record Ambiguous(IReadOnlyList<ArticleId> Candidates) : ArticleLookup;
}

/// <summary>Articles by the linker version that made their actors: what a claim or a count selects.</summary>
public abstract record LinkerVersions
{
    private LinkerVersions()
    {
    }

    /// <summary>Articles whose actors none of these versions made, or that have none yet.</summary>
    public sealed record NoneOf(IReadOnlyList<string> Versions) : LinkerVersions;

    /// <summary>Articles whose actors exactly this version made.</summary>
    public sealed record Exactly(string Version) : LinkerVersions;
}

/// <summary>Articles one worker holds while it finds their actors; see <see cref="IDossierStore.ClaimArticles"/>.</summary>
public interface IArticleClaim : IDisposable
{
    IReadOnlyList<ArticleId> Articles { get; }

    /// <summary>Commits the actors written for the claimed articles and lets them go.</summary>
    void Complete();
}

/// <summary>
/// The store of articles and everything found in them. SQLite and PostgreSQL implement it, held to
/// the same test suite. Every write of one article is one transaction: a process killed
/// at any moment leaves each article either whole or absent.
/// </summary>
public interface IDossierStore : IDisposable
{
    /// <summary>Where the store lives, for messages (a file path or a server and database name).</summary>
    string Location { get; }

    /// <summary>Similarity at or above which an article is stored as a copy of an earlier one.</summary>
    /// <value>The default value is 0.7 estimated Jaccard similarity of word 4-shingles.</value>
    double NearDuplicateThreshold { get; }

    /// <summary>
    /// Adds one article atomically. A store may group several articles into one commit; what it has
    /// not committed yet is committed by <see cref="Flush"/>, by finishing an ingest run, and on disposal.
    /// </summary>
    AddResult AddArticle(Document document, MinHashSignature signature);

    /// <summary>Commits everything added so far.</summary>
    void Flush();

    ArticleLookup FindArticle(string idOrPrefix);

    /// <summary>Every article's id and source path, in the order stored.</summary>
    IReadOnlyList<(ArticleId Id, string OriginPath)> ListArticles();

    IReadOnlyList<SourceSummary> ListSources();

    /// <summary>The articles that contain the words: best match first (bm25, titles counting more), or the most recently stored first.</summary>
    IReadOnlyList<SearchHit> Search(string query, int limit, int offset, SearchOrder order = SearchOrder.BestMatch);

    /// <summary>How many articles contain the words of a search, counting no further than <paramref name="atMost"/>.</summary>
    int CountMatches(string query, int atMost = int.MaxValue);

    long BeginIngestRun(IReadOnlyList<string> inputs, DateTimeOffset startedAt);

    void RecordRefusal(long runId, string origin, string reason);

    void FinishIngestRun(long runId, IngestRunSummary summary, DateTimeOffset finishedAt);

    StoreStatistics GetStatistics();

    /// <summary>
    /// A number that changes when another connection (this process's or another's) has committed a
    /// write since this connection last asked, so a long-lived reader knows its caches are stale.
    /// Cheap enough to ask before every request. PostgreSQL has no such counter yet and always answers 0.
    /// </summary>
    long DataVersion();

    /// <summary>Gives back the space of deleted and replaced rows and refreshes the query planner's statistics.</summary>
    void Vacuum();

    // ---- actors ----

    /// <summary>Stored articles (originals and copies) whose actors were made by another linker version, or never.</summary>
    IReadOnlyList<ArticleId> ArticlesNeedingActors(string linkerVersion);

    /// <summary>How many articles (originals and copies) have actors made by the versions given.</summary>
    int CountArticles(LinkerVersions which);

    /// <summary>
    /// Takes up to <paramref name="max"/> articles whose actors were made by the versions given and
    /// that no other worker holds, in the order stored. Their actors are written with
    /// <see cref="ReplaceArticleActors"/> or <see cref="SetLinkerVersion"/> and kept only when the
    /// claim is completed; a claim disposed without completing (a worker killed, a stage thrown)
    /// leaves them untouched for the next worker. Empty when nothing is left to claim.
    /// </summary>
    IArticleClaim ClaimArticles(LinkerVersions which, int max);

    /// <summary>Records that an article's actors, unchanged, are those this linker version makes.</summary>
    void SetLinkerVersion(ArticleId article, string linkerVersion);

    /// <summary>Replaces one article's actors, mentions and claims, atomically.</summary>
    void ReplaceArticleActors(ArticleId article, IReadOnlyList<ArticleActor> actors, IReadOnlyList<Claim> claims, IReadOnlyList<ReportedEvent> events, IReadOnlyList<Relation> relations, string linkerVersion);

    /// <summary>Every relation, with both ends as entities.</summary>
    IReadOnlyList<RelationRow> ListRelations();

    /// <summary>Every reported event, in publication order, with its actors as entities.</summary>
    IReadOnlyList<EventRow> ListEvents();

    IReadOnlyList<ClaimRow> ListClaims(ClaimFilter filter);

    /// <summary>Every claim's key, in the order <see cref="ListClaims"/> lists claims, with the entities it involves.</summary>
    IReadOnlyList<ClaimKey> ListClaimKeys();

    /// <summary>The claims with these keys, in the order given; a key no longer stored is left out.</summary>
    IReadOnlyList<ClaimRow> ReadClaims(IReadOnlyList<ClaimKey> keys);

    /// <summary>Every article's actors, in article order.</summary>
    IEnumerable<StoredChain> ReadChains();

    /// <summary>Every tie of this kind an article states between two of its actors, by chain, in article order.</summary>
    IEnumerable<ChainTie> ReadChainTies(RelationKind kind);

    /// <summary>Replaces all entities with a new linking, atomically.</summary>
    void ReplaceEntities(IReadOnlyList<ResolvedEntity> entities);

    IReadOnlyList<EntitySummary> ListEntities(ActorKind? kind, int limit);

    EntityDetail? GetEntity(string id, int maxAppearances = int.MaxValue);

    /// <summary>Entities with this exact spelling (case-insensitive), or this id.</summary>
    IReadOnlyList<EntitySummary> FindEntities(string nameOrId);

    /// <summary>Every distinct spelling and canonical name with its entity, for suggestions.</summary>
    IReadOnlyList<(string Spelling, string EntityId)> ListSpellings();

    IReadOnlyList<EntityMentionRow> ListEntityMentions();

    void AddOverride(OverrideAction action, string subject, IReadOnlyList<string> arguments, DateTimeOffset createdAt);

    IReadOnlyList<ActorOverride> ListOverrides();

    // ---- analysis ----

    /// <summary>Every article (or only those named) with its text and entity mentions, one at a time in the order stored.</summary>
    IEnumerable<ArticleReading> ReadArticleTexts(IReadOnlyCollection<ArticleId>? only = null);

    // ---- export: readers that stream row by row, so an export holds one row at a time ----

    /// <summary>Articles that pass the filter (published in its range, mentioning its entity), in the order stored.</summary>
    IEnumerable<ExportArticle> ReadArticles(ExportFilter filter);

    /// <summary>Entities named in the articles that pass the filter, by id, each with its spellings.</summary>
    IEnumerable<ExportEntity> ReadEntities(ExportFilter filter);

    /// <summary>Claims by or about the filter's entity, in article order.</summary>
    IEnumerable<ExportClaim> ReadClaims(ExportFilter filter);

    /// <summary>Events the filter's entity took part in or that happened at it, in article order, or by date when <paramref name="byDate"/>.</summary>
    IEnumerable<ExportEvent> ReadEvents(ExportFilter filter, bool byDate = false);

    /// <summary>Relations with the filter's entity at either end, in article order, or when <paramref name="byTie"/> by source entity, target entity and kind, so that the reports of one tie come together.</summary>
    IEnumerable<ExportRelation> ReadRelations(ExportFilter filter, bool byTie = true);
}
