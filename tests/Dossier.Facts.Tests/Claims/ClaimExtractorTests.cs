using Dossier.Core.Documents;
using Dossier.Core.Facts;
using Dossier.Facts.Claims;

namespace Dossier.Facts.Tests.Claims;

public sealed class ClaimExtractorTests
{
    private static (Document Document, IReadOnlyList<Claim> Claims) Extract(string text, params (string, string)[] entities)
    {
        var document = Articles.Make(text, entities);
        return (document, new ClaimExtractor().Extract(document));
    }

    private static string Speaker(Document document, Claim claim)
        => claim.SpeakerChain is { } chain ? document.Actors![chain].Name : document.Text[claim.SpeakerStart..claim.SpeakerEnd];

    private static string Content(Document document, Claim claim) => document.Text[claim.ContentStart..claim.ContentEnd];

    [Fact]
    public void A_quote_after_a_speaker_with_an_apposition_is_the_persons_for_the_group()
    {
        const string text = "Ahmad Al-Mesmari, a spokesman for the LNA, proclaimed on Saturday, “We have won the political battle and convinced the world.”";
        var (document, claims) = Extract(text, ("Ahmad Al-Mesmari", "PER"), ("LNA", "ORG"));

        var claim = Assert.Single(claims);
        Assert.Equal(ClaimForm.DirectQuote, claim.Form);
        Assert.Equal("Ahmad Al-Mesmari", Speaker(document, claim));
        Assert.Equal("LNA", document.Actors![claim.AffiliationChain!.Value].Name);
        Assert.Equal("proclaimed", text[claim.CueStart..claim.CueEnd]);
        Assert.StartsWith("We have won", Content(document, claim), StringComparison.Ordinal);
        Assert.Equal(Modality.Reported, claim.Modality);
    }

    [Fact]
    public void He_added_after_a_quote_is_the_speaker_before_not_the_last_person_named()
    {
        const string text = "Ahmad Mesmari said after the call with Donald Trump: “We have won the battle for the capital.” " +
                            "The GNA “has received reinforcements from terrorists and foreign mercenaries,” he added.";
        var (document, claims) = Extract(text, ("Ahmad Mesmari", "PER"), ("Donald Trump", "PER"), ("GNA", "ORG"));

        Assert.Equal(2, claims.Count);
        Assert.All(claims, c => Assert.Equal("Ahmad Mesmari", Speaker(document, c)));
        Assert.Equal("added", text[claims[1].CueStart..claims[1].CueEnd]);
    }

    [Fact]
    public void A_word_or_two_in_quotation_marks_is_a_label_not_a_claim()
    {
        const string text = "The ICC was urged to investigate “warlord” Haftar after “very violent” fighting.";
        var (_, claims) = Extract(text, ("ICC", "ORG"), ("Haftar", "PER"));

        Assert.Empty(claims);
    }

    [Fact]
    public void Denied_and_claiming_give_their_modality()
    {
        const string text = "LNA spokesman Mesmari denied that Haftar’s forces retreated this weekend, claiming they seized more territory after fighting.";
        var (document, claims) = Extract(text, ("LNA", "ORG"), ("Mesmari", "PER"), ("Haftar", "PER"));

        Assert.Equal(2, claims.Count);
        Assert.Equal(Modality.Denied, claims[0].Modality);
        Assert.Equal("Mesmari", Speaker(document, claims[0]));
        Assert.StartsWith("Haftar’s forces retreated", Content(document, claims[0]), StringComparison.Ordinal);
        Assert.Equal(Modality.Alleged, claims[1].Modality);
    }

    [Fact]
    public void A_cue_at_the_end_of_the_sentence_gives_the_words_before_it()
    {
        const string text = "Fayez al-Sarraj urged the court to investigate the crimes, the Libya Observer reported.";
        var (document, claims) = Extract(text, ("Fayez al-Sarraj", "PER"), ("Libya Observer", "ORG"));

        var claim = Assert.Single(claims);
        Assert.Equal("Libya Observer", Speaker(document, claim));
        Assert.Equal("Fayez al-Sarraj urged the court to investigate the crimes", Content(document, claim));
    }

    [Fact]
    public void According_to_unnamed_sources_keeps_the_source_tied_to_its_group()
    {
        const string text = "As per LNA sources, he had played an active role in moving fighters to Tripoli.";
        var (document, claims) = Extract(text, ("LNA", "ORG"), ("Tripoli", "LOC"));

        var claim = Assert.Single(claims);
        Assert.Equal(ClaimForm.AccordingTo, claim.Form);
        Assert.Null(claim.SpeakerChain);
        Assert.Equal("LNA sources", Speaker(document, claim));
        Assert.Equal("LNA", document.Actors![claim.AffiliationChain!.Value].Name);
        Assert.StartsWith("he had played", Content(document, claim), StringComparison.Ordinal);
    }

