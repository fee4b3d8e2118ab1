using System.Diagnostics;
using Dossier.Core.Documents;
using Dossier.Core.Documents.Nlp;
using Dossier.Core.Pipeline;
using Dossier.Nlp.Corpora;
using Dossier.Nlp.Learning;

namespace Dossier.Nlp.Tagging;

/// <summary>Settings for training a tagger.</summary>
public sealed record TaggerTrainingOptions
{
    /// <value>The default value is 12 passes over the data.</value>
    public int Epochs { get; init; } = 12;

    /// <value>The default value is seed 1: the same data gives the same model, byte for byte.</value>
    public int Seed { get; init; } = 1;

    public Action<string>? Progress { get; init; }
}

/// <summary>
/// A greedy left-to-right part-of-speech tagger: two averaged perceptrons, one for universal tags
/// (UPOS) and one for Penn Treebank tags (XPOS), over word, affix, shape and neighbour features and
/// the tags already given to the words before. Frequent words that always take one tag skip the model.
/// </summary>
public sealed class PerceptronTagger : IDocumentStage
{
    // "-2": the file carries each word's ambiguity class (the tags it took in training).
    public const string ModelKind = "pos-tagger-2";

    private const int FeatureCapacity = 48;

    private readonly AveragedPerceptron universal;
    private readonly AveragedPerceptron penn;
    private readonly Dictionary<string, (string Universal, string Penn)> unambiguous;
    private readonly Dictionary<string, ulong> ambiguity;

    private PerceptronTagger(AveragedPerceptron universal, AveragedPerceptron penn, Dictionary<string, (string Universal, string Penn)> unambiguous, Dictionary<string, ulong> ambiguity)
    {
        this.universal = universal;
        this.penn = penn;
        this.unambiguous = unambiguous;
        this.ambiguity = ambiguity;
    }

    public string Name => nameof(PerceptronTagger);

    public string Version => "2";

    public IReadOnlySet<DocumentLayer> Requires { get; } = new HashSet<DocumentLayer> { DocumentLayer.Tokens, DocumentLayer.Sentences };

    public IReadOnlySet<DocumentLayer> Produces { get; } = new HashSet<DocumentLayer> { DocumentLayer.PartsOfSpeech };

    public int FeatureCount => universal.FeatureCount + penn.FeatureCount;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Tokens!;
        var universalTags = new string[tokens.Count];
        var pennTags = new string[tokens.Count];
        foreach (var sentence in document.Sentences!)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var words = new string[sentence.TokenEnd - sentence.TokenStart];
            for (var i = 0; i < words.Length; i++)
            {
                words[i] = document.TextOf(tokens[sentence.TokenStart + i]);
            }

