using Dossier.Core.Documents;

namespace Dossier.Core.Pipeline;

/// <summary>
/// One step of the annotate/link/extract part of the pipeline. A stage reads the layers it requires
/// and adds the layers it produces; it never changes the text or an earlier layer.
/// </summary>
public interface IDocumentStage
{
    /// <summary>The stage's name, recorded with everything it produces.</summary>
    string Name { get; }

    /// <summary>Changes whenever the stage's output for the same input may change.</summary>
    string Version { get; }

    IReadOnlySet<DocumentLayer> Requires { get; }

    IReadOnlySet<DocumentLayer> Produces { get; }

    void Process(Document document, CancellationToken cancellationToken);
}
