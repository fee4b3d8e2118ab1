using System.Diagnostics;
using System.Globalization;
using Dossier.Nlp.Linking;

namespace Dossier.Nlp.Evaluation;

/// <summary>Two names and whether they name the same person or organisation; <c>Line</c> is where the pair file says so.</summary>
public sealed record NamePair(string A, string B, bool Same, int Line);

/// <summary>A pair the matcher got wrong, with the score and rule it gave.</summary>
public sealed record NamePairError(NamePair Pair, NameMatch Match);

/// <summary>Precision, recall and F1 of the matcher's decision when scores at or above <c>Threshold</c> count as the same name.</summary>
public sealed record NamePairPoint(double Threshold, Score Score);

/// <summary>What <c>dossier eval names --pairs</c> prints.</summary>
public sealed record NamePairReport(
    string File,
    int Pairs,
    int SamePairs,
    NamePairPoint AtThreshold,
    IReadOnlyList<NamePairPoint> Curve,
    double PairsPerSecond,
    IReadOnlyList<NamePairError> Errors);

/// <summary>
/// Reads pair files: one pair a line, <c>name_a&lt;TAB&gt;name_b&lt;TAB&gt;1|0</c> (1: the same person or
/// organisation). Blank lines and lines starting with <c>#</c> are comments.
/// </summary>
public static class NamePairFile
{
    /// <exception cref="InvalidDataException">A line is not two names and 1 or 0; the message names the file and line.</exception>
    public static IReadOnlyList<NamePair> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var pairs = new List<NamePair>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var columns = line.TrimEnd('\r').Split('\t');
            if (columns.Length != 3 || columns[0].Trim().Length == 0 || columns[1].Trim().Length == 0 || columns[2].Trim() is not ("1" or "0"))
            {
                var shown = line.Length > 60 ? line[..60] + "…" : line;
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{path}:{number}: expected name_a<TAB>name_b<TAB>1|0, got \"{shown.Replace("\t", "\\t", StringComparison.Ordinal)}\""));
            }

            pairs.Add(new NamePair(columns[0].Trim(), columns[1].Trim(), columns[2].Trim() == "1", number));
        }

        return pairs;
    }
}

/// <summary>
/// The name-variant matcher alone on labelled name pairs: precision, recall and F1 at
/// <see cref="NameVariantMatcher.SameName"/>, and the same at other thresholds (the
/// precision-recall curve). Each pair is scored once; the curve reuses the scores.
/// </summary>
public static class NamePairEvaluator
{
    /// <summary>The thresholds of the curve: coarse where nothing is decided, fine around the matcher's threshold.</summary>
    public static readonly IReadOnlyList<double> Thresholds =
        [0.50, 0.60, 0.70, 0.75, 0.80, 0.82, 0.84, 0.85, 0.86, 0.88, 0.90, 0.92, 0.94, 0.96, 0.98, 1.00];

    /// <param name="pairs">The labelled pairs.</param>
    /// <param name="file">The file they came from, for the report.</param>
    /// <param name="maxErrors">How many wrong decisions to keep, highest-scored false matches first. <value>The default value is 0.</value></param>
    public static NamePairReport Evaluate(IReadOnlyList<NamePair> pairs, string file, int maxErrors = 0)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var matches = new NameMatch[pairs.Count];
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < pairs.Count; i++)
        {
            matches[i] = NameVariantMatcher.Match(pairs[i].A, pairs[i].B);
        }

        watch.Stop();
        var same = pairs.Count(p => p.Same);
        var curve = Thresholds.Select(t => At(t, pairs, matches, same)).ToList();
        var errors = new List<NamePairError>();
        for (var i = 0; i < pairs.Count; i++)
        {
            if (pairs[i].Same != (matches[i].Score >= NameVariantMatcher.SameName))
            {
                errors.Add(new NamePairError(pairs[i], matches[i]));
            }
        }

        // False matches first (they cost precision), most confident first; then misses, nearest first.
        var shown = errors
            .OrderBy(e => e.Pair.Same)
            .ThenByDescending(e => e.Match.Score)
            .ThenBy(e => e.Pair.Line)
            .Take(Math.Max(0, maxErrors))
            .ToList();
        var seconds = Math.Max(watch.Elapsed.TotalSeconds, 1e-9);
        return new NamePairReport(file, pairs.Count, same, At(NameVariantMatcher.SameName, pairs, matches, same), curve, pairs.Count / seconds, shown);
    }

    private static NamePairPoint At(double threshold, IReadOnlyList<NamePair> pairs, NameMatch[] matches, int same)
    {
        var predicted = 0;
        var correct = 0;
        for (var i = 0; i < pairs.Count; i++)
        {
            if (matches[i].Score >= threshold)
            {
                predicted++;
                if (pairs[i].Same)
                {
                    correct++;
                }
            }
        }

        return new NamePairPoint(threshold, Score.ForSpans(same, predicted, correct));
    }
}
