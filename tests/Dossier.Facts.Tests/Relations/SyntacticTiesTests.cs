using Dossier.Core.Documents;
using Dossier.Core.Facts;
using Dossier.Facts.Claims;
using Dossier.Facts.Events;
using Dossier.Facts.Relations;

namespace Dossier.Facts.Tests.Relations;

/// <summary>Ties read from a parse written by hand: the roles of each pattern, whatever the word order.</summary>
public sealed class SyntacticTiesTests
{
    private static readonly (string, string)[] Cast =
    [
        ("John Garang", "PER"), ("Sudan People's Liberation Army", "ORG"), ("SPLA", "ORG"), ("Lord's Resistance Army", "ORG"),
        ("Uganda", "LOC"), ("Kenya", "LOC"), ("Ugandan", "MISC"), ("Gulu", "LOC"),
    ];

    private static IReadOnlyList<string> Ties(string text, string parse)
    {
        var document = Articles.Parsed(text, parse, Cast);
        new ClaimExtractor().Process(document, CancellationToken.None);
        new EventExtractor().Process(document, CancellationToken.None);
        var relations = new RelationExtractor().Extract(document);
        return [.. relations.Select(r => $"{document.Actors![r.Source].Name} {r.Kind.ToName()} {document.Actors[r.Target].Name}")];
    }

    [Fact]
    public void The_subject_of_a_support_verb_supports_its_object()
    {
        var ties = Ties("Uganda backs the Sudan People's Liberation Army.",
            "Uganda/PROPN/2/nsubj backs/VERB/0/root the/DET/8/det Sudan/PROPN/5/compound People/PROPN/8/nmod:poss 's/PART/5/case Liberation/PROPN/8/compound Army/PROPN/2/obj ./PUNCT/2/punct");

        Assert.Contains("Uganda supports Sudan People's Liberation Army", ties);
    }

    [Fact]
    public void A_title_in_apposition_leads_the_group_its_of_phrase_names()
    {
        var ties = Ties("John Garang, leader of the Sudan People's Liberation Army, arrived.",
            "John/PROPN/13/nsubj Garang/PROPN/1/flat ,/PUNCT/4/punct leader/NOUN/1/appos of/ADP/11/case the/DET/11/det Sudan/PROPN/8/compound " +
            "People/PROPN/11/nmod:poss 's/PART/8/case Liberation/PROPN/11/compound Army/PROPN/4/nmod ,/PUNCT/4/punct arrived/VERB/0/root ./PUNCT/13/punct");

        Assert.Contains("John Garang leads Sudan People's Liberation Army", ties);
    }

    [Fact]
    public void A_title_before_a_name_ties_the_name_to_the_group_that_qualifies_the_title()
    {
        var ties = Ties("SPLA commander John Garang spoke.",
            "SPLA/PROPN/2/compound commander/NOUN/3/compound John/PROPN/5/nsubj Garang/PROPN/3/flat spoke/VERB/0/root ./PUNCT/5/punct");

        Assert.Contains("John Garang leads SPLA", ties);
    }

    [Fact]
    public void The_by_phrase_of_a_passive_is_the_source_and_its_subject_the_target()
    {
        var ties = Ties("The Lord's Resistance Army was attacked by Uganda.",
            "The/DET/5/det Lord/PROPN/5/nmod:poss 's/PART/2/case Resistance/PROPN/5/compound Army/PROPN/7/nsubj:pass was/AUX/7/aux:pass " +
            "attacked/VERB/0/root by/ADP/9/case Uganda/PROPN/7/obl:agent ./PUNCT/7/punct");

        Assert.Contains("Uganda opposes Lord's Resistance Army", ties);
        Assert.DoesNotContain("Lord's Resistance Army opposes Uganda", ties);
    }

    [Fact]
    public void A_verb_under_another_verb_shares_its_subject()
    {
        var ties = Ties("Kenya began to arm the SPLA.",
            "Kenya/PROPN/2/nsubj began/VERB/0/root to/PART/4/mark arm/VERB/2/xcomp the/DET/6/det SPLA/PROPN/4/obj ./PUNCT/2/punct");

        Assert.Contains("Kenya supports SPLA", ties);
    }

    [Fact]
    public void A_tie_only_decided_on_is_not_stated()
    {
        var ties = Ties("Kenya decided to arm the SPLA.",
            "Kenya/PROPN/2/nsubj decided/VERB/0/root to/PART/4/mark arm/VERB/2/xcomp the/DET/6/det SPLA/PROPN/4/obj ./PUNCT/2/punct");

        Assert.DoesNotContain("Kenya supports SPLA", ties);
    }

    [Fact]
    public void A_negated_verb_states_no_tie()
    {
        var ties = Ties("Kenya did not arm the SPLA.",
            "Kenya/PROPN/4/nsubj did/AUX/4/aux not/PART/4/advmod arm/VERB/0/root the/DET/6/det SPLA/PROPN/4/obj ./PUNCT/4/punct");

        Assert.DoesNotContain(ties, t => t.Contains("supports", StringComparison.Ordinal));
    }

    [Fact]
    public void A_trigger_tagged_as_a_verb_but_owned_by_an_actor_is_read_as_a_noun()
    {
        var ties = Ties("They joined Kenya's fight against the SPLA.",
            "They/PRON/2/nsubj joined/VERB/0/root Kenya/PROPN/5/nmod:poss 's/PART/3/case fight/VERB/2/obj against/ADP/8/case the/DET/8/det SPLA/PROPN/5/nmod ./PUNCT/2/punct");

        Assert.Contains("Kenya opposes SPLA", ties);
    }

