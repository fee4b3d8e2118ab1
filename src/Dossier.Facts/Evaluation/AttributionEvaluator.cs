using Dossier.Core.Documents;
using Dossier.Core.Documents.Nlp;
using Dossier.Core.Facts;

namespace Dossier.Facts.Evaluation;

/// <summary>Precision, recall and F1 from counts: <paramref name="Right"/> of <paramref name="Predicted"/>, <paramref name="Found"/> of <paramref name="Gold"/>.</summary>
public sealed record AttributionMeasure(double Right, double Predicted, double Found, double Gold)
{
    public double Precision => Predicted == 0 ? 0 : Right / Predicted;

    public double Recall => Gold == 0 ? 0 : Found / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>A claim as the attribution eval sees it: cue, speaker (empty when none) and content spans.</summary>
public sealed record PredictedAttribution(TextSpan Cue, TextSpan Speaker, TextSpan Content)
{
    public bool HasSpeaker => Speaker.Length > 0;

    public static PredictedAttribution Of(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return new(new TextSpan(claim.CueStart, claim.CueEnd), new TextSpan(claim.SpeakerStart, Math.Max(claim.SpeakerStart, claim.SpeakerEnd)), new TextSpan(claim.ContentStart, claim.ContentEnd));
    }
}

/// <summary>One text to score: its tokens and sentences (Dossier's own), the gold and what Dossier found.</summary>
public sealed record AttributionCase(string Name, string Text, IReadOnlyList<Token> Tokens, IReadOnlyList<Sentence> Sentences,
    IReadOnlyList<GoldAttribution> Gold, IReadOnlyList<PredictedAttribution> Predicted);

/// <summary>What went wrong with one attribution, with the words so a reader can see it: "missed", "false hit", "source" or "content".</summary>
public sealed record AttributionError(string Kind, string Name, int Start, string Sentence, string? GoldCue, string? GoldSource, string? GoldContent,
    string? PredictedCue, string? PredictedSource, string? PredictedContent);

public sealed record AttributionEvaluation(AttributionMeasure Cue, AttributionMeasure Source, AttributionMeasure Content, int Texts, int Gold, int Predicted,
    IReadOnlyList<AttributionError> Errors);

/// <summary>
/// Who said what, scored against gold attributions. A claim and a gold attribution are paired when
/// their cues share at least one character (one to one, largest overlap first). Cue: precision over
/// all claims, recall over all gold attributions, a pair being right. Source: a pair is right when
/// the claim's speaker span holds the head token of the gold source (<see cref="HeadToken"/>);
/// precision over the claims that name a speaker, recall over the gold attributions that have a
/// source. Content: token overlap, a token counting as in a span when it lies wholly inside it;
/// precision = claim content tokens inside the paired gold content over all claim content tokens,
/// recall = gold content tokens inside the paired claim content over all gold content tokens.
/// </summary>
public static class AttributionEvaluator
{
    /// <summary>Words that end a source's first noun group: its head is the token before the first of them.</summary>
    public static readonly IReadOnlySet<string> GroupEnds = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ",", "(", ":", ";", "—", "–", "of", "for", "at", "in", "on", "from", "with", "who", "whom", "whose", "which", "that",
    };

