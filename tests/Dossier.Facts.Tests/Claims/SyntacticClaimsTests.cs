using Dossier.Core.Documents;
using Dossier.Core.Facts;
using Dossier.Facts.Claims;

namespace Dossier.Facts.Tests.Claims;

/// <summary>Who says what, read from a parse written by hand.</summary>
public sealed class SyntacticClaimsTests
{
    private static readonly (string, string)[] Cast =
    [
        ("John Garang", "PER"), ("Garang", "PER"), ("Museveni", "PER"), ("SPLA", "ORG"), ("Kenya", "LOC"),
    ];

    private static (Document Document, IReadOnlyList<Claim> Claims) Extract(string text, string parse)
    {
        var document = Articles.Parsed(text, parse, Cast);
        return (document, new ClaimExtractor().Extract(document));
    }

    private static string SpeakerOf(Document document, Claim claim)
        => claim.SpeakerChain is { } chain ? document.Actors![chain].Name : document.Text[claim.SpeakerStart..claim.SpeakerEnd];

    private static string Said(Document document, Claim claim) => document.Text[claim.ContentStart..claim.ContentEnd];

    private static string Cue(Document document, Claim claim) => document.Text[claim.CueStart..claim.CueEnd];

    [Fact]
    public void A_participle_clause_speaks_with_the_subject_of_the_verb_it_hangs_on()
    {
        var (document, claims) = Extract("Kenya has tried to distance itself from John Garang, claiming it now opposes his offensive.",
            "Kenya/PROPN/3/nsubj has/AUX/3/aux tried/VERB/0/root to/PART/5/mark distance/VERB/3/xcomp itself/PRON/5/obj from/ADP/8/case " +
            "John/PROPN/5/obl Garang/PROPN/8/flat ,/PUNCT/11/punct claiming/VERB/3/advcl it/PRON/14/nsubj now/ADV/14/advmod opposes/VERB/11/ccomp " +
            "his/PRON/16/nmod:poss offensive/NOUN/14/obj ./PUNCT/3/punct");

        var claim = Assert.Single(claims);
        Assert.Equal("Kenya", SpeakerOf(document, claim));
        Assert.Equal("claiming", Cue(document, claim));
        Assert.Equal("it now opposes his offensive", Said(document, claim));
        Assert.Equal(Modality.Alleged, claim.Modality);
    }

    [Fact]
    public void Both_verbs_of_a_coordination_speak_with_its_subject_and_not_with_the_object()
    {
        var (document, claims) = Extract("Garang called Museveni a criminal and said he would not negotiate.",
            "Garang/PROPN/2/nsubj called/VERB/0/root Museveni/PROPN/2/obj a/DET/5/det criminal/NOUN/2/xcomp and/CCONJ/7/cc said/VERB/2/conj " +
            "he/PRON/11/nsubj would/AUX/11/aux not/PART/11/advmod negotiate/VERB/7/ccomp ./PUNCT/2/punct");

        Assert.Equal(2, claims.Count);
        Assert.All(claims, c => Assert.Equal("Garang", SpeakerOf(document, c)));
        Assert.Contains(claims, c => Cue(document, c) == "called" && Said(document, c) == "Museveni a criminal");
        Assert.Contains(claims, c => Cue(document, c) == "said" && Said(document, c) == "he would not negotiate");
    }

    [Fact]
    public void According_to_gives_the_source_and_the_clause_it_hangs_on()
    {
        var (document, claims) = Extract("The town fell on Monday, according to SPLA sources.",
            "The/DET/2/det town/NOUN/3/nsubj fell/VERB/0/root on/ADP/5/case Monday/PROPN/3/obl ,/PUNCT/10/punct according/VERB/10/case " +
            "to/ADP/7/fixed SPLA/PROPN/10/compound sources/NOUN/3/obl ./PUNCT/3/punct");

        var claim = Assert.Single(claims);
        Assert.Equal(ClaimForm.AccordingTo, claim.Form);
        Assert.Equal("SPLA sources", document.Text[claim.SpeakerStart..claim.SpeakerEnd]);
        Assert.Null(claim.SpeakerChain);
        Assert.Equal("SPLA", document.Actors![claim.AffiliationChain!.Value].Name);
        Assert.Equal("The town fell on Monday", Said(document, claim));
    }

