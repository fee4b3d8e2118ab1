namespace Dossier.Core.Documents;

/// <summary>
/// One article on its way through the pipeline. The clean text never changes once made; each stage
/// adds a typed layer over it and never rewrites an earlier one.
/// </summary>
public sealed partial class Document
{
    private readonly HashSet<DocumentLayer> layers = [DocumentLayer.CleanText, DocumentLayer.Metadata];

    public Document(DocumentOrigin origin, string text, ArticleMetadata metadata, OffsetMap offsetMap,
        IReadOnlyList<RemovedRange> removed, IReadOnlyList<TextSpan> captions)
    {
        ArgumentNullException.ThrowIfNull(text);
        Origin = origin;
        Text = text;
        IdentityText = TextNormalizer.ForIdentity(text);
        Id = ArticleId.FromNormalizedText(IdentityText);
        Metadata = metadata;
        OffsetMap = offsetMap;
        Removed = removed;
        Captions = captions;
    }

    public ArticleId Id { get; }

    /// <summary>The text in the normal form its id and its near-duplicate signature are made from.</summary>
    public string IdentityText { get; }

    public DocumentOrigin Origin { get; }

    /// <summary>The clean article body; every offset in every layer points into it.</summary>
    public string Text { get; }

    public ArticleMetadata Metadata { get; }

    /// <summary>The version of the cleaner that made <see cref="Text"/>, stored so a changed cleaner can be told apart.</summary>
    public string CleanerVersion { get; init; } = "unknown";

    public OffsetMap OffsetMap { get; }

    /// <summary>The parts of the source the cleaner left out, in source order.</summary>
    public IReadOnlyList<RemovedRange> Removed { get; }

    /// <summary>Photo captions and credits: kept in the text, but not the article's own reporting.</summary>
    public IReadOnlyList<TextSpan> Captions { get; }

    public IReadOnlySet<DocumentLayer> Layers => layers;

    public bool Has(DocumentLayer layer) => layers.Contains(layer);

    /// <summary>Marks a layer as present; a stage calls this once it has set the layer's data.</summary>
    public void MarkProduced(DocumentLayer layer)
    {
        if (!layers.Add(layer))
        {
            throw new InvalidOperationException($"Layer {layer} is already set on article {Id.Short}; stages never rewrite a layer.");
        }
    }

    public bool IsCaption(int offset) => Captions.Any(c => c.Contains(offset));
}
