using Dossier.Core.Facts;

namespace Dossier.Analysis.Tests.Sources;

public sealed class SourceIndependenceTests
{
    [Fact]
    public void A_copy_counts_as_its_originals_outlet_so_one_report_and_its_copy_are_one_source()
    {
        var corpus = new TestCorpus();
        var original = corpus.Article("Fighting in Sirte.", outlet: "Libya Review");
        var copy = corpus.Article("Fighting in Sirte!", outlet: "Aggregator", copyOf: original);
        var facts = corpus.Build();

        var support = facts.Sources.Weigh([Report(original), Report(copy)]);

        Assert.Equal(1, support.IndependentSources);
        Assert.True(support.SingleSource);
        Assert.Equal(2, support.Articles);
    }

    [Fact]
    public void A_syndicated_article_counts_as_the_outlet_its_notice_names()
    {
        var corpus = new TestCorpus();
        var first = corpus.Article("Clashes near Tripoli.", outlet: "Libya Observer");
        var syndicated = corpus.Article("Clashes near Tripoli airport.", outlet: "Some Blog", notices: ["The post Clashes near Tripoli appeared first on Libya Observer."]);
        var facts = corpus.Build();

        Assert.Equal(facts.Sources.OriginOf(first), facts.Sources.OriginOf(syndicated));
        Assert.Equal(1, facts.Sources.Weigh([Report(first), Report(syndicated)]).IndependentSources);
    }

    [Fact]
    public void Two_outlets_relaying_reuters_are_one_second_hand_source_and_their_own_reporting_is_not()
    {
        var corpus = new TestCorpus();
        var a = corpus.Article("A.", outlet: "MintPress News");
        var b = corpus.Article("B.", outlet: "Breitbart");
        var facts = corpus.Build();

        var relayed = facts.Sources.Weigh([Report(a, "Reuters"), Report(b, "Another report from Reuters")]);
        var own = facts.Sources.Weigh([Report(a), Report(b)]);

        Assert.Equal((1, 0, 2), (relayed.IndependentSources, relayed.FirstHand, relayed.SecondHand));
        Assert.Equal((2, 2, 0), (own.IndependentSources, own.FirstHand, own.SecondHand));
    }

    [Fact]
    public void Articles_of_unknown_outlets_are_each_their_own_source()
    {
        var corpus = new TestCorpus();
        var a = corpus.Article("A.");
        var b = corpus.Article("B.");
        var facts = corpus.Build();

        Assert.Equal(2, facts.Sources.Weigh([Report(a), Report(b)]).IndependentSources);
        Assert.StartsWith("(unknown outlet: Title 0", facts.Sources.OutletOf(a), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Reuters", "Reuters")]
    [InlineData("the Libya Observer", "Libya Observer")]
    [InlineData("India’s World Is One News (WION)", "WION")]
    [InlineData("the state television", "state television")]
    [InlineData("Ahmed Mismari", null)]
    [InlineData("diplomats", null)]
    public void A_speaker_that_is_an_outlet_is_told_apart_from_a_person(string speaker, string? outlet)
        => Assert.Equal(outlet, SourceIndependence.RelayedOutlet(speaker));

    private static FactReport Report(Core.Documents.ArticleId article, string? speaker = null) => new(article, null, speaker, Modality.Asserted, "evidence");
}
