using Dossier.Core.Documents;
using Dossier.Core.Facts;
using Dossier.Facts.Claims;
using Dossier.Facts.Events;

namespace Dossier.Facts.Tests.Events;

public sealed class EventExtractorTests
{
    private static (Document Document, IReadOnlyList<ReportedEvent> Events) Extract(string text, params (string, string)[] entities)
    {
        var document = Articles.Make(text, entities);
        new ClaimExtractor().Process(document, CancellationToken.None);
        return (document, new EventExtractor().Extract(document));
    }

    private static string Name(Document document, int chain) => document.Actors![chain].Name;

    [Fact]
    public void An_attack_gets_its_weekday_date_place_sides_and_the_toll_of_the_next_sentence()
    {
        const string text = "In 2020 the war went on. On Wednesday, March 18, militants of the GNA attacked LNA positions in Ain Zara. " +
                            "However, the military repulsed the attack, which eliminated 36 terrorists.";
        var (document, events) = Extract(text, ("GNA", "ORG"), ("LNA", "ORG"), ("Ain Zara", "PER"));

        var attack = Assert.Single(events);
        Assert.Equal(EventType.Attack, attack.Type);
        Assert.Equal(new DateOnly(2020, 3, 18), attack.DateFirst);
        Assert.Equal("day", attack.DatePrecision);
        Assert.Equal("Wednesday, March 18", text[attack.DateStart!.Value..attack.DateEnd!.Value]);
        Assert.Equal("Ain Zara", Name(document, attack.PlaceChain!.Value));
        Assert.Equal(["GNA"], attack.Agents.Select(a => Name(document, a)));
        Assert.Equal(["LNA"], attack.Targets.Select(a => Name(document, a)));
        var killed = Assert.Single(attack.Counts);
        Assert.Equal(CountKind.Killed, killed.Kind);
        Assert.Equal(36, killed.Low);
        Assert.Equal("36", text[killed.Start..killed.End]);
    }

    [Fact]
    public void The_agent_is_the_subject_clause_past_asides_and_companions_and_the_target_ends_with_its_clause()
    {
        const string text = "In 2020 the war went on. On Wednesday, March 18, militants of the GNA, along with Syrian mercenaries (transferred by Turkey to Tripoli earlier), " +
                            "attacked the LNA, which has seized most of Libya with the help of Russia and Egypt.";
        var (document, events) = Extract(text, ("GNA", "ORG"), ("Syrian", "MISC"), ("Turkey", "LOC"), ("Tripoli", "LOC"), ("LNA", "ORG"), ("Libya", "LOC"), ("Russia", "LOC"), ("Egypt", "LOC"));

        var attack = Assert.Single(events);
        Assert.Equal(["GNA"], attack.Agents.Select(a => Name(document, a)));
        Assert.Equal(["LNA"], attack.Targets.Select(a => Name(document, a)));
    }

    [Fact]
    public void Actors_joined_by_and_share_their_role()
    {
        const string text = "In 2019 the war went on. The BDB and the Third Force attacked the LNA and the Tebu fighters near Sirte.";
        var (document, events) = Extract(text, ("BDB", "ORG"), ("Third Force", "ORG"), ("LNA", "ORG"), ("Tebu fighters", "ORG"), ("Sirte", "LOC"));

        var attack = Assert.Single(events);
        Assert.Equal(["BDB", "Third Force"], attack.Agents.Select(a => Name(document, a)));
        Assert.Equal(["LNA", "Tebu fighters"], attack.Targets.Select(a => Name(document, a)));
    }

    [Fact]
    public void Counts_keep_their_bounds_and_kinds()
    {
        const string text = "The fighting around Tripoli has killed more than 250 people and injured another 1,228, while nearly 600 families fled their homes.";
        var (_, events) = Extract(text, ("Tripoli", "LOC"));

        var clash = Assert.Single(events);
        Assert.Equal(EventType.ArmedClash, clash.Type);
        var killed = clash.Counts.Single(c => c.Kind == CountKind.Killed);
        Assert.Equal((250, "atleast"), (killed.Low, killed.Bound));
        Assert.Equal(1228, clash.Counts.Single(c => c.Kind == CountKind.Injured).Low);
    }

