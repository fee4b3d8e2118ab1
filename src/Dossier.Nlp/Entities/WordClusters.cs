namespace Dossier.Nlp.Entities;

/// <summary>Settings for learning word clusters from unlabelled text.</summary>
public sealed record WordClusterOptions
{
    /// <value>The default value is 32, 128 and 512 classes: one clustering per size, coarse to fine.</value>
    public IReadOnlyList<int> Sizes { get; init; } = [32, 128, 512];

    /// <value>The default value is 2: rarer words are not clustered (they share the "rare" context).</value>
    public int MinCount { get; init; } = 2;

    /// <value>The default value is 12 passes over the vocabulary (fewer if no word moves).</value>
    public int Iterations { get; init; } = 12;

    public Action<string>? Progress { get; init; }
}

/// <summary>
/// Word classes learnt from unlabelled text by the exchange algorithm (Kneser and Ney; Martin, Liermann
/// and Ney; the two-sided form of Uszkoreit and Brants' predictive exchange): each word is moved, in
/// turn, to the class that best predicts the words to its left and right, until no move helps. Words
/// that occur in the same company ("Tripoli", "Benghazi", "Misrata") end in one class, so a name the
/// labelled data never showed still looks like its neighbours.
/// Unlike Brown clustering these classes are flat, not a tree; the coarse-to-fine levels that Brown's
/// bit-string prefixes give are here separate clusterings of growing size (32, 128, 512 by default).
/// Keys are the words as written (case kept, since case is what names are made of) with digits folded.
/// </summary>
public sealed class WordClusters
{
    public static readonly WordClusters Empty = new(new Dictionary<string, int>(StringComparer.Ordinal), [], []);

    private readonly Dictionary<string, int> index;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly int[] sizes;
    private readonly ushort[][] classes;

    private WordClusters(Dictionary<string, int> index, int[] sizes, ushort[][] classes)
    {
        this.index = index;
        this.sizes = sizes;
        this.classes = classes;
        lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How many words have a class.</summary>
    public int Count => index.Count;

    /// <summary>The number of classes of each clustering, coarse to fine.</summary>
    public IReadOnlyList<int> Sizes => sizes;

    /// <summary>The word's row in the cluster tables, or -1: the exact form first, then its lower case.</summary>
    public int Find(ReadOnlySpan<char> word)
    {
        if (index.Count == 0 || word.Length > 64)
        {
            return -1;
        }

        Span<char> key = stackalloc char[word.Length];
        var lower = false;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            key[i] = char.IsDigit(c) ? '0' : c;
            lower |= char.IsUpper(c);
        }

        if (lookup.TryGetValue(key, out var row))
        {
            return row;
        }

        if (!lower)
        {
            return -1;
        }

        for (var i = 0; i < key.Length; i++)
        {
            key[i] = char.ToLowerInvariant(key[i]);
        }

        return lookup.TryGetValue(key, out row) ? row : -1;
    }

    /// <summary>The class of the word at <paramref name="row"/> in clustering <paramref name="level"/>.</summary>
    public int ClassOf(int level, int row) => classes[level][row];

    /// <summary>The class of each word in each clustering (for inspection): word, then one class per level.</summary>
    public IEnumerable<(string Word, int[] Classes)> Entries() =>
        index.OrderBy(p => p.Value).Select(p => (p.Key, classes.Select(level => (int)level[p.Value]).ToArray()));

    private static string Key(string word)
    {
        if (!word.Any(char.IsDigit))
        {
            return word;
        }

        return string.Create(word.Length, word, (span, w) =>
        {
            for (var i = 0; i < w.Length; i++)
            {
                span[i] = char.IsDigit(w[i]) ? '0' : w[i];
            }
        });
    }

    /// <summary>Learns the clusters from tokenized sentences; the same text and options give the same classes.</summary>
    public static WordClusters Learn(IEnumerable<IReadOnlyList<string>> sentences, WordClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(options);
        var corpus = sentences.Select(s => s.Select(Key).ToArray()).ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in corpus)
        {
            foreach (var word in sentence)
            {
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }

        // Ids by falling frequency (ties in ordinal order), so the start and the order of moves are fixed.
        var vocabulary = counts.Where(p => p.Value >= options.MinCount && p.Key.Length <= 64)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).ToArray();
        var ids = new Dictionary<string, int>(vocabulary.Length, StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Length; i++)
        {
            ids[vocabulary[i]] = i;
        }

        // Contexts: the word to the left (ids, then "rare", then the sentence edge) and, offset by
        // that many, the word to the right.
        var words = vocabulary.Length;
        var rare = words;
        var edge = words + 1;
        var side = words + 2;
        var pairs = new Dictionary<long, int>();
        var total = 0;
        foreach (var sentence in corpus)
        {
            var previous = edge;
            for (var i = 0; i <= sentence.Length; i++)
            {
                var current = i < sentence.Length ? ids.GetValueOrDefault(sentence[i], rare) : edge;
                if (current < words)
                {
                    Bump(pairs, ((long)current << 32) | (uint)previous);
                    total++;
                }

                if (previous < words)
                {
                    Bump(pairs, ((long)previous << 32) | (uint)(side + current));
                }

                previous = current;
            }
        }

        var contextStart = new int[words + 1];
        foreach (var key in pairs.Keys)
        {
            contextStart[(int)(key >> 32) + 1]++;
        }

