using Dossier.Core.Documents;
using Dossier.Core.Facts;
using Dossier.Facts.Claims;
using Dossier.Facts.Events;

namespace Dossier.Facts.Tests.Events;

/// <summary>Who did an event and to whom, and whether it happened, read from a parse written by hand.</summary>
public sealed class SyntacticEventsTests
{
    private static readonly (string, string)[] Cast = [("John Garang", "PER"), ("Museveni", "PER"), ("SPLA", "ORG")];

    private static (Document Document, IReadOnlyList<ReportedEvent> Events) Extract(string text, string parse)
    {
        var document = Articles.Parsed(text, parse, Cast);
        new ClaimExtractor().Process(document, CancellationToken.None);
        return (document, new EventExtractor().Extract(document));
    }

    private static IEnumerable<string> Names(Document document, IEnumerable<int> chains) => chains.Select(c => document.Actors![c].Name);

    [Fact]
    public void The_subject_of_a_verb_of_suffering_is_on_the_receiving_end()
    {
        var (document, events) = Extract("John Garang leads the SPLA. Museveni's forces have often suffered from attacks.",
            "John/PROPN/3/nsubj Garang/PROPN/1/flat leads/VERB/0/root the/DET/5/det SPLA/PROPN/3/obj ./PUNCT/3/punct " +
            "Museveni/PROPN/3/nmod:poss 's/PART/1/case forces/NOUN/6/nsubj have/AUX/6/aux often/ADV/6/advmod suffered/VERB/0/root from/ADP/8/case attacks/NOUN/6/obl ./PUNCT/6/punct");

        var attack = Assert.Single(events);
        Assert.Empty(attack.Agents);
        Assert.Equal(["Museveni"], Names(document, attack.Targets));
    }

    [Fact]
    public void The_by_phrase_of_a_trigger_noun_is_its_agent_not_its_target()
    {
        var (document, events) = Extract("A shelling by the SPLA hit John Garang.",
            "A/DET/2/det shelling/NOUN/6/nsubj by/ADP/5/case the/DET/5/det SPLA/PROPN/2/nmod hit/VERB/0/root John/PROPN/6/obj Garang/PROPN/7/flat ./PUNCT/6/punct");

        var shelling = Assert.Single(events);
        Assert.Equal(["SPLA"], Names(document, shelling.Agents));
        Assert.Equal(["John Garang"], Names(document, shelling.Targets));
    }

    [Fact]
    public void The_passive_subject_of_a_killing_was_killed()
    {
        var (document, events) = Extract("Museveni was killed by the SPLA.",
            "Museveni/PROPN/3/nsubj:pass was/AUX/3/aux:pass killed/VERB/0/root by/ADP/6/case the/DET/6/det SPLA/PROPN/3/obl:agent ./PUNCT/3/punct");

        var killing = Assert.Single(events);
        Assert.Equal(["SPLA"], Names(document, killing.Agents));
        Assert.Equal(["Museveni"], Names(document, killing.Targets));
    }

    [Fact]
    public void A_participle_with_an_object_of_its_own_is_active()
    {
        // The parse hangs "attacked" on "Fighters" as a participle; with its object it is still they who attacked.
        var (document, events) = Extract("Fighters of the SPLA attacked Museveni.",
            "Fighters/NOUN/0/root of/ADP/4/case the/DET/4/det SPLA/PROPN/1/nmod attacked/VERB/1/acl Museveni/PROPN/5/obj ./PUNCT/1/punct");

        var attack = Assert.Single(events);
        Assert.Equal(["SPLA"], Names(document, attack.Agents));
        Assert.Equal(["Museveni"], Names(document, attack.Targets));
    }

    [Fact]
    public void A_perfect_participle_clause_shares_the_subject_of_the_clause_it_opens()
    {
        var (document, events) = Extract("Having attacked Museveni, the SPLA withdrew.",
            "Having/AUX/2/aux attacked/VERB/7/advcl Museveni/PROPN/2/obj ,/PUNCT/2/punct the/DET/6/det SPLA/PROPN/7/nsubj withdrew/VERB/0/root ./PUNCT/7/punct");

        var attack = Assert.Single(events);
        Assert.Equal(["SPLA"], Names(document, attack.Agents));
        Assert.Equal(["Museveni"], Names(document, attack.Targets));
    }

    [Fact]
    public void A_threatened_attack_did_not_happen()
    {
        var (_, events) = Extract("The SPLA threatened to attack Museveni.",
            "The/DET/2/det SPLA/PROPN/3/nsubj threatened/VERB/0/root to/PART/5/mark attack/VERB/3/xcomp Museveni/PROPN/5/obj ./PUNCT/3/punct");

        Assert.Empty(events);
    }

    [Fact]
    public void An_attempted_attack_is_no_attack()
    {
        var (_, attempted) = Extract("The SPLA tried to attack Museveni.",
            "The/DET/2/det SPLA/PROPN/3/nsubj tried/VERB/0/root to/PART/5/mark attack/VERB/3/xcomp Museveni/PROPN/5/obj ./PUNCT/3/punct");
        var (_, done) = Extract("The SPLA went on to attack Museveni.",
            "The/DET/2/det SPLA/PROPN/3/nsubj went/VERB/0/root on/ADP/3/compound:prt to/PART/6/mark attack/VERB/3/xcomp Museveni/PROPN/6/obj ./PUNCT/3/punct");

        Assert.Empty(attempted);
        Assert.Single(done);
    }

    [Fact]
    public void Issued_arrest_warrants_are_no_arrest()
    {
        var (_, events) = Extract("Arrest warrants were issued for Museveni.",
            "Arrest/NOUN/2/compound warrants/NOUN/4/nsubj:pass were/AUX/4/aux:pass issued/VERB/0/root for/ADP/6/case Museveni/PROPN/4/obl ./PUNCT/4/punct");

        Assert.Empty(events);
    }

    [Fact]
    public void An_attack_the_text_says_may_come_did_not_happen()
    {
        var (_, events) = Extract("The SPLA could attack Museveni.",
            "The/DET/2/det SPLA/PROPN/4/nsubj could/AUX/4/aux attack/VERB/0/root Museveni/PROPN/4/obj ./PUNCT/4/punct");

        Assert.Empty(events);
    }
}
