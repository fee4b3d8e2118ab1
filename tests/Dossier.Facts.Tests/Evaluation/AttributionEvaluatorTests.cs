using Dossier.Core.Documents;
using Dossier.Core.Documents.Nlp;
using Dossier.Facts.Evaluation;
using Dossier.Tests.Shared;

namespace Dossier.Facts.Tests.Evaluation;

public sealed class AttributionEvaluatorTests
{
    private const string Text = "The mayor of the town said the bridge was closed for repairs. Workers were seen there.";

    private static TextSpan Find(string words, int from = 0)
    {
        var at = Text.IndexOf(words, from, StringComparison.Ordinal);
        Assert.True(at >= 0, words);
        return new TextSpan(at, at + words.Length);
    }

    private static readonly GoldAttribution Gold = new([Find("said")], [Find("The mayor of the town")], [Find("the bridge was closed for repairs")]);

    private static AttributionEvaluation Score(IReadOnlyList<GoldAttribution> gold, params PredictedAttribution[] predicted)
    {
        var document = HandBuiltArticles.Make(Text);
        return AttributionEvaluator.Evaluate([new AttributionCase("t", Text, document.Tokens!, document.Sentences!, gold, predicted)]);
    }

    [Fact]
    public void The_same_attribution_scores_one_on_every_measure()
    {
        var result = Score([Gold], new PredictedAttribution(Find("said"), Find("mayor"), Find("the bridge was closed for repairs")));

        Assert.Equal(1.0, result.Cue.F1, 6);
        Assert.Equal(1.0, result.Source.F1, 6);
        Assert.Equal(1.0, result.Content.F1, 6);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void A_claim_elsewhere_scores_nothing_and_is_both_a_miss_and_a_false_hit()
    {
        var result = Score([Gold], new PredictedAttribution(Find("seen"), Find("Workers"), Find("there")));

        Assert.Equal(0.0, result.Cue.F1, 6);
        Assert.Equal(0.0, result.Source.F1, 6);
        Assert.Equal(0.0, result.Content.F1, 6);
        Assert.Contains(result.Errors, e => e.Kind == "missed" && e.GoldCue == "said");
        Assert.Contains(result.Errors, e => e.Kind == "false hit" && e.PredictedCue == "seen");
    }

    [Fact]
    public void Content_that_covers_part_of_the_gold_scores_the_share_of_tokens()
    {
        // Predicted "the bridge was closed": 4 tokens, all inside the gold content of 6.
        var result = Score([Gold], new PredictedAttribution(Find("said"), Find("mayor"), Find("the bridge was closed")));

        Assert.Equal(1.0, result.Content.Precision, 6);
        Assert.Equal(4.0 / 6, result.Content.Recall, 6);
    }

    [Fact]
    public void Content_running_past_the_gold_costs_precision()
    {
        // "said the bridge was closed for repairs": 7 tokens, 6 of them in the gold content.
        var result = Score([Gold], new PredictedAttribution(Find("said"), Find("mayor"), Find("said the bridge was closed for repairs")));

        Assert.Equal(6.0 / 7, result.Content.Precision, 6);
        Assert.Equal(1.0, result.Content.Recall, 6);
    }

    [Fact]
    public void The_source_is_right_when_the_speaker_holds_the_head_of_the_gold_source()
    {
        var right = Score([Gold], new PredictedAttribution(Find("said"), Find("The mayor"), Find("the bridge was closed for repairs")));
        var wrong = Score([Gold], new PredictedAttribution(Find("said"), Find("the town"), Find("the bridge was closed for repairs")));

        Assert.Equal(1.0, right.Source.F1, 6);
        Assert.Equal(0.0, wrong.Source.F1, 6);
        Assert.Contains(wrong.Errors, e => e.Kind == "source" && e.PredictedSource == "the town" && e.GoldSource == "The mayor of the town");
    }

    [Fact]
    public void A_gold_attribution_with_no_source_leaves_source_recall_alone()
    {
        var noSource = new GoldAttribution([Find("said")], [], [Find("the bridge was closed for repairs")]);

        var result = Score([noSource], new PredictedAttribution(Find("said"), Find("mayor"), Find("the bridge was closed for repairs")));

        Assert.Equal(1.0, result.Cue.F1, 6);
        Assert.Equal(0.0, result.Source.Precision, 6);
        Assert.Equal(0, result.Source.Gold);
    }

    [Theory]
    [InlineData("The mayor of the town", "mayor")]
    [InlineData("Workers", "Workers")]
    [InlineData("the bridge was closed for repairs", "closed")]
    [InlineData("Workers were seen there", "there")]
    public void The_head_of_a_source_is_the_last_word_of_its_first_noun_group(string source, string head)
    {
        var document = HandBuiltArticles.Make(Text);

        var token = AttributionEvaluator.HeadToken(Text, document.Tokens!, [Find(source)]);

        Assert.NotNull(token);
        Token found = document.Tokens![token.Value];
        Assert.Equal(head, Text[found.Start..found.End]);
    }

    [Fact]
    public void Cues_are_paired_one_to_one_largest_overlap_first()
    {
        GoldAttribution[] gold = [Gold with { Cue = [Find("mayor of")] }, Gold];
        PredictedAttribution[] predicted = [new(Find("said"), default, Find("the bridge")), new(Find("of the town said"), default, Find("the bridge"))];

        var pairs = AttributionEvaluator.Pair(gold, predicted);

        Assert.Equal([(0, 1)], pairs.Where(p => p.Gold == 0));
        Assert.Equal(2, pairs.Count);
    }
}
