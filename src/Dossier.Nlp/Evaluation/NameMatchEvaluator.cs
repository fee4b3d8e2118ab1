using System.Diagnostics;
using Dossier.Nlp.Linking;

namespace Dossier.Nlp.Evaluation;

/// <summary>
/// The name-variant matcher on the UN Security Council sanctions list: every alias graded "Good" or
/// "a.k.a." of a person, against the person's primary name, should match (recall); pairs of
/// different people's primary names, drawn with a fixed seed, should not (false matches). Aliases
/// that are lists or notes (commas, quotes) are left out, as they are not single names.
/// </summary>
public static class NameMatchEvaluator
{
    public static EvaluationReport Evaluate(string variantsTsv, int negativePairs = 20_000, int seed = 1)
    {
        var rows = File.ReadLines(variantsTsv).Skip(1).Select(l => l.Split('\t')).Where(c => c.Length >= 7 && c[1] == "PERSON").ToList();
        var byReference = rows.GroupBy(r => r[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var positives = new List<(string, string)>();
        foreach (var (_, aliases) in byReference.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var primary = aliases[0][3];
            foreach (var alias in aliases)
            {
                var variant = alias[5];
                if (alias[6] is "Good" or "a.k.a." && variant != primary && !variant.Contains(',', StringComparison.Ordinal) && !variant.Contains('"', StringComparison.Ordinal))
                {
                    positives.Add((primary, variant));
                }
            }
        }

        var primaries = byReference.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value[0][3]).ToList();
        var random = new Random(seed);
        var negatives = new List<(string, string)>();
        while (negatives.Count < negativePairs && primaries.Count > 1)
        {
            var a = primaries[random.Next(primaries.Count)];
            var b = primaries[random.Next(primaries.Count)];
            if (a != b)
            {
                negatives.Add((a, b));
            }
        }

        var watch = Stopwatch.StartNew();
        var found = positives.Count(p => NameVariantMatcher.Match(p.Item1, p.Item2).Score >= NameVariantMatcher.SameName);
        var falseMatches = negatives.Count(p => NameVariantMatcher.Match(p.Item1, p.Item2).Score >= NameVariantMatcher.SameName);
        watch.Stop();
        var pairs = positives.Count + negatives.Count;
        var byType = new Dictionary<string, Score>(StringComparer.Ordinal)
        {
            ["variant pairs found (recall)"] = Score.ForAccuracy(positives.Count, found),
            ["different people kept apart"] = Score.ForAccuracy(negatives.Count, negatives.Count - falseMatches),
        };
        return new EvaluationReport("names", variantsTsv, Score.ForSpans(positives.Count, found + falseMatches, found), byType,
            pairs / watch.Elapsed.TotalSeconds, pairs, "pairs of names per second; many UN aliases are different names, not spellings, which caps recall");
    }
}