    [Fact]
    public void A_quotation_is_said_by_the_subject_of_the_verb_beside_it()
    {
        var (document, claims) = Extract("“We will take the town,” Garang said.",
            "“/PUNCT/4/punct We/PRON/4/nsubj will/AUX/4/aux take/VERB/0/root the/DET/6/det town/NOUN/4/obj ,/PUNCT/4/punct ”/PUNCT/4/punct " +
            "Garang/PROPN/10/nsubj said/VERB/4/parataxis ./PUNCT/4/punct");

        var claim = Assert.Single(claims);
        Assert.Equal(ClaimForm.DirectQuote, claim.Form);
        Assert.Equal("Garang", SpeakerOf(document, claim));
        Assert.StartsWith("We will take the town", Said(document, claim), StringComparison.Ordinal);
    }

    [Fact]
    public void A_denial_keeps_its_modality_and_what_is_denied()
    {
        var (document, claims) = Extract("The SPLA denied the report.",
            "The/DET/2/det SPLA/PROPN/3/nsubj denied/VERB/0/root the/DET/5/det report/NOUN/3/obj ./PUNCT/3/punct");

        var claim = Assert.Single(claims);
        Assert.Equal(Modality.Denied, claim.Modality);
        Assert.Equal("SPLA", SpeakerOf(document, claim));
        Assert.Equal("the report", Said(document, claim));
    }

    [Fact]
    public void A_speech_verb_whose_speaker_the_parse_does_not_give_makes_no_claim()
    {
        var (_, claims) = Extract("Reports said nothing.",
            "Reports/NOUN/2/nsubj said/VERB/0/root nothing/PRON/2/obj ./PUNCT/2/punct");

        Assert.Empty(claims);
    }

    [Fact]
    public void A_cue_the_parse_left_without_a_subject_speaks_for_the_name_just_before_it()
    {
        // The parse hung "Museveni" on "board"; "said" has no subject of its own.
        var (document, claims) = Extract("At a meeting with the board Museveni said that the SPLA must disarm.",
            "At/ADP/3/case a/DET/3/det meeting/NOUN/8/obl with/ADP/6/case the/DET/6/det board/NOUN/3/nmod Museveni/PROPN/6/nmod said/VERB/0/root " +
            "that/SCONJ/13/mark the/DET/11/det SPLA/PROPN/13/nsubj must/AUX/13/aux disarm/VERB/8/ccomp ./PUNCT/8/punct");

        var claim = Assert.Single(claims);
        Assert.Equal("Museveni", SpeakerOf(document, claim));
        Assert.Equal("the SPLA must disarm", Said(document, claim));
    }

    [Fact]
    public void Of_two_subjects_the_one_that_can_speak_is_the_speaker()
    {
        var (document, claims) = Extract("But many Kenyans say the SPLA must disarm.",
            "But/CCONJ/4/cc many/ADJ/4/nsubj Kenyans/PROPN/4/nsubj say/VERB/0/root the/DET/6/det SPLA/PROPN/8/nsubj must/AUX/8/aux disarm/VERB/4/ccomp ./PUNCT/4/punct");

        var claim = Assert.Single(claims);
        Assert.Equal("Kenyans", SpeakerOf(document, claim));
    }

    [Fact]
    public void A_number_speaks_for_the_people_it_counts()
    {
        var (document, claims) = Extract("Nearly eight of 10 voters say they plan to vote.",
            "Nearly/ADV/2/advmod eight/NUM/6/nsubj of/ADP/5/case 10/NUM/5/nummod voters/NOUN/2/nmod say/VERB/0/root they/PRON/8/nsubj plan/VERB/6/ccomp to/PART/10/mark vote/VERB/8/xcomp ./PUNCT/6/punct");

        var claim = Assert.Single(claims);
        Assert.Equal("Nearly eight of 10 voters", SpeakerOf(document, claim));
        Assert.Equal("they plan to vote", Said(document, claim));
    }

