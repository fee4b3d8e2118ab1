using System.Diagnostics;
using Dossier.Nlp.Corpora;
using Dossier.Nlp.Tagging;

namespace Dossier.Nlp.Evaluation;

/// <summary>Part-of-speech accuracy on a CoNLL-U file's gold tokens: UPOS overall, and per UPOS tag.</summary>
public static class TaggerEvaluator
{
    public static EvaluationReport Evaluate(PerceptronTagger tagger, string goldPath)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        var sentences = ConlluReader.Read(goldPath).ToList();
        foreach (var sentence in sentences.Take(200))
        {
            tagger.Tag(sentence.Words); // warm-up, so words/s is not the JIT's
        }

        var watch = Stopwatch.StartNew();
        var predictions = sentences.Select(s => tagger.Tag(s.Words)).ToList();
        watch.Stop();
        int total = 0, correct = 0, pennCorrect = 0;
        var perTag = new SortedDictionary<string, (int Total, int Correct)>(StringComparer.Ordinal);
        for (var s = 0; s < sentences.Count; s++)
        {
            for (var i = 0; i < sentences[s].Words.Length; i++)
            {
                var gold = sentences[s].Universal[i];
                var right = predictions[s].Universal[i] == gold;
                total++;
                correct += right ? 1 : 0;
                pennCorrect += predictions[s].Penn[i] == sentences[s].Penn[i] ? 1 : 0;
                var entry = perTag.GetValueOrDefault(gold);
                perTag[gold] = (entry.Total + 1, entry.Correct + (right ? 1 : 0));
            }
        }

        var byType = perTag.ToDictionary(p => p.Key, p => Score.ForAccuracy(p.Value.Total, p.Value.Correct), StringComparer.Ordinal);
        byType["XPOS (Penn)"] = Score.ForAccuracy(total, pennCorrect);
        return new EvaluationReport("pos", goldPath, Score.ForAccuracy(total, correct), byType, total / watch.Elapsed.TotalSeconds, total,
            "overall is UPOS accuracy on gold tokens; \"XPOS (Penn)\" is Penn tag accuracy");
    }
}
