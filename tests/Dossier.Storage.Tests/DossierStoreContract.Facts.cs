using Dossier.Core.Actors;
using Dossier.Core.Documents;
using Dossier.Core.Export;
using Dossier.Core.Facts;
using Dossier.Core.Identity;
using Dossier.Core.Storage;

namespace Dossier.Storage.Tests;

/// <summary>The contract for everything found in the articles: actors, entities, facts, analysis and export readers.</summary>
public abstract partial class DossierStoreContract
{
    private static readonly string[] AllEntities = ["e-army", "e-gharyan", "e-haftar", "e-sarraj", "e-tripoli"];

    [StoreFact]
    public void Store_lists_claims_events_and_relations_with_their_actors_as_entities()
    {
        var (store, offensive, _) = Linked();

        var claim = Assert.Single(store.ListClaims(new ClaimFilter()));
        var events = store.ListEvents();
        var relation = Assert.Single(store.ListRelations());

        Assert.Equal(offensive.Id, claim.ArticleId);
        Assert.Equal(("said", "Khalifa Haftar", "e-haftar", "e-army"), (claim.Cue, claim.SpeakerText, claim.SpeakerEntityId, claim.AffiliationEntityId));
        Assert.Equal("the LNA captured Gharyan on 2 April", claim.Content);
        Assert.Equal(Reports.Capture, claim.Sentence);
        Assert.Single(store.ListClaims(new ClaimFilter(SpeakerText: "HAFTAR")));
        Assert.Single(store.ListClaims(new ClaimFilter(SpeakerEntityId: "e-army")));
        Assert.Single(store.ListClaims(new ClaimFilter(AboutEntityId: "e-gharyan")));
        Assert.Empty(store.ListClaims(new ClaimFilter(SpeakerEntityId: "e-sarraj")));
        Assert.Empty(store.ListClaims(new ClaimFilter(AboutEntityId: "e-tripoli")));
        Assert.Empty(store.ListClaims(new ClaimFilter(Offset: 1)));
        Assert.Single(store.ListClaims(new ClaimFilter(SpeakerEntityId: "e-haftar", SpeakerText: "Khalifa")));
        Assert.Empty(store.ListClaims(new ClaimFilter(SpeakerEntityId: "e-haftar", SpeakerText: "Sarraj")));

        // By date: the capture's own date (2 April) comes before the attack's, which is its article's (5 April).
        Assert.Equal([EventType.Capture, EventType.Attack], events.Select(e => e.Type));
        Assert.Equal(new DateOnly(2019, 4, 2), events[0].DateFirst);
        Assert.Equal("2 April", events[0].DateText);
        Assert.Equal(new EventActor("e-gharyan", "Gharyan"), events[0].Place);
        Assert.Equal([new EventActor("e-army", "Libyan National Army")], events[0].Agents);
        Assert.Equal("Khalifa Haftar", events[0].SaidBy);
        Assert.Null(events[1].SaidBy);
        Assert.Equal(new EventCountRow(CountKind.Killed, 12, null, "exact", "12 people"), Assert.Single(events[1].Counts));
        Assert.Equal(Reports.Attack, events[1].Evidence);

        Assert.Equal(RelationKind.Opposes, relation.Kind);
        Assert.Equal(new EventActor("e-sarraj", "Fayez al-Sarraj"), relation.Source);
        Assert.Equal(new EventActor("e-army", "Libyan National Army"), relation.Target);
        Assert.Equal(("condemned", "asserted", (string?)null), (relation.Cue, relation.Polarity, relation.SaidBy));
    }

    [StoreFact]
    public void Store_lists_a_claim_its_copy_repeats_once_with_the_copys_outlet_as_another_report()
    {
        var store = Open();
        var offensive = Reports.Offensive();
        Add(store, offensive);
        Add(store, Reports.Visit());
        Assert.Equal(AddOutcome.NearDuplicate, Add(store, Reports.OffensiveCopy()).Outcome);
        store.ReplaceEntities(Reports.Entities(store.ReadChains().ToList()));

        var claim = Assert.Single(store.ListClaims(new ClaimFilter()));
        var bySpeaker = Assert.Single(store.ListClaims(new ClaimFilter(SpeakerEntityId: "e-army")));
        var about = Assert.Single(store.ListClaims(new ClaimFilter(AboutEntityId: "e-gharyan")));
        var byText = Assert.Single(store.ListClaims(new ClaimFilter(SpeakerText: "Haftar")));
        var key = Assert.Single(store.ListClaimKeys());
        var read = Assert.Single(store.ReadClaims([key]));

        Assert.Equal(offensive.Id, claim.ArticleId);
        Assert.Equal(["Desert Wire"], claim.CopiedBy);
        Assert.All([bySpeaker, about, byText, read], c => Assert.Equal((offensive.Id, "Desert Wire"), (c.ArticleId, Assert.Single(c.CopiedBy))));
    }