    [Fact]
    public void A_capitalized_word_alone_before_a_colon_labels_what_its_speaker_says()
    {
        // The tagger read "Pence" as a common noun; alone before the colon it is still a speaker's label.
        var (document, claims) = Extract("Pence: the SPLA must disarm now.",
            "Pence/NOUN/0/root :/PUNCT/1/punct the/DET/4/det SPLA/PROPN/6/nsubj must/AUX/6/aux disarm/VERB/1/parataxis now/ADV/6/advmod ./PUNCT/1/punct");

        var claim = Assert.Single(claims);
        Assert.Equal("Pence", SpeakerOf(document, claim));
        Assert.Equal("the SPLA must disarm now", Said(document, claim));
    }

    [Fact]
    public void A_speakers_label_ends_at_its_colon_whatever_the_parse_hung_on_it()
    {
        var (document, claims) = Extract("Museveni: Well, look, the SPLA must disarm.",
            "Museveni/PROPN/0/root :/PUNCT/1/punct Well/INTJ/1/discourse ,/PUNCT/1/punct look/VERB/1/parataxis ,/PUNCT/10/punct " +
            "the/DET/8/det SPLA/PROPN/10/nsubj must/AUX/10/aux disarm/VERB/1/parataxis ./PUNCT/1/punct");

        var claim = Assert.Single(claims);
        Assert.Equal("Museveni", document.Text[claim.SpeakerStart..claim.SpeakerEnd]);
    }

    [Fact]
    public void A_speakers_span_never_ends_inside_a_bracket_it_opens()
    {
        var (document, claims) = Extract("“The SPLA will disarm,” Rep. John Garang (D-S.C.), the assistant leader of the caucus, added.",
            "“/PUNCT/5/punct The/DET/3/det SPLA/PROPN/5/nsubj will/AUX/5/aux disarm/VERB/22/ccomp ,/PUNCT/5/punct ”/PUNCT/5/punct " +
            "Rep./PROPN/10/compound John/PROPN/10/compound Garang/PROPN/22/nsubj (/PUNCT/12/punct D-S.C./PROPN/10/appos )/PUNCT/12/punct ,/PUNCT/17/punct " +
            "the/DET/17/det assistant/ADJ/17/amod leader/NOUN/10/parataxis of/ADP/20/case the/DET/20/det caucus/NOUN/17/nmod ,/PUNCT/10/punct added/VERB/0/root ./PUNCT/22/punct");

        var claim = Assert.Single(claims);
        Assert.Equal("Rep. John Garang", document.Text[claim.SpeakerStart..claim.SpeakerEnd]);
    }

    [Fact]
    public void A_clause_opened_by_that_is_said_whole_not_only_the_quotation_at_its_end_and_quotes_its_speaker_in_part()
    {
        var (document, claims) = Extract("The Kenya Times reports that the team avoided the talks to “keep the details under wraps.”",
            "The/DET/3/det Kenya/PROPN/3/compound Times/PROPN/4/nsubj reports/VERB/0/root that/SCONJ/8/mark the/DET/7/det team/NOUN/8/nsubj " +
            "avoided/VERB/4/ccomp the/DET/10/det talks/NOUN/8/obj to/PART/13/mark “/PUNCT/13/punct keep/VERB/8/advcl the/DET/15/det " +
            "details/NOUN/13/obj under/ADP/17/case wraps/NOUN/13/obl ./PUNCT/4/punct ”/PUNCT/4/punct");

        var claim = Assert.Single(claims);
        Assert.Equal("reports", Cue(document, claim));
        Assert.StartsWith("the team avoided the talks to “keep the details under wraps", Said(document, claim), StringComparison.Ordinal);
        Assert.Equal(ClaimForm.DirectQuote, claim.Form);
    }

    [Fact]
    public void What_a_study_found_is_its_claim()
    {
        var (document, claims) = Extract("A 2014 study found 31 cases of fraud in Kenya.",
            "A/DET/3/det 2014/NUM/3/nummod study/NOUN/4/nsubj found/VERB/0/root 31/NUM/6/nummod cases/NOUN/4/obj of/ADP/8/case fraud/NOUN/6/nmod in/ADP/10/case Kenya/PROPN/6/nmod ./PUNCT/4/punct");

        var claim = Assert.Single(claims);
        Assert.Equal("A 2014 study", SpeakerOf(document, claim));
        Assert.Equal("found", Cue(document, claim));
        Assert.Equal("31 cases of fraud in Kenya", Said(document, claim));
    }

