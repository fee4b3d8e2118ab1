using System.Diagnostics;
using Dossier.Core.Documents;
using Dossier.Core.Documents.Nlp;
using Dossier.Core.Pipeline;
using Dossier.Nlp.Corpora;
using Dossier.Nlp.Learning;
using Dossier.Nlp.Tagging;

namespace Dossier.Nlp.Entities;

/// <summary>Settings for training the entity recognizer.</summary>
public sealed record EntityTrainingOptions
{
    /// <value>The default value is 10 passes over the data.</value>
    public int Epochs { get; init; } = 10;

    /// <value>The default value is seed 1.</value>
    public int Seed { get; init; } = 1;

    public Action<string>? Progress { get; init; }

    /// <summary>Place and nationality names to use as features; empty by default.</summary>
    public Gazetteer Gazetteer { get; init; } = Gazetteer.Empty;
}

/// <summary>
/// Named entities (PER, ORG, LOC, MISC) by a greedy averaged perceptron over BILOU tags: each token
/// is tagged Begin, Inside, Last, Unit or Outside given its word, shape, affixes, part of speech, its
/// neighbours, a word list learnt from the training data, and the tags already given to the tokens
/// before it. Tag sequences that cannot be (an Inside with no Begin) are repaired when spans are read.
/// </summary>
public sealed class EntityRecognizer : IDocumentStage
{
    // The "-2" is the file layout: version 2 carries its gazetteer inside the model.
    public const string ModelKind = "entity-recognizer-2";

    private const int FeatureCapacity = 48;

    private readonly AveragedPerceptron model;
    private readonly PerceptronTagger tagger;
    private readonly Dictionary<string, string> wordList;
    private readonly Gazetteer gazetteer;

    private EntityRecognizer(AveragedPerceptron model, PerceptronTagger tagger, Dictionary<string, string> wordList, Gazetteer gazetteer)
    {
        this.model = model;
        this.tagger = tagger;
        this.wordList = wordList;
        this.gazetteer = gazetteer;
    }

    public int GazetteerCount => gazetteer.Count;

    public string Name => nameof(EntityRecognizer);

    public string Version => "1";

    public IReadOnlySet<DocumentLayer> Requires { get; } =
        new HashSet<DocumentLayer> { DocumentLayer.Tokens, DocumentLayer.Sentences, DocumentLayer.PartsOfSpeech };

    public IReadOnlySet<DocumentLayer> Produces { get; } = new HashSet<DocumentLayer> { DocumentLayer.EntityMentions };

    public int FeatureCount => model.FeatureCount;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Tokens!;
        var mentions = new List<EntityMention>();
        foreach (var sentence in document.Sentences!)
        {
            var count = sentence.TokenEnd - sentence.TokenStart;
            var words = new string[count];
            var pos = new string[count];
            for (var i = 0; i < count; i++)
            {
                words[i] = document.TextOf(tokens[sentence.TokenStart + i]);
                pos[i] = document.PartsOfSpeech!.Universal[sentence.TokenStart + i];
            }

            foreach (var (start, end, type) in Spans(Tag(words, pos)))
            {
                var first = sentence.TokenStart + start;
                var last = sentence.TokenStart + end - 1;
                mentions.Add(new EntityMention(first, last + 1, tokens[first].Start, tokens[last].End, type));
            }
        }

