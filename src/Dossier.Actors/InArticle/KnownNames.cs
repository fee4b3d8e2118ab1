using Dossier.Core.Actors;
using Dossier.Nlp.Linking;

namespace Dossier.Actors.InArticle;

/// <summary>
/// Names the corpus already knows (written so by some article, where the recognizer found them),
/// looked up in an article's text so that a name the recognizer missed there is still a mention:
/// "Benghazi Defense Brigade" in quotation marks, "GNA" in a headline. Names of two words or more,
/// acronyms of three letters or more, and names of one word that actors of two articles are
/// written, as written: a common word the recognizer took for a name once is never looked for.
/// </summary>
public sealed class KnownNames
{
    // Per first word, its names longest first; "AsWritten" for acronyms, matched only in their case.
    private readonly Dictionary<string, List<(string Name, ActorKind Kind, bool AsWritten)>> byFirstWord = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="names">The names of the corpus's article actors, with their kinds.</param>
    /// <param name="descriptions">
    /// Descriptions of governments that stood for a named actor in some article ("the internationally
    /// recognized government" for the Government of National Accord), with that actor's name.
    /// </param>
    public KnownNames(IEnumerable<(string Name, ActorKind Kind)> names, IEnumerable<(string Description, string Name, ActorKind Kind)>? descriptions = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        ReadDescriptions(descriptions ?? []);
        var oneWord = new Dictionary<string, (string Name, ActorKind Kind)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, kind) in names)
        {
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 1 && name.Length >= 4 && char.IsUpper(name[0]) && !name.All(c => char.IsUpper(c) || c == '.' || c == '-'))
            {
                ref var used = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(oneWordUses, name, out var counted);
                used++;
                if (!counted)
                {
                    oneWord[name] = (name, kind);
                }
            }

            var acronym = words.Length == 1 && name.Length >= 3 && name.All(c => char.IsUpper(c) || c == '.');

            // "UN" is too short to look for, but "U.N." is unmistakable: the dotted form of a short acronym.
            if (words.Length == 1 && name.Length is >= 2 and <= 4 && name.All(char.IsUpper))
            {
                AddName(string.Join('.', name.ToCharArray()) + ".", kind, asWritten: true);
            }

            // "Al-Qaida": one word, but two capitalized parts, so no common word.
            var parts = name.Split('-', StringSplitOptions.RemoveEmptyEntries);
            var hyphenated = words.Length == 1 && parts.Length >= 2 && parts.All(p => p.Length > 1 && char.IsUpper(p[0])) && name.Length >= 6;
            if ((words.Length < 2 && !acronym && !hyphenated) || !char.IsUpper(name[0]))
            {
                continue;
            }

            AddName(name, kind, name.All(c => char.IsUpper(c) || c == '.'));
        }

        // A name of one word that actors of two articles or more are written ("Daesh", "Coalition") is
        // looked for as written, or in capitals: a common word the recognizer took for a name once
        // is never looked for, nor is the word in lower case ("a coalition of parties").
        foreach (var (name, kind) in oneWord.Values)
        {
            if (oneWordUses[name] >= 2)
            {
                AddUncounted(name, kind);
                AddUncounted(name.ToUpperInvariant(), kind);
            }
        }

        foreach (var list in byFirstWord.Values)
        {
            list.Sort((a, b) => b.Name.Length.CompareTo(a.Name.Length)); // longest first
        }

        // One spelling per sound: the one most actors are written.
        foreach (var (name, kind) in oneWord.Values.OrderByDescending(n => oneWordUses[n.Name]).ThenBy(n => n.Name, StringComparer.Ordinal))
        {
            if (SoundOf(name) is { } sound)
            {
                bySound.TryAdd(sound, (name, kind));
            }
        }
    }

    // Another way to find a name already counted, which adds nothing to its uses.
    private void AddUncounted(string name, ActorKind kind)
    {
        if (!byFirstWord.TryGetValue(name, out var list))
        {
            list = [];
            byFirstWord[name] = list;
        }

        if (!list.Exists(n => string.Equals(n.Name, name, StringComparison.Ordinal)))
        {
            list.Add((name, kind, true));
        }
    }

    private void AddName(string name, ActorKind kind, bool asWritten)
    {
        var first = name.Split(' ', 2)[0];
        if (!byFirstWord.TryGetValue(first, out var list))
        {
            list = [];
            byFirstWord[first] = list;
        }

        // A large corpus gives millions of spellings, mostly repeats: the first of each is kept, and counted.
        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(uses, name, out var seen);
        count++;
        if (!seen)
        {
            list.Add((name, kind, asWritten));
        }
    }

    // Per description key, the actor most articles mean by it, when they mostly agree.
    private readonly Dictionary<string, (string Name, ActorKind Kind)> described = new(StringComparer.Ordinal);

    private void ReadDescriptions(IEnumerable<(string Description, string Name, ActorKind Kind)> descriptions)
    {
        var votes = new Dictionary<string, Dictionary<(string Name, ActorKind Kind), int>>(StringComparer.Ordinal);
        foreach (var (description, name, kind) in descriptions)
        {
            if (DescriptionKey(description) is not { } key)
            {
                continue;
            }

            if (!votes.TryGetValue(key, out var names))
            {
                names = [];
                votes[key] = names;
            }

            names[(name, kind)] = names.GetValueOrDefault((name, kind)) + 1;
        }

        // Two articles in three at least: a description several governments share names none.
        foreach (var (key, names) in votes)
        {
            var best = names.MaxBy(p => p.Value);
            if (best.Value * 3 >= names.Values.Sum() * 2)
            {
                described[key] = best.Key;
            }
        }
    }

    /// <summary>The actor other articles mean by this description of a government, or null.</summary>
    public (string Name, ActorKind Kind)? DescribedAs(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return described.Count > 0 && DescriptionKey(description) is { } key && described.TryGetValue(key, out var actor) ? actor : null;
    }

    /// <summary>How many descriptions stand for a known actor.</summary>
    public int DescriptionCount => described.Count;

    private static readonly HashSet<string> WorldWords = new(StringComparer.Ordinal) { "internationally", "international", "un", "united", "nations", "world" };

    private static readonly HashSet<string> BackingWords = new(StringComparer.Ordinal) { "recognized", "recognised", "backed", "supported", "sponsored", "endorsed" };

    /// <summary>
    /// What a description of a government says, the same however it is written: lower case, without
    /// "the", dots or hyphens, and the ways of saying the world recognizes it ("UN-recognized",
    /// "U.N.-backed", "internationally-recognized") as one; null when it does not describe a government.
    /// </summary>
    public static string? DescriptionKey(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var words = description.ToLowerInvariant().Replace(".", "", StringComparison.Ordinal).Replace('-', ' ').Replace('’', '\'')
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && words[0] == "the")
        {
            words.RemoveAt(0);
        }

        if (!words.Contains("government"))
        {
            return null;
        }

        if (words.Exists(WorldWords.Contains) && words.Exists(BackingWords.Contains))
        {
            words.RemoveAll(w => WorldWords.Contains(w) || BackingWords.Contains(w));
            words.InsertRange(0, ["internationally", "recognized"]);
        }

        return string.Join(' ', words);
    }

    // Names of one word ("Haftar", "Al-Qaida") by the phonetic key of that word, for spellings the recognizer missed.
    private readonly Dictionary<string, (string Name, ActorKind Kind)> bySound = new(StringComparer.Ordinal);

    private readonly Dictionary<string, int> oneWordUses = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The phonetic key of a name of one core word ("Al-Qaeda" is "kd"), or null for a longer name.</summary>
    public static string? SoundOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var core = NameForms.Core(name);
        return core.Count == 1 && core[0].Length >= 4 ? NameForms.Key(core[0]) : null;
    }

    /// <summary>
    /// A name of one word that actors of the corpus are written (the most used of those), sounding as <paramref name="word"/>
    /// does but written otherwise ("Haftar" for "Hoftar"); null when there is none.
    /// </summary>
    /// <param name="word">The word as written.</param>
    /// <param name="sound">Its <see cref="SoundOf"/>, when the caller has it already.</param>
    public (string Name, ActorKind Kind)? SpellingOf(string word, string? sound = null)
    {
        ArgumentNullException.ThrowIfNull(word);
        return bySound.Count > 0 && (sound ?? SoundOf(word)) is { } key && bySound.TryGetValue(key, out var known)
               && !string.Equals(known.Name, word, StringComparison.OrdinalIgnoreCase)
            ? known
            : null;
    }

    /// <summary>
    /// Words that may be names written another way: capitalized, not in capitals, of four letters
    /// or more, read after a lower-case prefix ("Kathar" in "anti-Kathar") or with their article
    /// ("al-Qaeda"); a possessive is left out.
    /// </summary>
    public static IEnumerable<(int Start, int End)> CapitalizedWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var position = 0;
        while (position < text.Length)
        {
            if (!char.IsLetter(text[position]) || (position > 0 && char.IsLetterOrDigit(text[position - 1])))
            {
                position++;
                continue;
            }

            var end = position;
            while (end < text.Length && (char.IsLetter(text[end]) || (text[end] == '-' && end + 1 < text.Length && char.IsLetter(text[end + 1]))))
            {
                end++;
            }

            var start = position;
            position = end;

            // "anti-Kathar", "pro-Haftar": the name after a lower-case prefix; but "al-Qaeda" is one name.
            var hyphen = text.IndexOf('-', start, end - start);
            var article = false;
            if (hyphen > start && char.IsLower(text[start]) && hyphen + 1 < end && char.IsUpper(text[hyphen + 1]))
            {
                article = NameForms.IsArticle(text[start..hyphen]);
                start = article ? start : hyphen + 1;
            }

            if (end - start >= 4 && (article || char.IsUpper(text[start])) && text.AsSpan(start + 1, end - start - 1).ContainsAnyInRange('a', 'z'))
            {
                yield return (start, end);
            }
        }
    }

    public int Count => byFirstWord.Values.Sum(l => l.Count);

    /// <summary>How many of the actors the names were taken from are written <paramref name="name"/> (any case): 0 when none is.</summary>
    public int Uses(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return uses.GetValueOrDefault(name);
    }

    private readonly Dictionary<string, int> uses = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every occurrence in <paramref name="text"/>, longest name first at each place, as whole words.</summary>
    public IEnumerable<(int Start, int End, string Name, ActorKind Kind)> Find(string text, Func<string, bool>? skip = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var position = 0;
        while (position < text.Length)
        {
            if (!char.IsLetter(text[position]) || (position > 0 && (char.IsLetterOrDigit(text[position - 1]) || text[position - 1] == '-')))
            {
                position++;
                continue;
            }

            var wordEnd = position;
            while (wordEnd < text.Length && (char.IsLetterOrDigit(text[wordEnd]) || text[wordEnd] is '-' or '.' or '’' or '\''))
            {
                wordEnd++;
            }

            var word = text[position..wordEnd].TrimEnd('.', '’', '\'');
            var found = false;
            // "U.N.-sanctioned": a dotted name before a hyphen is looked up without what follows.
            var hyphen = text.IndexOf(".-", position, wordEnd - position, StringComparison.Ordinal);
            if (byFirstWord.TryGetValue(word, out var candidates) || byFirstWord.TryGetValue(text[position..wordEnd], out candidates)
                || (hyphen > position && byFirstWord.TryGetValue(text[position..(hyphen + 1)], out candidates)))
            {
                foreach (var (name, kind, asWritten) in candidates)
                {
                    if (skip is not null && skip(name))
                    {
                        continue;
                    }

                    var end = position + name.Length;

                    // Acronyms as written ("WHO" is not "who"); names in any case ("al-Qaida", "TRIPOLI").
                    // The last letter is compared first: it rules out nearly every candidate at once.
                    var comparison = asWritten ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
                    if (end <= text.Length && char.ToUpperInvariant(text[end - 1]) == char.ToUpperInvariant(name[^1])
                        && string.Compare(text, position, name, 0, name.Length, comparison) == 0
                        && (end == text.Length || !(char.IsLetterOrDigit(text[end]) || (text[end] == '-' && name[^1] != '.'))))
                    {
                        yield return (position, end, text[position..end], kind);
                        position = end;
                        found = true;
                        break;
                    }
                }
            }

            if (!found)
            {
                position = Math.Max(wordEnd, position + 1);
            }
        }
    }
}