    [Fact]
    public void A_view_held_in_the_first_person_is_a_hedge_and_not_a_claim_of_its_own()
    {
        var (_, claims) = Extract("I think the town will fall.",
            "I/PRON/2/nsubj think/VERB/0/root the/DET/4/det town/NOUN/6/nsubj will/AUX/6/aux fall/VERB/2/ccomp ./PUNCT/2/punct");

        Assert.Empty(claims);
    }

    [Fact]
    public void A_view_held_by_a_named_speaker_is_a_claim()
    {
        var (document, claims) = Extract("Garang thinks the town will fall.",
            "Garang/PROPN/2/nsubj thinks/VERB/0/root the/DET/4/det town/NOUN/6/nsubj will/AUX/6/aux fall/VERB/2/ccomp ./PUNCT/2/punct");

        var claim = Assert.Single(claims);
        Assert.Equal("Garang", SpeakerOf(document, claim));
        Assert.Equal("the town will fall", Said(document, claim));
        Assert.Equal(Modality.Hedged, claim.Modality);
    }

    [Fact]
    public void A_quotation_closing_the_sentence_before_a_bare_cue_is_what_the_cue_says()
    {
        var (document, claims) = Extract("“Who will hold the town after the rains?” Garang asked.",
            "“/PUNCT/3/punct Who/PRON/3/nsubj will/AUX/4/aux hold/VERB/0/root the/DET/6/det town/NOUN/4/obj after/ADP/9/case the/DET/9/det rains/NOUN/4/obl ?/PUNCT/4/punct ”/PUNCT/4/punct " +
            "Garang/PROPN/2/nsubj asked/VERB/0/root ./PUNCT/2/punct");

        var claim = Assert.Single(claims, c => Cue(document, c) == "asked");
        Assert.Equal("Garang", SpeakerOf(document, claim));
        Assert.StartsWith("Who will hold the town", Said(document, claim), StringComparison.Ordinal);
    }

    [Fact]
    public void What_a_speaker_spoke_about_is_said_without_its_preposition()
    {
        var (document, claims) = Extract("Garang spoke about the talks with Kenya.",
            "Garang/PROPN/2/nsubj spoke/VERB/0/root about/ADP/5/case the/DET/5/det talks/NOUN/2/obl with/ADP/7/case Kenya/PROPN/5/nmod ./PUNCT/2/punct");

        var claim = Assert.Single(claims);
        Assert.Equal("Garang", SpeakerOf(document, claim));
        Assert.Equal("the talks with Kenya", Said(document, claim));
    }

    [Fact]
    public void A_title_taken_for_the_speaker_keeps_the_name_after_it()
    {
        var (document, claims) = Extract("SPLA spokesman Peter Deng said the town had fallen.",
            "SPLA/PROPN/2/compound spokesman/NOUN/5/nsubj Peter/PROPN/5/nsubj Deng/PROPN/3/flat said/VERB/0/root the/DET/7/det town/NOUN/9/nsubj " +
            "had/AUX/9/aux fallen/VERB/5/ccomp ./PUNCT/5/punct");

        var claim = Assert.Single(claims);
        Assert.Equal("SPLA spokesman Peter Deng", document.Text[claim.SpeakerStart..claim.SpeakerEnd]);
    }

    [Fact]
    public void A_cue_brought_in_by_as_says_the_clause_it_hangs_on()
    {
        var (document, claims) = Extract("The town fell on Monday, as SPLA officials have said.",
            "The/DET/2/det town/NOUN/3/nsubj fell/VERB/0/root on/ADP/5/case Monday/PROPN/3/obl ,/PUNCT/11/punct as/SCONJ/11/mark " +
            "SPLA/PROPN/9/compound officials/NOUN/11/nsubj have/AUX/11/aux said/VERB/3/advcl ./PUNCT/3/punct");

        var claim = Assert.Single(claims);
        Assert.Equal("SPLA officials", document.Text[claim.SpeakerStart..claim.SpeakerEnd]);
        Assert.Equal("The town fell on Monday", Said(document, claim));
    }
}
