namespace Dossier.Nlp.Linking;

/// <summary>Why two names were judged spellings of one name, and how strongly.</summary>
public sealed record NameMatch(double Score, string Rule, string Detail)
{
    public static readonly NameMatch None = new(0, "none", "no word of one name matches the other");
}

/// <summary>
/// Scores whether two names are spellings of the same name, across transliterations: each word of
/// the shorter name is aligned to a word of the longer by phonetic key (<see cref="NameForms.Key"/>),
/// a key differing by one change transliteration makes (an h, s/z, d/z, t/d, b/p), or close
/// spelling of a long word. One word that matches nothing keeps the names apart (Qusay and Uday
/// Saddam Hussein), as does a part of a longer name (the linker decides those with context). Kinds
/// and context are the linker's business; this looks at the names alone. For many comparisons,
/// prepare each name once with <see cref="NameKey.Of"/>.
/// </summary>
public static class NameVariantMatcher
{
    /// <summary>Scores at or above this are the same name.</summary>
    /// <value>The default value is 0.85, tuned on data/names/ar2en-variants-tune.pairs.tsv, un-variants.pairs.tsv and libya-actors.pairs.tsv (docs/benchmarks.md).</value>
    public const double SameName = 0.85;

    // Common first names whose spellings share a phonetic key with a different name: Mohammed and
    // Mahmoud are both "mhmd", Hassan and Hussein both "hsn". A spelling maps to its name; two
    // spellings of different names never count as one word.
    private static readonly Dictionary<string, int> DistinctNames = BuildDistinctNames(
    [
        ["mohammed", "mohammad", "muhammad", "muhammed", "mohamed", "mohamad", "muhamad", "mouhamed", "mohamud", "mohd", "mehmet"],
        ["mahmoud", "mahmud", "mahmood", "mahmut", "mahmoud"],
        ["hassan", "hasan", "hassen", "hasen"],
        ["hussein", "husein", "hussain", "husain", "husayn", "hussien", "hossein", "hosein", "houssein", "husseyn"],
        ["hasna", "hassna"],
        ["omar", "umar", "omer", "umer"],
        ["amr", "amro", "amru", "amrou"],
        ["ammar", "amar"],
        ["amer", "aamer", "amor"],
        ["amir", "ameer", "emir"],
        ["said", "saeed", "saied", "sayeed", "saeid"],
        ["sayed", "sayyid", "sayid", "sayyed", "syed", "seyed"],
        ["saad", "saed"],
        ["saud", "saoud"],
        ["hamid", "hamed"],
        ["hamad", "hammad"],
        ["hamada", "hammada"],

        // Khalifa through Russian: "Халифа" is read back as the title it also means.
        ["khalifa", "khalifah", "khaleefa", "halifa", "caliph"],
    ]);

    public static NameMatch Match(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Match(NameKey.Of(a), NameKey.Of(b));
    }

    /// <summary>As <see cref="Match(string, string)"/>, on names prepared once with <see cref="NameKey.Of"/>.</summary>
    public static NameMatch Match(NameKey a, NameKey b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var wordsA = a.WordArray;
        var wordsB = b.WordArray;
        if (wordsA.Length == 0 || wordsB.Length == 0)
        {
            return NameMatch.None;
        }

        if (wordsA.AsSpan().SequenceEqual(wordsB))
        {
            return new NameMatch(1.0, "same-words", string.Join(' ', wordsA));
        }

        if (wordsA.Length == wordsB.Length && a.KeyArray.AsSpan().SequenceEqual(b.KeyArray) && !AnyDistinctNames(wordsA, wordsB))
        {
            return new NameMatch(0.97, "phonetic-key", string.Join(' ', a.KeyArray));
        }

        // Hyphen and space variants: Bu Khamada / Bukhamada, Abd al-Rahman / Abdelrahman.
        if (wordsA.Length != wordsB.Length && a.Joined.Length >= 4 && a.Joined == b.Joined)
        {
            return new NameMatch(0.95, "joined-words", a.Joined);
        }

        var (shortName, longName) = wordsA.Length <= wordsB.Length ? (a, b) : (b, a);
        var shortWords = shortName.WordArray;
        var longWords = longName.WordArray;
        var multiWord = shortWords.Length > 1 && longWords.Length > 1;
        Span<bool> used = longWords.Length <= 64 ? stackalloc bool[longWords.Length] : new bool[longWords.Length];
        var total = 0.0;
        var weakest = 1.0;
        var lastIndex = -1;
        var inOrder = true;
        for (var i = 0; i < shortWords.Length; i++)
        {
            var best = 0.0;
            var bestIndex = -1;
            for (var j = 0; j < longWords.Length; j++)
            {
                if (used[j])
                {
                    continue;
                }

                var score = WordScore(shortWords[i], shortName.KeyArray[i], longWords[j], longName.KeyArray[j], multiWord);
                if (score > best)
                {
                    best = score;
                    bestIndex = j;
                }
            }

            if (bestIndex >= 0)
            {
                used[bestIndex] = true;
                inOrder &= bestIndex > lastIndex;
                lastIndex = bestIndex;
            }

            total += best;
            weakest = Math.Min(weakest, best);
        }

        var aligned = total / shortWords.Length;
        if (aligned < 0.5)
        {
            return new NameMatch(Math.Round(aligned * 0.5, 4), "no-alignment", $"{string.Join(' ', shortWords)} / {string.Join(' ', longWords)}");
        }

        // One word that matches nothing makes two names: Qusay and Uday Saddam Hussein, Khalifa and
        // Khaled Haftar. However well the rest agrees, the pair stays below the threshold.
        if (weakest < SameName)
        {
            aligned = Math.Min(aligned, 0.6 + (0.25 * weakest));
        }

        // A name that is part of a longer one (Haftar / Khalifa Haftar) is a candidate, not a
        // certainty: the linker must see context before it joins them.
        var coverage = (double)shortWords.Length / longWords.Length;
        var score2 = aligned * (coverage == 1.0 ? 1.0 : 0.7 + (0.14 * coverage)) * (inOrder ? 1.0 : 0.95);
        var rule = weakest < SameName ? "word-differs" : coverage == 1.0 ? "aligned-words" : "part-of-name";
        return new NameMatch(Math.Round(score2, 4), rule, $"{string.Join(' ', shortWords)} ~ {string.Join(' ', longWords)}");
    }

