using Dossier.Core.Documents;
using Dossier.Core.Documents.Nlp;
using Dossier.Nlp.Parsing;
using Dossier.Nlp.Sentences;
using Dossier.Nlp.Tokenizing;

namespace Dossier.Nlp.Tests.Parsing;

public sealed class DependencyParserTests
{
    private static readonly Lazy<DependencyParser> Tiny = new(() => DependencyParser.Train(ArcHybridTests.Sample, new ParserTrainingOptions { Epochs = 8 }));

    [Fact]
    public void Training_twice_on_the_same_trees_writes_the_same_bytes()
    {
        var directory = Directory.CreateTempSubdirectory("dossier-parser-").FullName;
        try
        {
            var paths = new[] { Path.Combine(directory, "a.model"), Path.Combine(directory, "b.model") };
            foreach (var path in paths)
            {
                DependencyParser.Train(ArcHybridTests.Sample, new ParserTrainingOptions { Epochs = 6, Development = ArcHybridTests.Sample }).Save(path, pruneBelow: 0f);
            }

            Assert.Equal(File.ReadAllBytes(paths[0]), File.ReadAllBytes(paths[1]));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Parser_trained_on_a_few_trees_reparses_them_and_survives_saving()
    {
        var directory = Directory.CreateTempSubdirectory("dossier-parser-").FullName;
        try
        {
            var path = Path.Combine(directory, "parse.model");
            Tiny.Value.Save(path, pruneBelow: 0f);
            var loaded = DependencyParser.Load(path);
            var sentence = ArcHybridTests.Sample[1];

            var tree = loaded.Parse(sentence.Words, sentence.Universal, sentence.Penn);

            Assert.Equal(sentence.Heads, tree.Heads);
            Assert.Equal(sentence.Relations, tree.Relations);
            Assert.Contains("nsubj:pass", loaded.Relations);
            Assert.Equal(16, loaded.Version.Length);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Stage_gives_every_token_one_head_in_its_sentence_without_cycles_and_one_root_per_sentence()
    {
        var document = Make("Militia fighters attacked the convoy near the border on Monday. Officials said two soldiers were killed. Talks resumed.");

        Tiny.Value.Process(document, CancellationToken.None);

        var layer = document.Dependencies!;
        Assert.All(layer.Parsed, Assert.True);
        foreach (var sentence in document.Sentences!)
        {
            var roots = 0;
            for (var i = sentence.TokenStart; i < sentence.TokenEnd; i++)
            {
                if (layer.Heads[i] < 0)
                {
                    roots++;
                    Assert.Equal("root", layer.Relations[i]);
                    continue;
                }

                Assert.InRange(layer.Heads[i], sentence.TokenStart, sentence.TokenEnd - 1);
                Assert.NotEqual(i, layer.Heads[i]);
                Assert.NotEqual("root", layer.Relations[i]);
                Assert.NotEmpty(layer.Relations[i]);
            }

            Assert.Equal(1, roots);
            var local = Enumerable.Range(sentence.TokenStart, sentence.TokenEnd - sentence.TokenStart)
                .Select(i => layer.Heads[i] < 0 ? -1 : layer.Heads[i] - sentence.TokenStart).ToArray();
            Assert.True(ProjectivizerTests.IsTree(local));
        }
    }

    [Fact]
    public void Stage_with_a_sentence_filter_marks_the_other_sentences_unparsed()
    {
        var document = Make("Rebels seized the town. The weather was fine. Two soldiers were killed.");
        var parser = Tiny.Value.WithSentenceFilter((d, s) => d.TextOf(d.Tokens![s.TokenStart]) != "The");

        parser.Process(document, CancellationToken.None);

        var layer = document.Dependencies!;
        var skipped = document.Sentences![1];
        for (var i = 0; i < layer.Heads.Length; i++)
        {
            var inSkipped = i >= skipped.TokenStart && i < skipped.TokenEnd;
            Assert.Equal(!inSkipped, layer.Parsed[i]);
            if (inSkipped)
            {
                Assert.Equal(-1, layer.Heads[i]);
                Assert.Equal(string.Empty, layer.Relations[i]);
            }
        }

        Assert.Equal(2, layer.Heads.Count(h => h < 0) - (skipped.TokenEnd - skipped.TokenStart));
    }

    [Fact]
    public void Stage_with_an_earlier_parse_copies_the_sentences_it_read_and_parses_only_the_others()
    {
        var document = Make("Rebels seized the town. The weather was fine. Two soldiers were killed.");
        var sentences = document.Sentences!;
        var fresh = Make("Rebels seized the town. The weather was fine. Two soldiers were killed.");
        Tiny.Value.Process(fresh, CancellationToken.None);

        // An earlier parse that read the first two sentences, with marked heads no parser would give,
        // so a copied sentence is told from a parsed one.
        var count = document.Tokens!.Count;
        var heads = new int[count];
        var relations = new string[count];
        var parsed = new bool[count];
        for (var i = 0; i < count; i++)
        {
            var read = i < sentences[1].TokenEnd;
            heads[i] = read ? (i == sentences[0].TokenStart || i == sentences[1].TokenStart ? -1 : i - 1) : -1;
            relations[i] = read ? "earlier" : string.Empty;
            parsed[i] = read;
        }

        var earlier = new DependencyLayer(heads, relations, parsed);
        var parser = Tiny.Value.WithSentenceFilter((d, s) => d.TextOf(d.Tokens![s.TokenStart]) != "Rebels").WithEarlierParse(_ => earlier);

        parser.Process(document, CancellationToken.None);

        var layer = document.Dependencies!;
        for (var i = 0; i < count; i++)
        {
            if (i < sentences[0].TokenEnd)
            {
                // Read before but not wanted now: unparsed, as a fresh parse with this filter leaves it.
                Assert.False(layer.Parsed[i]);
                Assert.Equal(-1, layer.Heads[i]);
                Assert.Equal(string.Empty, layer.Relations[i]);
            }
            else if (i < sentences[1].TokenEnd)
            {
                Assert.True(layer.Parsed[i]);
                Assert.Equal(heads[i], layer.Heads[i]);
                Assert.Equal("earlier", layer.Relations[i]);
            }
            else
            {
                Assert.True(layer.Parsed[i]);
                Assert.Equal(fresh.Dependencies!.Heads[i], layer.Heads[i]);
                Assert.Equal(fresh.Dependencies.Relations[i], layer.Relations[i]);
            }
        }
    }

    [Fact]
    public void Stage_with_an_earlier_parse_of_its_own_gives_the_same_layer_as_a_fresh_parse()
    {
        const string Text = "Militia fighters attacked the convoy near the border on Monday. Officials said two soldiers were killed. Talks resumed.";
        var first = Make(Text);
        Tiny.Value.WithSentenceFilter((d, s) => s.TokenStart > 0).Process(first, CancellationToken.None);
        var again = Make(Text);
        var fresh = Make(Text);

        Tiny.Value.WithEarlierParse(_ => first.Dependencies).Process(again, CancellationToken.None);
        Tiny.Value.Process(fresh, CancellationToken.None);

        Assert.Contains(false, first.Dependencies!.Parsed);
        Assert.Equal(fresh.Dependencies!.Heads, again.Dependencies!.Heads);
        Assert.Equal(fresh.Dependencies.Relations, again.Dependencies.Relations);
        Assert.Equal(fresh.Dependencies.Parsed, again.Dependencies.Parsed);
    }

    [Fact]
    public void Parser_reads_a_sentence_of_hundreds_of_words()
    {
        var words = Enumerable.Range(0, 600).Select(i => i % 6 == 5 ? "," : i % 2 == 0 ? "rebels" : "attacked").ToArray();
        var tags = words.Select(w => w == "," ? "PUNCT" : "NOUN").ToArray();

        var tree = Tiny.Value.Parse(words, tags, tags);

        Assert.Single(tree.Heads, h => h < 0);
        Assert.True(ProjectivizerTests.IsTree(tree.Heads));
    }

    private static Document Make(string text)
    {
        var document = new Document(new DocumentOrigin("test.txt", SourceFormat.Text), text, ArticleMetadata.Empty,
            new OffsetMap([new OffsetSegment(0, text.Length, 0, text.Length)]), [], []);
        new RuleTokenizer().Process(document, CancellationToken.None);
        new SentenceSplitter().Process(document, CancellationToken.None);
        var tags = document.Tokens!.Select(t => char.IsPunctuation(text[t.Start]) ? "PUNCT" : "NOUN").ToArray();
        document.SetPartsOfSpeech(new PartOfSpeechLayer(tags, [.. tags.Select(t => t == "PUNCT" ? "." : "NN")]));
        return document;
    }
}
