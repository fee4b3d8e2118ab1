using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Dossier.Nlp.Learning;

/// <summary>
/// A multi-class averaged perceptron over hashed sparse features. Training keeps, per weight, its
/// running total and the step it last changed, so averaging costs nothing per update (Daumé's
/// trick as used by Collins and Honnibal). After <see cref="Average"/> the model is read-only and safe to
/// share across threads.
/// </summary>
public sealed class AveragedPerceptron
{
    private const string Magic = "DOSSIER-PERCEPTRON";
    // Format 2 stores each feature's weights sparsely (most features only ever moved two or three
    // classes); format 1, dense rows, is still read.
    private const int FormatVersion = 2;

    private readonly Dictionary<ulong, int> rows;
    private float[] weights;

    // After training: an open-addressing table (linear probing) from feature key to row, which
    // answers a lookup in about half the time of the dictionary. Key 0 marks an empty slot; a real
    // key of 0 is kept in the dictionary only, and looked up there.
    // Keys and rows side by side, so that finding a feature's row costs one cache miss, not two.
    private TableEntry[]? table;

    // For models of at most four classes (the parser's moves): the weights sit in the table entry
    // itself, so a feature costs one cache miss instead of two.
    private SmallEntry[]? smallTable;
    private int tableMask;
    private double[]? totals;
    private int[]? stamps;
    private int step;

    public AveragedPerceptron(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        Labels = labels;
        rows = new Dictionary<ulong, int>(1 << 16);
        weights = new float[labels.Count * 1024];
        totals = new double[weights.Length];
        stamps = new int[weights.Length];
    }

    private AveragedPerceptron(IReadOnlyList<string> labels, Dictionary<ulong, int> rows, float[] weights)
    {
        Labels = labels;
        this.rows = rows;
        this.weights = weights;
        BuildTable();
    }

    public IReadOnlyList<string> Labels { get; }

    public int ClassCount => Labels.Count;

    public int FeatureCount => rows.Count;

    /// <summary>Adds each feature's weights to <paramref name="scores"/> (which the caller zeroes).</summary>
    /// <remarks>
    /// The lookups here and below are compiled optimized from their first call: every model's
    /// time is spent in them, and the runtime's tiers left them unoptimized for most of a
    /// pipeline run pinned to one core (see <c>ParserFeatures.ForMove</c>).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var classes = Labels.Count;
        if (table is null)
        {
            foreach (var feature in features)
            {
                if (rows.TryGetValue(feature, out var row))
                {
                    Add(weights.AsSpan(row * classes, classes), scores);
                }
            }

            return;
        }

        if (smallTable is not null)
        {
            ScoreSmall(features, scores);
            return;
        }

        // Each feature costs two cache misses (its table slot, then its row of weights), and a
        // token's forty-odd features are independent: asking for every slot first, then for every
        // row, lets the memory fetch them side by side instead of one after another. The rows are
        // added in the features' order, so the sums are the same to the last bit.
        Span<int> found = features.Length <= 256 ? stackalloc int[features.Length] : new int[features.Length];
        var entries = table;
        var w = weights;
        for (var f = 0; f < features.Length; f++)
        {
            Prefetch(ref entries[(int)(features[f] & (ulong)tableMask)]);
        }

        for (var f = 0; f < features.Length; f++)
        {
            var row = Find(features[f]);
            found[f] = row;
            if (row >= 0)
            {
                // A row of 17 weights spans two cache lines, one of 50 (Penn tags) four.
                var first = row * classes;
                var last = first + classes - 1;
                for (var at = first; at <= last; at += 16)
                {
                    Prefetch(ref w[at]);
                }

                Prefetch(ref w[last]);
            }
        }