    [Fact]
    public void A_numbered_unit_after_a_unit_and_a_comma_is_the_unit_it_belongs_to()
    {
        var document = Articles.Parsed("He served in 2nd Battalion, 5th Special Forces Group.",
            "He/PRON/2/nsubj served/VERB/0/root in/ADP/5/case 2nd/ADJ/5/amod Battalion/PROPN/2/obl ,/PUNCT/11/punct 5th/ADJ/10/amod " +
            "Special/ADJ/10/amod Forces/NOUN/11/compound Group/PROPN/5/appos ./PUNCT/2/punct",
            ("2nd Battalion", "ORG"), ("5th Special Forces Group", "ORG"));
        new ClaimExtractor().Process(document, CancellationToken.None);
        new EventExtractor().Process(document, CancellationToken.None);
        var ties = new RelationExtractor().Extract(document).Select(r => $"{document.Actors![r.Source].Name} {r.Kind.ToName()} {document.Actors[r.Target].Name}");

        Assert.Contains("2nd Battalion member_of 5th Special Forces Group", ties);
        Assert.DoesNotContain("5th Special Forces Group member_of 2nd Battalion", ties);
    }

    [Fact]
    public void Who_carries_out_strikes_against_a_group_opposes_it()
    {
        var ties = Ties("Kenya conducted strikes against the SPLA.",
            "Kenya/PROPN/2/nsubj conducted/VERB/0/root strikes/NOUN/2/obj against/ADP/6/case the/DET/6/det SPLA/PROPN/3/nmod ./PUNCT/2/punct");

        Assert.Contains("Kenya opposes SPLA", ties);
    }

    [Fact]
    public void A_relative_pronoun_stands_for_the_noun_its_clause_describes()
    {
        var ties = Ties("The SPLA, which Uganda supports, advanced.",
            "The/DET/2/det SPLA/PROPN/8/nsubj ,/PUNCT/6/punct which/PRON/6/obj Uganda/PROPN/6/nsubj supports/VERB/2/acl:relcl ,/PUNCT/6/punct advanced/VERB/0/root ./PUNCT/8/punct");

        Assert.Contains("Uganda supports SPLA", ties);
    }

    [Fact]
    public void A_hyphenated_backed_word_ties_its_name_to_the_noun_it_describes()
    {
        var ties = Ties("Uganda-backed SPLA units advanced.",
            "Uganda-backed/ADJ/3/amod SPLA/PROPN/3/compound units/NOUN/4/nsubj advanced/VERB/0/root ./PUNCT/4/punct");

        // "SPLA units" are an actor of their own, the units of the SPLA.
        Assert.Contains("Uganda supports SPLA units", ties);
    }

    [Fact]
    public void Word_order_alone_states_no_tie()
    {
        // The same words as a support verb between two names, but the parse says the verb's subject is someone else.
        var ties = Ties("Uganda said rebels back the SPLA.",
            "Uganda/PROPN/2/nsubj said/VERB/0/root rebels/NOUN/4/nsubj back/VERB/2/ccomp the/DET/6/det SPLA/PROPN/4/obj ./PUNCT/2/punct");

        Assert.DoesNotContain("Uganda supports SPLA", ties);
    }

    [Fact]
    public void An_action_opposes_the_object_of_the_verb_it_is_for()
    {
        var ties = Ties("Uganda continued its campaign to defeat the SPLA.",
            "Uganda/PROPN/2/nsubj continued/VERB/0/root its/PRON/4/nmod:poss campaign/NOUN/2/obj to/PART/6/mark defeat/VERB/4/acl the/DET/8/det SPLA/PROPN/6/obj ./PUNCT/2/punct");

        Assert.Contains("Uganda opposes SPLA", ties);
    }

    [Fact]
    public void An_action_for_a_verb_of_another_kind_states_no_opposition()
    {
        var ties = Ties("Uganda continued its campaign to support the SPLA.",
            "Uganda/PROPN/2/nsubj continued/VERB/0/root its/PRON/4/nmod:poss campaign/NOUN/2/obj to/PART/6/mark support/VERB/4/acl the/DET/8/det SPLA/PROPN/6/obj ./PUNCT/2/punct");

        Assert.DoesNotContain("Uganda opposes SPLA", ties);
    }

    [Fact]
    public void Taking_a_place_from_a_group_opposes_the_group()
    {
        var ties = Ties("The SPLA seized Gulu from the Lord's Resistance Army.",
            "The/DET/2/det SPLA/PROPN/3/nsubj seized/VERB/0/root Gulu/PROPN/3/obj from/ADP/10/case the/DET/10/det Lord/PROPN/10/nmod:poss 's/PART/7/case Resistance/PROPN/10/compound Army/PROPN/3/obl ./PUNCT/3/punct");

        Assert.Contains("SPLA opposes Lord's Resistance Army", ties);
        Assert.Contains("SPLA controls Gulu", ties);
    }

    [Fact]
    public void A_groups_capital_is_a_place_it_controls()
    {
        var ties = Ties("Gulu, the SPLA capital, fell.",
            "Gulu/PROPN/6/nsubj ,/PUNCT/5/punct the/DET/5/det SPLA/PROPN/5/compound capital/NOUN/1/appos ,/PUNCT/5/punct fell/VERB/0/root ./PUNCT/6/punct");

        Assert.Contains("SPLA controls Gulu", ties);
    }
}
