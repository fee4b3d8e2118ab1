using Dossier.Core.Documents;

namespace Dossier.Core.Pipeline;

/// <summary>Why a document stopped in the pipeline: the stage and its reason, never a silent null.</summary>
public sealed record StageFailure(DocumentOrigin Origin, ArticleId ArticleId, string Stage, string Reason);

/// <summary>A checked sequence of stages, built by <see cref="PipelineBuilder"/>. Safe to share across threads
/// as long as its stages are.</summary>
public sealed class DocumentPipeline
{
    internal DocumentPipeline(IReadOnlyList<IDocumentStage> stages) => Stages = stages;

    public IReadOnlyList<IDocumentStage> Stages { get; }

    /// <summary>Runs every stage over the document; returns the first failure, or null when all stages ran.</summary>
    public StageFailure? Run(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var stage in Stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                stage.Process(document, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
#pragma warning disable CA1031 // A stage's bug costs one document, reported with the stage's name, not the batch.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                return new StageFailure(document.Origin, document.Id, stage.Name, exception.Message);
            }

            foreach (var layer in stage.Produces)
            {
                if (!document.Has(layer))
                {
                    return new StageFailure(document.Origin, document.Id, stage.Name, $"declared {layer} but did not produce it");
                }
            }
        }

        return null;
    }
}
