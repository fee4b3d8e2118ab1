using Dossier.Core.Documents;
using Dossier.Nlp.Sentences;
using Dossier.Nlp.Tokenizing;

namespace Dossier.Pipeline.Tests;

public sealed class SecondLookTests
{
    [Fact]
    public void The_version_between_the_two_looks_is_the_one_stores_already_hold()
    {
        // Stored with every article between its two looks: another spelling would leave those
        // articles of an existing store without their second look, or annotate them all again.
        Assert.Equal("linker 7; first look", SecondLook.PendingVersion("linker 7"));
    }

    [Fact]
    public void An_article_made_again_from_its_text_and_the_kept_layers_has_every_layer_the_second_look_requires()
    {
        const string text = "Khalifa Haftar's forces attacked Tripoli. The GNA said 12 people were killed.";
        using var kept = new RecognizedLayers();
        kept.Keep(new ArticleId("a1"), Articles.Make(text, ("Khalifa Haftar", "PER"), ("Tripoli", "LOC"), ("GNA", "ORG")));
        var document = new Document(new DocumentOrigin("a1.txt", SourceFormat.Text), text, ArticleMetadata.Empty,
            new OffsetMap([new OffsetSegment(0, text.Length, 0, text.Length)]), [], []);
        new RuleTokenizer().Process(document, CancellationToken.None);
        new SentenceSplitter().Process(document, CancellationToken.None);

        Assert.True(kept.TryRestore(new ArticleId("a1"), document, out _));

        Assert.All(SecondLook.Requires, layer => Assert.True(document.Has(layer), $"no {layer}"));
    }
}
