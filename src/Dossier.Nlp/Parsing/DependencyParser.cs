using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Dossier.Core.Documents;
using Dossier.Core.Documents.Nlp;
using Dossier.Core.Pipeline;
using Dossier.Nlp.Corpora;
using Dossier.Nlp.Learning;

namespace Dossier.Nlp.Parsing;

/// <summary>Settings for training the parser.</summary>
public sealed record ParserTrainingOptions
{
    /// <value>The default value is 15 passes over the data (the best one on <see cref="Development"/> is kept when given).</value>
    public int Epochs { get; init; } = 15;

    /// <value>The default value is seed 1: the same data gives the same model, byte for byte.</value>
    public int Seed { get; init; } = 1;

    /// <summary>The first epoch in which training follows the model's own moves instead of the oracle's.</summary>
    /// <value>The default value is 2: the first pass follows the oracle only.</value>
    public int ExploreFrom { get; init; } = 2;

    /// <summary>How often, from <see cref="ExploreFrom"/> on, training follows the model's move (right or wrong).</summary>
    /// <value>The default value is 0.9.</value>
    public double ExplorationRate { get; init; } = 0.9;

    /// <summary>Held-out sentences (with predicted tags) scored after each epoch; the epoch with the best LAS is kept.</summary>
    /// <value>The default value is none: the last epoch is kept.</value>
    public IReadOnlyList<TreeSentence>? Development { get; init; }

    public Action<string>? Progress { get; init; }
}

/// <summary>One sentence's parse: 0-based heads (-1 for the root) and UD relations.</summary>
public sealed record DependencyTree(int[] Heads, string[] Relations);

/// <summary>
/// A greedy transition-based dependency parser: arc-hybrid moves chosen by an averaged perceptron
/// over hashed features (Zhang and Nivre 2011 style), trained with a dynamic oracle and exploration
/// (Goldberg and Nivre 2013), and a second perceptron that names each arc's Universal Dependencies
/// relation, subtype included ("nsubj:pass", "obl:agent"), when the arc is made, when the dependent
/// has all its own dependents. It reads the tagger's UPOS and Penn tags. One pass per sentence, two
/// moves a word: time is linear in sentence length. Read-only after loading: one instance serves
/// all threads.
/// </summary>
public sealed class DependencyParser : IDocumentStage
{
    public const string ModelKind = "dependency-parser-1";

    private const string RootRelation = "root";

    private readonly AveragedPerceptron moves;
    private readonly AveragedPerceptron relations;
    private readonly Func<Document, Sentence, bool>? sentenceFilter;
    private readonly Func<Document, DependencyLayer?>? earlierParse;

    private DependencyParser(AveragedPerceptron moves, AveragedPerceptron relations, string version,
        Func<Document, Sentence, bool>? sentenceFilter, Func<Document, DependencyLayer?>? earlierParse = null)
    {
        this.moves = moves;
        this.relations = relations;
        Version = version;
        this.sentenceFilter = sentenceFilter;
        this.earlierParse = earlierParse;
    }

    public string Name => nameof(DependencyParser);

    /// <summary>The first 16 hex digits of the model file's SHA-256 ("untrained" before saving).</summary>
    public string Version { get; }

    public IReadOnlySet<DocumentLayer> Requires { get; } = new HashSet<DocumentLayer> { DocumentLayer.Tokens, DocumentLayer.Sentences, DocumentLayer.PartsOfSpeech };

    public IReadOnlySet<DocumentLayer> Produces { get; } = new HashSet<DocumentLayer> { DocumentLayer.Dependencies };

    public int FeatureCount => moves.FeatureCount + relations.FeatureCount;

    /// <summary>The relations the parser can give, "root" included.</summary>
    public IReadOnlyList<string> Relations => [RootRelation, .. relations.Labels];

    /// <summary>
    /// The same models, parsing only the sentences <paramref name="sentenceFilter"/> accepts (null: all).
    /// The tokens of the others get head -1, relation "" and <see cref="DependencyLayer.Parsed"/> false.
    /// </summary>
    public DependencyParser WithSentenceFilter(Func<Document, Sentence, bool>? sentenceFilter) =>
        new(moves, relations, Version, sentenceFilter, earlierParse);

