using Dossier.Actors.InArticle;
using Dossier.Actors.Lexicon;
using Dossier.Core.Documents;
using Dossier.Core.Pipeline;
using Dossier.Nlp;

namespace Dossier.Pipeline;

/// <summary>One text annotated in memory: the document with every layer the stages made, or why they stopped.</summary>
public sealed record ArticleAnnotation(Document Document, StageFailure? Failure);

/// <summary>
/// Annotates a single text exactly as an ingest's first look does (the stages of
/// <see cref="AnnotationWorker"/>: tokens, sentences, tags, entities, actors, claims, events, ties),
/// without a store and without cleaning, so every offset points into the text as given: for
/// evaluations against offsets made on that text. One instance per thread: the linker keeps state.
/// </summary>
public sealed class ArticleAnnotator
{
    private readonly ArticleStages stages;

    public ArticleAnnotator(NlpModels models, CountryNames countries, AliasTable? aliases = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        stages = new ArticleStages(models, countries, known: null, aliases is null ? null : new ListedNames(aliases));
    }

    /// <summary>Loads the shipped models and country table from a models folder, and the alias table from the <c>data/aliases</c> folder beside it when there is one.</summary>
    public static ArticleAnnotator Open(string modelsDirectory)
    {
        var aliases = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelsDirectory))!, "data", "aliases", AliasTable.FileName);
        return new(NlpModels.Load(modelsDirectory), CountryNames.Load(Path.Combine(modelsDirectory, CountryNames.FileName)), File.Exists(aliases) ? AliasTable.Load(aliases) : null);
    }

    /// <summary>Runs every stage over <paramref name="text"/>, taken as the clean text unchanged; <paramref name="name"/> is its origin.</summary>
    public ArticleAnnotation Annotate(string name, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var document = new Document(new DocumentOrigin(name, SourceFormat.Text), text, ArticleMetadata.Empty,
            new OffsetMap([new OffsetSegment(0, text.Length, 0, text.Length)]), [], []);
        return new ArticleAnnotation(document, stages.Pipeline.Run(document, cancellationToken));
    }
}