    private static double WordScore(string a, string keyA, string b, string keyB, bool multiWord)
    {
        if (a == b)
        {
            return 1.0;
        }

        if (AreDistinctNames(a, b))
        {
            return 0.3;
        }

        if (AreSpellingsOfOneName(a, b))
        {
            return 0.95;
        }

        var jaro = JaroWinkler(a, b);
        if (keyA == keyB)
        {
            // A one-consonant key (Zawiya, Zawiyah: "z") says little; the letters must agree too.
            return keyA.Length >= 2 ? 0.95 : jaro >= 0.9 ? 0.9 : jaro * 0.75;
        }

        // Plurals from translation, in names of groups: Brigades / Brigade, Facilities / Facility.
        if (multiWord && keyA.Length >= 3 && keyB.Length >= 3 && (IsPlural(keyA, keyB) || IsPlural(keyB, keyA)))
        {
            return 0.93;
        }

        // One consonant that transliterations swap: s/z (Benghazi, Bengasi), d/z (Nadhuri, Nazuri),
        // t/d (Mehmet), b/p. Any other one-letter difference is another name: Khalifa / Khaled,
        // Saleh / Salem, Jufra / Kufra.
        if (Math.Min(keyA.Length, keyB.Length) >= 3 && jaro >= 0.75 && KeyDistance(keyA, keyB) <= 1)
        {
            return 0.9;
        }

        // A long word with one other letter in its key, and most letters in place: Mutebutsi,
        // Mutebusi; Nourredine, Nourreldine. Short words differing so are other names (Saleh, Salem),
        // and so are words whose keys end differently (Misrata, Misrati; Abramov, Abramovic).
        if (Math.Min(a.Length, b.Length) >= 6 && jaro >= 0.9 && keyA[^1] == keyB[^1] && KeyDistance(keyA, keyB) <= 2)
        {
            return 0.86;
        }

        return jaro * 0.75;
    }

    // Keys of "brigades" / "brigade" (brkds, brkd) and of "facilities" / "facility" (fslts, fslti).
    private static bool IsPlural(string longer, string shorter) =>
        longer[^1] == 's' && (
            (longer.Length == shorter.Length + 1 && longer.StartsWith(shorter, StringComparison.Ordinal))
            || (longer.Length == shorter.Length && shorter[^1] == 'i' && longer.AsSpan(0, longer.Length - 1).SequenceEqual(shorter.AsSpan(0, shorter.Length - 1))));

    /// <summary>
    /// Edit distance of two keys in half steps: a change that transliteration makes all the time costs
    /// 1 (an h written or not, h for k or for a first vowel: Khalaf, Kalaf; Haroun, Aroun; s/z, d/z,
    /// t/d, b/p), any other change 2. The adjective ending i is a full change: Misrati is not Misrata.
    /// </summary>
    private static int KeyDistance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2 || a.Length > 32 || b.Length > 32)
        {
            return int.MaxValue;
        }

        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        previous[0] = 0;
        for (var j = 1; j <= b.Length; j++)
        {
            previous[j] = previous[j - 1] + IndelCost(b, j - 1);
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = previous[0] + IndelCost(a, i - 1);
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + SwapCost(a[i - 1], b[j - 1]);
                current[j] = Math.Min(substitution, Math.Min(current[j - 1] + IndelCost(b, j - 1), previous[j] + IndelCost(a, i - 1)));
            }

            current.CopyTo(previous);
        }

        return previous[b.Length];
    }

    private static int IndelCost(string key, int index) => key[index] == 'h' ? 1 : 2;

    private static int SwapCost(char x, char y) => x == y ? 0
        : (x, y) is ('h', 'k') or ('k', 'h') or ('h', 'a') or ('a', 'h') or ('s', 'z') or ('z', 's') or ('d', 'z') or ('z', 'd')
            or ('t', 'd') or ('d', 't') or ('b', 'p') or ('p', 'b') ? 1 : 2;

    private static bool AreSpellingsOfOneName(string a, string b) =>
        DistinctNames.TryGetValue(a, out var nameA) && DistinctNames.TryGetValue(b, out var nameB) && nameA == nameB;

    private static bool AreDistinctNames(string a, string b) =>
        DistinctNames.TryGetValue(a, out var nameA) && DistinctNames.TryGetValue(b, out var nameB) && nameA != nameB;

    private static bool AnyDistinctNames(string[] a, string[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (AreDistinctNames(a[i], b[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, int> BuildDistinctNames(string[][] groups)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Length; i++)
        {
            foreach (var spelling in groups[i])
            {
                names.TryAdd(spelling, i);
            }
        }

        return names;
    }

    public static int Levenshtein(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    public static double JaroWinkler(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1.0 : 0.0;
        }

        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        var matchedA = new bool[a.Length];
        var matchedB = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = Math.Max(0, i - window); j < Math.Min(b.Length, i + window + 1); j++)
            {
                if (!matchedB[j] && a[i] == b[j])
                {
                    matchedA[i] = matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0.0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!matchedA[i])
            {
                continue;
            }

            while (!matchedB[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        var m = (double)matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2.0)) / m)) / 3.0;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }
}