    [StoreFact]
    public void Store_statistics_count_actors_events_claims_and_ties_and_a_copys_repeated_claim_once()
    {
        var store = Open();
        Add(store, Reports.Offensive());
        Add(store, Reports.Visit());
        Add(store, Reports.OffensiveCopy());
        store.ReplaceEntities(Reports.Entities(store.ReadChains().ToList()));

        var stats = store.GetStatistics();

        Assert.Equal((3, 1), (stats.Articles, stats.Copies));
        Assert.Equal(AllEntities.Length, stats.Actors);
        Assert.Equal(4, stats.Events); // two in the original, two in the copy: event reports are counted as stored
        Assert.Equal(1, stats.Claims);
        Assert.Equal(2, stats.Ties);
    }

    [StoreFact]
    public void Store_lists_each_claims_key_with_the_entities_it_involves_and_reads_the_claim_back_by_its_key()
    {
        var (store, _, _) = Linked();

        var key = Assert.Single(store.ListClaimKeys());
        var claim = Assert.Single(store.ReadClaims([key]));

        Assert.Equal(("e-haftar", "e-army"), (key.SpeakerEntityId, key.AffiliationEntityId));
        Assert.Contains("e-gharyan", key.AboutEntityIds);
        foreach (var entity in AllEntities)
        {
            Assert.Equal(store.ListClaims(new ClaimFilter(AboutEntityId: entity)).Count, key.AboutEntityIds.Count(e => e == entity));
        }

        Assert.Equal(store.ListClaims(new ClaimFilter())[0], claim);
        Assert.Equal([claim, claim], store.ReadClaims([key, key]));
        Assert.Empty(store.ReadClaims([key with { Ordinal = 99 }]));
        Assert.Empty(store.ReadClaims([]));
    }

    [StoreFact]
    public void Store_lists_many_actors_with_the_same_spellings_it_gives_each_one_alone()
    {
        var store = Open();
        var names = Enumerable.Range(0, 120).Select(i => $"Brigade {i:D3}").ToList();
        var text = string.Join(" and ", names.Select((n, i) => i % 2 == 0 ? $"{n} ({n})" : n)) + ". " + Documents.Story(52);
        var document = Documents.Make(text, outlet: "Libya Observer", title: "Many brigades", published: "2019-04-05", path: "many.txt");
        var at = 0;
        var actors = new List<ArticleActor>();
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            var mentions = new List<ActorMention>();
            for (var k = 0; k < (i % 2 == 0 ? 2 : 1); k++)
            {
                var span = Reports.Find(text, name, at);
                mentions.Add(new ActorMention(span.Start, span.End, MentionForm.Name, "test"));
                at = span.End;
            }

            actors.Add(new ArticleActor(i, name, ActorKind.ArmedGroup, "test", mentions));
        }

        document.SetActors(actors, "test-linker");
        document.SetClaims([]);
        document.SetEvents([]);
        document.SetRelations([]);
        Add(store, document);
        store.ReplaceEntities(Reports.Entities(store.ReadChains().ToList()));

        var all = store.ListEntities(null, int.MaxValue);

