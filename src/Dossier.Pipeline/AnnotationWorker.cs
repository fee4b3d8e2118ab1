using System.Diagnostics;
using Dossier.Actors.InArticle;
using Dossier.Actors.Lexicon;
using Dossier.Actors.Resolution;
using Dossier.Core.Documents;
using Dossier.Core.Facts;
using Dossier.Core.Storage;
using Dossier.Nlp;

namespace Dossier.Pipeline;

/// <summary>The steps of a linking, in order, as its progress reports them.</summary>
public enum LinkingStep
{
    /// <summary>Articles annotated: tokens to entities, actors, claims, events and ties.</summary>
    Annotating,

    /// <summary>Annotated articles looked at again for names the rest of the corpus knows.</summary>
    SecondLook,

    /// <summary>Every article actor joined into actors (<see cref="LinkingProgress.Total"/> article actors).</summary>
    Joining,
}

/// <summary>How far a linking is: <paramref name="Done"/> of <paramref name="Total"/> in its current step.</summary>
public readonly record struct LinkingProgress(LinkingStep Step, int Done, int Total);

/// <summary>What one linking did, for the end of an ingest and for <c>dossier link</c>.</summary>
public sealed record LinkingReport(int ArticlesAnnotated, int ArticlesFailed, int Chains, int Entities, IReadOnlyList<string> Warnings, TimeSpan Annotating, TimeSpan Resolving);

/// <summary>
/// The annotate and link steps over a store: articles without actors (new ones, or all of them
/// after the linker changed) get their mentions and chains, claims, events and ties (the first
/// look, <see cref="ArticleStages"/>), then the <see cref="SecondLook"/> with the names the whole
/// corpus knows; then all chains are joined into entities again and the analyst's overrides
/// re-applied, so an override survives every ingest.
/// Articles are taken from the store in claims, so several workers (threads here, or processes on
/// one PostgreSQL store) never annotate the same article and a killed worker loses only its claim.
/// </summary>
public sealed class AnnotationWorker
{
    private readonly IDossierStore store;
    private readonly NlpModels models;
    private readonly CountryNames countries;
    private readonly ArticleStages versionStages;
    private readonly ActorResolver resolver;
    private readonly ListedNames? listed;
    private readonly ArticleClaims claims;

    public AnnotationWorker(IDossierStore store, NlpModels models, CountryNames countries, AliasTable? aliases = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        this.store = store;
        this.models = models;
        this.countries = countries;
        listed = aliases is null ? null : new ListedNames(aliases);
        versionStages = new ArticleStages(models, countries, known: null, listed);
        resolver = new ActorResolver(countries, aliases);
        claims = new ArticleClaims(store);
    }

    /// <summary>Changes when the linker or the claim extractor changes, so stored articles are annotated again.</summary>
    public string LinkerVersion => versionStages.Version;

    /// <summary>
    /// Loads the shipped models and country table from a models folder, and the alias table from the
    /// <c>data/aliases</c> folder beside it; without that folder no actors are joined by the table.
    /// </summary>
    public static AnnotationWorker Open(IDossierStore store, string modelsDirectory)
    {
        var aliases = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelsDirectory))!, "data", "aliases", AliasTable.FileName);
        return new(store, NlpModels.Load(modelsDirectory), CountryNames.Load(Path.Combine(modelsDirectory, CountryNames.FileName)),
            File.Exists(aliases) ? AliasTable.Load(aliases) : null);
    }

    /// <summary>
    /// The version an article's actors carry between the two looks: annotated, not yet looked at
    /// again with the names the whole corpus knows (<see cref="SecondLook"/>). Stored, so that the
    /// second look is never skipped for an article whose worker was killed in between.
    /// </summary>
    public string FirstLookVersion => SecondLook.PendingVersion(LinkerVersion);

    /// <summary>
    /// Annotates every article that needs it on <paramref name="jobs"/> threads, then gives each
    /// annotated article a second look with the names found in all of them, and joins all chains
    /// into entities. Other workers may run at the same time against the same store.
    /// </summary>
    public LinkingReport Run(Action<LinkingProgress>? progress, Action<string>? problem, CancellationToken cancellationToken, int jobs = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        var watch = Stopwatch.StartNew();
        var firstLook = new LinkerVersions.NoneOf([LinkerVersion, FirstLookVersion]);
        var total = store.CountArticles(firstLook);
        int annotated = 0, failed = 0;
        var firstPass = new StagePool(() => new ArticleStages(models, countries, known: null, listed));
        try
        {
            claims.ClaimAll(firstLook, cancellationToken, articles => ArticleClaims.Annotate(articles, jobs, cancellationToken, (article, found) =>
            {
                if (found.Failure is null)
                {
                    annotated++;
                    Keep(article.Id, found.Document);
                }
                else
                {
                    failed++;
                }

                claims.Write(article, found.Document, found.Failure, problem, FirstLookVersion);
                progress?.Invoke(new LinkingProgress(LinkingStep.Annotating, annotated + failed, Math.Max(total, annotated + failed)));
            }, firstPass.Run));

            new SecondLook(store, claims, known => new ArticleStages(models, countries, known, listed), LinkerVersion)
                .Run(recognized, jobs, progress, problem, cancellationToken);
        }
        finally
        {
            ForgetRecognized();
        }

        var annotating = watch.Elapsed;
        watch.Restart();
        var chains = store.ReadChains().ToList();
        progress?.Invoke(new LinkingProgress(LinkingStep.Joining, 0, chains.Count));
        var resolution = resolver.Resolve(chains, store.ListOverrides(), store.ReadChainTies(RelationKind.Leads).ToList());
        store.ReplaceEntities(resolution.Entities);
        progress?.Invoke(new LinkingProgress(LinkingStep.Joining, chains.Count, chains.Count));
        return new LinkingReport(annotated, failed, chains.Count, resolution.Entities.Count, resolution.Warnings, annotating, watch.Elapsed);
    }

    // What the tagger and recognizer found in the articles of this run, so that the second look
    // re-links them without running those models again; kept in a temporary file, not in memory.
    private RecognizedLayers? recognized;

    private void Keep(ArticleId id, Document document)
    {
        recognized ??= new RecognizedLayers();
        recognized.Keep(id, document);
    }

    private void ForgetRecognized()
    {
        recognized?.Dispose();
        recognized = null;
    }

    /// <summary>Joins the stored chains again (after an override), without annotating anything.</summary>
    public ResolutionResult Resolve()
    {
        var resolution = resolver.Resolve(store.ReadChains().ToList(), store.ListOverrides(), store.ReadChainTies(RelationKind.Leads).ToList());
        store.ReplaceEntities(resolution.Entities);
        return resolution;
    }
}
