using Dossier.Core.Documents;

namespace Dossier.Core.Pipeline;

/// <summary>
/// Builds a <see cref="DocumentPipeline"/>, checking when it is built, not when the first document
/// fails, that every stage's requirements are produced by a stage before it.
/// </summary>
public sealed class PipelineBuilder
{
    /// <summary>Layers every cleaned document has before the first stage runs.</summary>
    public static readonly IReadOnlySet<DocumentLayer> CleanedLayers =
        new HashSet<DocumentLayer> { DocumentLayer.CleanText, DocumentLayer.Metadata };

    private static readonly Dictionary<DocumentLayer, string> UsualProducers = new()
    {
        [DocumentLayer.Tokens] = "a tokenizer (RuleTokenizer)",
        [DocumentLayer.Sentences] = "a sentence splitter (SentenceSplitter)",
        [DocumentLayer.PartsOfSpeech] = "a part-of-speech tagger (PerceptronTagger)",
        [DocumentLayer.EntityMentions] = "a named-entity recognizer (EntityRecognizer)",
        [DocumentLayer.Dependencies] = "a dependency parser (DependencyParser)",
    };

    private readonly List<IDocumentStage> stages = [];
    private readonly HashSet<DocumentLayer> given = new(CleanedLayers);

    public PipelineBuilder()
    {
    }

    /// <summary>A pipeline that goes on with documents which already have <paramref name="layers"/> (besides the cleaned ones).</summary>
    public PipelineBuilder(IEnumerable<DocumentLayer> layers) => given.UnionWith(layers);

    public PipelineBuilder Add(IDocumentStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        stages.Add(stage);
        return this;
    }

    public PipelineBuilder AddRange(IEnumerable<IDocumentStage> stagesInOrder)
    {
        ArgumentNullException.ThrowIfNull(stagesInOrder);
        foreach (var stage in stagesInOrder)
        {
            Add(stage);
        }

        return this;
    }

    public DocumentPipeline Build()
    {
        var available = new HashSet<DocumentLayer>(given);
        foreach (var stage in stages)
        {
            var missing = stage.Requires.Where(layer => !available.Contains(layer)).Order().ToList();
            if (missing.Count > 0)
            {
                var hints = string.Join("; ", missing.Select(layer =>
                    UsualProducers.TryGetValue(layer, out var producer) ? $"{layer} is usually produced by {producer}" : $"nothing usually produces {layer}"));
                throw new PipelineConfigurationException(
                    $"Stage {stage.Name} requires {string.Join(", ", missing)}, which no stage before it produces ({hints}).");
            }

            foreach (var layer in stage.Produces)
            {
                if (!available.Add(layer))
                {
                    throw new PipelineConfigurationException(
                        $"Stage {stage.Name} produces {layer}, which an earlier stage already produces; a layer is written once.");
                }
            }
        }

        return new DocumentPipeline([.. stages]);
    }
}

public sealed class PipelineConfigurationException(string message) : Exception(message);