        Assert.Equal(120, all.Count);
        foreach (var entity in all)
        {
            Assert.Equal(Assert.Single(store.FindEntities(entity.Id)).Spellings, entity.Spellings);
            Assert.Equal(int.Parse(entity.Name[^3..], System.Globalization.CultureInfo.InvariantCulture) % 2 == 0 ? 2 : 1, Assert.Single(entity.Spellings).Count);
        }
    }

    [StoreFact]
    public void Store_exports_articles_and_entities_that_pass_the_filter()
    {
        var (store, offensive, visit) = Linked();

        var all = store.ReadArticles(ExportFilter.All).ToList();
        var entities = store.ReadEntities(ExportFilter.All).ToList();

        Assert.Equal([offensive.Id, visit.Id], all.Select(a => a.Id));
        Assert.Equal(AllEntities, all[0].EntityIds);
        Assert.Equal([0], all[0].Claims);
        Assert.Equal([0, 1], all[0].Events);
        Assert.Equal([0], all[0].Relations);
        Assert.Equal(("Libya Observer", "2019-04-05", "offensive.txt"), (all[0].Outlet, all[0].Published, all[0].OriginPath));
        Assert.Equal([offensive.Id], store.ReadArticles(new ExportFilter(EntityId: "e-haftar")).Select(a => a.Id));
        Assert.Equal([visit.Id], store.ReadArticles(new ExportFilter(From: new DateOnly(2019, 5, 1))).Select(a => a.Id));
        Assert.Equal([offensive.Id], store.ReadArticles(new ExportFilter(To: new DateOnly(2019, 4, 30))).Select(a => a.Id));
        Assert.Empty(store.ReadArticles(new ExportFilter(EntityId: "e-nobody")));

        Assert.Equal(AllEntities, entities.Select(e => e.Id));
        var sarraj = entities.Single(e => e.Id == "e-sarraj");
        Assert.Equal((2, 2, ActorKind.Person), (sarraj.Mentions, sarraj.Articles, sarraj.Kind));
        Assert.Equal([new SpellingCount("Fayez al-Sarraj", 2)], sarraj.Spellings);
        Assert.Equal([new SpellingCount("LNA", 2)], entities.Single(e => e.Id == "e-army").Spellings);
        Assert.Equal(["e-sarraj"], store.ReadEntities(new ExportFilter(From: new DateOnly(2019, 5, 1))).Select(e => e.Id));
        Assert.Equal(AllEntities, store.ReadEntities(new ExportFilter(EntityId: "e-haftar")).Select(e => e.Id));
    }

    [StoreFact]
    public void Store_exports_claims_events_and_relations_that_pass_the_filter()
    {
        var (store, offensive, _) = Linked();

        var claim = Assert.Single(store.ReadClaims(ExportFilter.All));
        var events = store.ReadEvents(ExportFilter.All, byDate: true).ToList();
        var ties = store.ReadRelations(ExportFilter.All, byTie: true).ToList();
        var byArticle = store.ReadRelations(ExportFilter.All, byTie: false).ToList();

        Assert.Equal(new ReportSource(offensive.Id, "Libya Observer", null, null), claim.Source);
        Assert.Equal(new ExportSpeaker("Khalifa Haftar", "e-haftar", "Khalifa Haftar"), claim.Speaker);
        Assert.Equal(new ExportActor("e-army", "Libyan National Army"), claim.Affiliation);
        Assert.Equal(("said", Reports.Capture), (claim.Cue, claim.Sentence));
        Assert.Single(store.ReadClaims(new ExportFilter(EntityId: "e-gharyan")));
        Assert.Empty(store.ReadClaims(new ExportFilter(EntityId: "e-sarraj")));

        Assert.Equal([EventType.Capture, EventType.Attack], events.Select(e => e.Type));
        Assert.Equal(new ExportSpeaker("Khalifa Haftar", "e-haftar", "Khalifa Haftar"), events[0].Speaker);
        Assert.Equal([new ExportActor("e-army", "Libyan National Army")], events[1].Agents);
        Assert.Equal("12 people", Assert.Single(events[1].Counts).Text);
        Assert.Equal([EventType.Attack], store.ReadEvents(new ExportFilter(EntityId: "e-tripoli")).Select(e => e.Type));
        Assert.Equal([EventType.Capture, EventType.Attack], store.ReadEvents(new ExportFilter(EntityId: "e-army")).Select(e => e.Type));
        Assert.Equal([EventType.Attack], store.ReadEvents(new ExportFilter(From: new DateOnly(2019, 4, 3))).Select(e => e.Type));

        foreach (var relation in new[] { Assert.Single(ties), Assert.Single(byArticle) })
        {
            Assert.Equal((RelationKind.Opposes, "condemned", Reports.Attack), (relation.Kind, relation.Cue, relation.Sentence));
            Assert.Equal(new ExportActor("e-sarraj", "Fayez al-Sarraj"), relation.From);
            Assert.Equal(new ExportActor("e-army", "Libyan National Army"), relation.To);
            Assert.Null(relation.Speaker);
        }

        Assert.Single(store.ReadRelations(new ExportFilter(EntityId: "e-sarraj")));
        Assert.Empty(store.ReadRelations(new ExportFilter(EntityId: "e-haftar")));
    }

    [StoreFact]
    public void Store_reads_article_texts_with_their_entity_mentions_in_order()
    {
        var (store, offensive, visit) = Linked();

        var readings = store.ReadArticleTexts().ToList();
        var only = Assert.Single(store.ReadArticleTexts([visit.Id]));

        Assert.Equal([offensive.Id, visit.Id], readings.Select(r => r.Id));
        Assert.Equal(offensive.Text, readings[0].Text);
        Assert.Equal(["e-haftar", "e-army", "e-gharyan", "e-sarraj", "e-army", "e-tripoli"], readings[0].Mentions.Select(m => m.EntityId));
        Assert.Equal(readings[0].Mentions.OrderBy(m => m.Start).Select(m => m.Start), readings[0].Mentions.Select(m => m.Start));
        Assert.Equal(("Haftar takes Gharyan", "2019-04-05"), (readings[0].Title, readings[0].Published));
        Assert.Equal(visit.Id, only.Id);
        Assert.Equal(ActorKind.Person, Assert.Single(only.Mentions).Kind);
    }

    [StoreFact]
    public void Store_finds_entities_by_id_spelling_or_kind_and_explains_one()
    {
        var (store, offensive, visit) = Linked();

        var spellings = store.ListSpellings();
        var sarraj = store.GetEntity("e-sarraj")!;

        Assert.Contains(("LNA", "e-army"), spellings);
        Assert.Contains(("Libyan National Army", "e-army"), spellings);
        Assert.Equal("e-army", Assert.Single(store.FindEntities("lna")).Id);
        Assert.Equal("e-army", Assert.Single(store.FindEntities("e-army")).Id);
        Assert.Equal(["e-gharyan", "e-tripoli"], store.ListEntities(ActorKind.Place, 10).Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Single(store.ListEntities(null, 1));
        // Two mentions each: al-Sarraj's in two articles ranks first.
        Assert.Equal(["e-sarraj", "e-army"], store.ListEntities(null, 10).Take(2).Select(e => e.Id));
        Assert.Null(store.GetEntity("e-nobody"));
        Assert.Equal([offensive.Id, visit.Id], sarraj.Appearances.Select(a => a.ArticleId));
        Assert.Equal(2, sarraj.AppearanceCount);
        Assert.Equal(new SpellingReason("Fayez al-Sarraj", 2, MentionForm.Name, "first mention", offensive.Id), Assert.Single(sarraj.Names));
        Assert.Equal([new SpellingCount("Fayez al-Sarraj", 2)], sarraj.Summary.Spellings);
        var first = store.GetEntity("e-sarraj", maxAppearances: 1)!;
        Assert.Equal([offensive.Id], first.Appearances.Select(a => a.ArticleId));
        Assert.Equal(2, first.AppearanceCount);
        Assert.Equal(6 + 1, store.ListEntityMentions().Count);
    }

    [StoreFact]
    public void Store_gives_back_the_descriptions_that_stand_for_an_article_actor()
    {
        using var store = Open();
        var text = "The U.N.-backed government said so. Fayez al-Sarraj spoke for the U.N.-backed government. " + Documents.Story(52);
        var document = Documents.Make(text, path: "described.txt");
        document.SetActors(
        [
            new ArticleActor(0, "Government of National Accord", ActorKind.Government, "other articles name it so",
                [new ActorMention(0, 26, MentionForm.Description, "other articles call it so"), new ActorMention(62, 88, MentionForm.Description, "the same")]),
            new ArticleActor(1, "Fayez al-Sarraj", ActorKind.Person, "the recognizer found a person", [new ActorMention(36, 51, MentionForm.Name, "first mention")]),
        ], "test-linker");
        document.SetClaims([]);
        document.SetEvents([]);
        document.SetRelations([]);
        Add(store, document);

        var chains = store.ReadChains().ToList();

        Assert.Equal(["The U.N.-backed government", "the U.N.-backed government"], chains.Single(c => c.Chain == 0).Descriptions);
        Assert.Empty(chains.Single(c => c.Chain == 1).Descriptions ?? []);
        Assert.Equal(["Fayez al-Sarraj"], chains.Single(c => c.Chain == 1).Spellings);
    }

    [StoreFact]
    public void Store_reads_the_ties_of_one_kind_by_chain()
    {
        var (store, offensive, _) = Linked();
        var stored = Assert.Single(store.ListRelations());
        var seq = store.ReadChains().First(c => c.ArticleId == offensive.Id).ArticleSeq;

        var tie = Assert.Single(store.ReadChainTies(stored.Kind));

        Assert.Equal(seq, tie.ArticleSeq);
        Assert.NotEqual(tie.SourceChain, tie.TargetChain);
        Assert.Empty(store.ReadChainTies(stored.Kind == RelationKind.Opposes ? RelationKind.Supports : RelationKind.Opposes));
    }

    [StoreFact]
    public void Store_replaces_all_entities_with_a_new_linking()
    {
        var (store, _, _) = Linked();
        var chains = store.ReadChains().ToList();

        store.ReplaceEntities([new ResolvedEntity("e-only", "Khalifa Haftar", ActorKind.Person, "test", [new ChainLink(chains[0].ArticleSeq, chains[0].Chain, "r", 1, "d")])]);

        Assert.Equal(["e-only"], store.ListEntities(null, 10).Select(e => e.Id));
        Assert.Equal(new EventActor(null, "Libyan National Army"), store.ListEvents()[0].Agents[0]);
    }

    [StoreFact]
    public void Store_replacing_an_articles_actors_drops_its_old_facts()
    {
        var (store, offensive, visit) = Linked();

        store.ReplaceArticleActors(offensive.Id, [], [], [], [], "v2");

        Assert.Empty(store.ListEvents());
        Assert.Empty(store.ListClaims(new ClaimFilter()));
        Assert.Empty(store.ListRelations());
        Assert.Equal([visit.Id], store.ArticlesNeedingActors("v2"));
        Assert.All(store.ReadChains(), c => Assert.Equal(visit.Id, c.ArticleId));
    }

    [StoreFact]
    public void Store_refuses_actors_for_an_article_it_does_not_have()
    {
        var store = Open();

        var error = Assert.Throws<StoreException>(() => store.ReplaceArticleActors(new ArticleId("0123456789abcdef0123456789abcdef"), [], [], [], [], "v1"));

        Assert.Contains("no article", error.Message, StringComparison.Ordinal);
    }

    [StoreFact]
    public void Store_leaves_nothing_behind_when_an_article_write_fails_midway()
    {
        var store = Open();
        Add(store, Documents.Make(Documents.Story(60)));
        var broken = Documents.Make(Documents.Story(61));

        // A mention past the end of the text fails after the article's row and its bands are written.
        broken.SetActors([new ArticleActor(0, "Nobody", ActorKind.Person, "test", [new ActorMention(0, broken.Text.Length + 5, MentionForm.Name, "test")])], "v1");

        Assert.ThrowsAny<ArgumentException>(() => Add(store, broken));
        store.Flush();

        Assert.IsType<ArticleLookup.NotFound>(store.FindArticle(broken.Id.Value));
        Assert.Equal(1, store.GetStatistics().Articles);
        Assert.Empty(store.ReadChains());
        Assert.Equal(AddOutcome.Stored, Add(store, Documents.Make(broken.Text)).Outcome);
        store.Dispose();
        Assert.Equal(2, OpenAgain().GetStatistics().Articles);
    }

    [StoreFact]
    public void Store_keeps_an_articles_old_actors_when_replacing_them_fails_midway()
    {
        var (store, offensive, _) = Linked();
        var bad = new ArticleActor(0, "Nobody", ActorKind.Person, "test", [new ActorMention(0, offensive.Text.Length + 5, MentionForm.Name, "test")]);

        Assert.ThrowsAny<ArgumentException>(() => store.ReplaceArticleActors(offensive.Id, [bad], [], [], [], "v2"));

        Assert.Equal(6, store.ReadChains().Count());
        Assert.Equal(2, store.ListEvents().Count);
        Assert.Empty(store.ArticlesNeedingActors("test-linker"));
    }

    [StoreFact]
    public void Store_keeps_actors_entities_and_facts_when_opened_again()
    {
        var (store, offensive, _) = Linked();
        store.Dispose();

        var reopened = OpenAgain();

        Assert.Equal(6, reopened.ReadChains().Count());
        Assert.Equal(AllEntities, reopened.ListEntities(null, 10).Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal(2, reopened.ListEvents().Count);
        Assert.Equal(offensive.Id, Assert.Single(reopened.ListRelations()).ArticleId);
    }

    [StoreFact]
    public void Store_lists_articles_in_the_order_stored_and_counts_copies()
    {
        var store = Open();
        var first = Documents.Make(Documents.Story(70), path: "b.txt");
        var second = Documents.Make(Documents.Story(71), path: "a.txt");
        var copy = Documents.Make(first.Text + " Shared by a second site.", path: "c.txt");
        Add(store, first);
        Add(store, second);
        Add(store, copy);

        var articles = store.ListArticles();
        var stats = store.GetStatistics();

        Assert.Equal([(first.Id, "b.txt"), (second.Id, "a.txt"), (copy.Id, "c.txt")], articles);
        Assert.Equal((3, 1, 0), (stats.Articles, stats.Copies, stats.Refusals));
        Assert.Null(stats.LastIngest);
    }

    [StoreFact]
    public void Store_search_keeps_phrases_together_and_matches_prefixes()
    {
        var store = Open();
        var phrase = Documents.Make("The Zawiyah brigade moved at dawn. " + Documents.Story(80));
        var apart = Documents.Make("The brigade quit Zawiyah at dusk. " + Documents.Story(81));
        Add(store, phrase);
        Add(store, apart);

        Assert.Equal([phrase.Id], store.Search("\"zawiyah brigade\"", 10, 0).Select(h => h.Id));
        Assert.Equal(new[] { phrase.Id, apart.Id }.Order(), store.Search("zawi*", 10, 0).Select(h => h.Id).Order());
        Assert.Empty(store.Search("zawi", 10, 0));
        Assert.Equal([apart.Id], store.Search("zawiyah dusk", 10, 0).Select(h => h.Id));
    }

    /// <summary>A store holding both hand-built reports, linked: al-Sarraj is one entity across the two.</summary>
    [StoreFact]
    public void Claims_of_the_same_words_are_listed_and_paged_in_the_order_found()
    {
        var store = Open();
        var offensive = Reports.Offensive();
        var text = offensive.Text;
        var content = Reports.Find(text, "the LNA captured Gharyan on 2 April");
        var said = Reports.Find(text, "said");
        var haftar = Reports.Find(text, "Khalifa Haftar");
        var sarraj = Reports.Find(text, "Fayez al-Sarraj");
        var condemned = Reports.Find(text, "condemned");

        // "Reuters reported: ..., witnesses said": two sources for the same words, the second found after the first.
        IReadOnlyList<Claim> claims =
        [
            new Claim(0, Reports.Capture.Length, content.Start, content.End, condemned.Start, condemned.End, ClaimForm.IndirectSpeech, Modality.Asserted, sarraj.Start, sarraj.End, 3, null),
            new Claim(0, Reports.Capture.Length, content.Start, content.End, said.Start, said.End, ClaimForm.IndirectSpeech, Modality.Asserted, haftar.Start, haftar.End, 0, 1),
        ];
        Add(store, offensive);
        store.ReplaceArticleActors(offensive.Id, offensive.Actors!, claims, offensive.Events!, offensive.Relations!, "test-linker");
        store.ReplaceEntities(Reports.Entities(store.ReadChains().ToList()));

        Assert.Equal(["Fayez al-Sarraj", "Khalifa Haftar"], store.ListClaims(new ClaimFilter()).Select(c => c.SpeakerText));
        Assert.Equal(["Fayez al-Sarraj", "Khalifa Haftar"],
            [store.ListClaims(new ClaimFilter(Limit: 1)).Single().SpeakerText, store.ListClaims(new ClaimFilter(Offset: 1, Limit: 1)).Single().SpeakerText]);
    }

    private (IDossierStore Store, Document Offensive, Document Visit) Linked()
    {
        var store = Open();
        var offensive = Reports.Offensive();
        var visit = Reports.Visit();
        Add(store, offensive);
        Add(store, visit);
        store.ReplaceEntities(Reports.Entities(store.ReadChains().ToList()));
        return (store, offensive, visit);
    }
}
