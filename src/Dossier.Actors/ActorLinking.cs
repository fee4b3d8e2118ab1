using System.Diagnostics;
using Dossier.Actors.InArticle;
using Dossier.Actors.Lexicon;
using Dossier.Actors.Resolution;
using Dossier.Core.Documents;
using Dossier.Core.Pipeline;
using Dossier.Core.Storage;
using Dossier.Facts.Claims;
using Dossier.Facts.Events;
using Dossier.Facts.Relations;
using Dossier.Nlp;

namespace Dossier.Actors;

/// <summary>What one linking did, for the end of an ingest and for <c>dossier link</c>.</summary>
public sealed record LinkingReport(int ArticlesAnnotated, int ArticlesFailed, int Chains, int Entities, IReadOnlyList<string> Warnings, TimeSpan Annotating, TimeSpan Resolving);

/// <summary>
/// The annotate and link steps over a store: articles without actors (new ones, or all of them
/// after the linker changed) get their mentions and chains; then all chains are joined into
/// entities again and the analyst's overrides re-applied, so an override survives every ingest.
/// </summary>
public sealed class ActorLinking
{
    private readonly IDossierStore store;
    private readonly DocumentPipeline pipeline;
    private readonly ArticleLinker linker;
    private readonly ClaimExtractor claims = new();
    private readonly EventExtractor events = new();
    private readonly RelationExtractor relations = new();
    private readonly ActorResolver resolver;

    public ActorLinking(IDossierStore store, NlpModels models, CountryNames countries)
    {
        ArgumentNullException.ThrowIfNull(models);
        this.store = store;
        linker = new ArticleLinker(countries);
        pipeline = new PipelineBuilder()
            .Add(new Nlp.Tokenizing.RuleTokenizer())
            .Add(new Nlp.Sentences.SentenceSplitter())
            .Add(models.Tagger)
            .Add(models.Recognizer)
            .Add(linker)
            .Add(claims)
            .Add(events)
            .Add(relations)
            .Build();
        resolver = new ActorResolver(countries);
    }

    /// <summary>Changes when the linker or the claim extractor changes, so stored articles are annotated again.</summary>
    public string LinkerVersion => $"{linker.Name} {linker.Version}; {claims.Name} {claims.Version}; {events.Name} {events.Version}; {relations.Name} {relations.Version}";

    /// <summary>Loads the shipped models and country table from a models folder.</summary>
    public static ActorLinking Open(IDossierStore store, string modelsDirectory)
        => new(store, NlpModels.Load(modelsDirectory), CountryNames.Load(Path.Combine(modelsDirectory, CountryNames.FileName)));

    public LinkingReport Run(Action<int, int>? progress, Action<string>? problem, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var pending = store.ArticlesNeedingActors(LinkerVersion);
        int annotated = 0, failed = 0;
        foreach (var id in pending)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (store.FindArticle(id.Value) is not ArticleLookup.Found found)
            {
                continue;
            }

            var article = found.Article;
            var document = new Document(article.Origin, article.Text, article.Metadata, article.OffsetMap, article.Removed, article.Captions);
            if (pipeline.Run(document, cancellationToken) is { } failure)
            {
                failed++;
                problem?.Invoke($"{article.Origin}: actors not found: {failure}");
                store.ReplaceArticleActors(id, [], [], [], [], LinkerVersion);
            }
            else
            {
                store.ReplaceArticleActors(id, document.Actors!, document.Claims!, document.Events!, document.Relations!, LinkerVersion);
                annotated++;
            }

            progress?.Invoke(annotated + failed, pending.Count);
        }

        store.Flush();
        var annotating = watch.Elapsed;
        watch.Restart();
        var chains = store.ReadChains().ToList();
        var resolution = resolver.Resolve(chains, store.ListOverrides());
        store.ReplaceEntities(resolution.Entities);
        return new LinkingReport(annotated, failed, chains.Count, resolution.Entities.Count, resolution.Warnings, annotating, watch.Elapsed);
    }

    /// <summary>Joins the stored chains again (after an override), without annotating anything.</summary>
    public ResolutionResult Resolve()
    {
        var resolution = resolver.Resolve(store.ReadChains().ToList(), store.ListOverrides());
        store.ReplaceEntities(resolution.Entities);
        return resolution;
    }
}