        document.SetMentions(mentions);
    }

    /// <summary>BILOU tags for one sentence; <paramref name="pos"/> gives UPOS tags, or null to tag here.</summary>
    public string[] Tag(IReadOnlyList<string> words, IReadOnlyList<string>? pos = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        pos ??= tagger.Tag(words).Universal;
        var context = EntityContext.Of(words, pos, wordList, gazetteer);
        var tags = new string[words.Count];
        Span<ulong> features = stackalloc ulong[FeatureCapacity];
        for (var i = 0; i < words.Count; i++)
        {
            var n = Features(context, i, tags, features);
            tags[i] = model.Labels[PredictValid(features[..n], i > 0 ? tags[i - 1] : "O")];
        }

        return tags;
    }

    /// <summary>IOB2 tags for a sentence, for evaluation against IOB-style gold files.</summary>
    public string[] TagIob2(IReadOnlyList<string> words)
    {
        var bilou = Tag(words);
        var iob = Enumerable.Repeat("O", bilou.Length).ToArray();
        foreach (var (start, end, type) in Spans(bilou))
        {
            iob[start] = "B-" + type;
            for (var i = start + 1; i < end; i++)
            {
                iob[i] = "I-" + type;
            }
        }

        return iob;
    }

    /// <summary>Reads entity spans (token start, end-exclusive, type) from BILOU tags, repairing broken runs.</summary>
    public static List<(int Start, int End, string Type)> Spans(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var spans = new List<(int, int, string)>();
        var start = -1;
        string? type = null;
        for (var i = 0; i <= tags.Count; i++)
        {
            var tag = i < tags.Count ? tags[i] : "O";
            var prefix = tag[0];
            var tagType = tag.Length > 2 ? tag[2..] : null;
            var continues = start >= 0 && (prefix is 'I' or 'L') && tagType == type;
            if (!continues && start >= 0)
            {
                spans.Add((start, i, type!));
                start = -1;
                type = null;
            }

            switch (prefix)
            {
                case 'U':
                    spans.Add((i, i + 1, tagType!));
                    break;
                case 'B' or 'I' or 'L' when !continues:
                    start = i;
                    type = tagType;
                    if (prefix == 'L')
                    {
                        spans.Add((i, i + 1, tagType!));
                        start = -1;
                        type = null;
                    }

                    break;
                case 'L':
                    spans.Add((start, i + 1, type!));
                    start = -1;
                    type = null;
                    break;
            }
        }

        return spans;
    }

    public static EntityRecognizer Train(IReadOnlyList<EntitySentence> sentences, PerceptronTagger tagger, EntityTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(options);
        var types = sentences.SelectMany(s => s.Tags).Where(t => t != "O").Select(t => t[2..]).Distinct().Order(StringComparer.Ordinal).ToList();
        var labels = new List<string> { "O" };
        foreach (var type in types)
        {
            labels.AddRange(["B-" + type, "I-" + type, "L-" + type, "U-" + type]);
        }

        var index = labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        var wordList = LearnWordList(sentences);
        var model = new AveragedPerceptron(labels);
        var recognizer = new EntityRecognizer(model, tagger, wordList, options.Gazetteer);
        var prepared = sentences.Select(s => (Context: EntityContext.Of(s.Words, tagger.Tag(s.Words).Universal, wordList, options.Gazetteer), Gold: ToBilou(s.Tags))).ToList();
        var order = Enumerable.Range(0, prepared.Count).ToArray();
        var random = new Random(options.Seed);
        Span<ulong> features = stackalloc ulong[FeatureCapacity];
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var watch = Stopwatch.StartNew();
            int correct = 0, total = 0;
            foreach (var i in order)
            {
                var (context, gold) = prepared[i];
                var guessed = new string[gold.Length];
                for (var t = 0; t < gold.Length; t++)
                {
                    var n = Features(context, t, guessed, features);
                    var guess = model.Predict(features[..n]);
                    model.Update(index[gold[t]], guess, features[..n]);
                    guessed[t] = labels[guess];
                    total++;
                    correct += guess == index[gold[t]] ? 1 : 0;
                }
            }

            options.Progress?.Invoke($"epoch {epoch}/{options.Epochs}: training tag accuracy {(double)correct / total:0.0000} ({watch.Elapsed.TotalSeconds:0.0} s)");
            random.Shuffle(order);
        }

        model.Average();
        return recognizer;
    }

    public void Save(string path) => ModelFile.Save(path, ModelKind, writer =>
    {
        writer.Write(wordList.Count);
        foreach (var (word, type) in wordList.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(word);
            writer.Write(type);
        }

        gazetteer.Write(writer);
        model.Write(writer);
    });

    public static EntityRecognizer Load(string path, PerceptronTagger tagger) => ModelFile.Load(path, ModelKind, reader =>
    {
        var count = reader.ReadInt32();
        var wordList = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            wordList[reader.ReadString()] = reader.ReadString();
        }

        var gazetteer = Gazetteer.Read(reader);
        return new EntityRecognizer(AveragedPerceptron.Read(reader), tagger, wordList, gazetteer);
    });

    /// <summary>IOB2 to BILOU: single-token entities become U-, last tokens L-.</summary>
    public static string[] ToBilou(IReadOnlyList<string> iob)
    {
        ArgumentNullException.ThrowIfNull(iob);
        var bilou = new string[iob.Count];
        for (var i = 0; i < iob.Count; i++)
        {
            var tag = iob[i];
            if (tag == "O")
            {
                bilou[i] = "O";
                continue;
            }

            var type = tag[2..];
            var continues = i + 1 < iob.Count && iob[i + 1] == "I-" + type;
            bilou[i] = tag[0] == 'B' ? (continues ? "B-" : "U-") + type : (continues ? "I-" : "L-") + type;
        }

        return bilou;
    }

    /// <summary>
    /// Words that, in the training data, are mostly part of one entity type (seen at least three
    /// times, four in five of them inside that type): a small gazetteer the data gives for free.
    /// </summary>
    private static Dictionary<string, string> LearnWordList(IReadOnlyList<EntitySentence> sentences)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            for (var i = 0; i < sentence.Words.Length; i++)
            {
                var word = sentence.Words[i];
                if (word.Length < 2 || !char.IsUpper(word[0]))
                {
                    continue;
                }

                var type = sentence.Tags[i] == "O" ? "O" : sentence.Tags[i][2..];
                if (!counts.TryGetValue(word, out var byType))
                {
                    counts[word] = byType = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                byType[type] = byType.GetValueOrDefault(type) + 1;
            }
        }

        var list = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (word, byType) in counts)
        {
            var total = byType.Values.Sum();
            var best = byType.Where(p => p.Key != "O").OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).FirstOrDefault();
            if (best.Key is not null && total >= 3 && best.Value >= total * 0.8)
            {
                list[word] = best.Key;
            }
        }

        return list;
    }

    /// <summary>The best tag that can follow the previous one (no Inside after Outside, and so on).</summary>
    private int PredictValid(ReadOnlySpan<ulong> features, string previous)
    {
        Span<float> scores = stackalloc float[model.ClassCount];
        model.Score(features, scores);
        var best = -1;
        for (var c = 0; c < scores.Length; c++)
        {
            if (CanFollow(previous, model.Labels[c]) && (best < 0 || scores[c] > scores[best]))
            {
                best = c;
            }
        }

        return best < 0 ? 0 : best;
    }

    private static bool CanFollow(string previous, string tag)
    {
        var open = previous[0] is 'B' or 'I';
        return tag[0] switch
        {
            'I' or 'L' => open && string.CompareOrdinal(previous, 2, tag, 2, int.MaxValue) == 0,
            _ => !open,
        };
    }

    private static int Features(EntityContext context, int i, string?[] previousTags, Span<ulong> features)
    {
        var n = 0;
        var previous = i > 0 ? FeatureHash.Of(previousTags[i - 1]) : 1UL;
        var previous2 = i > 1 ? FeatureHash.Of(previousTags[i - 2]) : 2UL;
        features[n++] = FeatureHash.Combine(0, 0);
        features[n++] = FeatureHash.Combine(1, context.Word(i));
        features[n++] = FeatureHash.Combine(2, context.Normal(i));
        features[n++] = FeatureHash.Combine(3, context.Shape(i));
        features[n++] = FeatureHash.Combine(4, context.Prefix2[i]);
        features[n++] = FeatureHash.Combine(5, context.Prefix3[i]);
        features[n++] = FeatureHash.Combine(6, context.Suffix2[i]);
        features[n++] = FeatureHash.Combine(7, context.Suffix3[i]);
        features[n++] = FeatureHash.Combine(8, context.Suffix4[i]);
        features[n++] = FeatureHash.Combine(9, previous);
        features[n++] = FeatureHash.Combine(10, previous, previous2);
        features[n++] = FeatureHash.Combine(11, previous, context.Normal(i));
        features[n++] = FeatureHash.Combine(12, context.Normal(i - 1));
        features[n++] = FeatureHash.Combine(13, context.Normal(i + 1));
        features[n++] = FeatureHash.Combine(14, context.Normal(i - 2));
        features[n++] = FeatureHash.Combine(15, context.Normal(i + 2));
        features[n++] = FeatureHash.Combine(16, context.Shape(i - 1));
        features[n++] = FeatureHash.Combine(17, context.Shape(i + 1));
        features[n++] = FeatureHash.Combine(18, context.Pos(i));
        features[n++] = FeatureHash.Combine(19, context.Pos(i - 1));
        features[n++] = FeatureHash.Combine(20, context.Pos(i + 1));
        features[n++] = FeatureHash.Combine(21, context.Pos(i), context.Shape(i));
        features[n++] = FeatureHash.Combine(22, context.List(i));
        features[n++] = FeatureHash.Combine(23, context.List(i - 1));
        features[n++] = FeatureHash.Combine(24, context.List(i + 1));
        features[n++] = FeatureHash.Combine(25, context.List(i), context.Shape(i));
        features[n++] = FeatureHash.Combine(26, i == 0 ? 1UL : 0UL, context.Shape(i));
        features[n++] = FeatureHash.Combine(27, context.Normal(i - 1), context.Normal(i));
        features[n++] = FeatureHash.Combine(28, context.Normal(i), context.Normal(i + 1));
        features[n++] = FeatureHash.Combine(29, previous, context.Shape(i));
        features[n++] = FeatureHash.Combine(30, previous, context.Pos(i));
        features[n++] = FeatureHash.Combine(31, context.Pos(i), context.Pos(i + 1));
        features[n++] = FeatureHash.Combine(32, context.Shape(i), context.Shape(i + 1));
        features[n++] = FeatureHash.Combine(33, context.Shape(i - 1), context.Shape(i));
        features[n++] = FeatureHash.Combine(34, context.Place(i));
        features[n++] = FeatureHash.Combine(35, context.Place(i - 1));
        features[n++] = FeatureHash.Combine(36, context.Place(i + 1));
        features[n++] = FeatureHash.Combine(37, context.Place(i), context.Shape(i));
        features[n++] = FeatureHash.Combine(38, context.Place(i), previous);
        return n;
    }
}

