using Dossier.Core.Actors;
using Dossier.Nlp.Evaluation;

namespace Dossier.Actors.Evaluation;

/// <summary>B-cubed and pairwise precision, recall and F1 of a clustering, and how many gold forms were found at all.</summary>
public sealed record ClusterScore(double Precision, double Recall, double F1)
{
    public static ClusterScore From(double precision, double recall)
        => new(precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
}

/// <summary>A gold form and the entity the store put it in (null: the store has no mention written so).</summary>
public sealed record ScoredMention(string GoldEntity, string Doc, string Text, string? Entity);

public sealed record ActorEvaluation(ClusterScore BCubed, ClusterScore Pairwise, int GoldForms, int Found, IReadOnlyList<ScoredMention> Mentions)
{
    /// <summary>Gold entities whose forms the store split over several entities.</summary>
    public IEnumerable<(string Gold, IReadOnlyList<string> Entities)> Splits =>
        Mentions.GroupBy(m => m.GoldEntity)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(m => m.Entity ?? $"(not found: {m.Text})").Distinct().ToList()))
            .Where(p => p.Item2.Count > 1);

    /// <summary>Store entities that hold forms of several gold entities: false merges.</summary>
    public IEnumerable<(string Entity, IReadOnlyList<string> Gold)> Merges =>
        Mentions.Where(m => m.Entity is not null).GroupBy(m => m.Entity!)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(m => m.GoldEntity).Distinct().ToList()))
            .Where(p => p.Item2.Count > 1);
}

/// <summary>
/// Scores the store's mention-to-entity clustering against gold actors. Each gold form (a text in
/// an article) takes the entity most of the store's mentions written so in that article belong to
/// (the same form as <see cref="GoldForms"/> defines it, an exact spelling first);
/// a form the store never found is its own cluster, so a missed mention costs recall.
/// </summary>
public static class ActorEvaluator
{
    public static ActorEvaluation Evaluate(IReadOnlyList<GoldEntity> gold, IReadOnlyList<EntityMentionRow> mentions)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(mentions);
        var byFile = mentions.GroupBy(m => Path.GetFileName(m.OriginPath), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var scored = new List<ScoredMention>();
        foreach (var entity in gold)
        {
            foreach (var mention in entity.Mentions)
            {
                var inDoc = byFile.Where(p => p.Key.StartsWith(mention.Doc, StringComparison.Ordinal)).SelectMany(p => p.Value).ToList();
                var written = inDoc.Where(m => m.Text == mention.Text).ToList();
                if (written.Count == 0)
                {
                    // Written otherwise only by case, spacing or a leading article ("the Coalition"): the same form.
                    var key = GoldForms.Key(mention.Text);
                    written = inDoc.Where(m => string.Equals(GoldForms.Key(m.Text), key, StringComparison.Ordinal)).ToList();
                }

                var predicted = written.GroupBy(m => m.EntityId, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault()?.Key;
                scored.Add(new ScoredMention(entity.Id, mention.Doc, mention.Text, predicted));
            }
        }

        var goldOf = scored.Select(m => m.GoldEntity).ToArray();
        var predictedOf = scored.Select((m, i) => m.Entity ?? $"\u0000missing{i}").ToArray();
        var n = scored.Count;
        double precision = 0, recall = 0;
        long truePairs = 0, predictedPairs = 0, goldPairs = 0;
        for (var i = 0; i < n; i++)
        {
            int sameBoth = 0, samePredicted = 0, sameGold = 0;
            for (var j = 0; j < n; j++)
            {
                var g = goldOf[i] == goldOf[j];
                var p = predictedOf[i] == predictedOf[j];
                sameBoth += g && p ? 1 : 0;
                samePredicted += p ? 1 : 0;
                sameGold += g ? 1 : 0;
                if (j > i)
                {
                    truePairs += g && p ? 1 : 0;
                    predictedPairs += p ? 1 : 0;
                    goldPairs += g ? 1 : 0;
                }
            }

            precision += (double)sameBoth / samePredicted;
            recall += (double)sameBoth / sameGold;
        }

        var bcubed = n == 0 ? ClusterScore.From(0, 0) : ClusterScore.From(precision / n, recall / n);
        var pairwise = ClusterScore.From(predictedPairs == 0 ? 1 : (double)truePairs / predictedPairs, goldPairs == 0 ? 1 : (double)truePairs / goldPairs);
        return new ActorEvaluation(bcubed, pairwise, n, scored.Count(m => m.Entity is not null), scored);
    }
}
