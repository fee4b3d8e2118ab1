using Dossier.Core.Actors;
using Dossier.Core.Facts;

namespace Dossier.Analysis.Tests.Disputes;

public sealed class DisputeLedgerTests
{
    [Fact]
    public void A_running_toll_that_grows_between_two_dated_reports_is_an_update()
    {
        var corpus = new TestCorpus();
        var tripoli = corpus.Entity("tripoli", "Tripoli", ActorKind.Place);
        var early = corpus.Article("So far 150 people have been killed around Tripoli.", outlet: "MintPress News", published: "2019-04-16");
        var late = corpus.Article("Since the offensive began, the fighting has killed 254 people in Tripoli.", outlet: "Breitbart", published: "2019-04-22");
        corpus.Event(early, EventType.Killing, tripoli, "So far 150 people have been killed around Tripoli.", counts: TestCorpus.Killed(150, "atleast"));
        corpus.Event(late, EventType.ArmedClash, tripoli, "Since the offensive began, the fighting has killed 254 people in Tripoli.", counts: TestCorpus.Killed(254));

        var row = Assert.Single(DisputeLedger.Build(corpus.Build()));

        Assert.Equal("killed", row.Field);
        Assert.Equal(DisputeKind.UpdateOverTime, row.Kind);
        Assert.Equal(["2019-04-16", "2019-04-22"], row.Values.Select(v => v.Date));
        Assert.Equal(["MintPress News", "Breitbart"], row.Values.Select(v => v.Outlet));
    }

    [Fact]
    public void Two_tolls_of_one_day_that_differ_are_a_contradiction_and_an_undated_one_is_undetermined()
    {
        var corpus = new TestCorpus();
        var sirte = corpus.Entity("sirte", "Sirte", ActorKind.Place);
        var a = corpus.Article("The death toll in Sirte rose to 40.", outlet: "A", published: "2020-01-06");
        var b = corpus.Article("The death toll in Sirte is 25 so far.", outlet: "B", published: "2020-01-06");
        var c = corpus.Article("In total 30 died in Sirte.", outlet: "C");
        corpus.Event(a, EventType.Killing, sirte, "The death toll in Sirte rose to 40.", counts: TestCorpus.Killed(40));
        corpus.Event(b, EventType.Killing, sirte, "The death toll in Sirte is 25 so far.", counts: TestCorpus.Killed(25));

        var sameDay = Assert.Single(DisputeLedger.Build(corpus.Build()));
        corpus.Event(c, EventType.Killing, sirte, "In total 30 died in Sirte.", counts: TestCorpus.Killed(30));
        var withUndated = Assert.Single(DisputeLedger.Build(corpus.Build()));

        Assert.Equal(DisputeKind.Contradiction, sameDay.Kind);
        Assert.Equal(DisputeKind.Undetermined, withUndated.Kind);
        Assert.Equal(3, withUndated.Values.Count);
    }

    [Fact]
    public void A_copy_that_repeats_its_originals_toll_is_not_a_second_value_but_its_outlet_is_named_under_it()
    {
        var corpus = new TestCorpus();
        var sirte = corpus.Entity("sirte", "Sirte", ActorKind.Place);
        const string Toll = "The death toll in Sirte rose to 40.";
        var original = corpus.Article(Toll, outlet: "A", published: "2020-01-06");
        var copy = corpus.Article(Toll + " Republished.", outlet: "Copy Wire", published: "2020-01-06", copyOf: original);
        var other = corpus.Article("The death toll in Sirte is 25 so far.", outlet: "B", published: "2020-01-06");
        corpus.Event(original, EventType.Killing, sirte, Toll, counts: TestCorpus.Killed(40));
        corpus.Event(copy, EventType.Killing, sirte, Toll, counts: TestCorpus.Killed(40));
        corpus.Event(other, EventType.Killing, sirte, "The death toll in Sirte is 25 so far.", counts: TestCorpus.Killed(25));

        var row = Assert.Single(DisputeLedger.Build(corpus.Build()));

        Assert.Equal(["A", "B"], row.Values.Select(v => v.Outlet));
        Assert.Equal([["Copy Wire"], []], row.Values.Select(v => v.CopiedBy));
    }

    [Fact]
    public void A_copy_that_names_its_originals_attacker_is_not_a_second_value_but_its_outlet_is_named_under_it()
    {
        var corpus = new TestCorpus();
        var zara = corpus.Entity("zara", "Ain Zara", ActorKind.Place);
        var gna = corpus.Entity("gna", "GNA", ActorKind.Government);
        var lna = corpus.Entity("lna", "LNA", ActorKind.ArmedGroup);
        var day = new DateOnly(2020, 3, 18);
        var original = corpus.Article("x", outlet: "A");
        corpus.Event(original, EventType.Attack, zara, "The GNA attacked in Ain Zara.", day, agents: [gna]);
        corpus.Event(corpus.Article("x copied", outlet: "Copy Wire", copyOf: original), EventType.Attack, zara, "The GNA attacked in Ain Zara.", day, agents: [gna]);
        corpus.Event(corpus.Article("y", outlet: "B"), EventType.Attack, zara, "The LNA attacked in Ain Zara.", day, agents: [lna]);

        var row = Assert.Single(DisputeLedger.Build(corpus.Build()));

        Assert.Equal(["GNA", "LNA"], row.Values.Select(v => v.Value));
        Assert.Equal([["Copy Wire"], []], row.Values.Select(v => v.CopiedBy));
    }

