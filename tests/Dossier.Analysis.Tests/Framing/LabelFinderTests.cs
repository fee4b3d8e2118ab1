using Dossier.Core.Actors;
using Dossier.Core.Facts;

namespace Dossier.Analysis.Tests.Framing;

public sealed class LabelFinderTests
{
    [Theory]
    [InlineData("Forces of renegade Gen. Khalifa Haftar advanced.", "renegade", "Khalifa Haftar")]
    [InlineData("Libyan strongman and former CIA asset Khalifa Haftar struck.", "strongman", "Khalifa Haftar")]
    [InlineData("Libyan strongman and former CIA asset Khalifa Haftar struck.", "former CIA asset", "Khalifa Haftar")]
    [InlineData("On Wednesday, militants of the GNA attacked.", "militants", "GNA")]
    [InlineData("The GNA militants attacked.", "militants", "GNA")]
    [InlineData("Ziyad Balaam, was a terrorist connected with Al-Qaeda.", "terrorists", "Ziyad Balaam")]
    [InlineData("Syrian mercenaries arrived.", "mercenaries", "Syria")]
    [InlineData("36 terrorists were eliminated near the GNA lines.", "terrorists", null)]
    [InlineData("Forces loyal to Libya’s internationally recognized government pushed back.", "internationally recognized", null)]
    public void A_label_goes_to_the_actor_the_sentence_applies_it_to(string text, string label, string? actor)
    {
        var corpus = new TestCorpus();
        corpus.Entity("haftar", "Khalifa Haftar", ActorKind.Person);
        corpus.Entity("gna", "GNA", ActorKind.Government);
        corpus.Entity("balaam", "Ziyad Balaam", ActorKind.Person);
        corpus.Entity("syria", "Syria", ActorKind.State);
        corpus.Entity("cia", "CIA", ActorKind.Government);
        corpus.Entity("libya", "Libya", ActorKind.State);
        corpus.Article(text, outlet: "Outlet", mentions:
        [
            ("Khalifa Haftar", "haftar", MentionForm.Name), ("GNA", "gna", MentionForm.Acronym), ("Ziyad Balaam", "balaam", MentionForm.Name),
            ("Syrian", "syria", MentionForm.Nationality), ("CIA", "cia", MentionForm.Acronym), ("Libya", "libya", MentionForm.Name),
        ]);
        var facts = corpus.Build();

        var use = Assert.Single(LabelFinder.Find(facts.Articles[0], "Outlet", []), u => u.Label == label);

        Assert.Equal(actor, use.EntityName);
        Assert.Null(use.Speaker);
    }

    [Fact]
    public void A_label_in_quotation_marks_is_the_speakers_and_a_paraphrase_is_the_outlets()
    {
        var corpus = new TestCorpus();
        corpus.Entity("haftar", "Haftar", ActorKind.Person);
        var text = "Sarraj urged the court to try “warlord” and “war criminal” Haftar, the Observer reported. Reuters reported that the renegade Haftar retreated.";
        var article = corpus.Article(text, outlet: "Breitbart", mentions: ("Haftar", "haftar", MentionForm.Name));
        var quoted = corpus.Claim(article, "Sarraj", null, Modality.Reported, "the court to try “warlord” and “war criminal” Haftar", cue: "urged");
        var paraphrase = corpus.Claim(article, "Reuters", null, Modality.Reported, "the renegade Haftar retreated", cue: "reported");

        var uses = LabelFinder.Find(corpus.Build().Articles[0], "Breitbart", [quoted, paraphrase]).ToList();

        Assert.Equal("Sarraj", Assert.Single(uses, u => u.Label == "warlord").Speaker);
        Assert.Equal("Sarraj", Assert.Single(uses, u => u.Label == "war criminal").Speaker);
        Assert.All(uses.Where(u => u.Label is "warlord" or "war criminal" or "renegade"), u => Assert.Equal("Haftar", u.EntityName));
        Assert.Null(Assert.Single(uses, u => u.Label == "renegade").Speaker);
    }

    [Fact]
    public void A_label_word_inside_a_proper_name_is_the_name_not_a_label()
    {
        var corpus = new TestCorpus();
        corpus.Entity("lna", "Libyan National Army", ActorKind.ArmedGroup);
        corpus.Article("The Libyan National Army advanced.", outlet: "A", mentions: ("Libyan National Army", "lna", MentionForm.Name));

        Assert.Empty(LabelFinder.Find(corpus.Build().Articles[0], "A", []));
    }

    [Fact]
    public void A_labels_sentence_runs_past_titles_and_initials()
    {
        var corpus = new TestCorpus();
        corpus.Entity("haftar", "Khalifa Haftar", ActorKind.Person);
        corpus.Article("Talks failed. The U.N. envoy met the renegade Gen. Khalifa Haftar in Benghazi. Nothing came of it.", outlet: "A", mentions: ("Khalifa Haftar", "haftar", MentionForm.Name));

        var use = Assert.Single(LabelFinder.Find(corpus.Build().Articles[0], "A", []));

        Assert.Equal("The U.N. envoy met the renegade Gen. Khalifa Haftar in Benghazi.", use.Evidence);
    }
}
