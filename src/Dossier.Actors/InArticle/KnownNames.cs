using Dossier.Core.Actors;

namespace Dossier.Actors.InArticle;

/// <summary>
/// Names the corpus already knows (written so by some article, where the recognizer found them),
/// looked up in an article's text so that a name the recognizer missed there is still a mention:
/// "Benghazi Defense Brigade" in quotation marks, "GNA" in a headline. Only names of two words or
/// more and acronyms of three letters or more, so that a common word is never taken for a name.
/// </summary>
public sealed class KnownNames
{
    // Per first word, its names longest first; "AsWritten" for acronyms, matched only in their case.
    private readonly Dictionary<string, List<(string Name, ActorKind Kind, bool AsWritten)>> byFirstWord = new(StringComparer.OrdinalIgnoreCase);

    public KnownNames(IEnumerable<(string Name, ActorKind Kind)> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var (name, kind) in names)
        {
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var acronym = words.Length == 1 && name.Length >= 3 && name.All(c => char.IsUpper(c) || c == '.');

            // "Al-Qaida": one word, but two capitalized parts, so no common word.
            var parts = name.Split('-', StringSplitOptions.RemoveEmptyEntries);
            var hyphenated = words.Length == 1 && parts.Length >= 2 && parts.All(p => p.Length > 1 && char.IsUpper(p[0])) && name.Length >= 6;
            if ((words.Length < 2 && !acronym && !hyphenated) || !char.IsUpper(name[0]))
            {
                continue;
            }

            if (!byFirstWord.TryGetValue(words[0], out var list))
            {
                list = [];
                byFirstWord[words[0]] = list;
            }

            // A large corpus gives millions of spellings, mostly repeats: the first of each is kept, and counted.
            ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(uses, name, out var seen);
            count++;
            if (!seen)
            {
                list.Add((name, kind, name.All(c => char.IsUpper(c) || c == '.')));
            }
        }

        foreach (var list in byFirstWord.Values)
        {
            list.Sort((a, b) => b.Name.Length.CompareTo(a.Name.Length)); // longest first
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
            if (byFirstWord.TryGetValue(word, out var candidates) || byFirstWord.TryGetValue(text[position..wordEnd], out candidates))
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
                        && (end == text.Length || !(char.IsLetterOrDigit(text[end]) || text[end] == '-')))
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