            var (u, p) = Tag(words);
            u.CopyTo(universalTags, sentence.TokenStart);
            p.CopyTo(pennTags, sentence.TokenStart);
        }

        document.SetPartsOfSpeech(new PartOfSpeechLayer(universalTags, pennTags));
    }

    /// <summary>Tags one sentence of words.</summary>
    public (string[] Universal, string[] Penn) Tag(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var context = WordContext.Of(words, ambiguity);
        var universalTags = new string[words.Count];
        var pennTags = new string[words.Count];
        Span<ulong> features = stackalloc ulong[FeatureCapacity];
        for (var i = 0; i < words.Count; i++)
        {
            if (unambiguous.TryGetValue(context.Normal[i], out var known))
            {
                universalTags[i] = known.Universal;
                pennTags[i] = known.Penn;
                continue;
            }

            var count = Features(context, i, pennTags, features);
            pennTags[i] = penn.Labels[penn.Predict(features[..count])];
            count = Features(context, i, universalTags, features);
            features[count++] = FeatureHash.Combine(40, FeatureHash.Of(pennTags[i]));
            features[count++] = FeatureHash.Combine(41, FeatureHash.Of(pennTags[i]), context.Suffix3[i]);
            universalTags[i] = universal.Labels[universal.Predict(features[..count])];
        }

        return (universalTags, pennTags);
    }

    public static PerceptronTagger Train(IReadOnlyList<TaggedSentence> sentences, TaggerTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(options);
        var unambiguous = FindUnambiguous(sentences);
        var ambiguity = FindAmbiguityClasses(sentences);
        var universal = new AveragedPerceptron([.. sentences.SelectMany(s => s.Universal).Distinct().Order(StringComparer.Ordinal)]);
        var penn = new AveragedPerceptron([.. sentences.SelectMany(s => s.Penn).Distinct().Order(StringComparer.Ordinal)]);
        var universalIndex = universal.Labels.Select((label, index) => (label, index)).ToDictionary(p => p.label, p => p.index, StringComparer.Ordinal);
        var pennIndex = penn.Labels.Select((label, index) => (label, index)).ToDictionary(p => p.label, p => p.index, StringComparer.Ordinal);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var random = new Random(options.Seed);
        Span<ulong> features = stackalloc ulong[FeatureCapacity];
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var watch = Stopwatch.StartNew();
            var correct = 0;
            var total = 0;
            foreach (var index in order)
            {
                var sentence = sentences[index];
                var context = WordContext.Of(sentence.Words, ambiguity);
                var guessedUniversal = new string[sentence.Words.Length];
                var guessedPenn = new string[sentence.Words.Length];
                for (var i = 0; i < sentence.Words.Length; i++)
                {
                    total++;
                    if (unambiguous.TryGetValue(context.Normal[i], out var known))
                    {
                        guessedUniversal[i] = known.Universal;
                        guessedPenn[i] = known.Penn;
                        correct += known.Universal == sentence.Universal[i] ? 1 : 0;
                        continue;
                    }

                    var count = Features(context, i, guessedPenn, features);
                    var pennGuess = penn.Predict(features[..count]);
                    penn.Update(pennIndex[sentence.Penn[i]], pennGuess, features[..count]);
                    guessedPenn[i] = penn.Labels[pennGuess];

                    count = Features(context, i, guessedUniversal, features);
                    features[count++] = FeatureHash.Combine(40, FeatureHash.Of(guessedPenn[i]));
                    features[count++] = FeatureHash.Combine(41, FeatureHash.Of(guessedPenn[i]), context.Suffix3[i]);
                    var guess = universal.Predict(features[..count]);
                    universal.Update(universalIndex[sentence.Universal[i]], guess, features[..count]);
                    guessedUniversal[i] = universal.Labels[guess];
                    correct += guessedUniversal[i] == sentence.Universal[i] ? 1 : 0;
                }
            }

            options.Progress?.Invoke($"epoch {epoch}/{options.Epochs}: training UPOS accuracy {(double)correct / total:0.0000} ({watch.Elapsed.TotalSeconds:0.0} s)");
            random.Shuffle(order);
        }

        universal.Average();
        penn.Average();
        return new PerceptronTagger(universal, penn, unambiguous, ambiguity);
    }

    public void Save(string path) => ModelFile.Save(path, ModelKind, writer =>
    {
        writer.Write(unambiguous.Count);
        foreach (var (word, tags) in unambiguous.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(word);
            writer.Write(tags.Universal);
            writer.Write(tags.Penn);
        }

        writer.Write(ambiguity.Count);
        foreach (var (word, tagSet) in ambiguity.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(word);
            writer.Write(tagSet);
        }

        universal.Write(writer);
        penn.Write(writer);
    });

    public static PerceptronTagger Load(string path) => ModelFile.Load(path, ModelKind, reader =>
    {
        var count = reader.ReadInt32();
        var unambiguous = new Dictionary<string, (string Universal, string Penn)>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            unambiguous[reader.ReadString()] = (reader.ReadString(), reader.ReadString());
        }

        var classes = reader.ReadInt32();
        var ambiguity = new Dictionary<string, ulong>(classes, StringComparer.Ordinal);
        for (var i = 0; i < classes; i++)
        {
            ambiguity[reader.ReadString()] = reader.ReadUInt64();
        }

        var universal = AveragedPerceptron.Read(reader);
        var penn = AveragedPerceptron.Read(reader);
        return new PerceptronTagger(universal, penn, unambiguous, ambiguity);
    });

    /// <summary>Words seen at least 20 times with one tag pair at least 99% of the time.</summary>
    private static Dictionary<string, (string Universal, string Penn)> FindUnambiguous(IReadOnlyList<TaggedSentence> sentences)
    {
        var counts = new Dictionary<string, Dictionary<(string Universal, string Penn), int>>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            for (var i = 0; i < sentence.Words.Length; i++)
            {
                var word = WordFeatures.Normal(sentence.Words[i]);
                if (!counts.TryGetValue(word, out var tags))
                {
                    counts[word] = tags = [];
                }

                var key = (sentence.Universal[i], sentence.Penn[i]);
                tags[key] = tags.GetValueOrDefault(key) + 1;
            }
        }

        var result = new Dictionary<string, (string Universal, string Penn)>(StringComparer.Ordinal);
        foreach (var (word, tags) in counts)
        {
            var total = tags.Values.Sum();
            var best = tags.MaxBy(p => p.Value);
            if (total >= 20 && best.Value >= total * 0.99)
            {
                result[word] = best.Key;
            }
        }

        return result;
    }

    /// <summary>
    /// Each word's ambiguity class: the set of tags it took in training (words seen twice or more),
    /// as a hash. It lets the tagger look ahead at what the next words can be before tagging them.
    /// </summary>
    private static Dictionary<string, ulong> FindAmbiguityClasses(IReadOnlyList<TaggedSentence> sentences)
    {
        var tags = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            for (var i = 0; i < sentence.Words.Length; i++)
            {
                var word = WordFeatures.Normal(sentence.Words[i]);
                if (!tags.TryGetValue(word, out var set))
                {
                    tags[word] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(sentence.Universal[i]);
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }

        return tags.Where(p => counts[p.Key] >= 2).ToDictionary(p => p.Key, p => FeatureHash.Of(string.Join('|', p.Value)), StringComparer.Ordinal);
    }

    private static int Features(WordContext context, int i, string?[] previousTags, Span<ulong> features)
    {
        var n = 0;
        var previous = i > 0 ? FeatureHash.Of(previousTags[i - 1]) : 1UL;
        var previous2 = i > 1 ? FeatureHash.Of(previousTags[i - 2]) : 2UL;
        features[n++] = FeatureHash.Combine(0, 0);
        features[n++] = FeatureHash.Combine(1, context.NormalHash[i]);
        features[n++] = FeatureHash.Combine(2, context.Suffix3[i]);
        features[n++] = FeatureHash.Combine(3, context.Prefix1[i]);
        features[n++] = FeatureHash.Combine(4, previous);
        features[n++] = FeatureHash.Combine(5, previous, previous2);
        features[n++] = FeatureHash.Combine(6, previous, context.NormalHash[i]);
        features[n++] = FeatureHash.Combine(7, context.At(i - 1));
        features[n++] = FeatureHash.Combine(8, context.SuffixAt(i - 1));
        features[n++] = FeatureHash.Combine(9, context.At(i - 2));
        features[n++] = FeatureHash.Combine(10, context.At(i + 1));
        features[n++] = FeatureHash.Combine(11, context.SuffixAt(i + 1));
        features[n++] = FeatureHash.Combine(12, context.At(i + 2));
        features[n++] = FeatureHash.Combine(13, context.ShapeHash[i]);
        features[n++] = FeatureHash.Combine(14, context.Suffix2[i]);
        features[n++] = FeatureHash.Combine(15, context.Suffix4[i]);
        features[n++] = FeatureHash.Combine(16, context.Prefix3[i]);
        features[n++] = FeatureHash.Combine(17, previous, context.At(i + 1));
        features[n++] = FeatureHash.Combine(18, context.At(i - 1), context.NormalHash[i]);
        features[n++] = FeatureHash.Combine(19, context.NormalHash[i], context.At(i + 1));
        features[n++] = FeatureHash.Combine(20, context.ShapeHash[i], previous);
        features[n++] = FeatureHash.Combine(21, context.AmbiguityAt(i));
        features[n++] = FeatureHash.Combine(22, context.AmbiguityAt(i + 1));
        features[n++] = FeatureHash.Combine(23, context.AmbiguityAt(i + 2));
        features[n++] = FeatureHash.Combine(24, previous, context.AmbiguityAt(i));
        features[n++] = FeatureHash.Combine(25, context.AmbiguityAt(i), context.AmbiguityAt(i + 1));
        return n;
    }
}