/// <summary>Per-sentence hashes for the entity recognizer's features.</summary>
internal sealed class EntityContext
{
    private readonly ulong[] words;
    private readonly ulong[] normals;
    private readonly ulong[] shapes;
    private readonly ulong[] pos;
    private readonly ulong[] lists;
    private readonly ulong[] places;

    private EntityContext(int length)
    {
        places = new ulong[length];
        words = new ulong[length];
        normals = new ulong[length];
        shapes = new ulong[length];
        pos = new ulong[length];
        lists = new ulong[length];
        Prefix2 = new ulong[length];
        Prefix3 = new ulong[length];
        Suffix2 = new ulong[length];
        Suffix3 = new ulong[length];
        Suffix4 = new ulong[length];
    }

    public ulong[] Prefix2 { get; }

    public ulong[] Prefix3 { get; }

    public ulong[] Suffix2 { get; }

    public ulong[] Suffix3 { get; }

    public ulong[] Suffix4 { get; }

    public static EntityContext Of(IReadOnlyList<string> words, IReadOnlyList<string> pos, Dictionary<string, string> wordList, Gazetteer gazetteer)
    {
        var context = new EntityContext(words.Count);
        var matches = gazetteer.Match(words);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var normal = WordFeatures.Normal(word);
            context.words[i] = FeatureHash.Of(word);
            context.normals[i] = FeatureHash.Of(normal);
            context.shapes[i] = FeatureHash.Of(WordFeatures.Shape(word));
            context.pos[i] = FeatureHash.Of(pos[i]);
            context.lists[i] = wordList.TryGetValue(word, out var type) ? FeatureHash.Of(type) : 3UL;
            context.places[i] = matches[i] is { } place ? FeatureHash.Of(place) : 9UL;
            context.Prefix2[i] = FeatureHash.Of(word.AsSpan(0, Math.Min(2, word.Length)));
            context.Prefix3[i] = FeatureHash.Of(word.AsSpan(0, Math.Min(3, word.Length)));
            context.Suffix2[i] = FeatureHash.Of(normal.AsSpan(Math.Max(0, normal.Length - 2)));
            context.Suffix3[i] = FeatureHash.Of(normal.AsSpan(Math.Max(0, normal.Length - 3)));
            context.Suffix4[i] = FeatureHash.Of(normal.AsSpan(Math.Max(0, normal.Length - 4)));
        }

        return context;
    }

    public ulong Word(int i) => Get(words, i);

    public ulong Normal(int i) => Get(normals, i);

    public ulong Shape(int i) => Get(shapes, i);

    public ulong Pos(int i) => Get(pos, i);

    public ulong List(int i) => Get(lists, i);

    public ulong Place(int i) => Get(places, i);

    private static ulong Get(ulong[] values, int i) => i < 0 ? 5UL : i >= values.Length ? 7UL : values[i];
}
