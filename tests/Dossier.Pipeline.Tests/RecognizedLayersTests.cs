using Dossier.Core.Documents;
using Dossier.Core.Documents.Nlp;
using Dossier.Nlp.Sentences;
using Dossier.Nlp.Tokenizing;

namespace Dossier.Pipeline.Tests;

public sealed class RecognizedLayersTests
{
    private const string Text = "Khalifa Haftar's forces attacked Tripoli. The GNA said 12 people were killed in Ain Zara.";

    [Fact]
    public void A_kept_article_gets_back_the_same_tags_and_mentions_on_freshly_made_tokens()
    {
        var annotated = Articles.Make(Text, ("Khalifa Haftar", "PER"), ("Tripoli", "LOC"), ("GNA", "ORG"), ("Ain Zara", "LOC"));
        var universal = annotated.Tokens!.Select((_, i) => i % 3 == 0 ? "PROPN" : i % 3 == 1 ? "VERB" : "PUNCT").ToArray();
        var penn = annotated.Tokens!.Select((_, i) => i % 2 == 0 ? "NNP" : "VBD").ToArray();
        var tagged = Fresh();
        tagged.SetPartsOfSpeech(new PartOfSpeechLayer(universal, penn));
        tagged.SetMentions(annotated.Mentions!);
        using var layers = new RecognizedLayers();
        layers.Keep(new ArticleId("a7"), tagged);
        layers.Keep(new ArticleId("a8"), annotated);

        var restored = Fresh();
        Assert.True(layers.TryRestore(new ArticleId("a7"), restored, out var parse));

        Assert.Equal(universal, restored.PartsOfSpeech!.Universal);
        Assert.Equal(penn, restored.PartsOfSpeech.Penn);
        Assert.Equal(annotated.Mentions!, restored.Mentions!);
        Assert.Equal(4, restored.Mentions!.Count);
        Assert.Equal(2, layers.Count);
        Assert.Null(parse);
        Assert.Null(restored.Dependencies);
    }

    [Fact]
    public void A_kept_parse_comes_back_as_it_was_with_its_unparsed_sentences_unparsed_and_is_not_set_on_the_document()
    {
        var annotated = Articles.Make(Text, ("Khalifa Haftar", "PER"), ("Tripoli", "LOC"), ("GNA", "ORG"), ("Ain Zara", "LOC"));
        var second = annotated.Sentences![1];
        var count = annotated.Tokens!.Count;
        var parsed = Enumerable.Range(0, count).Select(i => i >= second.TokenStart).ToArray();
        var heads = Enumerable.Range(0, count).Select(i => !parsed[i] || i == second.TokenStart + 2 ? -1 : i == second.TokenStart + 1 ? i + 1 : second.TokenStart + 2).ToArray();
        var relations = Enumerable.Range(0, count).Select(i => !parsed[i] ? string.Empty : heads[i] < 0 ? "root" : i % 2 == 0 ? "nsubj" : "obl:agent").ToArray();
        annotated.SetDependencies(new DependencyLayer(heads, relations, parsed));
        using var layers = new RecognizedLayers();
        layers.Keep(new ArticleId("a7"), annotated);

        var restored = Fresh();
        Assert.True(layers.TryRestore(new ArticleId("a7"), restored, out var parse));

        Assert.NotNull(parse);
        Assert.Equal(heads, parse.Heads);
        Assert.Equal(relations, parse.Relations);
        Assert.Equal(parsed, parse.Parsed);
        Assert.Null(restored.Dependencies);
        Assert.Equal(annotated.Mentions!, restored.Mentions!);
    }

    [Fact]
    public void An_article_never_kept_is_not_restored_and_its_document_is_left_untouched()
    {
        using var layers = new RecognizedLayers();
        layers.Keep(new ArticleId("a1"), Articles.Make(Text, ("Tripoli", "LOC")));
        var document = Fresh();

        Assert.False(layers.TryRestore(new ArticleId("a2"), document, out var parse));
        Assert.Null(parse);
        Assert.Null(document.PartsOfSpeech);
        Assert.Null(document.Mentions);
    }

    [Fact]
    public void Layers_kept_for_other_tokens_are_refused_rather_than_misplaced()
    {
        using var layers = new RecognizedLayers();
        layers.Keep(new ArticleId("a1"), Articles.Make(Text, ("Tripoli", "LOC")));
        var changed = Articles.Make("Tripoli was quiet.", ("Tripoli", "LOC"));
        var document = new Document(changed.Origin, "Tripoli was quiet.", changed.Metadata, changed.OffsetMap, [], []);
        new RuleTokenizer().Process(document, CancellationToken.None);

        Assert.False(layers.TryRestore(new ArticleId("a1"), document, out _));
        Assert.Null(document.Mentions);
    }

    [Fact]
    public void The_temporary_file_is_gone_once_the_layers_are_disposed()
    {
        var folder = Directory.CreateTempSubdirectory("dossier-layers-test").FullName;
        try
        {
            var layers = new RecognizedLayers(folder);
            layers.Keep(new ArticleId("a1"), Articles.Make(Text, ("Tripoli", "LOC")));
            Assert.Single(Directory.GetFiles(folder));

            layers.Dispose();

            Assert.Empty(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Document Fresh()
    {
        var document = new Document(new DocumentOrigin("test.txt", SourceFormat.Text), Text, ArticleMetadata.Empty,
            new OffsetMap([new OffsetSegment(0, Text.Length, 0, Text.Length)]), [], []);
        new RuleTokenizer().Process(document, CancellationToken.None);
        new SentenceSplitter().Process(document, CancellationToken.None);
        return document;
    }
}
