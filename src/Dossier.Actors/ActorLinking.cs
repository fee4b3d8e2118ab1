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
        this.models = models;
        this.countries = countries;
        linker = new ArticleLinker(countries);
        pipeline = Build(linker);
        resolver = new ActorResolver(countries);
    }

    private readonly NlpModels models;
    private readonly CountryNames countries;

    private DocumentPipeline Build(ArticleLinker articleLinker) => new PipelineBuilder()
        .Add(new Nlp.Tokenizing.RuleTokenizer())
        .Add(new Nlp.Sentences.SentenceSplitter())
        .Add(models.Tagger)
        .Add(models.Recognizer)
        .Add(articleLinker)
        .Add(claims)
        .Add(events)
        .Add(relations)
        .Build();

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
            switch (Annotate(id, pipeline, problem, cancellationToken))
            {
                case true:
                    annotated++;
                    break;
                case false:
                    failed++;
                    break;
            }

            progress?.Invoke(annotated + failed, pending.Count);
        }

        store.Flush();
        if (pending.Count > 0)
        {
            RecoverKnownNames(pending, problem, cancellationToken);
        }

        var annotating = watch.Elapsed;
        watch.Restart();
        var chains = store.ReadChains().ToList();
        var resolution = resolver.Resolve(chains, store.ListOverrides());
        store.ReplaceEntities(resolution.Entities);
        return new LinkingReport(annotated, failed, chains.Count, resolution.Entities.Count, resolution.Warnings, annotating, watch.Elapsed);
    }

    /// <summary>Annotates one article and stores what was found: true, false when a stage failed, null when it is gone.</summary>
    private bool? Annotate(ArticleId id, DocumentPipeline with, Action<string>? problem, CancellationToken cancellationToken)
    {
        if (store.FindArticle(id.Value) is not ArticleLookup.Found found)
        {
            return null;
        }

        var article = found.Article;
        var document = new Document(article.Origin, article.Text, article.Metadata, article.OffsetMap, article.Removed, article.Captions);
        if (with.Run(document, cancellationToken) is { } failure)
        {
            problem?.Invoke($"{article.Origin}: actors not found: {failure}");
            store.ReplaceArticleActors(id, [], [], [], [], LinkerVersion);
            return false;
        }

        store.ReplaceArticleActors(id, document.Actors!, document.Claims!, document.Events!, document.Relations!, LinkerVersion);
        if (recognized.Count < MaxRecognized)
        {
            recognized[id] = document;
        }

        return true;
    }

    // Documents of this run kept with their recognizer layers, so that a second look re-links them
    // without running the recognizer again; bounded, so a large ingest stays in bounded memory.
    private const int MaxRecognized = 5_000;
    private readonly Dictionary<ArticleId, Document> recognized = [];

    /// <summary>Links a document again from its recognized mentions, with the known names.</summary>
    private Document? Relink(ArticleId id, ArticleLinker with, CancellationToken cancellationToken)
    {
        if (!recognized.TryGetValue(id, out var earlier))
        {
            return null;
        }

        var document = new Document(earlier.Origin, earlier.Text, earlier.Metadata, earlier.OffsetMap, earlier.Removed, earlier.Captions);
        document.SetTokens(earlier.Tokens!);
        document.SetSentences(earlier.Sentences!);
        document.SetPartsOfSpeech(earlier.PartsOfSpeech!);
        document.SetMentions(earlier.Mentions!);
        foreach (var stage in new IDocumentStage[] { with, claims, events, relations })
        {
            stage.Process(document, cancellationToken);
        }

        return document;
    }

    /// <summary>
    /// A second look at the new articles: a name the recognizer found in some article ("Benghazi
    /// Defense Brigade", "GNA") but missed in this one is looked up in its text, and the article is
    /// annotated again with it when it is there and not yet among the article's names.
    /// </summary>
    private void RecoverKnownNames(IReadOnlyList<ArticleId> pending, Action<string>? problem, CancellationToken cancellationToken)
    {
        var chains = store.ReadChains().ToList();
        var known = new KnownNames(chains.SelectMany(c => c.Spellings.Concat(c.Spellings.Count > 0 ? c.Acronyms : []).Select(name => (name, c.Kind))));
        if (known.Count == 0)
        {
            return;
        }

        var namesOf = chains.GroupBy(c => c.ArticleId)
            .ToDictionary(g => g.Key, g => g.SelectMany(c => c.Spellings.Concat(c.Acronyms).Append(c.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase));
        var secondLinker = new ArticleLinker(countries, known);
        var second = Build(secondLinker);
        foreach (var id in pending)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = recognized.TryGetValue(id, out var kept) ? kept.Text
                : store.FindArticle(id.Value) is ArticleLookup.Found found ? found.Article.Text : null;
            if (text is null)
            {
                continue;
            }

            var names = namesOf.GetValueOrDefault(id) ?? [];
            if (!known.Find(text).Any(o => !names.Contains(o.Name)))
            {
                continue;
            }

            if (Relink(id, secondLinker, cancellationToken) is { } relinked)
            {
                store.ReplaceArticleActors(id, relinked.Actors!, relinked.Claims!, relinked.Events!, relinked.Relations!, LinkerVersion);
            }
            else
            {
                Annotate(id, second, problem, cancellationToken);
            }
        }

        recognized.Clear();
        store.Flush();
    }

    /// <summary>Joins the stored chains again (after an override), without annotating anything.</summary>
    public ResolutionResult Resolve()
    {
        var resolution = resolver.Resolve(store.ReadChains().ToList(), store.ListOverrides());
        store.ReplaceEntities(resolution.Entities);
        return resolution;
    }
}