    public static AttributionEvaluation Evaluate(IReadOnlyList<AttributionCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        int pairs = 0, gold = 0, predicted = 0, sourceRight = 0, withSpeaker = 0, withSource = 0;
        long contentRight = 0, contentPredicted = 0, contentFound = 0, contentGold = 0;
        var errors = new List<AttributionError>();
        foreach (var item in cases)
        {
            gold += item.Gold.Count;
            predicted += item.Predicted.Count;
            withSpeaker += item.Predicted.Count(p => p.HasSpeaker);
            withSource += item.Gold.Count(g => g.HasSource);
            var matched = Pair(item.Gold, item.Predicted);
            pairs += matched.Count;
            var goldPaired = new Dictionary<int, int>();
            foreach (var (g, p) in matched)
            {
                goldPaired[g] = p;
            }

            var predictedPaired = goldPaired.ToDictionary(pair => pair.Value, pair => pair.Key);
            for (var p = 0; p < item.Predicted.Count; p++)
            {
                var claim = item.Predicted[p];
                var tokens = TokensIn(item.Tokens, [claim.Content]);
                contentPredicted += tokens.Count;
                if (predictedPaired.TryGetValue(p, out var g))
                {
                    contentRight += tokens.Count(t => Inside(item.Tokens[t], item.Gold[g].Content));
                }
                else
                {
                    errors.Add(Error("false hit", item, null, claim));
                }
            }

            for (var g = 0; g < item.Gold.Count; g++)
            {
                var attribution = item.Gold[g];
                var tokens = TokensIn(item.Tokens, attribution.Content);
                contentGold += tokens.Count;
                if (!goldPaired.TryGetValue(g, out var p))
                {
                    errors.Add(Error("missed", item, attribution, null));
                    continue;
                }

                var claim = item.Predicted[p];
                var found = tokens.Count(t => Inside(item.Tokens[t], [claim.Content]));
                contentFound += found;
                if (attribution.HasSource && claim.HasSpeaker)
                {
                    if (HeadToken(item.Text, item.Tokens, attribution.Source) is { } head && claim.Speaker.Start <= item.Tokens[head].Start && item.Tokens[head].End <= claim.Speaker.End)
                    {
                        sourceRight++;
                    }
                    else
                    {
                        errors.Add(Error("source", item, attribution, claim));
                    }
                }
                else if (attribution.HasSource != claim.HasSpeaker)
                {
                    errors.Add(Error("source", item, attribution, claim));
                }

                var claimTokens = TokensIn(item.Tokens, [claim.Content]);
                if (tokens.Count + claimTokens.Count > 0 && 2.0 * found / (tokens.Count + claimTokens.Count) < 0.5)
                {
                    errors.Add(Error("content", item, attribution, claim));
                }
            }
        }

        return new AttributionEvaluation(
            new AttributionMeasure(pairs, predicted, pairs, gold),
            new AttributionMeasure(sourceRight, withSpeaker, sourceRight, withSource),
            new AttributionMeasure(contentRight, contentPredicted, contentFound, contentGold),
            cases.Count, gold, predicted,
            [.. errors.OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Start)]);
    }

    /// <summary>
    /// The head token of a source: the last token of its first noun group, which ends before the
    /// first of <see cref="GroupEnds"/> ("a spokesman for the campaign": "spokesman"; "The New York
    /// Post": "Post"), or the last token of the span when a group end comes first or none does. Only
    /// the first fragment of a discontinuous source is read; null when no token lies in it.
    /// </summary>
    public static int? HeadToken(string text, IReadOnlyList<Token> tokens, IReadOnlyList<TextSpan> source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(source);
        if (source.Count == 0)
        {
            return null;
        }

        var inside = TokensIn(tokens, [source[0]]);
        if (inside.Count == 0)
        {
            return null;
        }

        for (var i = 1; i < inside.Count; i++)
        {
            var token = tokens[inside[i]];
            if (GroupEnds.Contains(text[token.Start..token.End]))
            {
                return inside[i - 1];
            }
        }

        return inside[^1];
    }

    /// <summary>Greedy one-to-one pairs (gold index, predicted index) of cues sharing at least one character, largest overlap first.</summary>
    public static IReadOnlyList<(int Gold, int Predicted)> Pair(IReadOnlyList<GoldAttribution> gold, IReadOnlyList<PredictedAttribution> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var candidates = new List<(int Gold, int Predicted, int Overlap)>();
        for (var g = 0; g < gold.Count; g++)
        {
            for (var p = 0; p < predicted.Count; p++)
            {
                var overlap = gold[g].Cue.Sum(s => Math.Max(0, Math.Min(s.End, predicted[p].Cue.End) - Math.Max(s.Start, predicted[p].Cue.Start)));
                if (overlap > 0)
                {
                    candidates.Add((g, p, overlap));
                }
            }
        }

        var usedGold = new HashSet<int>();
        var usedPredicted = new HashSet<int>();
        var pairs = new List<(int, int)>();
        foreach (var (g, p, _) in candidates.OrderByDescending(c => c.Overlap).ThenBy(c => c.Gold).ThenBy(c => c.Predicted))
        {
            if (!usedGold.Contains(g) && !usedPredicted.Contains(p))
            {
                usedGold.Add(g);
                usedPredicted.Add(p);
                pairs.Add((g, p));
            }
        }

        return pairs;
    }

    private static bool Inside(Token token, IReadOnlyList<TextSpan> spans) => spans.Any(s => s.Start <= token.Start && token.End <= s.End);

    /// <summary>The tokens lying wholly inside the spans, in order.</summary>
    private static List<int> TokensIn(IReadOnlyList<Token> tokens, IReadOnlyList<TextSpan> spans)
    {
        var result = new List<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Inside(tokens[i], spans))
            {
                result.Add(i);
            }
        }

        return result;
    }

    private static AttributionError Error(string kind, AttributionCase item, GoldAttribution? gold, PredictedAttribution? predicted)
    {
        var at = gold?.Cue[0].Start ?? predicted!.Cue.Start;
        var sentence = item.Sentences.FirstOrDefault(s => s.Start <= at && at < s.End);
        string? Words(IReadOnlyList<TextSpan>? spans) => spans is null || spans.Count == 0 ? null : string.Join(" … ", spans.Select(s => item.Text[s.Start..s.End]));
        return new AttributionError(kind, item.Name, at, sentence.End > sentence.Start ? item.Text[sentence.Start..sentence.End] : "",
            Words(gold?.Cue), Words(gold?.Source), Words(gold?.Content),
            Words(predicted is null ? null : [predicted.Cue]), Words(predicted is { HasSpeaker: true } ? [predicted.Speaker] : null), Words(predicted is null ? null : [predicted.Content]));
    }
}
