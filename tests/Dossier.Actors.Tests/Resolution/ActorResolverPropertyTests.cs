using Dossier.Actors.Resolution;
using Dossier.Core.Actors;
using Dossier.Core.Documents;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dossier.Actors.Tests.Resolution;

/// <summary>
/// Cross-article resolution over random corpora of hard cases (spellings, surnames shared by two
/// people, acronyms, a person and a place of one name): which chains make one actor, under which
/// name and kind, must not depend on the order the articles were ingested in, or two analysts who
/// ingest the same reports in another order would see different actors.
/// </summary>
public sealed class ActorResolverPropertyTests
{
    private static readonly ActorResolver Resolver = new(Articles.Countries);

    [Property]
    public Property Actors_their_names_and_kinds_do_not_depend_on_the_order_articles_were_ingested_in() =>
        Prop.ForAll(RandomCorpora.InTwoOrders, corpus =>
            Assert.Equal(Actors(corpus.Articles, corpus.Order.Select((_, i) => i).ToArray()), Actors(corpus.Articles, corpus.Order)));

    // The comparison must be able to fail: an order-dependent grouping shows as a difference.
    [Fact]
    public void Actor_comparison_tells_apart_two_groupings_of_the_same_chains()
    {
        ChainTemplate[][] one = [[new("Haftar", ActorKind.Person)], [new("Hifter", ActorKind.Person)]];
        ChainTemplate[][] two = [[new("Haftar", ActorKind.Person)], [new("Tripoli", ActorKind.Place)]];

        Assert.NotEqual(Actors(one, [0, 1]), Actors(two, [0, 1]));
    }

    /// <summary>
    /// Resolves the articles ingested in <paramref name="order"/> (the first gets sequence number
    /// 1) and describes each actor by name, kind and the (article, chain) pairs it holds, with the
    /// article named by its place in the corpus, not its sequence number, all sorted.
    /// </summary>
    private static List<string> Actors(ChainTemplate[][] articles, int[] order)
    {
        var chains = new List<StoredChain>();
        var articleAtSeq = new Dictionary<long, int>();
        for (var position = 0; position < order.Length; position++)
        {
            var article = order[position];
            long seq = position + 1;
            articleAtSeq[seq] = article;
            var id = new ArticleId($"{article + 1:x8}{new string('0', 24)}");
            chains.AddRange(articles[article].Select((t, chain) =>
                new StoredChain(seq, id, chain, t.Name, t.Kind, t.Acronyms.Length > 0 && t.Name == t.Acronyms[0] ? [] : [t.Name], t.Acronyms, 1 + t.Acronyms.Length)));
        }

        return [.. Resolver.Resolve(chains, []).Entities
            .Select(e => $"{e.Name} ({e.Kind}): " + string.Join(" ", e.Members.Select(m => $"{articleAtSeq[m.ArticleSeq]}.{m.Chain}").Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)];
    }
}

/// <summary>One actor chain of an article as the in-article linker would store it.</summary>
internal sealed record ChainTemplate(string Name, ActorKind Kind, params string[] Acronyms);

/// <summary>Articles of chains, and an order to ingest them in.</summary>
internal sealed record TwoOrders(ChainTemplate[][] Articles, int[] Order)
{
    public override string ToString() =>
        string.Join(" | ", Articles.Select((a, i) => $"{i}: " + string.Join(", ", a.Select(c => $"{c.Name}/{c.Kind}")))) + " ; order " + string.Join(",", Order);
}

internal static class RandomCorpora
{
    private static readonly ChainTemplate[] Chains =
    [
        new("Khalifa Haftar", ActorKind.Person), new("Haftar", ActorKind.Person), new("Khalifa Hifter", ActorKind.Person), new("Huftar", ActorKind.Person),
        new("Muammar Gaddafi", ActorKind.Person), new("Seif al-Islam Gaddafi", ActorKind.Person), new("Gaddafi", ActorKind.Person),
        new("Fayez al-Sarraj", ActorKind.Person), new("Faiz Saraj", ActorKind.Person), new("Sarraj", ActorKind.Person),
        new("Libyan National Army", ActorKind.ArmedGroup, "LNA"), new("LNA", ActorKind.Organization, "LNA"),
        new("Government of National Accord", ActorKind.Government, "GNA"), new("GNA", ActorKind.Government, "GNA"),
        new("Government of National Unity", ActorKind.Government, "GNU"),
        new("Ajdabiya", ActorKind.Place), new("Ajabiya", ActorKind.Place), new("Jufra", ActorKind.Place), new("Kufra", ActorKind.Place),
        new("Jordan", ActorKind.Person), new("Jordan", ActorKind.Place), new("Tripoli", ActorKind.Place),
        new("United States", ActorKind.State), new("U.S.", ActorKind.State),
    ];

    // An article names each actor once: its chains are distinct.
    private static readonly Gen<ChainTemplate[]> Article =
        Gen.Shuffle(Chains).SelectMany(shuffled => Gen.Choose(1, 6).Select(count => shuffled[..count]));

    /// <summary>Two to seven articles and a shuffled order of them.</summary>
    public static Arbitrary<TwoOrders> InTwoOrders { get; } = Arb.From(
        Gen.Choose(2, 7).SelectMany(n => Article.ArrayOf(n))
            .SelectMany(articles => Gen.Shuffle(Enumerable.Range(0, articles.Length).ToArray()).Select(order => new TwoOrders(articles, order))));
}
