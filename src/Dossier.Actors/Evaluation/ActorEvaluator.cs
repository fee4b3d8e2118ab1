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
    /// <summary>The store's actors, and of them those that hold no gold form: not actors, or actors the gold does not track.</summary>
    public int Actors { get; init; }

    public IReadOnlyList<string> Spurious { get; init; } = [];

    /// <summary>Found gold forms whose actor's kind fits the gold type, of those whose actor's kind is known.</summary>
    public int KindsRight { get; init; }

    public int KindsScored { get; init; }

    /// <summary>Found gold forms whose actor's kind does not fit: gold form, gold type, kind given.</summary>
    public IReadOnlyList<(string Text, string GoldType, ActorKind Kind)> WrongKinds { get; init; } = [];

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
    /// <param name="articleAside">
    /// Also match a gold form to the store's mentions written without its leading article: re3d's
    /// spans take in "the" ("the United States"), the store's mentions start after it. Off by default,
    /// so that figures stay comparable with those measured before; <c>eval actors</c> prints both.
    /// </param>
    public static ActorEvaluation Evaluate(IReadOnlyList<GoldEntity> gold, IReadOnlyList<EntityMentionRow> mentions, IReadOnlyList<EntitySummary>? entities = null, bool articleAside = false)
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

                if (written.Count == 0 && articleAside && WithoutArticle(mention.Text) is var bare && bare.Length < mention.Text.Length)
                {
                    written = inDoc.Where(m => string.Equals(m.Text, bare, StringComparison.OrdinalIgnoreCase)).ToList();
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
        var evaluation = new ActorEvaluation(bcubed, pairwise, n, scored.Count(m => m.Entity is not null), scored);
        return entities is null ? evaluation : WithActors(evaluation, gold, mentions, byFile, entities);
    }

    /// <summary>
    /// Which gold types a kind of ours may be: re3d's Organisation covers every group, and a country
    /// acting ("the United States will support"), which is our state; its Location covers every
    /// place, a country where things happen among them; its Nationality ("Iraqi") is the state.
    /// </summary>
    public static bool KindFits(string goldType, ActorKind kind) => goldType switch
    {
        "PERSON" => kind == ActorKind.Person,
        "PLACE" => kind is ActorKind.Place or ActorKind.Facility or ActorKind.State,
        "STATE" => kind == ActorKind.State,
        "ARMED_GROUP" => kind == ActorKind.ArmedGroup,
        "GOVERNMENT" => kind == ActorKind.Government,
        "MEDIA" => kind == ActorKind.Media,
        _ => kind is ActorKind.Organization or ActorKind.ArmedGroup or ActorKind.Government or ActorKind.Media or ActorKind.Movement or ActorKind.State,
    };

    private static ActorEvaluation WithActors(ActorEvaluation evaluation, IReadOnlyList<GoldEntity> gold, IReadOnlyList<EntityMentionRow> mentions, Dictionary<string, List<EntityMentionRow>> byFile, IReadOnlyList<EntitySummary> entities)
    {
        // An actor holds a gold form when one of its mentions is written as a gold form of its
        // article, with or without a leading article: re3d's spans take in "the", ours start after it.
        var goldForms = new HashSet<(string File, string Text)>();
        foreach (var mention in gold.SelectMany(e => e.Mentions))
        {
            foreach (var file in byFile.Keys.Where(f => f.StartsWith(mention.Doc, StringComparison.Ordinal)))
            {
                goldForms.Add((file, mention.Text.ToUpperInvariant()));
                goldForms.Add((file, WithoutArticle(mention.Text).ToUpperInvariant()));
            }
        }

        var holding = mentions.Where(m => goldForms.Contains((Path.GetFileName(m.OriginPath), m.Text.ToUpperInvariant())))
            .Select(m => m.EntityId).ToHashSet(StringComparer.Ordinal);
        var spurious = entities.Where(e => !holding.Contains(e.Id)).Select(e => e.Name).ToList();

        var kinds = entities.ToDictionary(e => e.Id, e => e.Kind, StringComparer.Ordinal);
        var typeOf = gold.ToDictionary(e => e.Id, e => e.Type, StringComparer.Ordinal);
        var wrong = new List<(string, string, ActorKind)>();
        var right = 0;
        foreach (var mention in evaluation.Mentions)
        {
            if (mention.Entity is null || !kinds.TryGetValue(mention.Entity, out var kind))
            {
                continue;
            }

            if (KindFits(typeOf[mention.GoldEntity], kind))
            {
                right++;
            }
            else
            {
                wrong.Add((mention.Text, typeOf[mention.GoldEntity], kind));
            }
        }

        return evaluation with { Actors = entities.Count, Spurious = spurious, KindsRight = right, KindsScored = right + wrong.Count, WrongKinds = wrong };
    }

    private static string WithoutArticle(string text)
    {
        foreach (var article in (string[])["the ", "a ", "an "])
        {
            if (text.StartsWith(article, StringComparison.OrdinalIgnoreCase) && text.Length > article.Length)
            {
                return text[article.Length..];
            }
        }

        return text;
    }
}
