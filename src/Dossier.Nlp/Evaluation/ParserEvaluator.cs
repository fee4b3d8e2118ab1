using System.Diagnostics;
using Dossier.Nlp.Corpora;
using Dossier.Nlp.Parsing;
using Dossier.Nlp.Tagging;

namespace Dossier.Nlp.Evaluation;

/// <summary>Attachment scores of one relation: labeled attachment over the gold words of that relation.</summary>
public sealed record RelationScore(double Las, int Count);

/// <summary>What <c>dossier eval parse</c> prints. Scores count every word, punctuation included (the CoNLL 2018 convention).</summary>
public sealed record ParseReport(string GoldFile, double Uas, double Las, IReadOnlyDictionary<string, RelationScore> ByRelation, double WordsPerSecond, int Words, int Sentences, double TagAccuracy);

/// <summary>
/// Parses a CoNLL-U file's gold words with the tagger's predicted tags (never the gold ones) and
/// compares heads and relations with the gold tree. Words/s times the parser alone, after warm-up.
/// </summary>
public static class ParserEvaluator
{
    public static ParseReport Evaluate(DependencyParser parser, PerceptronTagger tagger, string goldPath)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(tagger);
        var gold = ConlluReader.ReadTrees(goldPath).ToList();
        var tagged = TrainingTags.Retag(gold, tagger);
        foreach (var sentence in tagged.Take(200))
        {
            parser.Parse(sentence.Words, sentence.Universal, sentence.Penn); // warm-up, so words/s is not the JIT's
        }

        var watch = Stopwatch.StartNew();
        var trees = tagged.Select(s => parser.Parse(s.Words, s.Universal, s.Penn)).ToList();
        watch.Stop();
        int total = 0, unlabeled = 0, labeled = 0, tagsRight = 0;
        var perRelation = new SortedDictionary<string, (int Total, int Correct)>(StringComparer.Ordinal);
        for (var s = 0; s < gold.Count; s++)
        {
            for (var i = 0; i < gold[s].Words.Length; i++)
            {
                var relation = gold[s].Relations[i];
                var headRight = trees[s].Heads[i] == gold[s].Heads[i];
                var right = headRight && trees[s].Relations[i] == relation;
                total++;
                unlabeled += headRight ? 1 : 0;
                labeled += right ? 1 : 0;
                tagsRight += tagged[s].Universal[i] == gold[s].Universal[i] ? 1 : 0;
                var entry = perRelation.GetValueOrDefault(relation);
                perRelation[relation] = (entry.Total + 1, entry.Correct + (right ? 1 : 0));
            }
        }

        var byRelation = perRelation.ToDictionary(p => p.Key, p => new RelationScore((double)p.Value.Correct / p.Value.Total, p.Value.Total), StringComparer.Ordinal);
        var fraction = (int count) => total == 0 ? 0 : (double)count / total;
        return new ParseReport(goldPath, fraction(unlabeled), fraction(labeled), byRelation, total / Math.Max(1e-9, watch.Elapsed.TotalSeconds), total, gold.Count, fraction(tagsRight));
    }
}