    [Fact]
    public void One_incident_told_with_different_perpetrators_is_a_dispute_over_the_attacker()
    {
        var corpus = new TestCorpus();
        var zara = corpus.Entity("zara", "Ain Zara", ActorKind.Place);
        var gna = corpus.Entity("gna", "GNA", ActorKind.Government);
        var lna = corpus.Entity("lna", "LNA", ActorKind.ArmedGroup);
        var day = new DateOnly(2020, 3, 18);
        corpus.Event(corpus.Article("x", outlet: "A"), EventType.Attack, zara, "The GNA attacked in Ain Zara.", day, agents: [gna]);
        corpus.Event(corpus.Article("y", outlet: "B"), EventType.Attack, zara, "The LNA attacked in Ain Zara.", day, agents: [lna]);

        var row = Assert.Single(DisputeLedger.Build(corpus.Build()));

        Assert.Equal("attacker", row.Field);
        Assert.Equal(["GNA", "LNA"], row.Values.Select(v => v.Value));
        Assert.Equal(1, row.Incident);
    }

    [Fact]
    public void A_denial_of_the_allegation_is_paired_with_the_accusation_before_it()
    {
        var corpus = new TestCorpus();
        corpus.Entity("saiqa", "Saiqa", ActorKind.ArmedGroup);
        var text = "The Observer claims that outlets are accusing Saiqa of letting the convoy go. Mismari said the siege held. Saiqa has denied the allegation.";
        var article = corpus.Article(text, outlet: "Digital Journal", mentions: ("Saiqa", "saiqa", MentionForm.Name));
        corpus.Claim(article, "The Observer", null, Modality.Alleged, "outlets are accusing Saiqa of letting the convoy go", cue: "claims");
        corpus.Claim(article, "Mismari", null, Modality.Reported, "the siege held");
        corpus.Claim(article, "Saiqa", "saiqa", Modality.Denied, "the allegation", cue: "denied");

        var row = Assert.Single(DisputeLedger.Build(corpus.Build()));

        Assert.Equal(DisputeKind.Denial, row.Kind);
        Assert.Equal(["The Observer", "Saiqa"], row.Values.Select(v => v.Speaker));
        Assert.Contains("saiqa", row.Actors);
    }

    [Fact]
    public void A_denial_answers_the_claim_of_another_article_that_shares_most_of_its_words()
    {
        var corpus = new TestCorpus();
        var accusation = corpus.Article("The ministry said mercenaries shelled the Mitiga airport runway overnight.", outlet: "A");
        var unrelated = corpus.Article("The envoy said talks in Geneva would resume next month.", outlet: "B");
        var denial = corpus.Article("The army denied that mercenaries shelled the Mitiga airport runway.", outlet: "C");
        corpus.Claim(accusation, "The ministry", null, Modality.Reported, "mercenaries shelled the Mitiga airport runway overnight");
        corpus.Claim(unrelated, "The envoy", null, Modality.Reported, "talks in Geneva would resume next month");
        corpus.Claim(denial, "The army", null, Modality.Denied, "mercenaries shelled the Mitiga airport runway", cue: "denied");

        var row = Assert.Single(DisputeLedger.Build(corpus.Build()));

        Assert.Equal(["The ministry", "The army"], row.Values.Select(v => v.Speaker));
        Assert.Equal(["A", "C"], row.Values.Select(v => v.Outlet));
    }

    [Fact]
    public void A_denial_that_shares_too_few_words_with_any_other_claim_stands_alone()
    {
        var corpus = new TestCorpus();
        var other = corpus.Article("The ministry said the convoy reached Sirte.", outlet: "A");
        var denial = corpus.Article("The army denied that mercenaries shelled the airport.", outlet: "C");
        corpus.Claim(other, "The ministry", null, Modality.Reported, "the convoy reached Sirte");
        corpus.Claim(denial, "The army", null, Modality.Denied, "mercenaries shelled the airport", cue: "denied");

        var row = Assert.Single(DisputeLedger.Build(corpus.Build()));

        Assert.Equal(["The army"], row.Values.Select(v => v.Speaker));
    }

    [Fact]
    public void Control_of_one_place_claimed_for_two_actors_on_different_dates_may_have_changed()
    {
        var corpus = new TestCorpus();
        var jufra = corpus.Entity("jufra", "Jufra", ActorKind.Place);
        var lna = corpus.Entity("lna", "LNA", ActorKind.ArmedGroup);
        var bdb = corpus.Entity("bdb", "BDB", ActorKind.ArmedGroup);
        corpus.Relation(corpus.Article("a", outlet: "A", published: "2017-01-01"), RelationKind.Controls, bdb, jufra);
        corpus.Relation(corpus.Article("b", outlet: "B", published: "2017-06-05"), RelationKind.Controls, lna, jufra);
        corpus.Relation(corpus.Article("c", outlet: "C", published: "2017-06-06"), RelationKind.Controls, bdb, jufra, polarity: "denied");

        var row = Assert.Single(DisputeLedger.Build(corpus.Build()));

        Assert.Equal("controlled by", row.Field);
        Assert.Equal(DisputeKind.UpdateOverTime, row.Kind);
        Assert.Equal(["BDB", "LNA"], row.Values.Select(v => v.Value));
    }

    [Fact]
    public void Reports_that_agree_make_no_dispute()
    {
        var corpus = new TestCorpus();
        var sirte = corpus.Entity("sirte", "Sirte", ActorKind.Place);
        corpus.Event(corpus.Article("a", outlet: "A"), EventType.Killing, sirte, "So far 12 killed in Sirte.", counts: TestCorpus.Killed(12));
        corpus.Event(corpus.Article("b", outlet: "B"), EventType.Killing, sirte, "The toll in Sirte is 12.", counts: TestCorpus.Killed(12));

        Assert.Empty(DisputeLedger.Build(corpus.Build()));
    }
}