/// <summary>Per-sentence word hashes computed once and shared by every feature that needs them.</summary>
internal sealed class WordContext
{
    private WordContext(int length)
    {
        Normal = new string[length];
        NormalHash = new ulong[length];
        Suffix2 = new ulong[length];
        Suffix3 = new ulong[length];
        Suffix4 = new ulong[length];
        Prefix1 = new ulong[length];
        Prefix3 = new ulong[length];
        ShapeHash = new ulong[length];
    }

    public string[] Normal { get; }

    public ulong[] NormalHash { get; }

    public ulong[] Suffix2 { get; }

    public ulong[] Suffix3 { get; }

    public ulong[] Suffix4 { get; }

    public ulong[] Prefix1 { get; }

    public ulong[] Prefix3 { get; }

    public ulong[] ShapeHash { get; }

    public ulong[] Ambiguity { get; private init; } = [];

    public static WordContext Of(IReadOnlyList<string> words, Dictionary<string, ulong> ambiguity)
    {
        var context = new WordContext(words.Count) { Ambiguity = new ulong[words.Count] };
        for (var i = 0; i < words.Count; i++)
        {
            var normal = WordFeatures.Normal(words[i]);
            context.Normal[i] = normal;
            context.NormalHash[i] = FeatureHash.Of(normal);
            context.Suffix2[i] = FeatureHash.Of(normal.AsSpan(Math.Max(0, normal.Length - 2)));
            context.Suffix3[i] = FeatureHash.Of(normal.AsSpan(Math.Max(0, normal.Length - 3)));
            context.Suffix4[i] = FeatureHash.Of(normal.AsSpan(Math.Max(0, normal.Length - 4)));
            context.Prefix1[i] = FeatureHash.Of(words[i].AsSpan(0, Math.Min(1, words[i].Length)));
            context.Prefix3[i] = FeatureHash.Of(normal.AsSpan(0, Math.Min(3, normal.Length)));
            context.ShapeHash[i] = FeatureHash.Of(WordFeatures.Shape(words[i]));
            context.Ambiguity[i] = ambiguity.TryGetValue(normal, out var tagSet) ? tagSet : 23UL;
        }

        return context;
    }

    /// <summary>The word hash at a position, or a boundary marker outside the sentence.</summary>
    public ulong At(int i) => i < 0 ? 11UL : i >= NormalHash.Length ? 13UL : NormalHash[i];

    public ulong AmbiguityAt(int i) => i < 0 ? 29UL : i >= Ambiguity.Length ? 31UL : Ambiguity[i];

    public ulong SuffixAt(int i) => i < 0 ? 17UL : i >= Suffix3.Length ? 19UL : Suffix3[i];
}
