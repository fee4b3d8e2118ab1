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

    /// <value>The default value is true: a second pass sees how the first tagged the same words elsewhere in the document.</value>
    public bool DocumentFeatures { get; init; } = true;

    /// <value>The default value is 2: the folds whose held-out first-pass tags train the second pass.</value>
    public int Folds { get; init; } = 2;

    /// <value>
    /// The default value is 0.1: the share of training sentences added again in lower case, and again
    /// in capitals, so names are found in web text that writes "chicago" and headlines that write "TRIPOLI".
    /// </value>
    public double CaseVariants { get; init; } = 0.1;

    /// <summary>Place and nationality names to use as features; empty by default.</summary>
    public Gazetteer Gazetteer { get; init; } = Gazetteer.Empty;

    /// <summary>Word classes learnt from unlabelled text, to use as features; none by default.</summary>
    public WordClusters Clusters { get; init; } = WordClusters.Empty;
}

/// <summary>
/// Named entities (PER, ORG, LOC, MISC) by a greedy averaged perceptron over BILOU tags: each token
/// is tagged Begin, Inside, Last, Unit or Outside given its word, shape, affixes, part of speech, its
/// neighbours, a word list learnt from the training data, and the tags already given to the tokens
/// before it. Tag sequences that cannot be (an Inside with no Begin) are repaired when spans are read.
/// Two passes over each document: the second adds what the first found for the same word elsewhere in
/// the document ("SOUTER" in a heading is the Souter named in the text), as Ratinov and Roth's
/// non-local features do; the second model is trained on first-pass output for documents the first
/// model did not see (held-out folds), so it learns how far to trust it.
/// </summary>
public sealed class EntityRecognizer : IDocumentStage
{
    // The "-2" is the file layout: version 2 carries its gazetteer inside the model.
    // "-3": a second, document-level model follows the first (or a zero marker when there is none).
    // "-4": word clusters follow the gazetteer. A model without clusters is still written as "-3",
    // so a rebuild without --cluster-text gives the same bytes as before clusters existed.
    public const string ModelKind = "entity-recognizer-4";
    private const string ModelKindWithoutClusters = "entity-recognizer-3";

    private const int FeatureCapacity = 72;

    private readonly AveragedPerceptron model;
    private readonly AveragedPerceptron? second;
    private readonly PerceptronTagger tagger;
    private readonly Dictionary<string, string> wordList;
    private readonly Gazetteer gazetteer;
    private readonly WordClusters clusters;

    private EntityRecognizer(AveragedPerceptron model, AveragedPerceptron? second, PerceptronTagger tagger, Dictionary<string, string> wordList, Gazetteer gazetteer, WordClusters clusters)
    {
        this.clusters = clusters;
        this.model = model;
        this.second = second;
        this.tagger = tagger;
        this.wordList = wordList;
        this.gazetteer = gazetteer;
    }

    public int GazetteerCount => gazetteer.Count;

    /// <summary>How many words have a learnt class.</summary>
    public int ClusterCount => clusters.Count;

    public string Name => nameof(EntityRecognizer);

    public string Version => "3";

    public IReadOnlySet<DocumentLayer> Requires { get; } =
        new HashSet<DocumentLayer> { DocumentLayer.Tokens, DocumentLayer.Sentences, DocumentLayer.PartsOfSpeech };

    public IReadOnlySet<DocumentLayer> Produces { get; } = new HashSet<DocumentLayer> { DocumentLayer.EntityMentions };

    public int FeatureCount => model.FeatureCount + (second?.FeatureCount ?? 0);

    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Tokens!;
        var sentences = document.Sentences!;
        var words = new string[sentences.Count][];
        var pos = new string[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            var count = sentence.TokenEnd - sentence.TokenStart;
            words[s] = new string[count];
            pos[s] = new string[count];
            for (var i = 0; i < count; i++)
            {
                words[s][i] = document.TextOf(tokens[sentence.TokenStart + i]);
                pos[s][i] = document.PartsOfSpeech!.Universal[sentence.TokenStart + i];
            }
        }

        var tags = TagDocument(words, pos, cancellationToken);
        var mentions = new List<EntityMention>();
        for (var s = 0; s < sentences.Count; s++)
        {
            foreach (var (start, end, type) in Spans(tags[s]))
            {
                var first = sentences[s].TokenStart + start;
                var last = sentences[s].TokenStart + end - 1;
                mentions.Add(new EntityMention(first, last + 1, tokens[first].Start, tokens[last].End, type));
            }
        }

