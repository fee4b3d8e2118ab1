using Dossier.Actors.InArticle;
using Dossier.Actors.Lexicon;
using Dossier.Core.Documents;
using Dossier.Core.Documents.Nlp;
using Dossier.Core.Pipeline;
using Dossier.Facts.Claims;
using Dossier.Facts.Events;
using Dossier.Facts.Relations;
using Dossier.Nlp;
using Dossier.Nlp.Parsing;

namespace Dossier.Pipeline;

/// <summary>
/// One thread's stages: the shared models, with a linker and extractors of its own. The whole run
/// for an article's first look (<see cref="Pipeline"/>), and the stages after the recognizer for
/// its <see cref="SecondLook"/> (<see cref="Relink"/>).
/// </summary>
internal sealed class ArticleStages
{
    private readonly ArticleLinker linker;
    private readonly IDocumentStage[] facts = [new ClaimExtractor(), new EventExtractor(), new RelationExtractor()];
    private readonly DependencyParser parser;

    // The document being relinked and the parse its first look made, which the second look's
    // parser copies instead of parsing again; set only for the length of one Relink call.
    private (Document? Document, DependencyLayer? Parse) earlier;

    public ArticleStages(NlpModels models, CountryNames countries, KnownNames? known, ListedNames? listed = null)
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
