using System.Diagnostics;
using Dossier.Nlp.Corpora;
using Dossier.Nlp.Entities;

namespace Dossier.Nlp.Evaluation;

/// <summary>
/// Entity precision, recall and F1 as the CoNLL conlleval script computes them: a predicted entity
/// counts only if its span and type both match a gold entity exactly.
/// </summary>
public static class EntityEvaluator
{
    public static EvaluationReport Evaluate(EntityRecognizer recognizer, string goldPath)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        var sentences = IobReader.Read(goldPath).ToList();
        Predict(recognizer, sentences.Take(200).ToList()); // warm-up, so words/s is not the JIT's
        var watch = Stopwatch.StartNew();
        var predicted = Predict(recognizer, sentences);
        watch.Stop();
        var words = sentences.Sum(s => s.Words.Length);
        return Score(goldPath, sentences.Select(s => s.Tags).ToList(), predicted, words / watch.Elapsed.TotalSeconds, words);
    }

    /// <summary>IOB2 tags for each sentence, tagged a document at a time as the recognizer runs in Dossier.</summary>
    public static List<string[]> Predict(EntityRecognizer recognizer, IReadOnlyList<EntitySentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        ArgumentNullException.ThrowIfNull(sentences);
        var predicted = new List<string[]>(sentences.Count);
        for (var start = 0; start < sentences.Count;)
        {
            var end = start + 1;
            while (end < sentences.Count && !sentences[end].NewDocument)
            {
                end++;
            }

            predicted.AddRange(recognizer.TagDocumentIob2([.. sentences.Skip(start).Take(end - start).Select(s => s.Words)]));
            start = end;
        }

        return predicted;
    }

    public static EvaluationReport Score(string goldPath, IReadOnlyList<string[]> gold, IReadOnlyList<string[]> predicted, double wordsPerSecond, int words)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var counts = new SortedDictionary<string, (int Gold, int Predicted, int Correct)>(StringComparer.Ordinal);
        for (var s = 0; s < gold.Count; s++)
        {
            var goldSpans = SpansOf(gold[s]);
            var predictedSpans = SpansOf(predicted[s]);
            foreach (var span in goldSpans)
            {
                var entry = counts.GetValueOrDefault(span.Type);
                counts[span.Type] = (entry.Gold + 1, entry.Predicted, entry.Correct + (predictedSpans.Contains(span) ? 1 : 0));
            }

            foreach (var span in predictedSpans)
            {
                var entry = counts.GetValueOrDefault(span.Type);
                counts[span.Type] = (entry.Gold, entry.Predicted + 1, entry.Correct);
            }
        }

        var byType = counts.ToDictionary(p => p.Key, p => Evaluation.Score.ForSpans(p.Value.Gold, p.Value.Predicted, p.Value.Correct), StringComparer.Ordinal);
        var overall = Evaluation.Score.ForSpans(counts.Values.Sum(c => c.Gold), counts.Values.Sum(c => c.Predicted), counts.Values.Sum(c => c.Correct));
        return new EvaluationReport("ner", goldPath, overall, byType, wordsPerSecond, words);
    }

    private static HashSet<(int Start, int End, string Type)> SpansOf(string[] iob2)
    {
        var spans = new HashSet<(int, int, string)>();
        var start = -1;
        string? type = null;
        for (var i = 0; i <= iob2.Length; i++)
        {
            var tag = i < iob2.Length ? iob2[i] : "O";
            var continues = start >= 0 && tag.StartsWith("I-", StringComparison.Ordinal) && tag[2..] == type;
            if (!continues && start >= 0)
            {
                spans.Add((start, i, type!));
                start = -1;
            }

            if (!continues && tag != "O")
            {
                start = i;
                type = tag[2..];
            }
        }

        return spans;
    }
}