    /// <summary>
    /// The same parser, taking each sentence's parse from <paramref name="earlierParse"/> (the
    /// layer this parser gave an earlier look at the same document, or null) where that parse read
    /// the sentence, and parsing only the sentences it did not read. A sentence's parse depends on
    /// its words and tags alone, so the layer comes out the same as a fresh parse, as long as the
    /// earlier layer was made for the same tokens, sentences and tags. The sentence filter still
    /// decides which sentences count as parsed: one the earlier look read and this one does not
    /// want stays unparsed, as it would in a fresh parse.
    /// </summary>
    public DependencyParser WithEarlierParse(Func<Document, DependencyLayer?>? earlierParse) =>
        new(moves, relations, Version, sentenceFilter, earlierParse);

    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Tokens!;
        var tags = document.PartsOfSpeech!;
        var heads = new int[tokens.Count];
        var names = new string[tokens.Count];
        var parsed = new bool[tokens.Count];
        Array.Fill(heads, -1);
        Array.Fill(names, string.Empty);
        var earlier = earlierParse?.Invoke(document) is { } layer && layer.Heads.Length == tokens.Count ? layer : null;
        foreach (var sentence in document.Sentences!)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (sentence.TokenEnd <= sentence.TokenStart || (sentenceFilter is not null && !sentenceFilter(document, sentence)))
            {
                continue;
            }

            if (earlier is not null && ReadWhole(earlier, sentence))
            {
                Array.Copy(earlier.Heads, sentence.TokenStart, heads, sentence.TokenStart, sentence.TokenEnd - sentence.TokenStart);
                Array.Copy(earlier.Relations, sentence.TokenStart, names, sentence.TokenStart, sentence.TokenEnd - sentence.TokenStart);
                Array.Fill(parsed, true, sentence.TokenStart, sentence.TokenEnd - sentence.TokenStart);
                continue;
            }

            var length = sentence.TokenEnd - sentence.TokenStart;
            var words = new string[length];
            for (var i = 0; i < length; i++)
            {
                words[i] = document.TextOf(tokens[sentence.TokenStart + i]);
            }

