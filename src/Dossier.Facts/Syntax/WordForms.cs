using System.Collections.Concurrent;
using System.Collections.Frozen;
using Dossier.Nlp.Lexicons;

namespace Dossier.Facts.Syntax;

/// <summary>
/// Matches a word against lemmas whatever its inflection: "claimed", "claiming" and "claims" are the
/// lemma "claim"; irregular forms come from <c>irregular-verbs.tsv</c>. A word is tried as it is, as
/// its irregular lemma, then with each regular ending taken off, so a list of lemmas never has to
/// spell out every form.
/// </summary>
public static class WordForms
{
    private static readonly IReadOnlyDictionary<string, string> Irregular = Lexicon.Named("irregular-verbs").Map().ToFrozenDictionary(StringComparer.Ordinal);

    public static string Version => Lexicon.VersionOf(Lexicon.Named("irregular-verbs"));

    /// <summary>The lemma in <paramref name="lemmas"/> that <paramref name="word"/> is a form of, or null.</summary>
    public static string? LemmaIn(string word, IReadOnlySet<string> lemmas)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(lemmas);

        // Every extractor asks this of every token: the answer for a word is kept per list, so the
        // forms are worked out once per word, not once per token (a bounded cache: past its size,
        // words are worked out each time).
        var known = Known.GetOrAdd(lemmas, _ => new ConcurrentDictionary<string, string>(StringComparer.Ordinal));
        if (known.TryGetValue(word, out var cached))
        {
            return cached.Length == 0 ? null : cached;
        }

        var found = Find(word, lemmas);
        if (known.Count < MaxKnownWords)
        {
            known.TryAdd(word, found ?? "");
        }

        return found;
    }

    private const int MaxKnownWords = 200_000;

    private static readonly ConcurrentDictionary<IReadOnlySet<string>, ConcurrentDictionary<string, string>> Known = new(ReferenceEqualityComparer.Instance);

    private static string? Find(string word, IReadOnlySet<string> lemmas)
    {
        var lower = word.ToLowerInvariant().Replace('’', '\'');
        foreach (var candidate in Candidates(lower))
        {
            if (lemmas.Contains(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The most likely lemma of a word: its irregular lemma, or the word less a regular ending.</summary>
    public static IEnumerable<string> Candidates(string lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        yield return lower;
        if (Irregular.TryGetValue(lower, out var irregular))
        {
            yield return irregular;
        }

        if (lower.Length > 4 && lower.EndsWith("ies", StringComparison.Ordinal))
        {
            yield return lower[..^3] + "y";
        }

        if (lower.Length > 4 && lower.EndsWith("ied", StringComparison.Ordinal))
        {
            yield return lower[..^3] + "y";
        }

        if (lower.Length > 3 && lower.EndsWith("es", StringComparison.Ordinal))
        {
            yield return lower[..^2];
        }

        if (lower.Length > 3 && lower.EndsWith('s') && !lower.EndsWith("ss", StringComparison.Ordinal))
        {
            yield return lower[..^1];
        }

        foreach (var ending in (string[])["ed", "ing"])
        {
            if (lower.Length > ending.Length + 2 && lower.EndsWith(ending, StringComparison.Ordinal))
            {
                var stem = lower[..^ending.Length];
                yield return stem;
                yield return stem + "e";

                // "stopped", "shelling": a doubled consonant before the ending.
                if (stem.Length > 2 && stem[^1] == stem[^2])
                {
                    yield return stem[..^1];
                }
            }
        }

        if (lower.Length > 3 && lower.EndsWith('d'))
        {
            yield return lower[..^1];
        }
    }
}
