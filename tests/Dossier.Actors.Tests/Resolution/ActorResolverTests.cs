using Dossier.Actors.Resolution;
using Dossier.Core.Actors;
using Dossier.Core.Documents;

namespace Dossier.Actors.Tests.Resolution;

public sealed class ActorResolverTests
{
    private readonly ActorResolver resolver = new(Articles.Countries);
    private readonly List<StoredChain> chains = [];

    private StoredChain Chain(int article, string name, ActorKind kind, string[]? spellings = null, string[]? acronyms = null)
    {
        var id = new ArticleId($"{article:x8}{new string('0', 24)}");
        var chain = new StoredChain(article, id, chains.Count(c => c.ArticleSeq == article), name, kind,
            spellings ?? (acronyms is null ? [name] : []), acronyms ?? [], 1 + (spellings?.Length ?? 0) + (acronyms?.Length ?? 0));
        chains.Add(chain);
        return chain;
    }

    private static ActorOverride Override(int seq, OverrideAction action, string subject, params string[] arguments)
        => new(seq, action, subject, arguments, new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    private static ResolvedEntity EntityOf(ResolutionResult result, StoredChain chain)
        => result.Entities.Single(e => e.Members.Any(m => m.ArticleSeq == chain.ArticleSeq && m.Chain == chain.Chain));

    [Fact]
    public void Every_spelling_of_one_commander_across_articles_is_one_entity_with_a_reason_each()
    {
        var full = Chain(1, "Khalifa Haftar", ActorKind.Person, ["Khalifa Haftar", "Haftar", "Khaftar", "Haftaru"]);
        var hifter = Chain(2, "Khalifa Hifter", ActorKind.Person);
        var surname = Chain(3, "Haftar", ActorKind.Person);
        var huftar = Chain(4, "Huftar", ActorKind.Person);

        var result = resolver.Resolve(chains, []);

        var entity = Assert.Single(result.Entities);
        Assert.Equal("Khalifa Haftar", entity.Name);
        Assert.Equal(ActorKind.Person, entity.Kind);
        Assert.Equal(4, entity.Members.Count);
        Assert.Equal("spelling", entity.Members.Single(m => m.ArticleSeq == hifter.ArticleSeq).Rule);
        Assert.All(entity.Members.Where(m => m.ArticleSeq != full.ArticleSeq), m => Assert.False(string.IsNullOrWhiteSpace(m.Detail)));
        Assert.Contains(entity.Members, m => m.ArticleSeq == surname.ArticleSeq);
        Assert.Contains(entity.Members, m => m.ArticleSeq == huftar.ArticleSeq);
    }

    [Fact]
    public void A_person_and_a_place_with_the_same_name_stay_apart()
    {
        Chain(1, "Jordan", ActorKind.Person);
        Chain(2, "Jordan", ActorKind.Place);

        Assert.Equal(2, resolver.Resolve(chains, []).Entities.Count);
    }

    [Fact]
    public void A_town_spelt_with_a_letter_more_in_the_middle_is_one_place_but_a_different_town_is_not()
    {
        var ajabiya = Chain(1, "Ajabiya", ActorKind.Place);
        var ajdabiya = Chain(2, "Ajdabiya", ActorKind.Place);
        var jufra = Chain(3, "Jufra", ActorKind.Place);
        var kufra = Chain(4, "Kufra", ActorKind.Place);

        var result = resolver.Resolve(chains, []);

        Assert.Same(EntityOf(result, ajabiya), EntityOf(result, ajdabiya));
        Assert.NotSame(EntityOf(result, jufra), EntityOf(result, kufra));
        Assert.Equal(3, result.Entities.Count);
    }

    [Fact]
    public void A_lone_surname_shared_by_two_full_names_joins_neither()
    {
        var muammar = Chain(1, "Muammar Gaddafi", ActorKind.Person);
        var seif = Chain(2, "Seif al-Islam Gaddafi", ActorKind.Person);
        var lone = Chain(3, "Gaddafi", ActorKind.Person);

        var result = resolver.Resolve(chains, []);

        Assert.Equal(3, result.Entities.Count);
        Assert.NotEqual(EntityOf(result, muammar).Id, EntityOf(result, seif).Id);
        Assert.Single(EntityOf(result, lone).Members);
    }

    [Fact]
    public void A_shared_surname_goes_to_the_namesake_whose_articles_name_the_same_actors()
    {
        var muammar = Chain(1, "Muammar Gaddafi", ActorKind.Person);
        Chain(1, "Benghazi", ActorKind.Place);
        var seif = Chain(2, "Seif al-Islam Gaddafi", ActorKind.Person);
        foreach (var article in new[] { 2, 3 })
        {
            Chain(article, "Zintan", ActorKind.Place);
            Chain(article, "International Criminal Court", ActorKind.Organization);
            Chain(article, "Abu Bakr Saddyk", ActorKind.Person);
        }

        var lone = Chain(3, "Gaddafi", ActorKind.Person);

        var result = resolver.Resolve(chains, []);

        var entity = EntityOf(result, lone);
        Assert.Equal(EntityOf(result, seif).Id, entity.Id);
        Assert.NotEqual(EntityOf(result, muammar).Id, entity.Id);
        Assert.Equal("surname-context", entity.Members.Single(m => m.ArticleSeq == 3 && m.Chain == lone.Chain).Rule);
    }

    [Fact]
    public void An_acronym_alone_joins_the_name_it_is_defined_as_elsewhere()
    {
        var army = Chain(1, "Libyan National Army", ActorKind.ArmedGroup, ["Libyan National Army"], ["LNA"]);
        var alone = Chain(2, "LNA", ActorKind.Organization, acronyms: ["LNA"]);

        var result = resolver.Resolve(chains, []);

        var entity = EntityOf(result, alone);
        Assert.Equal(EntityOf(result, army).Id, entity.Id);
        Assert.Equal("Libyan National Army", entity.Name);
        Assert.Equal("acronym", entity.Members.Single(m => m.ArticleSeq == 2).Rule);
    }

    [Fact]
    public void A_name_written_in_capitals_joins_the_one_actor_written_so_in_small_letters()
    {
        var person = Chain(1, "Marlow", ActorKind.Person, ["Marlow"]);
        var label = Chain(2, "MARLOW", ActorKind.Organization, acronyms: ["MARLOW"]);

        var result = resolver.Resolve(chains, []);

        var entity = EntityOf(result, label);
        Assert.Equal(EntityOf(result, person).Id, entity.Id);
        Assert.Equal("capitals", entity.Members.Single(m => m.ArticleSeq == 2).Rule);
    }

    [Fact]
    public void A_one_word_name_joins_the_actor_an_article_gives_it_to_in_capitals()
    {
        var front = Chain(1, "Northern Shield Front", ActorKind.ArmedGroup, ["Northern Shield Front"], ["NSF", "JADIR"]);
        var word = Chain(2, "Jadir", ActorKind.ArmedGroup, ["Jadir"]);

        var result = resolver.Resolve(chains, []);

        var entity = EntityOf(result, word);
        Assert.Equal(EntityOf(result, front).Id, entity.Id);
        Assert.Contains("another name of Northern Shield Front", entity.Members.Single(m => m.ArticleSeq == 2).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_in_capitals_that_two_actors_are_written_joins_neither()
    {
        Chain(1, "Marlow", ActorKind.Person, ["Marlow"]);
        Chain(2, "Marlow", ActorKind.Place, ["Marlow"]);
        var label = Chain(3, "MARLOW", ActorKind.Organization, acronyms: ["MARLOW"]);

        var result = resolver.Resolve(chains, []);

        Assert.Single(EntityOf(result, label).Members);
    }

    [Fact]
    public void An_acronym_defined_as_two_different_names_joins_neither()
    {
        Chain(1, "Transitional National Council", ActorKind.Government, ["Transitional National Council"], ["PNS"]);
        Chain(2, "Government of National Accord", ActorKind.Government, ["Government of National Accord"], ["PNS"]);
        var alone = Chain(3, "PNS", ActorKind.Organization, acronyms: ["PNS"]);

        var result = resolver.Resolve(chains, []);

        Assert.Single(EntityOf(result, alone).Members);
    }

    [Fact]
    public void Names_of_one_country_are_one_state()
    {
        Chain(1, "U.S.", ActorKind.State);
        Chain(2, "United States", ActorKind.State);
        Chain(3, "US", ActorKind.State);

        var entity = Assert.Single(resolver.Resolve(chains, []).Entities);
        Assert.Equal("United States", entity.Name);
    }

    [Fact]
    public void Organisations_with_a_word_more_are_other_bodies()
    {
        Chain(1, "Presidential Council", ActorKind.Government);
        Chain(2, "Presidential Security Council", ActorKind.Government);

        Assert.Equal(2, resolver.Resolve(chains, []).Entities.Count);
    }

    [Fact]
    public void Two_government_names_one_word_apart_with_one_leader_are_one_government_with_the_reason()
    {
        var sarraj = Chain(1, "Fayez al-Sarraj", ActorKind.Person);
        var accord = Chain(1, "Government of National Accord", ActorKind.Government, ["Government of National Accord"], ["GNA"]);
        var saraj = Chain(2, "Faiz Saraj", ActorKind.Person);
        var unity = Chain(2, "Government of National Unity", ActorKind.Government, ["Government of National Unity"], ["NUP"]);

        var result = resolver.Resolve(chains, [], [new ChainTie(1, sarraj.Chain, accord.Chain), new ChainTie(2, saraj.Chain, unity.Chain)]);

        var government = EntityOf(result, accord);
        Assert.Same(government, EntityOf(result, unity));
        var reason = government.Members.Single(m => m.ArticleSeq == 2 && m.Chain == unity.Chain);
        Assert.Equal("same-leader", reason.Rule);
        Assert.Contains("(unity for accord)", reason.Detail, StringComparison.Ordinal);
        Assert.Contains("Fayez al-Sarraj", reason.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Governments_with_other_leaders_or_named_side_by_side_stay_apart()
    {
        var sarraj = Chain(1, "Fayez al-Sarraj", ActorKind.Person);
        var accord = Chain(1, "Government of National Accord", ActorKind.Government);
        var gweil = Chain(2, "Khalifa Gweil", ActorKind.Person);
        var salvation = Chain(2, "Government of National Salvation", ActorKind.Government);
        var saraj = Chain(3, "Faiz Saraj", ActorKind.Person);
        var unity = Chain(3, "Government of National Unity", ActorKind.Government);
        var accordAgain = Chain(3, "Government of National Accord", ActorKind.Government);

        var result = resolver.Resolve(chains, [],
            [new ChainTie(1, sarraj.Chain, accord.Chain), new ChainTie(2, gweil.Chain, salvation.Chain), new ChainTie(3, saraj.Chain, unity.Chain)]);

        Assert.NotSame(EntityOf(result, accord), EntityOf(result, salvation));
        Assert.NotSame(EntityOf(result, accord), EntityOf(result, unity));
        Assert.Same(EntityOf(result, accord), EntityOf(result, accordAgain));
    }

    [Fact]
    public void An_entity_keeps_its_id_when_later_articles_are_added()
    {
        Chain(1, "Ahmed Mismari", ActorKind.Person);
        var before = Assert.Single(resolver.Resolve(chains, []).Entities).Id;
        Chain(2, "Ahmad Al-Mesmari", ActorKind.Person);

        var after = Assert.Single(resolver.Resolve(chains, []).Entities);
        Assert.Equal(before, after.Id);
        Assert.Equal(2, after.Members.Count);
    }

    [Fact]
    public void An_analyst_merge_joins_what_the_matcher_kept_apart_and_says_so()
    {
        var bdb = Chain(1, "Benghazi Defense Brigade", ActorKind.ArmedGroup, ["Benghazi Defense Brigade"], ["BZB"]);
        var bob = Chain(2, "BOB", ActorKind.Organization, acronyms: ["BOB"]);

        var result = resolver.Resolve(chains, [Override(1, OverrideAction.Merge, "Benghazi Defense Brigade", "BOB")]);

        var entity = EntityOf(result, bob);
        Assert.Equal(EntityOf(result, bdb).Id, entity.Id);
        Assert.Equal("analyst-merge", entity.Members.Single(m => m.ArticleSeq == 2).Rule);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void An_analyst_split_rename_and_kind_always_win()
    {
        Chain(1, "Khalifa Haftar", ActorKind.Person);
        var hifter = Chain(2, "Khalifa Hifter", ActorKind.Person);

        var result = resolver.Resolve(chains, [
            Override(1, OverrideAction.Split, "Khalifa Haftar", "Khalifa Hifter"),
            Override(2, OverrideAction.Rename, "Khalifa Hifter", "Hifter (another man)"),
            Override(3, OverrideAction.Kind, "Hifter (another man)", "media"),
        ]);

        Assert.Equal(2, result.Entities.Count);
        var split = EntityOf(result, hifter);
        Assert.Equal("Hifter (another man)", split.Name);
        Assert.Equal(ActorKind.Media, split.Kind);
        Assert.Equal("analyst-split", split.Members.Single().Rule);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void An_override_naming_no_actor_is_reported_and_changes_nothing()
    {
        Chain(1, "Khalifa Haftar", ActorKind.Person);

        var result = resolver.Resolve(chains, [Override(7, OverrideAction.Merge, "Khalifa Haftar", "Nobody At All")]);

        Assert.Single(result.Entities);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("no actor is called Nobody At All", warning, StringComparison.Ordinal);
    }
}
