using System.Collections.Concurrent;
using Dossier.Core.Documents;
using Dossier.Core.Pipeline;
using Dossier.Core.Storage;

namespace Dossier.Pipeline;

/// <summary>What the stages made of one article: the annotated document, or why they stopped.</summary>
internal readonly record struct Annotated(Document Document, StageFailure? Failure);

/// <summary>Stage sets handed to whichever thread needs one, so that none is used by two threads at once.</summary>
internal sealed class StagePool(Func<ArticleStages> create)
{
    private readonly ConcurrentBag<ArticleStages> idle = [];

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

    private Annotated With(Func<ArticleStages, Annotated> work)
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

    private static Document ToDocument(StoredArticle article)
        => new(article.Origin, article.Text, article.Metadata, article.OffsetMap, article.Removed, article.Captions);
}