    [Fact]
    public void By_after_the_trigger_makes_the_agent()
    {
        const string text = "Benghazi was shelled by the Libyan National Army on Sunday.";
        var (document, events) = Extract(text, ("Benghazi", "LOC"), ("Libyan National Army", "ORG"));

        var shelling = Assert.Single(events);
        Assert.Equal(EventType.AirstrikeOrShelling, shelling.Type);
        Assert.Equal(["Libyan National Army"], shelling.Agents.Select(a => Name(document, a)));
        Assert.Empty(shelling.Targets);
        Assert.Equal("Benghazi", Name(document, shelling.PlaceChain!.Value));
    }

    [Fact]
    public void An_event_inside_a_claim_is_attributed_to_its_speaker_who_is_not_a_party()
    {
        const string text = "Ahmed Mismari said that the terrorists escaped from Benghazi in a column of vehicles.";
        var (document, events) = Extract(text, ("Ahmed Mismari", "PER"), ("Benghazi", "LOC"));

        var escape = Assert.Single(events);
        Assert.Equal(EventType.Escape, escape.Type);
        var claim = document.Claims![escape.Claim!.Value];
        Assert.Equal("Ahmed Mismari", Name(document, claim.SpeakerChain!.Value));
        Assert.DoesNotContain(claim.SpeakerChain!.Value, escape.Agents);
    }

    [Fact]
    public void A_trigger_in_an_opening_subordinate_clause_gives_way_to_the_main_clause()
    {
        const string text = "As fighting for Tripoli intensified, GNA loyal forces pushed forward with a counter-offensive against the LNA.";
        var (document, events) = Extract(text, ("GNA", "ORG"), ("LNA", "ORG"), ("Tripoli", "LOC"));

        var attack = Assert.Single(events);
        Assert.Equal(EventType.Attack, attack.Type);
        Assert.Equal("counter-offensive", text[attack.TriggerStart..attack.TriggerEnd]);
        Assert.Equal(["GNA"], attack.Agents.Select(a => Name(document, a)));
        Assert.Equal(["LNA"], attack.Targets.Select(a => Name(document, a)));
    }

    [Fact]
    public void Those_who_escape_are_the_agents_of_an_escape_which_has_no_target()
    {
        const string text = "Residents were shocked by the escape of an ISIS convoy from Benghazi at the dawn of Thursday.";
        var (document, events) = Extract(text, ("ISIS", "ORG"), ("Benghazi", "LOC"));

        var escape = Assert.Single(events);
        Assert.Equal(EventType.Escape, escape.Type);
        Assert.Equal(["ISIS"], escape.Agents.Select(a => Name(document, a)));
        Assert.Empty(escape.Targets);
    }

    [Fact]
    public void What_is_prevented_from_happening_is_no_event()
    {
        const string text = "Turkey sent troops to prevent renegade Gen. Khalifa Haftar’s Libyan National Army (LNA) from conquering Tripoli.";
        var (_, events) = Extract(text, ("Turkey", "LOC"), ("Khalifa Haftar", "PER"), ("Libyan National Army", "ORG"), ("LNA", "ORG"), ("Tripoli", "LOC"));

        Assert.Empty(events);
    }

    [Theory]
    [InlineData("Turkey had offered a salary to jihadists for fighting on the side of the GNA.")]
    [InlineData("It is unlikely that Haftar will decide on a direct clash with the GNA.")]
    [InlineData("The success in Jufra creates the prerequisites for the further offensive of the LNA on Tripoli.")]
    [InlineData("The GNA lacks a formal fighting force of its own.")]
    [InlineData("Peace talks have been delayed again as fighting continues.")]
    public void A_purpose_a_likelihood_a_future_offensive_a_fighting_force_or_fighting_with_no_one_is_no_event(string text)
    {
        var (_, events) = Extract(text, ("Turkey", "LOC"), ("GNA", "ORG"), ("Haftar", "PER"), ("Jufra", "LOC"), ("LNA", "ORG"), ("Tripoli", "LOC"));

        Assert.Empty(events);
    }

    [Fact]
    public void An_arrest_of_someone_unnamed_is_still_an_event()
    {
        var (_, events) = Extract("A control room engineer was arrested.");

        Assert.Equal(EventType.Arrest, Assert.Single(events).Type);
    }

    [Fact]
    public void A_sentence_without_a_trigger_is_no_event()
    {
        const string text = "Khalifa Haftar is a former general who lived in Virginia for many years.";
        var (_, events) = Extract(text, ("Khalifa Haftar", "PER"), ("Virginia", "LOC"));

        Assert.Empty(events);
    }
}
