using System.Collections.Concurrent;
using System.Diagnostics;
using Dossier.Actors.InArticle;
using Dossier.Actors.Lexicon;
using Dossier.Actors.Resolution;
using Dossier.Core.Documents;
using Dossier.Core.Documents.Nlp;
using Dossier.Core.Facts;
using Dossier.Core.Pipeline;
using Dossier.Core.Storage;
using Dossier.Facts.Claims;
using Dossier.Facts.Events;
using Dossier.Facts.Relations;
using Dossier.Nlp;
using Dossier.Nlp.Parsing;

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
/// after the linker changed) get their mentions and chains; then all chains are joined into
/// entities again and the analyst's overrides re-applied, so an override survives every ingest.
/// Articles are taken from the store in claims, so several workers (threads here, or processes on
/// one PostgreSQL store) never annotate the same article and a killed worker loses only its claim.
/// </summary>
public sealed class AnnotationWorker
{
    /// <summary>Articles taken per claim: enough to keep every thread busy, few enough that a killed worker loses little.</summary>
    public const int ClaimSize = 64;

    private readonly IDossierStore store;
    private readonly NlpModels models;
    private readonly CountryNames countries;
    private readonly LinkingStages versionStages;
    private readonly ActorResolver resolver;
    private readonly ListedNames? listed;

    public AnnotationWorker(IDossierStore store, NlpModels models, CountryNames countries, AliasTable? aliases = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        this.store = store;
        this.models = models;
        this.countries = countries;
        listed = aliases is null ? null : new ListedNames(aliases);
        versionStages = new LinkingStages(models, countries, known: null, listed);
        resolver = new ActorResolver(countries, aliases);
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
    /// again with the names the whole corpus knows. Stored, so that the second look is never
    /// skipped for an article whose worker was killed in between.
    /// </summary>
    public string FirstLookVersion => LinkerVersion + "; first look";

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
        var firstPass = new StagePool(() => new LinkingStages(models, countries, known: null, listed));
        try
        {
            ClaimAll(firstLook, cancellationToken, articles => Annotate(articles, jobs, cancellationToken, (article, found) =>
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

                Write(article, found.Document, found.Failure, problem, FirstLookVersion);
                progress?.Invoke(new LinkingProgress(LinkingStep.Annotating, annotated + failed, Math.Max(total, annotated + failed)));
            }, firstPass.Run));

            RecoverKnownNames(jobs, progress, problem, cancellationToken);
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

    /// <summary>
    /// Claims and handles the selected articles until none is left, including those another worker
    /// holds now: when they are all claimed elsewhere this waits, and takes over any claim given up,
    /// so that every later step sees all of them done.
    /// </summary>
    private void ClaimAll(LinkerVersions which, CancellationToken cancellationToken, Action<IReadOnlyList<StoredArticle>> handle)
    {
        while (store.CountArticles(which) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var claim = store.ClaimArticles(which, ClaimSize);
            if (claim.Articles.Count == 0)
            {
                cancellationToken.WaitHandle.WaitOne(OtherWorkersPoll);
                continue;
            }

            handle(Read(claim.Articles));
            claim.Complete();
        }

        store.Flush();
    }

    private static readonly TimeSpan OtherWorkersPoll = TimeSpan.FromMilliseconds(250);

    private List<StoredArticle> Read(IEnumerable<ArticleId> ids)
    {
        var articles = new List<StoredArticle>();
        foreach (var id in ids)
        {
            if (store.FindArticle(id.Value) is ArticleLookup.Found found)
            {
                articles.Add(found.Article);
            }
        }

        return articles;
    }

    private static Document ToDocument(StoredArticle article)
        => new(article.Origin, article.Text, article.Metadata, article.OffsetMap, article.Removed, article.Captions);

    /// <summary>What the stages made of one article: the annotated document, or why they stopped.</summary>
    private readonly record struct Annotated(Document Document, StageFailure? Failure);

    /// <summary>
    /// Runs <paramref name="annotate"/> over the articles on up to <paramref name="jobs"/> threads
    /// while this thread hands each result to <paramref name="write"/> as it comes: the store is only
    /// ever touched from the calling thread.
    /// </summary>
    private static void Annotate(IReadOnlyList<StoredArticle> articles, int jobs, CancellationToken cancellationToken,
        Action<StoredArticle, Annotated> write, Func<StoredArticle, CancellationToken, Annotated> annotate)
    {
        if (jobs == 1 || articles.Count < 2)
        {
            foreach (var article in articles)
            {
                cancellationToken.ThrowIfCancellationRequested();
                write(article, annotate(article, cancellationToken));
            }

            return;
        }

        using var results = new BlockingCollection<(StoredArticle Article, Annotated Result)>();
        var workers = Task.Run(() =>
        {
            try
            {
                Parallel.ForEach(articles, new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancellationToken },
                    article => results.Add((article, annotate(article, cancellationToken))));
            }
            finally
            {
                results.CompleteAdding();
            }
        }, CancellationToken.None);
        foreach (var (article, result) in results.GetConsumingEnumerable(CancellationToken.None))
        {
            write(article, result);
        }

        // Rethrows what a worker threw (a cancellation, a stage's bug) once the written ones are in.
        workers.GetAwaiter().GetResult();
    }

