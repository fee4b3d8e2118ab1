using Dossier.Actors.InArticle;
using Dossier.Core.Actors;

namespace Dossier.Actors.Tests.InArticle;

public sealed class ArticleLinkerTests
{
    private readonly ArticleLinker linker = new(Articles.Countries);

    private IReadOnlyList<ArticleActor> Link(string text, params (string, string)[] entities)
    {
        var document = Articles.Make(text, entities);
        return linker.Link(document);
    }

    private static ArticleActor ActorOf(IReadOnlyList<ArticleActor> actors, string text, string spelling)
        => actors.Single(a => a.Mentions.Any(m => text[m.Start..m.End] == spelling));

    [Fact]
    public void Surnames_and_translated_endings_join_the_full_name()
    {
        const string text = "Khalifa Haftar ordered the attack. Haftar said it would end soon. Supporters of Haftaru gathered.";
        var actors = Link(text, ("Khalifa Haftar", "PER"), ("Haftaru", "PER"), ("Haftar", "PER"));

        var haftar = Assert.Single(actors);
        Assert.Equal("Khalifa Haftar", haftar.Name);
        Assert.Equal(ActorKind.Person, haftar.Kind);
        Assert.Equal(3, haftar.Mentions.Count);
        Assert.All(haftar.Mentions.Skip(1), m => Assert.Equal(MentionForm.PartialName, m.Form));
        Assert.Contains("Khalifa Haftar", haftar.Mentions[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_surname_the_recognizer_passed_over_is_still_a_mention_of_the_full_name()
    {
        const string text = "Khalifa Haftar spoke on Monday. Diplomats said “Haftar for now will face no pressure.”";
        var actors = Link(text, ("Khalifa Haftar", "PER"));

        var haftar = Assert.Single(actors);
        Assert.Equal(["Khalifa Haftar", "Haftar"], haftar.Mentions.Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void A_groups_initials_in_capitals_stand_for_it_but_not_inside_a_headline_in_capitals()
    {
        const string text = "WHAT IS LEFT OF THE CALIPHATE\nThe Islamic State lost Sirte in 2016. Later an IS convoy fled south.";
        var actors = Link(text, ("Islamic State", "ORG"));

        var group = Assert.Single(actors);
        Assert.Equal(["Islamic State", "IS"], group.Mentions.Select(m => text[m.Start..m.End]));
        Assert.Equal(text.LastIndexOf("IS", StringComparison.Ordinal), group.Mentions[1].Start);
    }

    [Fact]
    public void A_persons_name_goes_on_through_a_surname_joined_to_its_particle()
    {
        const string text = "Mohammed Al-Ghasri, a spokesman for the group, spoke. Al-Ghasri said the convoy fled.";
        var actors = Link(text, ("Mohammed", "PER"));

        var person = Assert.Single(actors);
        Assert.Equal("Mohammed Al-Ghasri", person.Name);
        Assert.Equal(["Mohammed Al-Ghasri", "Al-Ghasri"], person.Mentions.Where(m => m.Form != MentionForm.Pronoun).Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void A_name_run_together_with_a_country_is_two_actors()
    {
        const string text = "Khalifa Haftar spoke. The campaign was joined by the main allies of Haftar Egypt and France.";
        var actors = Link(text, ("Khalifa Haftar", "PER"), ("Haftar Egypt", "LOC"), ("France", "LOC"));

        Assert.Equal(["Egypt", "France", "Khalifa Haftar"], actors.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal(ActorKind.State, actors.Single(a => a.Name == "Egypt").Kind);
        Assert.Equal(2, actors.Single(a => a.Name == "Khalifa Haftar").Mentions.Count);
    }

    [Fact]
    public void A_span_no_other_article_has_gives_way_to_the_known_names_that_cross_it()
    {
        const string text = "The plan was backed by the Head of the Presidential Council Fayez Al-Sarraj on Sunday.";
        var known = new KnownNames([("Presidential Council", ActorKind.Government), ("Fayez al-Sarraj", ActorKind.Person), ("Presidential Council Fayez", ActorKind.Government)]);
        var actors = new ArticleLinker(Articles.Countries, known).Link(Articles.Make(text, ("Presidential Council Fayez", "ORG")));

        Assert.Equal(["Fayez Al-Sarraj", "Presidential Council"], actors.Select(a => a.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_proper_noun_sounding_as_a_name_of_the_article_is_that_name_written_otherwise()
    {
        const string text = "Khalifa Haftar took Derna and then Qatar objected. An alliance between Hoftar and Saraj held. "
                            + "The anti-Kathar campaign began in Dern. Hafter is a word the tagger did not call a name. Fayez Al-Sarraj spoke; al-Sarraj’s men left.";
        var actors = new ArticleLinker(Articles.Countries).Link(Articles.Make(text, ["Hoftar", "Saraj", "Dern"],
            ("Khalifa Haftar", "PER"), ("Derna", "LOC"), ("Qatar", "LOC"), ("Saraj", "PER"), ("Fayez Al-Sarraj", "PER")));

        Assert.Equal(["Khalifa Haftar", "Hoftar"], ActorOf(actors, text, "Hoftar").Mentions.Select(m => text[m.Start..m.End]));
        Assert.Equal(["Derna", "Dern"], ActorOf(actors, text, "Derna").Mentions.Select(m => text[m.Start..m.End]));
        var qatar = ActorOf(actors, text, "Kathar");
        Assert.Equal(["Qatar", "Kathar"], qatar.Mentions.Select(m => text[m.Start..m.End]));
        Assert.Equal(ActorKind.State, qatar.Kind);
        Assert.DoesNotContain(actors, a => a.Mentions.Any(m => text[m.Start..m.End] == "Hafter"));
        Assert.Equal(["Saraj", "Fayez Al-Sarraj", "al-Sarraj"], ActorOf(actors, text, "Fayez Al-Sarraj").Mentions.Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void A_name_the_corpus_knows_finds_its_other_spellings_where_they_read_as_names()
    {
        const string text = "Fighters from Al-Qaeda crossed near Sirte; Zawiya fell. Later al-Qaeda left, and Zawiya was quiet.";
        var known = new KnownNames([("Al-Qaida", ActorKind.ArmedGroup), ("Zawiyah", ActorKind.Place)]);
        var actors = new ArticleLinker(Articles.Countries, known).Link(Articles.Make(text, [], ("Sirte", "LOC")));

        var group = ActorOf(actors, text, "Al-Qaeda");
        Assert.Equal(["Al-Qaeda", "al-Qaeda"], group.Mentions.Select(m => text[m.Start..m.End]));
        Assert.Equal(ActorKind.ArmedGroup, group.Kind);

        // "Zawiya" was not tagged a proper noun here.
        Assert.DoesNotContain(actors, a => a.Mentions.Any(m => text[m.Start..m.End] == "Zawiya"));
    }

    [Fact]
    public void A_one_word_name_of_actors_in_two_articles_is_found_as_written_or_in_capitals_but_never_in_small_letters()
    {
        const string text = "Fighters of Jadira claimed the attack near Sirte. Later JADIRA fighters left. Security was tight, and a jadira of tribes met.";
        var known = new KnownNames([("Jadira", ActorKind.ArmedGroup), ("Jadira", ActorKind.ArmedGroup), ("Security", ActorKind.Organization), ("Security", ActorKind.Organization)]);
        var actors = new ArticleLinker(Articles.Countries, known).Link(Articles.Make(text, [], ("Sirte", "LOC")));

        Assert.Equal(["Jadira", "JADIRA"], ActorOf(actors, text, "Jadira").Mentions.Select(m => text[m.Start..m.End]));
        Assert.DoesNotContain(actors, a => a.Mentions.Any(m => text[m.Start..m.End] is "jadira" or "Security"));
    }

    [Fact]
    public void A_one_word_name_of_one_actor_alone_is_not_looked_for()
    {
        const string text = "Jadira claimed the attack near Sirte.";
        var known = new KnownNames([("Jadira", ActorKind.ArmedGroup)]);
        var actors = new ArticleLinker(Articles.Countries, known).Link(Articles.Make(text, [], ("Sirte", "LOC")));

        Assert.Equal(["Sirte"], actors.Select(a => a.Name));
    }

    [Fact]
    public void A_short_acronym_the_corpus_knows_is_found_written_with_dots()
    {
        const string text = "Badi directed men as well as a U.N.-sanctioned trafficker. The U.N. has accused him. UN is not looked for.";
        var known = new KnownNames([("UN", ActorKind.Government)]);
        var actors = new ArticleLinker(Articles.Countries, known).Link(Articles.Make(text, ("Badi", "PER")));

        var un = ActorOf(actors, text, "U.N.");
        Assert.Equal(["U.N.", "U.N."], un.Mentions.Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void The_outlet_is_the_nearest_media_outlet_named_before_it()
    {
        const string text = "One diplomatic source told Reuters: “There is an oversimplification. It is not just Haftar. There are groups allied to al Qaeda.” "
                            + "According to the outlet, one of them is Salah Badi.";
        var actors = Link(text, ("Reuters", "ORG"), ("Haftar", "PER"), ("al Qaeda", "ORG"), ("Salah Badi", "PER"));

        Assert.Equal(["Reuters", "the outlet"], ActorOf(actors, text, "Reuters").Mentions.Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void A_government_the_article_only_describes_is_the_one_other_articles_describe_so()
    {
        const string text = "Forces loyal to the internationally-recognized government held. Haftar vowed to rid the capital of terrorists allied with the UN-recognized government.";
        var known = new KnownNames([("Haftar", ActorKind.Person)],
            [("internationally recognized government", "Government of National Accord", ActorKind.Government),
             ("the U.N.-backed government", "Government of National Accord", ActorKind.Government)]);
        var actors = new ArticleLinker(Articles.Countries, known).Link(Articles.Make(text, ("Haftar", "PER")));

        var government = ActorOf(actors, text, "the UN-recognized government");
        Assert.Equal("Government of National Accord", government.Name);
        Assert.Equal(ActorKind.Government, government.Kind);
        Assert.Equal(["the internationally-recognized government", "the UN-recognized government"], government.Mentions.Select(m => text[m.Start..m.End]));
        Assert.Contains("other articles call Government of National Accord", government.Mentions[0].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the UN-recognized government", "internationally recognized government")]
    [InlineData("the U.N.-backed government", "internationally recognized government")]
    [InlineData("internationally-recognised government", "internationally recognized government")]
    [InlineData("the legitimate government of Libya", "legitimate government of libya")]
    [InlineData("the group", null)]
    public void A_description_of_a_government_reads_the_same_however_it_is_written(string description, string? key)
        => Assert.Equal(key, KnownNames.DescriptionKey(description));

    [Fact]
    public void A_description_articles_use_for_different_governments_names_none()
    {
        var known = new KnownNames([], [("the interim government", "Interim Government", ActorKind.Government), ("the interim government", "Government of National Accord", ActorKind.Government)]);

        Assert.Null(known.DescribedAs("the interim government"));
    }

    [Fact]
    public void A_persons_name_takes_in_the_proper_noun_the_recognizer_left_before_it()
    {
        const string text = "Khalifa Haftar spoke. Saraj did not want a confrontation with Caliph Haftar. Perhaps it was Seif Al-Islam Gaddafi. President Sisi agreed. Yesterday Haftar left.";
        var actors = linker.Link(Articles.Make(text, ["Caliph", "Seif", "President", "Yesterday"], ("Khalifa Haftar", "PER"), ("Saraj", "PER"), ("Al-Islam Gaddafi", "PER"), ("Sisi", "PER")));

        Assert.Equal(["Khalifa Haftar", "Caliph Haftar", "Haftar"], ActorOf(actors, text, "Khalifa Haftar").Mentions.Select(m => text[m.Start..m.End]));
        Assert.Single(actors, a => a.Name == "Seif Al-Islam Gaddafi");
        Assert.Single(actors, a => a.Name == "Sisi");
    }

    [Fact]
    public void A_surname_two_people_share_stays_apart_when_neither_was_named_nearby()
    {
        const string text = "Muammar Gaddafi ruled for decades. One. Two. Three. Four. Perhaps it was Seif Al-Islam Gaddafi. Five. Six. Seven. Eight. Nine. "
                            + "Revolutionaries overthrew the Gaddafi regime. Seif Al-Islam Gaddafi was freed. Gaddafi said nothing.";
        var actors = Link(text, ("Muammar Gaddafi", "PER"), ("Seif Al-Islam Gaddafi", "PER"), ("Gaddafi", "PER"));

        Assert.Equal(3, actors.Count);
        var regime = text.IndexOf("Gaddafi regime", StringComparison.Ordinal);
        var alone = actors.Single(a => a.Mentions.Any(m => m.Start == regime));
        Assert.Single(alone.Mentions);
        Assert.Contains("share the name", alone.Mentions[0].Reason, StringComparison.Ordinal);
        Assert.Equal(3, ActorOf(actors, text, "Seif Al-Islam Gaddafi").Mentions.Count);
    }

    [Fact]
    public void A_bodys_name_goes_on_over_government_before_and_after_it()
    {
        const string text = "Opponents from the “government of national salvation” fled. The Government of National Salvation was led by Gweil. "
                            + "Some support the so-called national salvation government still.";
        var actors = Link(text, ("national salvation", "ORG"), ("National Salvation", "ORG"), ("Gweil", "PER"));

        var government = ActorOf(actors, text, "Government of National Salvation");
        Assert.Equal(ActorKind.Government, government.Kind);
        Assert.Equal(["government of national salvation", "Government of National Salvation", "national salvation government"],
            government.Mentions.Where(m => m.Form != MentionForm.Description).Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void An_acronym_defined_after_no_break_spaces_joins_its_name()
    {
        const string text = "According to India’s World Is One\u00A0News\u00A0(WION), the spokesman spoke. WION said more.";
        var actors = Link(text, ("India", "LOC"));

        var outlet = ActorOf(actors, text, "WION");
        Assert.Equal(["World Is One\u00A0News", "WION", "WION"], outlet.Mentions.Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void The_egyptians_are_egypt_and_the_parliament_is_the_one_the_article_names()
    {
        const string text = "Egypt backs Haftar. The House of Representatives met in Tobruk. Its influence is weaker than the Egyptians’ influence, and the parliament in Tobruk agreed.";
        var actors = Link(text, ("Egypt", "LOC"), ("Haftar", "PER"), ("House of Representatives", "ORG"), ("Tobruk", "LOC"));

        Assert.Equal(["Egypt", "Egyptians"], ActorOf(actors, text, "Egypt").Mentions.Select(m => text[m.Start..m.End]));
        Assert.Equal(["House of Representatives", "the parliament"], ActorOf(actors, text, "House of Representatives").Mentions.Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void A_description_with_a_name_among_its_modifiers_still_describes_but_the_haftar_government_is_not_the_gna()
    {
        const string text = "Ahmad Al-Mesmari, a spokesman for the LNA, spoke. The Government of National Accord objected. "
                            + "Besides the LNA spokesman, critics spoke. The Haftar government in Baida did not.";
        var actors = Link(text, ("Ahmad Al-Mesmari", "PER"), ("LNA", "ORG"), ("Government of National Accord", "ORG"), ("Haftar", "PER"), ("Baida", "LOC"));

        Assert.Contains("the LNA spokesman", ActorOf(actors, text, "Ahmad Al-Mesmari").Mentions.Select(m => text[m.Start..m.End]));
        Assert.Equal(2, ActorOf(actors, text, "LNA").Mentions.Count);
        Assert.Equal(["Government of National Accord"], ActorOf(actors, text, "Government of National Accord").Mentions.Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void A_quoted_name_with_a_word_of_its_kind_is_one_name_whatever_was_found_inside_it()
    {
        const string text = "After the launch of the “Operation Dignity” by Haftar, a commander of the “Council of Benghazi Revolutionaries’ Shura” fled. "
                            + "Islamists from the “Third Power” and “Diplomats” spoke.";
        var actors = Link(text, ("Haftar", "PER"), ("Benghazi", "LOC"), ("Shura", "ORG"));

        Assert.Equal(ActorKind.ArmedGroup, ActorOf(actors, text, "Operation Dignity").Kind);
        Assert.Single(ActorOf(actors, text, "Council of Benghazi Revolutionaries’ Shura").Mentions);
        Assert.DoesNotContain(actors, a => a.Mentions.Any(m => text[m.Start..m.End] is "Benghazi" or "Shura" or "Third Power" or "Diplomats"));
    }

    [Fact]
    public void A_foreign_capital_stands_for_its_state_except_where_it_is_a_place()
    {
        const string text = "Turkey sent drones to Libya. Ankara dropped all claims against him. "
                            + "He flew from Tripoli to Istanbul, and Tripoli is behind the red line. The group was blamed by Washington. "
                            + "Cairo said nothing; the writer is based in Cairo, and another in Washington, DC.";
        var actors = Link(text, ("Turkey", "LOC"), ("Libya", "LOC"), ("Ankara", "LOC"), ("Tripoli", "LOC"), ("Istanbul", "LOC"), ("Washington", "LOC"), ("Cairo", "LOC"));

        var turkey = ActorOf(actors, text, "Ankara");
        Assert.Equal(["Turkey", "Ankara"], turkey.Mentions.Select(m => text[m.Start..m.End]));
        Assert.Contains("capital", turkey.Mentions[1].Reason + turkey.KindReason, StringComparison.Ordinal);
        var washington = actors.Where(a => a.Mentions.Any(m => text[m.Start..m.End] == "Washington")).ToList();
        Assert.Equal(new[] { ActorKind.Place, ActorKind.State }.Order(), washington.Select(a => a.Kind).Order());
        Assert.Equal("United States", washington.Single(a => a.Kind == ActorKind.State).Name);
        Assert.Equal(ActorKind.Place, ActorOf(actors, text, "Tripoli").Kind);
        Assert.All(actors.Where(a => a.Mentions.Any(m => text[m.Start..m.End] == "Cairo")), a => Assert.Equal(ActorKind.Place, a.Kind));
    }

    [Fact]
    public void A_description_of_the_one_government_the_article_names_is_that_government()
    {
        const string text = "Al-Qaeda and the Islamic State have deployed reinforcements to the legitimate government of Libya, the Government of National Accord (GNA), "
                            + "to prevent Haftar from taking Tripoli. Forces loyal to Libya’s internationally recognized government have pushed back.";
        var actors = Link(text, ("Islamic State", "ORG"), ("Libya", "LOC"), ("Government of National Accord", "ORG"), ("GNA", "ORG"), ("Haftar", "PER"), ("Tripoli", "LOC"));

        var government = ActorOf(actors, text, "GNA");
        Assert.Contains("the legitimate government of Libya", government.Mentions.Select(m => text[m.Start..m.End]));
        Assert.Contains("internationally recognized government", government.Mentions.Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void The_government_of_a_person_is_the_one_government_the_article_names_but_the_breakaway_government_is_not()
    {
        const string text = "The Government of National Unity met. It is quite clear that the government of Saraj is meant. The breakaway government in Baida objected.";
        var actors = Link(text, ("Government of National Unity", "ORG"), ("Saraj", "PER"), ("Baida", "LOC"));

        var government = ActorOf(actors, text, "Government of National Unity");
        Assert.Equal(["Government of National Unity", "the government of Saraj"], government.Mentions.Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void Titles_in_a_row_describe_the_one_person_who_has_them_and_the_pm_is_the_prime_minister()
    {
        const string text = "General Khalifa Haftar spoke. Prime Minister Fayez al-Sarraj answered. Critics turned on the strongman general. The PM urged calm.";
        var actors = Link(text, ("Khalifa Haftar", "PER"), ("Fayez al-Sarraj", "PER"));

        Assert.Contains("the strongman general", ActorOf(actors, text, "Khalifa Haftar").Mentions.Select(m => text[m.Start..m.End]));
        Assert.Contains("The PM", ActorOf(actors, text, "Fayez al-Sarraj").Mentions.Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void A_recognized_span_other_articles_have_too_stays_whole()
    {
        const string text = "The plan was backed by the Head of the Presidential Council Fayez Al-Sarraj on Sunday.";
        var known = new KnownNames([("Fayez al-Sarraj", ActorKind.Person), ("Presidential Council Fayez", ActorKind.Government), ("Presidential Council Fayez", ActorKind.Government)]);
        var actors = new ArticleLinker(Articles.Countries, known).Link(Articles.Make(text, ("Presidential Council Fayez", "ORG")));

        Assert.Equal(["Presidential Council Fayez"], actors.Select(a => a.Name));
    }

    [Fact]
    public void A_surname_shared_by_two_people_goes_to_the_nearest_before_it()
    {
        const string text = "Muammar Gaddafi ruled for decades. His son Seif al-Islam Gaddafi was arrested in Zintan. Gaddafi denied the charges.";
        var actors = Link(text, ("Muammar Gaddafi", "PER"), ("Seif al-Islam Gaddafi", "PER"), ("Gaddafi", "PER"), ("Zintan", "LOC"));

        var son = ActorOf(actors, text, "Seif al-Islam Gaddafi");
        Assert.Equal(["Seif al-Islam Gaddafi", "Gaddafi"], son.Mentions.Where(m => m.Form != MentionForm.Pronoun).Select(m => text[m.Start..m.End]));
        Assert.Equal(["Muammar Gaddafi"], ActorOf(actors, text, "Muammar Gaddafi").Mentions.Where(m => m.Form != MentionForm.Pronoun).Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void An_acronym_defined_in_parentheses_joins_its_name_even_after_a_possessive()
    {
        const string text = "Forces of the Libyan Government of National Accord’s (GNA) advanced. The GNA said it took the airport.";
        var actors = Link(text, ("National Accord", "ORG"), ("GNA", "ORG"));

        var government = ActorOf(actors, text, "GNA");
        Assert.Equal("Government of National Accord", government.Name);
        Assert.Equal(ActorKind.Government, government.Kind);
        Assert.Equal(3, government.Mentions.Count);
        Assert.Contains(government.Mentions, m => m.Form == MentionForm.Acronym && m.Reason.Contains("parentheses", StringComparison.Ordinal));
    }

    [Fact]
    public void An_acronym_before_its_name_in_parentheses_is_defined_too()
    {
        const string text = "Supporters of the NUP (Government of National Unity) fought in Tripoli. The NUP won.";
        var actors = Link(text, ("NUP", "ORG"), ("Tripoli", "LOC"));

        var government = ActorOf(actors, text, "NUP");
        Assert.Equal("Government of National Unity", government.Name);
        Assert.Equal(3, government.Mentions.Count);
    }

    [Fact]
    public void An_acronym_defined_nowhere_joins_the_one_name_with_its_initials()
    {
        const string text = "The Libyan National Army moved south. Later the LNA took Sokna.";
        var actors = Link(text, ("Libyan National Army", "ORG"), ("LNA", "ORG"), ("Sokna", "LOC"));

        var army = ActorOf(actors, text, "LNA");
        Assert.Equal("Libyan National Army", army.Name);
        Assert.Equal(ActorKind.ArmedGroup, army.Kind);
        Assert.Contains(army.Mentions, m => m.Reason.StartsWith("the initials of", StringComparison.Ordinal));
    }

    [Fact]
    public void A_title_in_the_text_lets_the_marshal_find_its_person()
    {
        const string text = "Field Marshal Khalifa Haftar met Fayez al-Sarraj in Abu Dhabi. Sarraj spoke first. The marshal did not answer questions.";
        var actors = Link(text, ("Khalifa Haftar", "PER"), ("Fayez al-Sarraj", "PER"), ("Sarraj", "PER"), ("Abu Dhabi", "LOC"));

        var haftar = ActorOf(actors, text, "Khalifa Haftar");
        var description = Assert.Single(haftar.Mentions, m => m.Form == MentionForm.Description);
        Assert.Equal("The marshal", text[description.Start..description.End]);
        Assert.Contains("marshal", description.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_given_by_a_recognizer_span_is_stripped_and_makes_a_person()
    {
        const string text = "Forces loyal to Field Marshal Haftar shelled the port.";
        var actors = Link(text, ("Field Marshal Haftar", "ORG"));

        var haftar = Assert.Single(actors);
        Assert.Equal("Haftar", haftar.Name);
        Assert.Equal(ActorKind.Person, haftar.Kind);
    }

    [Fact]
    public void He_goes_to_the_nearest_person_before_it()
    {
        const string text = "Ahmed Mismari spoke on Sunday. He said the army had advanced.";
        var actors = Link(text, ("Ahmed Mismari", "PER"));

        var pronoun = Assert.Single(Assert.Single(actors).Mentions, m => m.Form == MentionForm.Pronoun);
        Assert.Equal("He", text[pronoun.Start..pronoun.End]);
    }

    [Fact]
    public void He_opening_a_sentence_is_the_subject_of_the_sentence_before_and_a_later_he_in_it_is_the_same_man()
    {
        const string text = "Apparently, Faiz Saraj did not want a confrontation with Caliph Haftar. He stated that the government he headed gave no orders.";
        var actors = Link(text, ("Faiz Saraj", "PER"), ("Caliph Haftar", "PER"));

        var saraj = ActorOf(actors, text, "Faiz Saraj");
        Assert.Equal(["He", "he"], saraj.Mentions.Where(m => m.Form == MentionForm.Pronoun).Select(m => text[m.Start..m.End]));
        Assert.DoesNotContain(ActorOf(actors, text, "Caliph Haftar").Mentions, m => m.Form == MentionForm.Pronoun);
        Assert.Contains("subject of the sentence before", saraj.Mentions.First(m => m.Form == MentionForm.Pronoun).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void He_inside_a_sentence_still_goes_to_the_nearest_person_before_it()
    {
        const string text = "Faiz Saraj met Khalifa Haftar, who said he would not attack.";
        var actors = Link(text, ("Faiz Saraj", "PER"), ("Khalifa Haftar", "PER"));

        Assert.Contains(ActorOf(actors, text, "Khalifa Haftar").Mentions, m => m.Form == MentionForm.Pronoun);
    }

    [Fact]
    public void A_nationality_word_before_an_actor_noun_stands_for_its_state()
    {
        const string text = "Turkey sent help. Turkish drones struck the base while Egyptian aviation bombed Jufra.";
        var actors = Link(text, ("Turkey", "LOC"), ("Jufra", "LOC"));

        var turkey = ActorOf(actors, text, "Turkey");
        Assert.Equal(ActorKind.State, turkey.Kind);
        Assert.Contains(turkey.Mentions, m => m.Form == MentionForm.Nationality && text[m.Start..m.End] == "Turkish");
        var egypt = ActorOf(actors, text, "Egyptian");
        Assert.Equal("Egypt", egypt.Name);
    }

    [Fact]
    public void The_group_goes_to_the_nearest_group_but_a_named_militia_does_not()
    {
        const string text = "Ansar al-Sharia attacked the consulate. The group denied it. The Misurati militia stayed out.";
        var actors = Link(text, ("Ansar al-Sharia", "ORG"));

        var ansar = Assert.Single(actors);
        Assert.Equal(ActorKind.ArmedGroup, ansar.Kind);
        Assert.Contains(ansar.Mentions, m => text[m.Start..m.End] == "The group");
        Assert.DoesNotContain(ansar.Mentions, m => text[m.Start..m.End].Contains("Misurati", StringComparison.Ordinal));
    }

    [Fact]
    public void The_group_of_the_words_after_it_is_no_group_named_before()
    {
        const string text = "Ansar al-Sharia attacked the consulate. The group of reserve airmen left for Turkey.";
        var actors = Link(text, ("Ansar al-Sharia", "ORG"), ("Turkey", "LOC"));

        Assert.DoesNotContain(actors, a => a.Mentions.Any(m => text[m.Start..m.End] == "The group"));
    }

    [Fact]
    public void The_terrorist_group_passes_over_a_state_force_named_nearer()
    {
        const string text = "Ansar al-Sharia held the port. Iraqi forces near the road vowed to defeat the terrorist group.";
        var actors = linker.Link(Dossier.Tests.Shared.HandBuiltArticles.Make(text, NounsAnd(text, "Iraqi"), ("Ansar al-Sharia", "ORG")));

        Assert.Contains(ActorOf(actors, text, "Ansar al-Sharia").Mentions, m => text[m.Start..m.End] == "the terrorist group");
        Assert.DoesNotContain(ActorOf(actors, text, "Iraqi forces").Mentions, m => text[m.Start..m.End] == "the terrorist group");
    }

    [Fact]
    public void A_head_word_decides_the_kind_over_the_recognizer_type()
    {
        const string text = "The Benghazi Defense Brigade entered Sirte, Reuters reported.";
        var actors = Link(text, ("Benghazi Defense Brigade", "LOC"), ("Sirte", "LOC"), ("Reuters", "ORG"));

        Assert.Equal(ActorKind.ArmedGroup, ActorOf(actors, text, "Benghazi Defense Brigade").Kind);
        Assert.Equal(ActorKind.Media, ActorOf(actors, text, "Reuters").Kind);
        Assert.Equal(ActorKind.Place, ActorOf(actors, text, "Sirte").Kind);
    }

    [Fact]
    public void A_list_of_states_found_as_one_name_is_split()
    {
        const string text = "Help came from the United Arab Emirates, Egypt and Russia.";
        var actors = Link(text, ("United Arab Emirates, Egypt", "ORG"), ("Russia", "LOC"));

        Assert.Equal(["United Arab Emirates", "Egypt", "Russia"], actors.Select(a => a.Name));
        Assert.All(actors, a => Assert.Equal(ActorKind.State, a.Kind));
    }

    [Fact]
    public void A_name_an_editors_bracket_cut_in_two_is_one_person()
    {
        const string text = "They still see him as the best bet since the ousting of [Libyan leader Muammar] Gaddafi in 2011. Muammar was no ally.";
        var actors = Link(text, ("Muammar", "PER"), ("Gaddafi", "PER"));

        var person = Assert.Single(actors);
        Assert.Equal("Muammar Gaddafi", person.Name);
        Assert.Equal(["Muammar", "Gaddafi", "Muammar"], person.Mentions.Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void A_place_written_with_and_without_a_russian_case_ending_is_one_place()
    {
        const string text = "Islamists attacked oil facilities in Ras- Lanufe and Sidre last year. Later the LNA regained control of Ras Lanuf and Sidr. "
                            + "It took the settlements of Hun, Sokna, Waddan and others, after strikes on Jufra Huna, Waddana. Jufra fell. "
                            + "Marina said nothing to Marin.";
        var actors = new ArticleLinker(Articles.Countries).Link(Articles.Make(text, ["Ras", "Lanufe", "Sidre", "Lanuf", "Sidr", "Hun", "Waddana", "Marina", "Marin"],
            ("Jufra Huna", "LOC"), ("Jufra", "LOC"), ("Sokna", "LOC"), ("Waddan", "LOC"), ("LNA", "ORG")));

        Assert.Equal(["Ras- Lanufe", "Ras Lanuf"], ActorOf(actors, text, "Ras Lanuf").Mentions.Select(m => text[m.Start..m.End]));
        Assert.Equal(["Sidre", "Sidr"], ActorOf(actors, text, "Sidr").Mentions.Select(m => text[m.Start..m.End]));
        Assert.Equal(["Hun", "Huna"], ActorOf(actors, text, "Hun").Mentions.Select(m => text[m.Start..m.End]));
        Assert.Equal(["Jufra", "Jufra"], ActorOf(actors, text, "Jufra").Mentions.Select(m => text[m.Start..m.End]));
        Assert.Equal(ActorKind.Place, ActorOf(actors, text, "Sidre").Kind);

        // Nothing says Marin is a place, nor a name.
        Assert.DoesNotContain(actors, a => a.Mentions.Any(m => text[m.Start..m.End].StartsWith("Marin", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_quoted_group_name_translated_with_power_for_force_is_the_group_the_article_names()
    {
        const string text = "The coalition consists mainly of the Third Force from Misrata. Experts point to disagreement between the Islamists "
                            + "of the “Third Power” coalition and the BZB. The commander of the “Third Force” forces was removed. No “Great Power” was named.";
        var actors = Link(text, ("Third Force", "ORG"), ("Misrata", "LOC"), ("BZB", "ORG"));

        var group = ActorOf(actors, text, "Third Power");
        Assert.Equal(["Third Force", "Third Power", "Third Force"], group.Mentions.Select(m => text[m.Start..m.End]));
        Assert.Equal(ActorKind.ArmedGroup, group.Kind);
        Assert.DoesNotContain(actors, a => a.Mentions.Any(m => text[m.Start..m.End] == "Great Power"));
    }

    [Fact]
    public void Parliament_after_a_preposition_is_the_one_legislature_the_article_names()
    {
        const string text = "The House of Representatives sits in Tobruk. He was freed under the amnesty law passed by parliament in Tobruk. "
                            + "Libya has never had a parliament of its own in Tripoli.";
        var actors = Link(text, ("House of Representatives", "ORG"), ("Tobruk", "LOC"), ("Libya", "LOC"), ("Tripoli", "LOC"));

        Assert.Equal(["House of Representatives", "parliament"], ActorOf(actors, text, "House of Representatives").Mentions.Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void Capitalized_words_with_a_word_of_their_kind_are_a_name_the_recognizer_missed()
    {
        const string text = "Few Good Men in Post-NATO Libyan Quagmire as Jihadists Battle On\nTurkish Forces were seen. The Syrian Observatory for Human Rights "
                            + "published an investigation. Outlets are accusing the Saiga Forces Captain Mahmoud Al-Wirfally of the escape.";
        var actors = linker.Link(Articles.Make(text, ["Post-NATO", "Quagmire", "Observatory", "Syrian", "Saiga", "Forces", "Turkish"], ("Mahmoud Al-Wirfally", "PER")));

        Assert.Equal(ActorKind.Organization, actors.Single(a => a.Name == "Syrian Observatory for Human Rights").Kind);
        Assert.Equal(ActorKind.ArmedGroup, actors.Single(a => a.Name == "Saiga Forces").Kind);
        Assert.Single(actors, a => a.Name == "Mahmoud Al-Wirfally");

        // A nationality and its forces are the state's, left to the nationality rule; a headline's capitals say nothing.
        Assert.Equal(["Mahmoud Al-Wirfally", "Saiga Forces", "Syrian Observatory for Human Rights", "Türkiye"], actors.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["Turkish"], ActorOf(actors, text, "Turkish").Mentions.Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void Three_capitalized_words_with_a_word_of_their_kind_are_a_name_even_when_tagged_as_adjectives()
    {
        const string text = "Officials said the Syrian Democratic Forces advanced on the town. The SDF took it by noon.";
        var actors = linker.Link(Articles.Make(text, ["SDF"], ("Syrian", "MISC")));

        var forces = actors.Single(a => a.Name == "Syrian Democratic Forces");
        Assert.Equal(ActorKind.ArmedGroup, forces.Kind);
        Assert.Equal(["Syrian Democratic Forces", "SDF"], forces.Mentions.Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void Two_capitalized_words_without_a_proper_noun_are_not_a_name()
    {
        const string text = "Officials said the Special Forces advanced on the town.";
        var actors = linker.Link(Articles.Make(text, Array.Empty<string>()));

        Assert.DoesNotContain(actors, a => a.Name.Contains("Forces", StringComparison.Ordinal));
    }

    [Fact]
    public void The_word_of_its_kind_after_the_stands_for_the_one_name_before_it_with_that_word()
    {
        const string text = "The Council met first. The Syrian Observatory for Human Rights published an investigation. "
                            + "According to the Observatory, 2 400 mercenaries had relocated. Later the Libya Observer says more. The Observer claims it. "
                            + "The Presidential Council and the Security Council met; the Council agreed.";
        var actors = linker.Link(Articles.Make(text, ["Observatory", "Syrian", "Observer"], ("Libya Observer", "ORG"), ("Presidential Council", "ORG"), ("Security Council", "ORG")));

        Assert.Equal(["Syrian Observatory for Human Rights", "Observatory"], ActorOf(actors, text, "Observatory").Mentions.Select(m => text[m.Start..m.End]));
        Assert.Equal(["Libya Observer", "Observer"], ActorOf(actors, text, "Observer").Mentions.Select(m => text[m.Start..m.End]));

        // Before any council is named, and where two are, "the Council" is none of them.
        Assert.DoesNotContain(actors, a => a.Mentions.Any(m => text[m.Start..m.End] == "Council"));
    }

    [Fact]
    public void The_one_word_of_a_groups_name_that_is_no_word_of_its_kind_spelt_alike_is_the_group()
    {
        const string text = "Outlets are accusing the Saiga Forces Captain Mahmoud Al-Wirfally of the escape. Saiqa has denied the allegation.";
        var actors = linker.Link(Articles.Make(text, ["Saiga", "Forces", "Saiqa"], ("Mahmoud Al-Wirfally", "PER")));

        var group = ActorOf(actors, text, "Saiqa");
        Assert.Equal(["Saiga Forces", "Saiqa"], group.Mentions.Select(m => text[m.Start..m.End]));
        Assert.Equal(ActorKind.ArmedGroup, group.Kind);
    }

    [Fact]
    public void A_name_that_ends_a_longer_name_after_of_is_that_name_shortened()
    {
        const string text = "He was a commander of the “Council of Benghazi Revolutionaries’ Shura” in 2012. "
                            + "After he entered the Benghazi Revolutionaries’ Shura, Ankara dropped all claims.";
        var actors = linker.Link(Articles.Make(text, ["Benghazi", "Revolutionaries", "Shura"], ("Shura", "ORG"), ("Ankara", "LOC")));

        Assert.Equal(["Council of Benghazi Revolutionaries’ Shura", "Benghazi Revolutionaries’ Shura"],
            ActorOf(actors, text, "Benghazi Revolutionaries’ Shura").Mentions.Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void A_person_never_joins_a_place_of_the_same_name()
    {
        const string text = "Jordan Peterson visited Jordan last week.";
        var actors = Link(text, ("Jordan Peterson", "PER"), ("Jordan", "LOC"));

        Assert.Equal(2, actors.Count);
    }

    [Fact]
    public void Mentions_point_into_the_text_in_order_and_never_overlap()
    {
        const string text = "The LNA (Libyan National Army) and Khalifa Haftar. Haftar and the LNA. He left.";
        var actors = Link(text, ("LNA", "ORG"), ("Libyan National Army", "ORG"), ("Khalifa Haftar", "PER"), ("Haftar", "PER"));

        var spans = actors.SelectMany(a => a.Mentions).OrderBy(m => m.Start).ToList();
        Assert.All(spans, m => Assert.InRange(m.End, m.Start + 1, text.Length));
        Assert.All(spans.Zip(spans.Skip(1)), p => Assert.True(p.First.End <= p.Second.Start));
    }

    [Fact]
    public void An_office_before_a_name_is_the_persons_role_and_no_part_of_the_name()
    {
        const string text = "Secretary of Defense Alan Brody met the Minister for the Middle East Paul Marden. Brody spoke first.";
        var actors = Link(text, ("Defense Alan Brody", "PER"), ("Middle East Paul Marden", "LOC"), ("Brody", "PER"));

        var brody = ActorOf(actors, text, "Alan Brody");
        Assert.Equal("Alan Brody", brody.Name);
        Assert.Equal(ActorKind.Person, brody.Kind);
        Assert.Contains("Brody", brody.Mentions.Select(m => text[m.Start..m.End]));
        var marden = ActorOf(actors, text, "Paul Marden");
        Assert.Equal(ActorKind.Person, marden.Kind);
    }

    [Fact]
    public void An_organisation_after_a_title_of_keeps_its_whole_name()
    {
        const string text = "The commander of the Libyan National Army spoke.";
        var actors = Link(text, ("Libyan National Army", "ORG"));

        Assert.Equal("Libyan National Army", Assert.Single(actors).Name);
    }

    [Fact]
    public void The_prime_minister_is_not_a_minister_of_another_office_named_in_a_headline()
    {
        const string text = "Brody, Iraqi Prime Minister Discuss Next Moves in War\n\nDefense Minister Alan Brody met Prime Minister\u200E Karim Salih. Brody praised the prime minister.";
        var actors = Link(text, ("Alan Brody", "PER"), ("Karim Salih", "PER"), ("Brody", "PER"));

        var salih = ActorOf(actors, text, "Karim Salih");
        Assert.Contains("the prime minister", salih.Mentions.Select(m => text[m.Start..m.End]));
        Assert.DoesNotContain("the prime minister", ActorOf(actors, text, "Alan Brody").Mentions.Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void A_dateline_in_capitals_is_the_city_not_its_state()
    {
        const string text = "Aid arrives\n\nKABUL - Coalition forces delivered masks. Kabul has been quiet since.";
        var actors = Link(text, ("KABUL", "LOC"), ("Kabul", "LOC"));

        Assert.All(actors, a => Assert.Equal(ActorKind.Place, a.Kind));
        Assert.True(ArticleLinker.IsDateline(text, text.IndexOf("KABUL", StringComparison.Ordinal)));
        Assert.False(ArticleLinker.IsDateline(text, text.IndexOf("Kabul", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_acronym_after_a_name_with_its_article_particle_stands_for_the_whole_name()
    {
        const string text = "Fighters of al-Shabaab in Kenya (ASK) crossed the border. ASK denied it.";
        var actors = Link(text, ("Kenya", "LOC"));

        Assert.DoesNotContain(actors, a => a.Mentions.Any(m => text[m.Start..m.End] == "Kenya"));
        var group = ActorOf(actors, text, "ASK");
        Assert.Contains("al-Shabaab in Kenya", group.Mentions.Select(m => text[m.Start..m.End]));
    }

    [Theory]
    [InlineData("Thanksgiving Day")]
    [InlineData("Greenwich Mean Time")]
    [InlineData("Ramadan")]
    [InlineData("Republic Day")]
    [InlineData("November")]
    public void A_feast_a_date_or_a_time_of_day_is_no_actor(string name)
    {
        Assert.True(ArticleLinker.IsTimeName(name));
        var text = $"Fighting stopped for {name} in the city.";
        Assert.Empty(Link(text, (name, "LOC")));
    }

    [Fact]
    public void A_month_after_a_place_is_no_part_of_its_name()
    {
        const string text = "Refugees fled to Lebanon November last year.";
        var actors = Link(text, ("Lebanon November", "LOC"));

        Assert.Equal(["Lebanon"], Assert.Single(actors).Mentions.Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void A_name_of_two_words_found_only_in_a_headline_is_not_an_actor()
    {
        const string text = "Ministry Names Army Casualty In Raid\n\nThe ministry said a soldier died in Kandahar.";
        var actors = Link(text, ("Ministry Names Army Casualty", "ORG"), ("Kandahar", "LOC"));

        Assert.Equal(["Kandahar"], actors.Select(a => a.Name));
    }

    [Fact]
    public void A_capitalized_word_opening_a_sentence_and_never_written_again_is_not_a_name()
    {
        const string text = "United, we continue to work with partners in Kandahar.";
        var actors = Link(text, ("United", "ORG"), ("Kandahar", "LOC"));

        Assert.Equal(["Kandahar"], actors.Select(a => a.Name));
    }

    [Theory]
    [InlineData("Ahmed Salim Warda, widely known as Hamdi, led the raid. Hamdi later denied it.", "Hamdi")]
    [InlineData("Ahmed Salim Warda, also called Hamdi, led the raid. Hamdi later denied it.", "Hamdi")]
    [InlineData("Ahmed Salim Warda, whose nom de guerre is Abu Bakr, led the raid. Abu Bakr later denied it.", "Abu Bakr")]
    [InlineData("Ahmed Salim Warda (Hamdi) led the raid. Hamdi later denied it.", "Hamdi")]
    public void An_alias_the_text_states_is_the_same_actor_with_the_words_quoted(string text, string alias)
    {
        var actors = Link(text, ("Ahmed Salim Warda", "PER"), (alias, "LOC"));

        var person = Assert.Single(actors);
        Assert.Equal(ActorKind.Person, person.Kind);
        Assert.Equal(3, person.Mentions.Count);
        Assert.Contains(person.Mentions, m => m.Reason.Contains("the text says they are one", StringComparison.Ordinal) && text[m.Start..m.End] == alias);
    }

    [Fact]
    public void A_word_for_a_body_after_a_name_the_recognizer_cut_short_belongs_to_the_name()
    {
        const string text = "The Northern Valley Support Group continues its work. Later the group met.";
        var actors = Link(text, ("Northern Valley Support", "ORG"));

        Assert.Contains(actors, a => a.Name == "Northern Valley Support Group");
        Assert.DoesNotContain(actors, a => a.Name == "Northern Valley Support");
    }

    [Fact]
    public void A_states_formal_name_cut_before_its_of_is_the_state_whole()
    {
        const string text = "The Hashemite Kingdom of Jordan hosted the talks. Jordan said little.";
        var actors = Link(text, ("Hashemite Kingdom", "ORG"), ("Jordan", "LOC"));

        var jordan = Assert.Single(actors);
        Assert.Equal(ActorKind.State, jordan.Kind);
        Assert.Equal(["Hashemite Kingdom of Jordan", "Jordan"], jordan.Mentions.Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void An_acronym_the_text_gives_as_another_name_of_an_acronym_is_the_same_actor()
    {
        const string text = "The Northern Shield Front (NSF) held the pass. Supplies reached NSF, also known by its Arabic acronym as JADIR. JADIR denied it.";
        var actors = Link(text, ("Northern Shield Front", "ORG"), ("JADIR", "ORG"));

        var front = Assert.Single(actors);
        Assert.Equal(["Northern Shield Front", "NSF", "NSF", "JADIR", "JADIR"], front.Mentions.Select(m => text[m.Start..m.End]));
        Assert.Contains(front.Mentions, m => text[m.Start..m.End] == "JADIR" && m.Reason.Contains("also known by its Arabic acronym as JADIR", StringComparison.Ordinal));
    }

    [Fact]
    public void An_alias_the_recognizer_missed_is_taken_from_the_capitals_after_the_cue()
    {
        const string text = "Ahmed Salim Warda, better known as Hamdi, led the raid.";
        var actors = Link(text, ("Ahmed Salim Warda", "PER"));

        Assert.Equal(["Ahmed Salim Warda", "Hamdi"], Assert.Single(actors).Mentions.Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void A_name_before_as_it_is_known_is_the_actor_named_after()
    {
        const string text = "Hamdi, as Ahmed Salim Warda is known, led the raid.";
        var actors = Link(text, ("Hamdi", "PER"), ("Ahmed Salim Warda", "PER"));

        var person = Assert.Single(actors);
        Assert.Equal("Ahmed Salim Warda", person.Name);
        Assert.Equal(2, person.Mentions.Count);
    }

    [Fact]
    public void A_list_a_call_and_a_place_in_parentheses_are_no_aliases()
    {
        const string text = "Ahmed Salim Warda, Karim Salih and others met in Mosul (Nineveh) and in Tobruk (Libya). John Brown called Warda.";
        var actors = Link(text, ("Ahmed Salim Warda", "PER"), ("Karim Salih", "PER"), ("Mosul", "LOC"), ("Nineveh", "LOC"), ("Tobruk", "LOC"), ("Libya", "LOC"), ("John Brown", "PER"), ("Warda", "PER"));

        Assert.Equal(7, actors.Count);
    }

    [Fact]
    public void A_name_called_a_person_but_written_after_a_preposition_of_place_is_a_place()
    {
        const string text = "Near Ayn Tamar, strikes hit targets. Karim Salih spoke in Ayn Tamar. In Salih's words, it was calm.";
        var actors = Link(text, ("Ayn Tamar", "PER"), ("Karim Salih", "PER"), ("Salih", "PER"));

        Assert.Equal(ActorKind.Place, ActorOf(actors, text, "Ayn Tamar").Kind);
        Assert.Equal(ActorKind.Person, ActorOf(actors, text, "Karim Salih").Kind);
    }

    [Fact]
    public void A_titled_single_name_spelt_otherwise_than_a_full_name_is_someone_else()
    {
        const string text = "Saddam Hussein ruled for decades. Major General Hassan commanded the guard. Hussein fled.";
        var actors = Link(text, ("Saddam Hussein", "PER"), ("Hassan", "PER"), ("Hussein", "PER"));

        Assert.NotSame(ActorOf(actors, text, "Hassan"), ActorOf(actors, text, "Saddam Hussein"));
        Assert.Same(ActorOf(actors, text, "Hussein"), ActorOf(actors, text, "Saddam Hussein"));
    }

    [Fact]
    public void A_name_found_only_in_a_short_title_before_a_blank_line_is_not_an_actor()
    {
        const string text = "DoD Names Army Casualty\n\nThe ministry said a soldier died in Kandahar.";
        var actors = Link(text, ("DoD Names Army Casualty", "ORG"), ("Kandahar", "LOC"));

        Assert.Equal(["Kandahar"], actors.Select(a => a.Name));
        Assert.True(ArticleLinker.IsTitleLine(text, 4));
        Assert.False(ArticleLinker.IsTitleLine(text, text.IndexOf("Kandahar", StringComparison.Ordinal)));
    }

    /// <summary>Lower-case words are nouns, except prepositions, verbs in the past and the adjectives listed; capitalized words are proper nouns.</summary>
    private static Func<IReadOnlyList<Core.Documents.Nlp.Token>, string[]> NounsAnd(string text, params string[] adjectives)
        => tokens => [.. tokens.Select(t => text[t.Start..t.End] is var w && adjectives.Contains(w) ? "ADJ"
                                           : w is "near" or "in" or "of" ? "ADP"
                                           : w is "held" or "fled" or "met" or "sent" or "lost" or "struck" || w.EndsWith("ed", StringComparison.Ordinal) ? "VERB"
                                           : char.IsLower(w[0]) ? "NOUN" : char.IsUpper(w[0]) ? "PROPN" : "PUNCT")];

    [Fact]
    public void A_name_with_a_noun_for_its_force_or_members_after_it_is_an_actor_of_its_own()
    {
        const string text = "ISIL fighters attacked Iraqi forces near Mosul. Coalition military forces struck ISIL. ISIL fighters fled.";
        var actors = linker.Link(Dossier.Tests.Shared.HandBuiltArticles.Make(text, NounsAnd(text, "Iraqi", "military"), ("ISIL", "ORG"), ("Mosul", "LOC"), ("Coalition", "ORG")));

        var fighters = ActorOf(actors, text, "ISIL fighters");
        Assert.Equal("ISIL fighters", fighters.Name);
        Assert.Equal(2, fighters.Mentions.Count);
        Assert.Equal(MentionForm.Description, fighters.Mentions[0].Form);
        Assert.Contains("the fighters ISIL is made of", fighters.Mentions[0].Reason, StringComparison.Ordinal);
        Assert.NotSame(fighters, ActorOf(actors, text, "ISIL"));

        var forces = ActorOf(actors, text, "Iraqi forces");
        Assert.Equal(ActorKind.ArmedGroup, forces.Kind);
        Assert.Contains("the forces of Iraq", forces.Mentions[0].Reason, StringComparison.Ordinal);
        Assert.Equal("Coalition military forces", ActorOf(actors, text, "Coalition military forces").Name);
    }

    [Fact]
    public void A_states_name_before_a_noun_for_members_and_a_noun_before_another_noun_stay_as_they_were()
    {
        const string text = "Syrian rebels met U.S. forces commanders. The U.S. sent aid.";
        var actors = linker.Link(Dossier.Tests.Shared.HandBuiltArticles.Make(text, NounsAnd(text, "Syrian"), ("U.S.", "LOC")));

        Assert.DoesNotContain(actors, a => a.Mentions.Any(m => text[m.Start..m.End].Contains(' ', StringComparison.Ordinal)));
    }

    [Fact]
    public void A_name_written_only_before_a_noun_for_members_stays_with_its_actor()
    {
        const string text = "Islamic State of Iraq and the Levant fighters held the town. ISIL lost it later.";
        var actors = linker.Link(Dossier.Tests.Shared.HandBuiltArticles.Make(text, NounsAnd(text), ("Islamic State of Iraq and the Levant", "ORG"), ("ISIL", "ORG")));

        var group = ActorOf(actors, text, "Islamic State of Iraq and the Levant");
        Assert.Equal(MentionForm.Name, group.Mentions[0].Form);
        Assert.DoesNotContain(actors, a => a.Name.EndsWith("fighters", StringComparison.Ordinal));
    }

    [Fact]
    public void An_ordinal_capitalized_words_and_a_unit_word_name_a_military_unit()
    {
        const string text = "Booker was assigned to 2nd Battalion, 5th Special Forces Group, at Fort Campbell.";
        var actors = Link(text, ("Booker", "PER"), ("Special Forces", "ORG"), ("Fort Campbell", "LOC"));

        Assert.Equal(ActorKind.ArmedGroup, actors.Single(a => a.Name == "2nd Battalion").Kind);
        Assert.Equal(ActorKind.ArmedGroup, actors.Single(a => a.Name == "5th Special Forces Group").Kind);
        Assert.DoesNotContain(actors, a => a.Name == "Special Forces");
    }

    [Fact]
    public void A_states_name_before_government_is_its_government_an_actor_of_its_own()
    {
        const string text = "The Iraqi government thanked Jordan. Iraqi officials agreed.";
        var actors = linker.Link(Dossier.Tests.Shared.HandBuiltArticles.Make(text, NounsAnd(text, "Iraqi"), ("Jordan", "LOC")));

        var government = ActorOf(actors, text, "Iraqi government");
        Assert.Equal(ActorKind.Government, government.Kind);
        Assert.Contains("the government of Iraq", government.Mentions[0].Reason, StringComparison.Ordinal);
    }
}