        AddRows(w, found, classes, scores);
    }

    /// <summary>As the general path, for at most four classes: same features, same order, same sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScoreSmall(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var entries = smallTable!;
        var mask = tableMask;
        foreach (var feature in features)
        {
            Prefetch(ref entries[(int)(feature & (ulong)mask)]);
        }

        var classes = Labels.Count;
        foreach (var feature in features)
        {
            if (feature == 0)
            {
                if (rows.TryGetValue(0, out var zeroRow))
                {
                    Add(weights.AsSpan(zeroRow * classes, classes), scores);
                }

                continue;
            }

            var slot = (int)(feature & (ulong)mask);
            while (true)
            {
                ref readonly var entry = ref entries[slot];
                if (entry.Key == feature)
                {
                    scores[0] += entry.W0;
                    if (classes > 1)
                    {
                        scores[1] += entry.W1;
                    }

                    if (classes > 2)
                    {
                        scores[2] += entry.W2;
                    }

                    if (classes > 3)
                    {
                        scores[3] += entry.W3;
                    }

                    break;
                }

                if (entry.Key == 0)
                {
                    break;
                }

                slot = (slot + 1) & mask;
            }
        }
    }

    /// <summary>Adds the given rows of weights (-1: none) to the scores, element by element in row order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddRows(float[] weights, ReadOnlySpan<int> rows, int classes, Span<float> scores)
    {
        ref var first = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(weights);
        ref var score = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(scores);
        if (Vector256.IsHardwareAccelerated && classes is >= 16 and <= 24)
        {
            // The usual models (17 universal tags, 17 entity tags): two vectors kept in registers
            // across all rows, the rest added one by one.
            var low = Vector256.LoadUnsafe(ref score);
            var high = Vector256.LoadUnsafe(ref score, 8);
            foreach (var row in rows)
            {
                if (row < 0)
                {
                    continue;
                }

                ref var weight = ref System.Runtime.CompilerServices.Unsafe.Add(ref first, row * classes);
                low += Vector256.LoadUnsafe(ref weight);
                high += Vector256.LoadUnsafe(ref weight, 8);
                for (var c = 16; c < classes; c++)
                {
                    System.Runtime.CompilerServices.Unsafe.Add(ref score, c) += System.Runtime.CompilerServices.Unsafe.Add(ref weight, c);
                }
            }

            low.StoreUnsafe(ref score);
            high.StoreUnsafe(ref score, 8);
            return;
        }

        foreach (var row in rows)
        {
            if (row >= 0)
            {
                Add(weights.AsSpan(row * classes, classes), scores);
            }
        }
    }

    /// <summary>A feature's row after training, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Find(ulong feature)
    {
        if (feature == 0)
        {
            return rows.TryGetValue(0, out var zeroRow) ? zeroRow : -1;
        }

        var entries = table!;
        var slot = (int)(feature & (ulong)tableMask);
        while (true)
        {
            ref readonly var entry = ref entries[slot];
            if (entry.Key == feature)
            {
                return entry.Row;
            }

            if (entry.Key == 0)
            {
                return -1;
            }

            slot = (slot + 1) & tableMask;
        }
    }

    private static unsafe void Prefetch<T>(ref T item)
    {
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
        {
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(System.Runtime.CompilerServices.Unsafe.AsPointer(ref item));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Add(ReadOnlySpan<float> row, Span<float> scores)
    {
        var c = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var width = System.Numerics.Vector<float>.Count;
            for (; c + width <= row.Length; c += width)
            {
                var sum = new System.Numerics.Vector<float>(scores[c..]) + new System.Numerics.Vector<float>(row[c..]);
                sum.CopyTo(scores[c..]);
            }
        }

        for (; c < row.Length; c++)
        {
            scores[c] += row[c];
        }
    }

    private void BuildTable()
    {
        var capacity = 16;
        while (capacity < rows.Count * 2)
        {
            capacity <<= 1;
        }

        var entries = new TableEntry[capacity];
        var mask = capacity - 1;
        foreach (var (key, row) in rows)
        {
            if (key == 0)
            {
                continue;
            }

            var slot = (int)(key & (ulong)mask);
            while (entries[slot].Key != 0)
            {
                slot = (slot + 1) & mask;
            }

            entries[slot] = new TableEntry(key, row);
        }

        table = entries;
        tableMask = mask;
        var classes = Labels.Count;
        if (classes <= 4)
        {
            var small = new SmallEntry[capacity];
            for (var i = 0; i < capacity; i++)
            {
                var (key, row) = entries[i];
                if (key != 0)
                {
                    var w = weights.AsSpan(row * classes, classes);
                    small[i] = new SmallEntry(key, w[0], classes > 1 ? w[1] : 0, classes > 2 ? w[2] : 0, classes > 3 ? w[3] : 0);
                }
            }

            smallTable = small;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Predict(ReadOnlySpan<ulong> features)
    {
        Span<float> scores = stackalloc float[Labels.Count];
        Score(features, scores);
        return ArgMax(scores);
    }

    public static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>One training step: moves weight from the guessed class to the true one.</summary>
    public void Update(int truth, int guess, ReadOnlySpan<ulong> features)
    {
        step++;
        if (truth == guess)
        {
            return;
        }

        foreach (var feature in features)
        {
            var row = RowFor(feature);
            Change(row, truth, 1f);
            Change(row, guess, -1f);
        }
    }

    /// <summary>Replaces each weight by its average over all steps; training ends here.</summary>
    public void Average()
    {
        if (totals is null || stamps is null)
        {
            return;
        }

        var classes = Labels.Count;
        for (var i = 0; i < rows.Count * classes; i++)
        {
            var total = totals[i] + ((step - stamps[i]) * (double)weights[i]);
            weights[i] = (float)(total / Math.Max(1, step));
        }

        totals = null;
        stamps = null;
        BuildTable();
    }

    /// <summary>
    /// A read-only copy with each weight averaged over the steps so far, while this one goes on
    /// training: for scoring held-out data after an epoch and keeping the best epoch's model.
    /// </summary>
    public AveragedPerceptron Snapshot()
    {
        var classes = Labels.Count;
        var averaged = new float[rows.Count * classes];
        for (var i = 0; i < averaged.Length; i++)
        {
            averaged[i] = totals is null || stamps is null
                ? weights[i]
                : (float)((totals[i] + ((step - stamps[i]) * (double)weights[i])) / Math.Max(1, step));
        }

        return new AveragedPerceptron(Labels, new Dictionary<ulong, int>(rows), averaged);
    }

    /// <summary>
    /// Writes the model, dropping weights smaller than <paramref name="pruneBelow"/> (and features with
    /// none left). Averaged weights are in units of updates, so a weight under one update is a
    /// feature seen once or twice late in training: on the entity model, 0.75 shrinks the file by a
    /// quarter with no loss of F1 beyond noise. Features are written in key order, so the same
    /// training gives the same bytes.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="pruneBelow">The default value is 0.75.</param>
    public void Write(BinaryWriter writer, float pruneBelow = 0.75f)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Labels.Count);
        foreach (var label in Labels)
        {
            writer.Write(label);
        }

        var classes = Labels.Count;
        if (classes > byte.MaxValue)
        {
            throw new InvalidOperationException("at most 255 classes can be written");
        }

        var kept = rows.Where(pair => Enumerable.Range(0, classes).Any(c => Math.Abs(weights[(pair.Value * classes) + c]) >= pruneBelow))
            .OrderBy(pair => pair.Key).ToList();
        writer.Write(kept.Count);

        // Keys first, then the rows: like values side by side compress better than interleaved.
        foreach (var (key, _) in kept)
        {
            writer.Write(key);
        }

        foreach (var (_, row) in kept)
        {
            var offset = row * classes;
            byte count = 0;
            for (var c = 0; c < classes; c++)
            {
                count += Math.Abs(weights[offset + c]) >= pruneBelow ? (byte)1 : (byte)0;
            }

            writer.Write(count);
            for (var c = 0; c < classes; c++)
            {
                if (Math.Abs(weights[offset + c]) >= pruneBelow)
                {
                    writer.Write((byte)c);
                    writer.Write((Half)weights[offset + c]);
                }
            }
        }
    }

    public static AveragedPerceptron Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException("not a Dossier perceptron model");
        }

        var version = reader.ReadInt32();
        if (version is not (1 or FormatVersion))
        {
            throw new InvalidDataException($"model format {version}; this build reads format {FormatVersion}");
        }

        var labels = new string[reader.ReadInt32()];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = reader.ReadString();
        }

        var count = reader.ReadInt32();
        var rows = new Dictionary<ulong, int>(count);
        var weights = new float[count * labels.Length];
        if (version == FormatVersion)
        {
            for (var r = 0; r < count; r++)
            {
                rows[reader.ReadUInt64()] = r;
            }

            for (var r = 0; r < count; r++)
            {
                var nonZero = reader.ReadByte();
                for (var k = 0; k < nonZero; k++)
                {
                    var c = reader.ReadByte();
                    weights[(r * labels.Length) + c] = (float)reader.ReadHalf();
                }
            }

            return new AveragedPerceptron(labels, rows, weights);
        }

        for (var r = 0; r < count; r++)
        {
            rows[reader.ReadUInt64()] = r;
            for (var c = 0; c < labels.Length; c++)
            {
                weights[(r * labels.Length) + c] = (float)reader.ReadHalf();
            }
        }

        return new AveragedPerceptron(labels, rows, weights);
    }

    private int RowFor(ulong feature)
    {
        if (rows.TryGetValue(feature, out var row))
        {
            return row;
        }

        row = rows.Count;
        rows[feature] = row;
        var needed = (row + 1) * Labels.Count;
        if (needed > weights.Length)
        {
            var size = Math.Max(needed, weights.Length * 2);
            Array.Resize(ref weights, size);
            Array.Resize(ref totals, size);
            Array.Resize(ref stamps, size);
        }

        return row;
    }

    private void Change(int row, int label, float delta)
    {
        var index = (row * Labels.Count) + label;
        totals![index] += (step - stamps![index]) * (double)weights[index];
        stamps[index] = step;
        weights[index] += delta;
    }

    private readonly record struct TableEntry(ulong Key, int Row);

    private readonly record struct SmallEntry(ulong Key, float W0, float W1, float W2, float W3);
}
