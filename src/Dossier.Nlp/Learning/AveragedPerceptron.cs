
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
    private const int FormatVersion = 1;

    private readonly Dictionary<ulong, int> rows;
    private float[] weights;
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
    }

    public IReadOnlyList<string> Labels { get; }

    public int ClassCount => Labels.Count;

    public int FeatureCount => rows.Count;

    /// <summary>Adds each feature's weights to <paramref name="scores"/> (which the caller zeroes).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var classes = Labels.Count;
        foreach (var feature in features)
        {
            if (rows.TryGetValue(feature, out var row))
            {
                var offset = row * classes;
                for (var c = 0; c < classes; c++)
                {
                    scores[c] += weights[offset + c];
                }
            }
        }
    }

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
    }

    /// <summary>
    /// Writes the model, dropping features whose weights all round to nothing, gzip-compressed.
    /// Features are written in key order, so the same training gives the same bytes.
    /// </summary>
    public void Write(BinaryWriter writer, float pruneBelow = 1e-3f)
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
        var kept = rows.Where(pair => Enumerable.Range(0, classes).Any(c => Math.Abs(weights[(pair.Value * classes) + c]) >= pruneBelow))
            .OrderBy(pair => pair.Key).ToList();
        writer.Write(kept.Count);
        foreach (var (key, row) in kept)
        {
            writer.Write(key);
            for (var c = 0; c < classes; c++)
            {
                writer.Write((Half)weights[(row * classes) + c]);
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
        if (version != FormatVersion)
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
}
