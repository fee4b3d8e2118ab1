using Dossier.Actors.Lexicon;
using Dossier.Core.Actors;
using Dossier.Core.Documents;
using Dossier.Core.Documents.Nlp;

namespace Dossier.Actors.InArticle;

/// <summary>A name the recognizer (or an acronym definition) found, with titles stripped and its kind decided.</summary>
internal sealed record NameMention(
    int Start, int End, string Text, IReadOnlyList<string> CoreWords, KindDecision Kind, IReadOnlySet<string> Roles,
    bool IsAcronym, string EntityType, string? DefinedAcronym)
{
    public string CoreKey { get; } = string.Join(' ', CoreWords);

    /// <summary>
    /// Another name of the article this one is a form of, as written there, and why ("Sidre" of
    /// "Sidr": a Russian case ending); the name joins that name's actor whatever the spellings say.
    /// </summary>
    public (string Name, string Reason)? FormOf { get; init; }

    /// <summary>Phonetic keys of the name's words: two names with none in common are not compared further.</summary>
    public IReadOnlySet<string> WordKeys { get; } = CoreWords.Select(Dossier.Nlp.Linking.NameForms.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>The country this name is, when it is a state.</summary>
    public string? State => Kind.Kind == ActorKind.State ? Kind.State : null;

    /// <summary>A capital written for its state ("Ankara dropped all claims"), not the country's own name.</summary>
    public bool IsCapital => State is not null && Kind.IsCapital;

    // The words of a state's reason, for people to read: the state itself is a field of the decision.
    public const string StateReason = "a name of ";

    public const string CapitalReason = "its capital, stands for its government";
}

internal readonly record struct DraftMention(int Start, int End, MentionForm Form, string Reason);

/// <summary>One actor of the article while its mentions are being gathered.</summary>
internal sealed class Chain
{
    private readonly List<KindDecision> kinds = [];

    public Chain(NameMention first, MentionForm form, string reason)
    {
        Family = first.Kind.Kind.Family();
        State = first.State;
        Add(first, form, reason);
    }

    private Chain(string state)
    {
        Family = ActorKind.State.Family();
        State = state;
        kinds.Add(new KindDecision(ActorKind.State, $"a nationality word of {state}", KindClassifier.CueWeight));
    }

    public static Chain ForState(string country, DraftMention mention)
    {
        var chain = new Chain(country);
        chain.Mentions.Add(mention);
        return chain;
    }

    private Chain(string knownName, ActorKind kind, string? kindReason = null)
    {
        Family = kind.Family();
        KnownName = knownName;
        kinds.Add(new KindDecision(kind, kindReason ?? $"other articles name {knownName} so", KindClassifier.CueWeight));
    }

    /// <summary>An actor named by a phrase over another actor's name ("ISIL fighters", "Iraqi forces"), named as the phrase is first written.</summary>
    public static Chain ForPhrase(string phrase, ActorKind kind, string kindReason, DraftMention mention, bool stateForce = false)
    {
        var chain = new Chain(phrase, kind, kindReason) { IsStateForce = stateForce };
        chain.Mentions.Add(mention);
        return chain;
    }

    /// <summary>The forces of a state or its government ("Iraqi security forces"), which "the terrorist group" never means.</summary>
    public bool IsStateForce { get; private init; }

    /// <summary>An actor the article only describes ("the UN-recognized government"), named as other articles name it.</summary>
    public static Chain ForKnownActor(string name, ActorKind kind, DraftMention mention)
    {
        var chain = new Chain(name, kind);
        chain.Mentions.Add(mention);
        return chain;
    }

    /// <summary>
    /// A full name the article writes only in parts ("[Libyan leader Muammar] Gaddafi"), put together;
    /// it names the actor when no name of the chain has two words or more.
    /// </summary>
    public string? ComposedName { get; set; }

    /// <summary>For an actor the article only describes: the name other articles give it.</summary>
    public string? KnownName { get; }

    public KindFamily Family { get; }

    public string? State { get; }

    public List<NameMention> Names { get; } = [];

    /// <summary>
    /// The chain's names with each spelling once (the first of its occurrences), for the questions
    /// that look only at what a name is and not where it stands. A long report names its main
    /// actors thousands of times; asking every occurrence made linking grow with the square of its length.
    /// </summary>
    public List<NameMention> DistinctNames { get; } = [];

    private readonly HashSet<NameShape> shapes = [];

    public List<DraftMention> Mentions { get; } = [];

    public HashSet<string> Roles { get; } = new(StringComparer.Ordinal);

    public ActorKind Kind => DecideKind().Kind;

    public void Add(NameMention name, MentionForm form, string reason)
    {
        Names.Add(name);
        if (shapes.Add(NameShape.Of(name)))
        {
            DistinctNames.Add(name);
        }

        Mentions.Add(new DraftMention(name.Start, name.End, form, reason));
        Roles.UnionWith(name.Roles);

        // An acronym's own kind is a guess from its letters; its chain's names decide.
        kinds.Add(name.IsAcronym && name.Kind.Weight == KindClassifier.TypeWeight ? name.Kind with { Weight = 0 } : name.Kind);
        decided = null;
    }

    /// <summary>The name that best names the actor here: a defined name, else the fullest, most used spelling.</summary>
    public string DisplayName
    {
        get
        {
            if (State is not null && Names.TrueForAll(n => n.IsCapital))
            {
                return State;
            }

            if (KnownName is not null && Names.Count == 0)
            {
                return KnownName;
            }

            if (ComposedName is not null && Names.TrueForAll(n => n.CoreWords.Count < 2))
            {
                return ComposedName;
            }

            var defined = Names.FirstOrDefault(n => n.DefinedAcronym is not null);
            if (defined is not null)
            {
                return defined.Text;
            }

            return Names
                .GroupBy(n => n.Text, StringComparer.Ordinal)
                .OrderByDescending(g => g.First().IsAcronym ? 0 : 1)
                .ThenByDescending(g => g.First().CoreWords.Count)
                .ThenByDescending(g => g.Count())
                .ThenBy(g => g.First().Start)
                .First().Key;
        }
    }

    public (ActorKind Kind, string Reason) DecideKind() => decided ??= Decide();

    /// <summary>
    /// Kept until a name is added: the linker asks a chain's kind for every word it weighs, and a
    /// chain of a long report has thousands of votes to count.
    /// </summary>
    private (ActorKind Kind, string Reason)? decided;

    private (ActorKind Kind, string Reason) Decide()
    {
        var best = kinds
            .GroupBy(k => k.Kind)
            .Select(g => (Kind: g.Key, Weight: g.Sum(k => k.Weight), Reason: g.OrderByDescending(k => k.Weight).First().Reason))
            .OrderByDescending(p => p.Weight)
            .ThenBy(p => p.Kind)
            .FirstOrDefault();
        return kinds.Count == 0 ? (ActorKind.Organization, "no evidence") : (best.Kind, best.Reason);
    }
}

/// <summary>The document's text, tokens and sentences, with the lookups the linker makes again and again.</summary>
internal sealed class ArticleWork(Document document, CancellationToken cancellationToken = default)
{
    /// <summary>
    /// Checked between the linker's passes and inside its loops over names: a report of 200,000
    /// words takes seconds per pass, and SIGTERM or Ctrl+C must stop it within seconds.
    /// </summary>
    public void ThrowIfCancelled() => cancellationToken.ThrowIfCancellationRequested();

    private readonly int[] sentenceStarts = document.Sentences!.Select(s => s.Start).ToArray();

    public Document Document { get; } = document;

    public string Text => Document.Text;

    public IReadOnlyList<Token> Tokens { get; } = document.Tokens!;

    public string Word(int token) => Text[Tokens[token].Start..Tokens[token].End];

    public int SentenceOf(int offset)
    {
        var index = Array.BinarySearch(sentenceStarts, offset);
        return index >= 0 ? index : Math.Max(0, ~index - 1);
    }

    /// <summary>The word <paramref name="back"/> tokens before <paramref name="start"/> (1: just before), or "" before the start of the text.</summary>
    public string WordBefore(int start, int back = 1)
    {
        var index = TokenAt(start) - back;
        return index >= 0 ? Word(index) : "";
    }

    /// <summary>Whether the tagger read the word that starts at <paramref name="start"/> as a proper noun.</summary>
    public bool IsProperNoun(int start)
    {
        var index = TokenAt(start);
        return Document.PartsOfSpeech is { } tags && index < Tokens.Count && Tokens[index].Start == start && tags.Universal[index] == "PROPN";
    }

    public int SentenceStart(int sentence) => sentenceStarts.Length == 0 ? 0 : sentenceStarts[Math.Min(sentence, sentenceStarts.Length - 1)];

    /// <summary>The index of the first token that starts at or after <paramref name="offset"/>.</summary>
    public int TokenAt(int offset)
    {
        var low = 0;
        var high = Tokens.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (Tokens[middle].Start < offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    /// <summary>Titles written just before a name: "Field Marshal", "Gen.", "warlord", "renegade Gen.".</summary>
    public IEnumerable<string> TitlesBefore(int start)
    {
        var index = TokenAt(start) - 1;
        for (var taken = 0; index >= 0 && taken < 3; index--, taken++)
        {
            // "Prime Minister\u200E Haider": marks of writing direction are no part of a word.
            var word = WithoutFormatMarks(Word(index));
            if (word.Length == 0)
            {
                taken--;
                continue;
            }

            if (ActorWords.PersonTitles.TryGetValue(word, out var role))
            {
                if (role.Length > 0)
                {
                    yield return role;
                }

                // "Prime Minister X" is a prime minister, whom "the prime minister" stands for; a defence minister is not.
                if (role == "minister" && index > 0 && WithoutFormatMarks(Word(index - 1)).Equals("prime", StringComparison.OrdinalIgnoreCase))
                {
                    yield return PrimeMinister;
                }

                continue;
            }

            if (!ActorWords.LeadingNoise.Contains(word))
            {
                yield break;
            }
        }
    }

    public const string PrimeMinister = "prime minister";

    public static string WithoutFormatMarks(string word)
        => word.Any(c => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            ? new string(word.Where(c => char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray())
            : word;

    /// <summary>Roles in an apposition after a name: "Haftar, the strongman general", "Mismari, a spokesman for".</summary>
    public IEnumerable<string> RolesAfter(int end)
    {
        var index = TokenAt(end);
        if (index >= Tokens.Count || Word(index) != ",")
        {
            yield break;
        }

        for (var i = index + 1; i < Math.Min(Tokens.Count, index + 6); i++)
        {
            var word = Word(i);
            if (word is "," or "." or ";" or "said" or "told")
            {
                yield break;
            }

            if (ActorWords.PersonTitles.TryGetValue(word, out var role) && role.Length > 0)
            {
                yield return role;
            }
        }
    }
}

/// <summary>
/// What a name is, apart from where it stands: two occurrences with the same shape answer every
/// question the linker asks of a chain's names alike. The word list is joined into its key, since a
/// list compares by reference.
/// </summary>
internal readonly record struct NameShape(string Text, string CoreKey, KindDecision Kind, bool IsAcronym, string EntityType, string? DefinedAcronym, (string Name, string Reason)? FormOf)
{
    public static NameShape Of(NameMention name) => new(name.Text, name.CoreKey, name.Kind, name.IsAcronym, name.EntityType, name.DefinedAcronym, name.FormOf);
}

/// <summary>
/// The article's names by where they stand, to ask which overlap a range without asking every name:
/// a long report has tens of thousands of them, and asking each for each candidate word made
/// linking grow with the square of the article's length. Names are short, so only those that start
/// in the few buckets just before and inside the range can overlap it.
/// </summary>
internal sealed class SpanIndex
{
    private const int BucketWidth = 64;

    private readonly Dictionary<int, List<NameMention>> buckets = [];

    private int longest;

    public SpanIndex(IEnumerable<NameMention> names)
    {
        foreach (var name in names)
        {
            Add(name);
        }
    }

    public void Add(NameMention name)
    {
        var bucket = name.Start / BucketWidth;
        if (!buckets.TryGetValue(bucket, out var names))
        {
            names = [];
            buckets[bucket] = names;
        }

        names.Add(name);
        longest = Math.Max(longest, name.End - name.Start);
    }

    /// <summary>Takes this very name out (not another equal to it), as the caller takes it out of its list.</summary>
    public void Remove(NameMention name)
    {
        if (buckets.TryGetValue(name.Start / BucketWidth, out var names) && names.FindIndex(n => ReferenceEquals(n, name)) is >= 0 and var at)
        {
            names.RemoveAt(at);
        }
    }

    /// <summary>The names that start before <paramref name="end"/> and end after <paramref name="start"/>, in no particular order.</summary>
    public IEnumerable<NameMention> Overlapping(int start, int end)
    {
        for (var bucket = Math.Max(0, start - longest) / BucketWidth; bucket <= Math.Max(start, end) / BucketWidth; bucket++)
        {
            if (!buckets.TryGetValue(bucket, out var names))
            {
                continue;
            }

            foreach (var name in names)
            {
                if (name.Start < end && name.End > start)
                {
                    yield return name;
                }
            }
        }
    }

    public bool Overlaps(int start, int end) => Overlapping(start, end).Any();
}
