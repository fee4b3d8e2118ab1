using Dossier.Core.Actors;
using Dossier.Core.Facts;

namespace Dossier.Analysis.Tests.Profiles;

public sealed class SourcingProfileTests
{
    [Fact]
    public void A_profile_counts_named_unnamed_and_unsourced_facts_hedges_and_opinion_markers()
    {
        var corpus = new TestCorpus();
        var sirte = corpus.Entity("sirte", "Sirte", ActorKind.Place);
        var text = "Obviously the city fell. Diplomats said the truce failed. Mismari said the army advanced. The army reportedly took Sirte, and may have lost 12 men.";
        var article = corpus.Article(text, outlet: "Op-Ed Weekly", published: "2020-01-01");
        corpus.Claim(article, "Diplomats", null, Modality.Reported, "the truce failed");
        corpus.Claim(article, "Mismari", null, Modality.Reported, "the army advanced");
        corpus.Event(article, EventType.Capture, sirte, "The army reportedly took Sirte, and may have lost 12 men.");
        var facts = corpus.Build();
        var framing = FramingReport.Build(facts);

        var profile = Assert.Single(SourcingProfiles.PerArticle(facts, framing, DisputeLedger.Build(facts)));

        Assert.Equal((3, 1, 1, 1), (profile.Facts, profile.NamedSpeaker, profile.UnnamedSource, profile.NoSource));
        Assert.Equal(["hearsay", "possibility"], profile.Hedges.Select(h => h.Kind));
        Assert.Equal("certainty", Assert.Single(profile.OpinionMarkers).Kind);
        Assert.Equal("Obviously the city fell.", profile.OpinionMarkers[0].Evidence);
        Assert.Equal(3, profile.SingleSourceFacts);
        var outlet = Assert.Single(SourcingProfiles.PerOutlet(facts, [profile]));
        Assert.Equal("Op-Ed Weekly", outlet.Subject);
    }

    [Theory]
    [InlineData("LNA sources", true)]
    [InlineData("the media close to Faiz Saraj", true)]
    [InlineData("One “diplomatic source” from France", true)]
    [InlineData("Ahmed Mismari", false)]
    [InlineData("Another report from Reuters", false)]
    public void An_unnamed_source_is_a_description_that_names_nobody(string speaker, bool unnamed)
        => Assert.Equal(unnamed, SourcingProfiles.IsUnnamed(speaker));
}