            var tree = Parse(words, new ArraySegment<string>(tags.Universal, sentence.TokenStart, length), new ArraySegment<string>(tags.Penn, sentence.TokenStart, length));
            for (var i = 0; i < length; i++)
            {
                var token = sentence.TokenStart + i;
                heads[token] = tree.Heads[i] < 0 ? -1 : sentence.TokenStart + tree.Heads[i];
                names[token] = tree.Relations[i];
                parsed[token] = true;
            }
        }

        document.SetDependencies(new DependencyLayer(heads, names, parsed));
    }

    private static bool ReadWhole(DependencyLayer layer, Sentence sentence)
    {
        for (var i = sentence.TokenStart; i < sentence.TokenEnd; i++)
        {
            if (!layer.Parsed[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses one sentence given its words and their UPOS and Penn tags.</summary>
    public DependencyTree Parse(IReadOnlyList<string> words, IReadOnlyList<string> universal, IReadOnlyList<string> penn)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(universal);
        ArgumentNullException.ThrowIfNull(penn);
        if (universal.Count != words.Count || penn.Count != words.Count)
        {
            throw new ArgumentException("one UPOS and one Penn tag per word", nameof(universal));
        }

        var state = Run(moves, relations, new ParseContext(words, universal, penn));
        return ToTree(state, relations);
    }

    public static DependencyParser Train(IReadOnlyList<TreeSentence> sentences, ParserTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(options);
        var labelNames = sentences.SelectMany(s => s.Relations).Where(r => r != RootRelation).Distinct().Order(StringComparer.Ordinal).ToArray();
        var labelIndex = labelNames.Select((label, index) => (label, index)).ToDictionary(p => p.label, p => p.index, StringComparer.Ordinal);
        var moveModel = new AveragedPerceptron(["shift", "left", "right"]);
        var labelModel = new AveragedPerceptron(labelNames);

        // Gold heads as the oracle needs them: projective, the root as word n.
        var gold = new int[sentences.Count][];
        var goldLabels = new int[sentences.Count][];
        int liftedArcs = 0, liftedTrees = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            var (projective, lifted) = Projectivizer.Projectivize(sentence.Heads);
            liftedArcs += lifted;
            liftedTrees += lifted > 0 ? 1 : 0;
            gold[s] = [.. projective.Select(h => h < 0 ? sentence.Words.Length : h)];
            goldLabels[s] = [.. sentence.Relations.Select(r => labelIndex.GetValueOrDefault(r, -1))];
        }

        options.Progress?.Invoke($"{sentences.Count:N0} trees, {liftedTrees:N0} non-projective: {liftedArcs:N0} arcs lifted to make them projective; {labelNames.Length + 1} relations");

        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var random = new Random(options.Seed);
        var contexts = sentences.Select(s => new ParseContext(s.Words, s.Universal, s.Penn)).ToArray();
        var features = new ulong[ParserFeatures.MoveCapacity];
        var labelFeatures = new ulong[ParserFeatures.LabelCapacity];
        var labelScores = new float[labelNames.Length];
        var best = (Las: -1.0, Epoch: 0, Moves: (AveragedPerceptron?)null, Relations: (AveragedPerceptron?)null);
        Span<float> scores = stackalloc float[3];
        Span<int> costs = stackalloc int[3];
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var watch = Stopwatch.StartNew();
            var explore = epoch >= options.ExploreFrom;
            long correctMoves = 0, allMoves = 0;
            random.Shuffle(order);
            foreach (var index in order)
            {
                var context = contexts[index];
                var goldHeads = gold[index];
                var state = new ArcHybrid(context.Length);
                while (!state.IsTerminal)
                {
                    var count = ParserFeatures.ForMove(context, state, features);
                    var f = features.AsSpan(0, count);
                    scores.Clear();
                    moveModel.Score(f, scores);
                    state.Costs(goldHeads, costs);
                    var guess = BestMove(state, scores);
                    var cheapest = Math.Min(costs[0], Math.Min(costs[1], costs[2]));
                    var truth = guess;
                    if (costs[(int)guess] != cheapest)
                    {
                        truth = Move.Shift;
                        var truthScore = float.NegativeInfinity;
                        for (var m = 0; m < 3; m++)
                        {
                            if (costs[m] == cheapest && scores[m] > truthScore)
                            {
                                truth = (Move)m;
                                truthScore = scores[m];
                            }
                        }
                    }

                    moveModel.Update((int)truth, (int)guess, f);
                    allMoves++;
                    correctMoves += truth == guess ? 1 : 0;
                    var follow = explore && random.NextDouble() < options.ExplorationRate ? guess : truth;
                    var label = -1;
                    if (follow != Move.Shift)
                    {
                        var (head, dependent) = state.ArcOf(follow);
                        if (head != context.Length)
                        {
                            var labelCount = ParserFeatures.ForLabel(context, state, head, dependent, labelFeatures);
                            var lf = labelFeatures.AsSpan(0, labelCount);
                            Array.Clear(labelScores);
                            labelModel.Score(lf, labelScores);
                            label = AveragedPerceptron.ArgMax(labelScores);
                            var goldLabel = goldLabels[index][dependent];
                            if (goldHeads[dependent] == head && goldLabel >= 0)
                            {
                                labelModel.Update(goldLabel, label, lf);
                            }
                        }
                    }

                    state.Apply(follow, label);
                }
            }

            var line = $"epoch {epoch}/{options.Epochs}: training move accuracy {(double)correctMoves / allMoves:0.0000}{(explore ? " (exploring)" : string.Empty)} ({watch.Elapsed.TotalSeconds:0.0} s)";
            if (options.Development is { Count: > 0 } development)
            {
                var snapshot = (Moves: moveModel.Snapshot(), Relations: labelModel.Snapshot());
                var (uas, las) = Score(snapshot.Moves, snapshot.Relations, development);
                line += $"; development UAS {uas:0.0000} LAS {las:0.0000}";
                if (las > best.Las)
                {
                    best = (las, epoch, snapshot.Moves, snapshot.Relations);
                }
            }

            options.Progress?.Invoke(line);
        }

        if (best.Moves is not null && best.Relations is not null)
        {
            options.Progress?.Invoke($"keeping epoch {best.Epoch} (development LAS {best.Las:0.0000})");
            return new DependencyParser(best.Moves, best.Relations, "untrained", null);
        }

        moveModel.Average();
        labelModel.Average();
        return new DependencyParser(moveModel, labelModel, "untrained", null);
    }

    /// <summary>
    /// Writes the model. Weights under <paramref name="pruneBelow"/> (in units of one update,
    /// averaged) are dropped: most features of a parser are seen a handful of times.
    /// </summary>
    /// <param name="path">Where to write.</param>
    /// <param name="pruneBelow">The default value is 1.0.</param>
    public void Save(string path, float pruneBelow = 1.0f) => ModelFile.Save(path, ModelKind, writer =>
    {
        moves.Write(writer, pruneBelow);
        relations.Write(writer, pruneBelow);
    });

    /// <summary>Loads a model; <paramref name="sentenceFilter"/> chooses the sentences to parse (null: all).</summary>
    public static DependencyParser Load(string path, Func<Document, Sentence, bool>? sentenceFilter = null)
    {
        var version = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))[..16].ToLowerInvariant();
        return ModelFile.Load(path, ModelKind, reader =>
        {
            var moveModel = AveragedPerceptron.Read(reader);
            var relationModel = AveragedPerceptron.Read(reader);
            return new DependencyParser(moveModel, relationModel, version, sentenceFilter);
        });
    }

    /// <summary>Unlabeled and labeled attachment scores over all words.</summary>
    private static (double Uas, double Las) Score(AveragedPerceptron moveModel, AveragedPerceptron labelModel, IReadOnlyList<TreeSentence> sentences)
    {
        long total = 0, unlabeled = 0, labeled = 0;
        foreach (var sentence in sentences)
        {
            var tree = ToTree(Run(moveModel, labelModel, new ParseContext(sentence.Words, sentence.Universal, sentence.Penn)), labelModel);
            for (var i = 0; i < sentence.Words.Length; i++)
            {
                total++;
                if (tree.Heads[i] == sentence.Heads[i])
                {
                    unlabeled++;
                    labeled += tree.Relations[i] == sentence.Relations[i] ? 1 : 0;
                }
            }
        }

        return ((double)unlabeled / Math.Max(1, total), (double)labeled / Math.Max(1, total));
    }

    // Optimized from its first call: see ParserFeatures.ForMove.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ArcHybrid Run(AveragedPerceptron moveModel, AveragedPerceptron labelModel, ParseContext context)
    {
        var state = new ArcHybrid(context.Length);
        Span<ulong> features = stackalloc ulong[ParserFeatures.MoveCapacity];
        Span<float> scores = stackalloc float[3];
        var labelScores = labelModel.ClassCount <= 256 ? stackalloc float[labelModel.ClassCount] : new float[labelModel.ClassCount];
        while (!state.IsTerminal)
        {
            // An empty stack allows only Shift, and the last word before the root only Left: the
            // model need not be asked.
            Move move;
            if (state.StackCount == 0)
            {
                move = Move.Shift;
            }
            else if (state.StackCount == 1 && state.Buffer == state.Length)
            {
                move = Move.Left;
            }
            else
            {
                var count = ParserFeatures.ForMove(context, state, features);
                scores.Clear();
                moveModel.Score(features[..count], scores);
                move = BestMove(state, scores);
            }

            var label = -1;
            if (move != Move.Shift)
            {
                var (head, dependent) = state.ArcOf(move);
                if (head != context.Length)
                {
                    var count = ParserFeatures.ForLabel(context, state, head, dependent, features);
                    labelScores.Clear();
                    labelModel.Score(features[..count], labelScores);
                    label = AveragedPerceptron.ArgMax(labelScores);
                }
            }

            state.Apply(move, label);
        }

        return state;
    }

    private static Move BestMove(ArcHybrid state, ReadOnlySpan<float> scores)
    {
        var best = Move.Shift;
        var bestScore = float.NegativeInfinity;
        for (var m = 0; m < 3; m++)
        {
            if (state.CanApply((Move)m) && scores[m] > bestScore)
            {
                best = (Move)m;
                bestScore = scores[m];
            }
        }

        return best;
    }

    private static DependencyTree ToTree(ArcHybrid state, AveragedPerceptron labelModel)
    {
        var n = state.Length;
        var heads = new int[n];
        var names = new string[n];
        for (var i = 0; i < n; i++)
        {
            var head = state.Heads[i];
            heads[i] = head == n ? -1 : head;
            names[i] = head == n ? RootRelation : labelModel.Labels[state.Labels[i]];
        }

        return new DependencyTree(heads, names);
    }
}
