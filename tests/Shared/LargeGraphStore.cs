using System.Globalization;
using System.Text;
using Dossier.Core.Actors;
using Dossier.Core.Documents;
using Dossier.Core.Facts;
using Dossier.Core.Identity;
using Dossier.Core.Storage;
using Dossier.Storage.Sqlite;

namespace Dossier.Testing;

/// <summary>
/// A store whose actor graph has exactly <c>actors</c> actors and <c>ties</c> distinct ties (pairs
/// of actors with a kind), written as the extractors write facts, without running the NLP: each
/// tie is one sentence "A leads B." of an article of 10 ties. Every actor has at least one tie.
/// Shared by the browser test of a big graph and the graph benchmark.
/// </summary>
public static class LargeGraphStore
{
    private static readonly (RelationKind Kind, string Cue)[] Kinds =
    [
        (RelationKind.Leads, "leads"), (RelationKind.AlliedWith, "is allied with"), (RelationKind.Supports, "supports"),
        (RelationKind.Opposes, "opposes"), (RelationKind.Controls, "controls"),
    ];

    /// <summary>The name of actor <paramref name="i"/>; the generated store calls its actors this.</summary>
    public static string ActorName(int i) => string.Create(CultureInfo.InvariantCulture, $"Brigade {i:D4} {Syllables(i)}");

    public static void Build(string database, int actors, int ties, int seed = 1)
    {
        var random = new Random(seed);
        var pairs = new HashSet<(int, int, int)>();

        // A chain through every actor first, so none is left without a tie; then random pairs,
        // half of them near hubs (low numbers), as real graphs have.
        for (var i = 1; i < actors && pairs.Count < ties; i++)
        {
            pairs.Add((random.Next(i), i, random.Next(Kinds.Length)));
        }

        while (pairs.Count < ties)
        {
            var a = random.Next(2) == 0 ? random.Next(Math.Max(1, actors / 20)) : random.Next(actors);
            var b = random.Next(actors);
            if (a != b)
            {
                pairs.Add((a, b, random.Next(Kinds.Length)));
            }
        }

        var ordered = pairs.ToList();
        using var store = SqliteDossierStore.Open(database);
        for (var start = 0; start < ordered.Count; start += 10)
        {
            AddArticle(store, start / 10, ordered.Skip(start).Take(10).ToList());
        }

        store.Flush();
        var entities = store.ReadChains()
            .GroupBy(c => c.Name, StringComparer.Ordinal)
            .Select(g => new ResolvedEntity("G" + g.Key[8..12], g.Key, ActorKind.ArmedGroup, "generated",
                [.. g.Select(c => new ChainLink(c.ArticleSeq, c.Chain, "same-name", 1, ""))]))
            .ToList();
        store.ReplaceEntities(entities);
    }

    private static void AddArticle(IDossierStore store, int index, IReadOnlyList<(int Source, int Target, int Kind)> ties)
    {
        var text = new StringBuilder();
        var chains = new List<(string Name, List<ActorMention> Mentions)>();
        var relations = new List<Relation>();
        int Mention(string name)
        {
            var chain = chains.FindIndex(c => c.Name == name);
            if (chain < 0)
            {
                chains.Add((name, []));
                chain = chains.Count - 1;
            }

            chains[chain].Mentions.Add(new ActorMention(text.Length, text.Length + name.Length, MentionForm.Name, "generated"));
            text.Append(name);
            return chain;
        }

        text.Append(CultureInfo.InvariantCulture, $"Dispatch {index}. ");
        foreach (var (source, target, kind) in ties)
        {
            var sentence = text.Length;
            var from = Mention(ActorName(source));
            text.Append(' ');
            var cue = text.Length;
            text.Append(Kinds[kind].Cue);
            var cueEnd = text.Length;
            text.Append(' ');
            var to = Mention(ActorName(target));
            text.Append('.');
            relations.Add(new Relation(Kinds[kind].Kind, from, to, sentence, text.Length, cue, cueEnd, null));
            text.Append(' ');
        }

        var clean = text.ToString().TrimEnd();
        var published = new DateOnly(2020, 1, 1).AddDays(index % 365);
        var metadata = new ArticleMetadata
        {
            Outlet = string.Create(CultureInfo.InvariantCulture, $"Outlet {index % 7}"),
            Title = string.Create(CultureInfo.InvariantCulture, $"Dispatch {index}"),
            Published = PublicationDate.OfDay(published.Year, published.Month, published.Day),
        };
        var document = new Document(new DocumentOrigin($"generated/{index}.txt", SourceFormat.Text), clean, metadata,
            new OffsetMap([new OffsetSegment(0, clean.Length, 0, clean.Length)]), [], []) { CleanerVersion = "generated" };
        var added = store.AddArticle(document, MinHashSignature.FromText(clean));
        if (added.Outcome != AddOutcome.Duplicate)
        {
            store.ReplaceArticleActors(added.Id, [.. chains.Select((c, chain) => new ArticleActor(chain, c.Name, ActorKind.ArmedGroup, "generated", c.Mentions))],
                [], [], relations, "generated");
        }
    }

    /// <summary>A pronounceable word per number, so names differ in more than their digits.</summary>
    private static string Syllables(int i)
    {
        string[] parts = ["ka", "lo", "mi", "su", "ten", "ra", "vo", "zi", "nu", "pe"];
        return string.Concat(parts[i % 10], parts[i / 10 % 10], parts[i / 100 % 10]);
    }
}