    [Fact]
    public void According_to_a_role_then_a_name_is_the_name()
    {
        const string text = "According to the official representative of the LNA, Ahmed Mismari, the units began to advance towards Beni Walid.";
        var (document, claims) = Extract(text, ("LNA", "ORG"), ("Ahmed Mismari", "PER"), ("Beni Walid", "LOC"));

        var claim = Assert.Single(claims);
        Assert.Equal("Ahmed Mismari", Speaker(document, claim));
        Assert.Equal("LNA", document.Actors![claim.AffiliationChain!.Value].Name);
        Assert.Equal("the units began to advance towards Beni Walid", Content(document, claim));
    }

    [Fact]
    public void Two_sources_in_one_sentence_each_keep_their_own_words()
    {
        const string text = "According to the media close to Faiz Saraj, politicians consider the commander unwelcome, and according to the adviser Hashim Bisher, Tripoli is behind the red line.";
        var (document, claims) = Extract(text, ("Faiz Saraj", "PER"), ("Hashim Bisher", "PER"), ("Tripoli", "LOC"));

        Assert.Equal(2, claims.Count);
        Assert.Equal("politicians consider the commander unwelcome", Content(document, claims[0]));
        Assert.Null(claims[0].SpeakerChain);
        Assert.Equal("Faiz Saraj", document.Actors![claims[0].AffiliationChain!.Value].Name);
        Assert.Equal("Tripoli is behind the red line", Content(document, claims[1]));
    }

    [Fact]
    public void Hedges_in_what_is_said_make_it_hedged_and_passives_speak_for_nobody()
    {
        const string text = "Reuters reported that the drones were reportedly flown from Jufra. Forces loyal to Haftar were reported fighting near the town.";
        var (document, claims) = Extract(text, ("Reuters", "ORG"), ("Jufra", "LOC"), ("Haftar", "PER"));

        var claim = Assert.Single(claims);
        Assert.Equal("Reuters", Speaker(document, claim));
        Assert.Equal(Modality.Hedged, claim.Modality);
    }

    [Fact]
    public void Reports_and_claims_as_nouns_are_not_cues()
    {
        const string text = "News reports from Libya are often slanted in favour of Haftar. However, reports since then indicate two soldiers were killed. " +
                            "Reuters reports that Haftar left the town.";
        var (document, claims) = Extract(text, ("Reuters", "ORG"), ("Haftar", "PER"));

        var claim = Assert.Single(claims);
        Assert.Equal("Reuters", Speaker(document, claim));
    }

    [Fact]
    public void Places_never_speak()
    {
        const string text = "According to the well-known specialist in modern Libya, the coalition is on the verge of collapse.";
        var (_, claims) = Extract(text, ("Libya", "LOC"));

        Assert.Null(Assert.Single(claims).SpeakerChain);
    }

    [Fact]
    public void A_word_in_quotation_marks_can_be_the_speaker_of_a_quote()
    {
        const string text = "“Diplomats” tell Reuters that “Haftar for now will face no pressure from his backers.”";
        var (document, claims) = Extract(text, ("Reuters", "ORG"), ("Haftar", "PER"));

        var claim = Assert.Single(claims);
        Assert.Equal(ClaimForm.DirectQuote, claim.Form);
        Assert.Equal("Diplomats", Speaker(document, claim));
    }

    [Fact]
    public void A_cue_with_only_a_time_after_it_still_ends_the_sentence()
    {
        const string text = "Al-Qaeda has deployed reinforcements to Tripoli, a spokesman for the warlord’s forces claimed over the weekend.";
        var (document, claims) = Extract(text, ("Al-Qaeda", "ORG"), ("Tripoli", "LOC"));

        var claim = Assert.Single(claims);
        Assert.Equal("a spokesman for the warlord’s forces", document.Text[claim.SpeakerStart..claim.SpeakerEnd]);
        Assert.Equal("Al-Qaeda has deployed reinforcements to Tripoli", Content(document, claim));
        Assert.Equal(Modality.Alleged, claim.Modality);
    }

    [Fact]
    public void A_colon_gives_the_next_sentence_as_what_is_said()
    {
        const string text = "On Sunday, Reuters reported: Forces loyal to the government have pushed their opponents back.";
        var (document, claims) = Extract(text, ("Reuters", "ORG"));

        var claim = Assert.Single(claims);
        Assert.Equal("Reuters", Speaker(document, claim));
        Assert.StartsWith("Forces loyal to the government", Content(document, claim), StringComparison.Ordinal);
    }

    [Fact]
    public void It_added_is_the_source_of_the_claim_before()
    {
        const string text = "According to the Observatory, nearly 2 400 fighters had relocated to Tripoli. It added that 1 700 recruits had arrived in Turkey.";
        var (document, claims) = Extract(text, ("Tripoli", "LOC"), ("Turkey", "LOC"));

        Assert.Equal(2, claims.Count);
        Assert.All(claims, c => Assert.Equal("the Observatory", document.Text[c.SpeakerStart..c.SpeakerEnd]));
    }
}
