using Dossier.Core.Actors;
using Dossier.Core.Facts;

namespace Dossier.Analysis.Tests.Corroboration;

public sealed class CorroborationTests
{
    [Fact]
    public void An_incident_told_by_two_outlets_has_two_independent_sources_and_one_told_once_is_flagged()
    {
        var corpus = new TestCorpus();
        var zara = corpus.Entity("zara", "Ain Zara", ActorKind.Place);
        var sirte = corpus.Entity("sirte", "Sirte", ActorKind.Place);
        var day = new DateOnly(2020, 3, 18);
        corpus.Event(corpus.Article("a", outlet: "A"), EventType.Attack, zara, "An attack in Ain Zara.", day);
        corpus.Event(corpus.Article("b", outlet: "B"), EventType.ArmedClash, zara, "Clashes in Ain Zara.", day);
        corpus.Event(corpus.Article("c", outlet: "C"), EventType.Attack, sirte, "An attack in Sirte.", day);

        var incidents = Analysis.Corroboration.Incidents(corpus.Build());

        Assert.Equal(2, incidents.Count);
        Assert.Equal((2, false), (incidents[0].Support.IndependentSources, incidents[0].Support.SingleSource));
        Assert.True(incidents[1].Support.SingleSource);
    }

    [Fact]
    public void The_same_words_of_one_speaker_in_two_outlets_are_one_claim_with_two_sources()
    {
        var corpus = new TestCorpus();
        corpus.Entity("mismari", "Ahmed Mismari", ActorKind.Person);
        var a = corpus.Article("Mismari said the army seized the Jufra airbase on Monday.", outlet: "A");
        var b = corpus.Article("LNA spokesman Mismari said the army had seized Jufra airbase.", outlet: "B");
        corpus.Claim(a, "Mismari", "mismari", Modality.Reported, "the army seized the Jufra airbase on Monday");
        corpus.Claim(b, "Mismari", "mismari", Modality.Reported, "the army had seized Jufra airbase");

        var claim = Assert.Single(Analysis.Corroboration.Claims(corpus.Build()));

        Assert.Equal(2, claim.Support.IndependentSources);
        Assert.Equal("Ahmed Mismari", claim.Speaker);
    }

    [Fact]
    public void A_tie_reported_in_two_articles_of_one_outlet_is_single_source()
    {
        var corpus = new TestCorpus();
        var haftar = corpus.Entity("haftar", "Haftar", ActorKind.Person);
        var lna = corpus.Entity("lna", "LNA", ActorKind.ArmedGroup);
        corpus.Relation(corpus.Article("a", outlet: "A"), RelationKind.Leads, haftar, lna);
        corpus.Relation(corpus.Article("b", outlet: "A"), RelationKind.Leads, haftar, lna);

        var relation = Assert.Single(Analysis.Corroboration.Relations(corpus.Build()));

        Assert.Equal((2, 1), (relation.Support.Reports, relation.Support.IndependentSources));
    }
}