        document.SetMentions(mentions);
    }

    /// <summary>BILOU tags for one sentence taken as a whole document; <paramref name="pos"/> gives UPOS tags, or null to tag here.</summary>
    public string[] Tag(IReadOnlyList<string> words, IReadOnlyList<string>? pos = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        return TagDocument([words], pos is null ? null : [pos], CancellationToken.None)[0];
    }

    /// <summary>BILOU tags for the sentences of one document; <paramref name="pos"/> gives UPOS tags, or null to tag here.</summary>
    public string[][] TagDocument(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<IReadOnlyList<string>>? pos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var contexts = new EntityContext[sentences.Count];
        var tags = new string[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            contexts[s] = EntityContext.Of(sentences[s], pos?[s] ?? tagger.Tag(sentences[s]).Universal, wordList, gazetteer, clusters);
            tags[s] = Decode(model, contexts[s], null);
        }

        if (second is not null)
        {
            var evidence = DocumentEvidence.Of(sentences, contexts, tags);
            for (var s = 0; s < sentences.Count; s++)
            {
                tags[s] = Decode(second, contexts[s], evidence[s]);
            }
        }

        return tags;
    }

    /// <summary>IOB2 tags for a sentence, for evaluation against IOB-style gold files.</summary>
    public string[] TagIob2(IReadOnlyList<string> words) => ToIob2(Tag(words));

    /// <summary>IOB2 tags for the sentences of one document.</summary>
    public string[][] TagDocumentIob2(IReadOnlyList<IReadOnlyList<string>> sentences) =>
        [.. TagDocument(sentences, null, CancellationToken.None).Select(ToIob2)];

    private static string[] Decode(AveragedPerceptron model, EntityContext context, ulong[]? evidence)
    {
        var tags = new string[context.Length];
        Span<ulong> features = stackalloc ulong[FeatureCapacity];
        for (var i = 0; i < tags.Length; i++)
        {
            var n = Features(context, i, tags, evidence, features);
            tags[i] = model.Labels[PredictValid(model, features[..n], i > 0 ? tags[i - 1] : "O")];
        }

        return tags;
    }

    private static string[] ToIob2(string[] bilou)
    {
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

        var wordList = LearnWordList(sentences);
        sentences = WithCaseVariants(sentences, options);
        var contexts = new EntityContext[sentences.Count];
        var gold = new int[sentences.Count][];
        var index = labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        Parallel.For(0, sentences.Count, s =>
        {
            contexts[s] = EntityContext.Of(sentences[s].Words, tagger.Tag(sentences[s].Words).Universal, wordList, options.Gazetteer, options.Clusters);
            gold[s] = [.. ToBilou(sentences[s].Tags).Select(t => index[t])];
        });

        // Documents: runs of sentences from one opening a document to the next.
        var document = new int[sentences.Count];
        for (var s = 0; s < sentences.Count; s++)
        {
            document[s] = s == 0 ? 0 : document[s - 1] + (sentences[s].NewDocument ? 1 : 0);
        }

        var all = Enumerable.Range(0, sentences.Count).ToArray();
        var first = TrainModel(labels, contexts, gold, null, all, options, "pass 1");
        AveragedPerceptron? second = null;
        if (options.DocumentFeatures)
        {
            // First-pass tags for every training sentence from a model that did not see its document.
            var predicted = new string[sentences.Count][];
            var k = options.Folds;
            var folds = Enumerable.Range(0, k).Select(f => all.Where(s => document[s] % k == f).ToArray()).ToArray();
            var foldModels = new AveragedPerceptron[k];
            Parallel.For(0, k, f => foldModels[f] = TrainModel(
                labels, contexts, gold, null, [.. all.Where(s => document[s] % k != f)], options with { Progress = null }, $"fold {f}"));
            for (var f = 0; f < k; f++)
            {
                foreach (var s in folds[f])
                {
                    predicted[s] = Decode(foldModels[f], contexts[s], null);
                }
            }

            var evidence = new ulong[sentences.Count][];
            for (var start = 0; start < sentences.Count;)
            {
                var end = start + 1;
                while (end < sentences.Count && document[end] == document[start])
                {
                    end++;
                }

                var perSentence = DocumentEvidence.Of([.. sentences.Skip(start).Take(end - start).Select(x => x.Words)], contexts[start..end], predicted[start..end]);
                perSentence.CopyTo(evidence, start);
                start = end;
            }

            second = TrainModel(labels, contexts, gold, evidence, all, options, "pass 2");
        }

        return new EntityRecognizer(first, second, tagger, wordList, options.Gazetteer, options.Clusters);
    }

    /// <summary>
    /// Adds lower-case and upper-case copies of a seeded sample of the sentences that hold an entity.
    /// Each copy is its own document, so document evidence never mixes it with its original.
    /// </summary>
    private static List<EntitySentence> WithCaseVariants(IReadOnlyList<EntitySentence> sentences, EntityTrainingOptions options)
    {
        var result = new List<EntitySentence>(sentences);
        if (options.CaseVariants <= 0)
        {
            return result;
        }

        var random = new Random(options.Seed + 17);
        foreach (var sentence in sentences)
        {
            if (sentence.Tags.All(t => t == "O"))
            {
                continue;
            }

            if (random.NextDouble() < options.CaseVariants)
            {
                result.Add(new EntitySentence([.. sentence.Words.Select(w => w.ToLowerInvariant())], sentence.Tags) { NewDocument = true });
            }

            if (random.NextDouble() < options.CaseVariants)
            {
                result.Add(new EntitySentence([.. sentence.Words.Select(w => w.ToUpperInvariant())], sentence.Tags) { NewDocument = true });
            }
        }

        return result;
    }

    private static AveragedPerceptron TrainModel(List<string> labels, EntityContext[] contexts, int[][] gold, ulong[][]? evidence, int[] sentences, EntityTrainingOptions options, string name)
    {
        var model = new AveragedPerceptron(labels);
        var order = (int[])sentences.Clone();
        var random = new Random(options.Seed);
        Span<ulong> features = stackalloc ulong[FeatureCapacity];
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var watch = Stopwatch.StartNew();
            int correct = 0, total = 0;
            foreach (var s in order)
            {
                var context = contexts[s];
                var guessed = new string[context.Length];
                for (var t = 0; t < guessed.Length; t++)
                {
                    var n = Features(context, t, guessed, evidence?[s], features);
                    var guess = model.Predict(features[..n]);
                    model.Update(gold[s][t], guess, features[..n]);
                    guessed[t] = labels[guess];
                    total++;
                    correct += guess == gold[s][t] ? 1 : 0;
                }
            }

            options.Progress?.Invoke($"{name} epoch {epoch}/{options.Epochs}: training tag accuracy {(double)correct / total:0.0000} ({watch.Elapsed.TotalSeconds:0.0} s)");
            random.Shuffle(order);
        }

        model.Average();
        return model;
    }

    public void Save(string path) => ModelFile.Save(path, clusters.Count > 0 ? ModelKind : ModelKindWithoutClusters, writer =>
    {
        writer.Write(wordList.Count);
        foreach (var (word, type) in wordList.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(word);
            writer.Write(type);
        }

        gazetteer.Write(writer);
        if (clusters.Count > 0)
        {
            clusters.Write(writer);
        }

        model.Write(writer);
        writer.Write(second is not null);
        second?.Write(writer);
    });

    public static EntityRecognizer Load(string path, PerceptronTagger tagger) => ModelFile.Load(path, [ModelKind, ModelKindWithoutClusters], (reader, kind) =>
    {
        var count = reader.ReadInt32();
        var wordList = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            wordList[reader.ReadString()] = reader.ReadString();
        }

        var gazetteer = Gazetteer.Read(reader);
        var clusters = kind == ModelKind ? WordClusters.Read(reader) : WordClusters.Empty;
        var model = AveragedPerceptron.Read(reader);
        var second = reader.ReadBoolean() ? AveragedPerceptron.Read(reader) : null;
        return new EntityRecognizer(model, second, tagger, wordList, gazetteer, clusters);
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
    private static int PredictValid(AveragedPerceptron model, ReadOnlySpan<ulong> features, string previous)
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

    private static int Features(EntityContext context, int i, string?[] previousTags, ulong[]? evidence, Span<ulong> features)
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
        features[n++] = FeatureHash.Combine(39, context.Casing, context.Shape(i));
        features[n++] = FeatureHash.Combine(40, context.Casing, context.Normal(i));
        features[n++] = FeatureHash.Combine(41, context.Casing, previous);
        features[n++] = FeatureHash.Combine(42, context.Normal(i), context.Pos(i));
        features[n++] = FeatureHash.Combine(43, context.Suffix3[i], context.Shape(i));
        features[n++] = FeatureHash.Combine(44, context.Lexicon(i), context.Shape(i));
        features[n++] = FeatureHash.Combine(45, context.Lexicon(i - 1), context.Lexicon(i));
        features[n++] = FeatureHash.Combine(46, context.Lexicon(i), context.Lexicon(i + 1));
        features[n++] = FeatureHash.Combine(47, context.Lexicon(i), previous);
        if (context.HasClusters)
        {
            features[n++] = FeatureHash.Combine(60, context.Cluster(0, i));
            features[n++] = FeatureHash.Combine(61, context.Cluster(1, i));
            features[n++] = FeatureHash.Combine(62, context.Cluster(2, i));
            features[n++] = FeatureHash.Combine(63, context.Cluster(1, i - 1));
            features[n++] = FeatureHash.Combine(64, context.Cluster(1, i + 1));
            features[n++] = FeatureHash.Combine(65, context.Cluster(2, i), previous);
            features[n++] = FeatureHash.Combine(66, context.Cluster(1, i), context.Shape(i));
        }
        if (evidence is not null)
        {
            // The first half holds the document evidence, the second the first pass's own tags, which
            // give the second pass a look at the tags to its right.
            var length = context.Length;
            var seen = evidence[i];
            features[n++] = FeatureHash.Combine(50, seen);
            features[n++] = FeatureHash.Combine(51, seen, context.Shape(i));
            features[n++] = FeatureHash.Combine(52, seen, previous);
            features[n++] = FeatureHash.Combine(53, seen, i + 1 < length ? evidence[i + 1] : 7UL);
            features[n++] = FeatureHash.Combine(54, seen, i > 0 ? evidence[i - 1] : 5UL);
            var here = evidence[length + i];
            var next = i + 1 < length ? evidence[length + i + 1] : 7UL;
            var next2 = i + 2 < length ? evidence[length + i + 2] : 7UL;
            features[n++] = FeatureHash.Combine(55, here);
            features[n++] = FeatureHash.Combine(56, next);
            features[n++] = FeatureHash.Combine(57, next, next2);
            features[n++] = FeatureHash.Combine(58, previous, next);
            features[n++] = FeatureHash.Combine(59, here, next);
        }

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
    private readonly ulong[] lexicon;
    private readonly ulong[][] clusters;

    private EntityContext(int length, int clusterLevels)
    {
        clusters = new ulong[clusterLevels][];
        for (var level = 0; level < clusterLevels; level++)
        {
            clusters[level] = new ulong[length];
        }

        places = new ulong[length];
        lexicon = new ulong[length];
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

    public int Length => words.Length;

    public bool HasClusters => clusters.Length > 0;

    /// <summary>How the sentence is written: mixed case, all capitals (a headline), or all lower case (web text).</summary>
    public ulong Casing { get; private set; }

    /// <summary>The word in lower case, with digits folded: the key that ties one word's occurrences in a document together.</summary>
    public ulong[] Keys => normals;

    public ulong[] Prefix2 { get; }

    public ulong[] Prefix3 { get; }

    public ulong[] Suffix2 { get; }

    public ulong[] Suffix3 { get; }

    public ulong[] Suffix4 { get; }

    public static EntityContext Of(IReadOnlyList<string> words, IReadOnlyList<string> pos, Dictionary<string, string> wordList, Gazetteer gazetteer, WordClusters clusters)
    {
        var levels = Math.Min(3, clusters.Sizes.Count);
        var context = new EntityContext(words.Count, levels);
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
            context.lexicon[i] = 101UL + (ulong)gazetteer.Lexicon(word);
            context.Prefix2[i] = FeatureHash.Of(word.AsSpan(0, Math.Min(2, word.Length)));
            context.Prefix3[i] = FeatureHash.Of(word.AsSpan(0, Math.Min(3, word.Length)));
            context.Suffix2[i] = FeatureHash.Of(normal.AsSpan(Math.Max(0, normal.Length - 2)));
            context.Suffix3[i] = FeatureHash.Of(normal.AsSpan(Math.Max(0, normal.Length - 3)));
            context.Suffix4[i] = FeatureHash.Of(normal.AsSpan(Math.Max(0, normal.Length - 4)));
            if (levels > 0)
            {
                // The three finest clusterings are used.
                var row = clusters.Find(word);
                for (var level = 0; level < 3 && level < levels; level++)
                {
                    var from = clusters.Sizes.Count - levels + level;
                    context.clusters[level][i] = row < 0 ? 11UL : 1000UL + (ulong)clusters.ClassOf(from, row);
                }
            }
        }

        int upper = 0, lower = 0, capitalized = 0;
        foreach (var word in words)
        {
            if (word.Length > 0 && char.IsLetter(word[0]))
            {
                var allUpper = true;
                foreach (var c in word)
                {
                    allUpper &= !char.IsLower(c);
                }

                upper += allUpper && word.Length > 1 ? 1 : 0;
                capitalized += char.IsUpper(word[0]) ? 1 : 0;
                lower += char.IsLower(word[0]) ? 1 : 0;
            }
        }

        var letters = Math.Max(1, upper + lower + capitalized - upper);
        context.Casing = upper * 2 > letters && upper >= 2 ? 31UL : capitalized == 0 ? 37UL : 41UL;
        return context;
    }

    public ulong Word(int i) => Get(words, i);

    public ulong Normal(int i) => Get(normals, i);

    public ulong Shape(int i) => Get(shapes, i);

    public ulong Pos(int i) => Get(pos, i);

    public ulong List(int i) => Get(lists, i);

    public ulong Place(int i) => Get(places, i);

    public ulong Lexicon(int i) => Get(lexicon, i);

    /// <summary>The word's class in clustering <paramref name="level"/> (0 coarsest; fewer levels than asked repeat the finest).</summary>
    public ulong Cluster(int level, int i) => Get(clusters[Math.Min(level, clusters.Length - 1)], i);

    private static ulong Get(ulong[] values, int i) => i < 0 ? 5UL : i >= values.Length ? 7UL : values[i];
}

