namespace Dossier.Nlp.Linking;

/// <summary>Why two names were judged spellings of one name, and how strongly.</summary>
public sealed record NameMatch(double Score, string Rule, string Detail)
{
    public static readonly NameMatch None = new(0, "none", "no word of one name matches the other");
}

/// <summary>
/// Scores whether two names are spellings of the same name, across transliterations: each word of
/// the shorter name is aligned to a word of the longer by phonetic key (<see cref="NameForms.Key"/>),
/// a one-letter key difference, or close spelling. Kinds and context are the linker's business; this
/// looks at the names alone.
/// </summary>
public static class NameVariantMatcher
{
    /// <summary>Scores at or above this are the same name.</summary>
    /// <value>The default value is 0.85, tuned on the UN sanctions list's aliases (README).</value>
    public const double SameName = 0.85;

    public static NameMatch Match(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var wordsA = Significant(NameForms.Core(a));
        var wordsB = Significant(NameForms.Core(b));
        if (wordsA.Count == 0 || wordsB.Count == 0)
        {
            return NameMatch.None;
        }

        if (wordsA.SequenceEqual(wordsB, StringComparer.Ordinal))
        {
            return new NameMatch(1.0, "same-words", string.Join(' ', wordsA));
        }

        var keysA = wordsA.Select(NameForms.Key).ToList();
        var keysB = wordsB.Select(NameForms.Key).ToList();
        if (keysA.SequenceEqual(keysB, StringComparer.Ordinal))
        {
            return new NameMatch(0.97, "phonetic-key", string.Join(' ', keysA));
        }

        var (shortWords, shortKeys, longWords, longKeys) = wordsA.Count <= wordsB.Count
            ? (wordsA, keysA, wordsB, keysB)
            : (wordsB, keysB, wordsA, keysA);
        var used = new bool[longWords.Count];
        var total = 0.0;
        var lastIndex = -1;
        var inOrder = true;
        for (var i = 0; i < shortWords.Count; i++)
        {
            var best = 0.0;
            var bestIndex = -1;
            for (var j = 0; j < longWords.Count; j++)
            {
                if (used[j])
                {
                    continue;
                }

                var score = WordScore(shortWords[i], shortKeys[i], longWords[j], longKeys[j]);
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
        }

        var aligned = total / shortWords.Count;
        if (aligned < 0.5)
        {
            return new NameMatch(aligned * 0.5, "no-alignment", $"{string.Join(' ', shortWords)} / {string.Join(' ', longWords)}");
        }

        // A name that is part of a longer one (Haftar / Khalifa Haftar) is a candidate, not a
        // certainty: the linker must see context before it joins them.
        var coverage = (double)shortWords.Count / longWords.Count;
        var score2 = aligned * (coverage == 1.0 ? 1.0 : 0.75 + (0.15 * coverage)) * (inOrder ? 1.0 : 0.95);
        var rule = coverage == 1.0 ? "aligned-words" : "part-of-name";
        return new NameMatch(Math.Round(score2, 4), rule, $"{string.Join(' ', shortWords)} ~ {string.Join(' ', longWords)}");
    }

    private static double WordScore(string a, string keyA, string b, string keyB)
    {
        if (a == b)
        {
            return 1.0;
        }

        if (keyA == keyB && keyA.Length >= 2)
        {
            return 0.95;
        }

        // Plurals and case endings from translation: Brigades / Brigade, Haftaru / Haftar (the
        // vowel is gone from the key already), Misurati / Misrata.
        if (keyA.Length >= 3 && keyB.Length >= 3 && (keyA == keyB + "s" || keyB == keyA + "s"))
        {
            return 0.93;
        }

        var keyDistance = Levenshtein(keyA, keyB);
        var jaro = JaroWinkler(a, b);
        if (keyDistance == 1 && Math.Min(keyA.Length, keyB.Length) >= 3 && jaro >= 0.8)
        {
            return 0.88;
        }

        return jaro >= 0.92 ? 0.85 : jaro * 0.6;
    }

    private static List<string> Significant(IReadOnlyList<string> words) =>
        words.Count > 1 ? [.. words.Where(w => w is not ("of" or "and" or "the" or "for"))] : [.. words];

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