    private void Write(StoredArticle article, Document document, StageFailure? failure, Action<string>? problem, string version)
    {
        if (failure is not null)
        {
            problem?.Invoke($"{article.Origin}: actors not found: {failure}");
            store.ReplaceArticleActors(article.Id, [], [], [], [], version);
            return;
        }

        store.ReplaceArticleActors(article.Id, document.Actors!, document.Claims!, document.Events!, document.Relations!, version);
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

    /// <summary>
    /// A second look at the articles annotated once: a name the recognizer found in some article
    /// ("Benghazi Defense Brigade", "GNA") but missed in this one is looked up in its text, and the
    /// article is annotated again with it when it is there and not yet among the article's names.
    /// The names known are taken once, when every article has had its first look.
    /// </summary>
    private void RecoverKnownNames(int jobs, Action<LinkingProgress>? progress, Action<string>? problem, CancellationToken cancellationToken)
    {
        var secondLook = new LinkerVersions.Exactly(FirstLookVersion);
        var total = store.CountArticles(secondLook);
        if (total == 0)
        {
            ForgetRecognized();
            return;
        }

        var chains = store.ReadChains().ToList();
        var known = new KnownNames(
            chains.SelectMany(c => c.Spellings.Concat(c.Spellings.Count > 0 ? c.Acronyms : []).Select(name => (name, c.Kind))),
            chains.Where(c => c.Spellings.Count > 0 && c.Descriptions is not null).SelectMany(c => c.Descriptions!.Select(d => (d, c.Name, c.Kind))));
        var namesOf = chains.GroupBy(c => c.ArticleId)
            .ToDictionary(g => g.Key, g => g.SelectMany(c => c.Spellings.Concat(c.Acronyms).Append(c.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase));
        chains.Clear();
        var stages = new StagePool(() => new LinkingStages(models, countries, known, listed));
        var done = 0;
        ClaimAll(secondLook, cancellationToken, articles =>
        {
            // Which articles hold a known name they do not have yet: looked up on every thread.
            var holds = articles.AsParallel().AsOrdered().WithDegreeOfParallelism(jobs).WithCancellation(cancellationToken)
                .Select(article => namesOf.GetValueOrDefault(article.Id) is var own
                                   && (known.Find(article.Text, name => own is not null && own.Contains(name) && known.Uses(name) <= 1).Any(o => !(own?.Contains(o.Name) ?? false))
                                       || KnownNames.CapitalizedWords(article.Text).Any(w => article.Text[w.Start..w.End] is var word
                                                                                             && !(own?.Contains(word) ?? false) && known.SpellingOf(word) is not null)
                                       || (known.DescriptionCount > 0 && ArticleLinker.GovernmentDescriptions(article.Text).Any(d => known.DescribedAs(d) is not null))))
                .ToArray();
            var wanted = new List<StoredArticle>();
            for (var i = 0; i < articles.Count; i++)
            {
                var article = articles[i];
                if (holds[i])
                {
                    wanted.Add(article);
                }
                else
                {
                    store.SetLinkerVersion(article.Id, LinkerVersion);
                    progress?.Invoke(new LinkingProgress(LinkingStep.SecondLook, ++done, Math.Max(total, done)));
                }
            }

            Annotate(wanted, jobs, cancellationToken, (article, found) =>
                {
                    Write(article, found.Document, found.Failure, problem, LinkerVersion);
                    progress?.Invoke(new LinkingProgress(LinkingStep.SecondLook, ++done, Math.Max(total, done)));
                },
                (article, token) => recognized is { } kept ? stages.Relink(article, kept, token) : stages.Run(article, token));
        });
        ForgetRecognized();
    }

    /// <summary>One thread's stages: the shared models, with a linker and extractors of its own.</summary>
    internal sealed class LinkingStages
    {
        private readonly ArticleLinker linker;
        private readonly IDocumentStage[] facts = [new ClaimExtractor(), new EventExtractor(), new RelationExtractor()];
        private readonly DependencyParser parser;

        // The document being relinked and the parse its first look made, which the second look's
        // parser copies instead of parsing again; set only for the length of one Relink call.
        private (Document? Document, DependencyLayer? Parse) earlier;

        public LinkingStages(NlpModels models, CountryNames countries, KnownNames? known, ListedNames? listed = null)
        {
            linker = new ArticleLinker(countries, known, listed);
            var tokenizer = new Nlp.Tokenizing.RuleTokenizer();
            var splitter = new Nlp.Sentences.SentenceSplitter();

            // The parse is read only where a fact can be: sentences that name an actor and hold a word an extractor starts from.
            parser = models.Parser.WithSentenceFilter(Facts.Syntax.FactSentences.MayHoldFact);
            Pipeline = new PipelineBuilder().Add(tokenizer).Add(splitter).Add(models.Tagger).Add(models.Recognizer).Add(linker).Add(parser).AddRange(facts).Build();
            Preparation = new PipelineBuilder().Add(tokenizer).Add(splitter).Build();
            var reusingParser = parser.WithEarlierParse(document => ReferenceEquals(document, earlier.Document) ? earlier.Parse : null);
            Relinking = new PipelineBuilder(PipelineBuilder.CleanedLayers.Concat(
                    [DocumentLayer.Tokens, DocumentLayer.Sentences, DocumentLayer.PartsOfSpeech, DocumentLayer.EntityMentions]))
                .Add(linker).Add(reusingParser).AddRange(facts).Build();
        }

        public DocumentPipeline Pipeline { get; }

        public string Version => string.Join("; ", facts.Prepend(parser).Prepend(linker).Select(stage => $"{stage.Name} {stage.Version}")) + "; " + Facts.Syntax.FactSentences.Version;

        /// <summary>Tokens and sentences, which the second look makes again rather than keeps.</summary>
        public DocumentPipeline Preparation { get; }

        /// <summary>The stages after the recognizer, for a document whose tags and mentions were kept.</summary>
        private DocumentPipeline Relinking { get; }

        /// <summary>
        /// Runs the stages after the recognizer on a document whose tags and mentions were kept,
        /// copying the parse of each sentence <paramref name="earlierParse"/> read (the first
        /// look's) and parsing only the sentences that now may hold a fact and were not read then.
        /// </summary>
        public StageFailure? Relink(Document document, DependencyLayer? earlierParse, CancellationToken cancellationToken)
        {
            earlier = (document, earlierParse);
            try
            {
                return Relinking.Run(document, cancellationToken);
            }
            finally
            {
                earlier = default;
            }
        }
    }

    /// <summary>Stage sets handed to whichever thread needs one, so that none is used by two threads at once.</summary>
    private sealed class StagePool(Func<LinkingStages> create)
    {
        private readonly ConcurrentBag<LinkingStages> idle = [];

        public Annotated Run(StoredArticle article, CancellationToken cancellationToken)
            => With(stages =>
            {
                var document = ToDocument(article);
                return new Annotated(document, stages.Pipeline.Run(document, cancellationToken));
            });

        /// <summary>
        /// Links an article again from the tags, mentions and parse kept for it, without running the
        /// tagger and recognizer again, nor the parser on sentences it read before; runs every
        /// stage when nothing fitting was kept.
        /// </summary>
        public Annotated Relink(StoredArticle article, RecognizedLayers kept, CancellationToken cancellationToken)
            => With(stages =>
            {
                var document = ToDocument(article);
                if (stages.Preparation.Run(document, cancellationToken) is { } failure)
                {
                    return new Annotated(document, failure);
                }

                if (!kept.TryRestore(article.Id, document, out var earlierParse))
                {
                    var again = ToDocument(article);
                    return new Annotated(again, stages.Pipeline.Run(again, cancellationToken));
                }

                return new Annotated(document, stages.Relink(document, earlierParse, cancellationToken));
            });

        private Annotated With(Func<LinkingStages, Annotated> work)
        {
            var stages = idle.TryTake(out var free) ? free : create();
            try
            {
                return work(stages);
            }
            finally
            {
                idle.Add(stages);
            }
        }
    }

    /// <summary>Joins the stored chains again (after an override), without annotating anything.</summary>
    public ResolutionResult Resolve()
    {
        var resolution = resolver.Resolve(store.ReadChains().ToList(), store.ListOverrides(), store.ReadChainTies(RelationKind.Leads).ToList());
        store.ReplaceEntities(resolution.Entities);
        return resolution;
    }
}