        for (var w = 0; w < words; w++)
        {
            contextStart[w + 1] += contextStart[w];
        }

        var contextIds = new int[pairs.Count];
        var contextCounts = new int[pairs.Count];
        var fill = (int[])contextStart.Clone();
        foreach (var (key, count) in pairs.OrderBy(p => p.Key))
        {
            var w = (int)(key >> 32);
            contextIds[fill[w]] = (int)(key & 0xFFFFFFFF);
            contextCounts[fill[w]++] = count;
        }

        var frequency = new int[words];
        for (var w = 0; w < words; w++)
        {
            frequency[w] = counts[vocabulary[w]];
        }

        var table = new double[total + 2];
        for (var n = 1; n < table.Length; n++)
        {
            table[n] = n * Math.Log(n);
        }

        var sizes = options.Sizes.ToArray();
        var levels = new ushort[sizes.Length][];
        for (var level = 0; level < sizes.Length; level++)
        {
            if (sizes[level] is < 2 or > ushort.MaxValue)
            {
                throw new ArgumentException($"a clustering has 2 to {ushort.MaxValue} classes, not {sizes[level]}", nameof(options));
            }

            levels[level] = Exchange(sizes[level], 2 * side, frequency, contextStart, contextIds, contextCounts, table, options);
        }

        var index = new Dictionary<string, int>(words, StringComparer.Ordinal);
        for (var w = 0; w < words; w++)
        {
            index[vocabulary[w]] = w;
        }

        return new WordClusters(index, sizes, levels);
    }

    private static void Bump(Dictionary<long, int> pairs, long key) =>
        pairs[key] = pairs.GetValueOrDefault(key) + 1;

    /// <summary>
    /// The exchange algorithm for <paramref name="k"/> classes. The objective, the log-likelihood of
    /// each word's class given its left neighbour and given its right one, is up to a constant
    /// Σ over contexts and classes of N(context, class)·log N(context, class), less twice
    /// Σ over classes of N(class)·log N(class); moving one word changes only the terms of its own contexts.
    /// </summary>
    private static ushort[] Exchange(int k, int contexts, int[] frequency, int[] contextStart, int[] contextIds, int[] contextCounts, double[] f, WordClusterOptions options)
    {
        var words = frequency.Length;
        var assigned = new ushort[words];
        var matrix = new int[(long)contexts * k];
        var sizes = new long[k];
        for (var w = 0; w < words; w++)
        {
            assigned[w] = (ushort)(w % k);
            sizes[w % k] += frequency[w];
            for (var j = contextStart[w]; j < contextStart[w + 1]; j++)
            {
                matrix[((long)contextIds[j] * k) + assigned[w]] += contextCounts[j];
            }
        }

        var gain = new double[k];
        for (var iteration = 1; iteration <= options.Iterations; iteration++)
        {
            var moved = 0;
            for (var w = 0; w < words; w++)
            {
                var from = assigned[w];
                var n = frequency[w];
                for (var j = contextStart[w]; j < contextStart[w + 1]; j++)
                {
                    matrix[((long)contextIds[j] * k) + from] -= contextCounts[j];
                }

                sizes[from] -= n;
                for (var c = 0; c < k; c++)
                {
                    gain[c] = -2 * (F(f, sizes[c] + n) - F(f, sizes[c]));
                }

                for (var j = contextStart[w]; j < contextStart[w + 1]; j++)
                {
                    var count = contextCounts[j];
                    var row = matrix.AsSpan((int)((long)contextIds[j] * k), k);
                    for (var c = 0; c < k; c++)
                    {
                        var m = row[c];
                        gain[c] += f[m + count] - f[m];
                    }
                }

                var best = (int)from;
                for (var c = 0; c < k; c++)
                {
                    if (gain[c] > gain[best] + 1e-9)
                    {
                        best = c;
                    }
                }

                assigned[w] = (ushort)best;
                sizes[best] += n;
                for (var j = contextStart[w]; j < contextStart[w + 1]; j++)
                {
                    matrix[((long)contextIds[j] * k) + best] += contextCounts[j];
                }

                moved += best == from ? 0 : 1;
            }

            options.Progress?.Invoke($"clusters {k}: pass {iteration}, {moved:N0} of {words:N0} words moved");
            if (moved == 0)
            {
                break;
            }
        }

        return assigned;
    }

    private static double F(double[] f, long n) => n < f.Length ? f[n] : n * Math.Log(n);

    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(sizes.Length);
        foreach (var size in sizes)
        {
            writer.Write(size);
        }

        writer.Write(index.Count);
        foreach (var (word, row) in index.OrderBy(p => p.Value))
        {
            writer.Write(word);
            foreach (var level in classes)
            {
                writer.Write(level[row]);
            }
        }
    }

    public static WordClusters Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sizes = new int[reader.ReadInt32()];
        for (var i = 0; i < sizes.Length; i++)
        {
            sizes[i] = reader.ReadInt32();
        }

        var count = reader.ReadInt32();
        var index = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var classes = sizes.Select(_ => new ushort[count]).ToArray();
        for (var row = 0; row < count; row++)
        {
            index[reader.ReadString()] = row;
            foreach (var level in classes)
            {
                level[row] = reader.ReadUInt16();
            }
        }

        return new WordClusters(index, sizes, classes);
    }
}