/// <summary>
/// What the first pass found for each word elsewhere in its document: the entity type its other
/// occurrences were most often tagged with, with the place in the entity (B, I, L, U) they held.
/// A token's own first-pass tag is left out, so the evidence comes from the rest of the document.
/// </summary>
internal static class DocumentEvidence
{
    private const ulong None = 43UL;

    public static ulong[][] Of(IReadOnlyList<IReadOnlyList<string>> words, IReadOnlyList<EntityContext> contexts, IReadOnlyList<string[]> tags)
    {
        var acronyms = DefinedAcronyms(words, tags);
        var counts = new Dictionary<ulong, Dictionary<string, int>>();
        for (var s = 0; s < contexts.Count; s++)
        {
            var keys = contexts[s].Keys;
            for (var i = 0; i < keys.Length; i++)
            {
                if (tags[s][i] == "O")
                {
                    continue;
                }

                if (!counts.TryGetValue(keys[i], out var byTag))
                {
                    counts[keys[i]] = byTag = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                byTag[tags[s][i]] = byTag.GetValueOrDefault(tags[s][i]) + 1;
            }
        }

        var evidence = new ulong[contexts.Count][];
        for (var s = 0; s < contexts.Count; s++)
        {
            var keys = contexts[s].Keys;
            evidence[s] = new ulong[keys.Length * 2];
            for (var i = 0; i < keys.Length; i++)
            {
                evidence[s][keys.Length + i] = FeatureHash.Of(tags[s][i]);
                evidence[s][i] = acronyms.TryGetValue(words[s][i], out var defined) ? FeatureHash.Of(defined) : None;
                if (!counts.TryGetValue(keys[i], out var byTag))
                {
                    continue;
                }

                string? best = null;
                var bestCount = 0;
                foreach (var (tag, count) in byTag)
                {
                    var others = count - (tags[s][i] == tag ? 1 : 0);
                    if (others > bestCount || (others == bestCount && others > 0 && string.CompareOrdinal(tag, best) < 0))
                    {
                        best = tag;
                        bestCount = others;
                    }
                }

                if (best is not null)
                {
                    evidence[s][i] = FeatureHash.Of(best);
                }
            }
        }

        return evidence;
    }

    /// <summary>
    /// Acronyms the document defines after a name the first pass found: "Government of National
    /// Accord (GNA)" makes every "GNA" in the document evidence of an ORG unit, even where the first
    /// pass saw nothing.
    /// </summary>
    private static Dictionary<string, string> DefinedAcronyms(IReadOnlyList<IReadOnlyList<string>> words, IReadOnlyList<string[]> tags)
    {
        var acronyms = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var s = 0; s < words.Count; s++)
        {
            var sentence = words[s];
            for (var i = 1; i + 2 < sentence.Count; i++)
            {
                var tag = tags[s][i - 1];
                if (sentence[i] is "(" && sentence[i + 2] is ")" && tag[0] is 'L' or 'U' && IsAcronym(sentence[i + 1]))
                {
                    acronyms.TryAdd(sentence[i + 1], "U-" + tag[2..]);
                }
            }
        }

        return acronyms;
    }

    private static bool IsAcronym(string word) => word.Length is >= 2 and <= 6 && word.All(char.IsUpper);
}
