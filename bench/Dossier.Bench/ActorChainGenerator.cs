using Dossier.Core.Actors;
using Dossier.Core.Documents;

namespace Dossier.Bench;

/// <summary>
/// Article actors as linking would store them for a large corpus: people, armed groups and places
/// drawn with a long tail (a few actors in most articles), written with the variation real reports
/// have (kh/h, vowels, doubled letters, al-, surname only, acronyms defined or not).
/// </summary>
internal sealed class ActorChainGenerator(int seed)
{
    private static readonly string[] Onsets = ["b", "d", "f", "g", "h", "j", "k", "kh", "l", "m", "n", "q", "r", "s", "sh", "t", "w", "y", "z", "dh", "gh"];
    private static readonly string[] Vowels = ["a", "i", "u", "aa", "ou", "e"];
    private static readonly string[] GroupHeads = ["Brigade", "Battalion", "Council", "Front", "Army", "Force", "Movement", "Guard"];
    private static readonly string[] GroupWords = ["Defense", "Martyrs", "Revolutionaries", "Shura", "Salvation", "National", "Southern", "Special", "Popular", "Islamic"];

    private readonly Random random = new(seed);

    private sealed record Actor(ActorKind Kind, string[] Words, string? Acronym);

    public List<StoredChain> Generate(int articles, int chainsPerArticle)
    {
        var people = Enumerable.Range(0, 20_000).Select(_ => new Actor(ActorKind.Person, [Name(), Name(), .. random.Next(3) == 0 ? new[] { Name() } : []], null)).ToArray();
        var places = Enumerable.Range(0, 8_000).Select(_ => new Actor(ActorKind.Place, [Name()], null)).ToArray();
        var groups = Enumerable.Range(0, 3_000).Select(_ =>
        {
            string[] words = [places[random.Next(places.Length)].Words[0], GroupWords[random.Next(GroupWords.Length)], GroupHeads[random.Next(GroupHeads.Length)]];
            return new Actor(ActorKind.ArmedGroup, words, string.Concat(words.Select(w => w[0])).ToUpperInvariant());
        }).ToArray();

        var chains = new List<StoredChain>(articles * chainsPerArticle);
        for (var article = 0; article < articles; article++)
        {
            var id = new ArticleId(random.NextInt64().ToString("x16", System.Globalization.CultureInfo.InvariantCulture) + random.NextInt64().ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
            for (var chain = 0; chain < chainsPerArticle; chain++)
            {
                var pick = random.Next(10);
                var actor = pick < 5 ? Zipf(people) : pick < 8 ? Zipf(places) : Zipf(groups);
                chains.Add(Write(article + 1, id, chain, actor));
            }
        }

        return chains;
    }

    private StoredChain Write(long seq, ArticleId id, int chain, Actor actor)
    {
        switch (actor.Kind)
        {
            case ActorKind.Person:
                var full = string.Join(' ', actor.Words.Select(Vary));
                if (random.Next(10) < 3)
                {
                    var surname = Vary(actor.Words[^1]);
                    return new StoredChain(seq, id, chain, surname, actor.Kind, [surname], [], 3);
                }

                return new StoredChain(seq, id, chain, full, actor.Kind, [full, Vary(actor.Words[^1])], [], 6);
            case ActorKind.ArmedGroup:
                var name = string.Join(' ', actor.Words);
                return random.Next(10) switch
                {
                    < 3 => new StoredChain(seq, id, chain, actor.Acronym!, ActorKind.Organization, [], [actor.Acronym!], 2),
                    < 6 => new StoredChain(seq, id, chain, name, actor.Kind, [name], [actor.Acronym!], 5),
                    _ => new StoredChain(seq, id, chain, name + (random.Next(4) == 0 ? "s" : ""), actor.Kind, [name], [], 2),
                };
            default:
                var place = Vary(actor.Words[0]);
                return new StoredChain(seq, id, chain, place, actor.Kind, [place], [], 2);
        }
    }

    /// <summary>A long tail: the first actors of the pool are in many articles, most in few.</summary>
    private Actor Zipf(Actor[] pool) => pool[(int)Math.Min(pool.Length - 1, Math.Floor(Math.Pow(pool.Length, random.NextDouble())) - 1)];

    private string Name()
    {
        var syllables = 2 + random.Next(2);
        var name = string.Concat(Enumerable.Range(0, syllables).Select(_ => Onsets[random.Next(Onsets.Length)] + Vowels[random.Next(Vowels.Length)])) + Onsets[random.Next(Onsets.Length)];
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    /// <summary>Transliteration noise: kh for h, another vowel, a doubled letter, an al- prefix.</summary>
    private string Vary(string word)
    {
        return random.Next(8) switch
        {
            0 when word.StartsWith('H') => "Kh" + word[1..],
            1 => word.Replace("ou", "u", StringComparison.Ordinal).Replace("aa", "a", StringComparison.Ordinal),
            2 when word.Length > 4 => word[..3] + word[2] + word[3..],
            3 => "al-" + word,
            _ => word,
        };
    }
}
