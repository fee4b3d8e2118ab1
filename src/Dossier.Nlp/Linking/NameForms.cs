using System.Globalization;
using System.Text;

namespace Dossier.Nlp.Linking;

/// <summary>
/// Normal forms of a person's or organisation's name for matching spellings across outlets and
/// translations: Arabic names in English (al-Sarraj, Serraj, Saraj), and English through Russian
/// (Khaftar, Haftaru). Each form throws away one more kind of difference.
/// </summary>
public static class NameForms
{
    // Particles that carry no identity: the Arabic article in its spellings (including the
    // assimilated ash-, ad-, ar-...), and English articles.
    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal)
    {
        "al", "el", "ul", "il", "ad", "ed", "adh", "ag", "an", "ar", "as", "ash", "at", "ath", "az", "ez", "es", "the",
    };

    /// <summary>Whether <paramref name="word"/> (lower case) is an article: "al", "el", "ash", "the".</summary>
    public static bool IsArticle(string word) => Articles.Contains(word);

    private static readonly Dictionary<string, string> Particles = new(StringComparer.Ordinal)
    {
        ["bin"] = "bin", ["ben"] = "bin", ["ibn"] = "bin", ["bint"] = "bin", ["b"] = "bin",
        ["abu"] = "abu", ["abou"] = "abu", ["abo"] = "abu", ["bou"] = "abu", ["bu"] = "abu",
        ["abd"] = "abd", ["abdel"] = "abd", ["abdul"] = "abd", ["abdal"] = "abd", ["abdol"] = "abd", ["abdil"] = "abd", ["abdur"] = "abd", ["abdar"] = "abd",
        ["ould"] = "bin", ["wuld"] = "bin",
    };

    /// <summary>
    /// Lower-case words without diacritics, apostrophes, possessive endings or articles; hyphens and
    /// dots split words. "Government of National Accord’s" gives [government, of, national, accord].
    /// </summary>
    public static IReadOnlyList<string> Words(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = new List<string>();
        var current = new StringBuilder();
        var text = name.Normalize(NormalizationForm.FormD);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '’' or '‘' or 'ʼ' or 'ʻ' or '`' or '´')
            {
                // "Haftar’s" loses its possessive; "Mus’ab" stays one word.
                if (i + 1 < text.Length && text[i + 1] is 's' or 'S' && (i + 2 == text.Length || !char.IsLetter(text[i + 2])))
                {
                    i++;
                }
            }
            else
            {
                Flush(current, words);
            }
        }

        Flush(current, words);
        return words;
    }

    /// <summary>
    /// Name words with articles dropped, particles normalised (Ben, Ibn → bin; Abdel, Abdul → abd)
    /// and a possessive "s" dropped. Titles and roles are not removed here: that is the linker's job.
    /// </summary>
    public static IReadOnlyList<string> Core(string name)
    {
        var core = new List<string>();
        var words = Words(name);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (Articles.Contains(word) && i + 1 < words.Count)
            {
                continue;
            }

            // "Abdelhakim", "Abdulrazak": the particle glued to the name.
            foreach (var (particle, normal) in Particles)
            {
                if (normal == "abd" && particle.Length >= 4 && word.Length > particle.Length + 2 && word.StartsWith(particle, StringComparison.Ordinal))
                {
                    core.Add("abd");
                    word = word[particle.Length..];
                    break;
                }
            }

            core.Add(Particles.GetValueOrDefault(word, word));
        }

        return core;
    }

    /// <summary>
    /// A phonetic key of one word: consonant classes that transliterations of Arabic and Russian
    /// confuse are merged (kh/h, q/k/c/g/gh, dzh/dj/j/zh, th/t, dh/d, ph/f, a first v/w), doubled
    /// letters merged, vowels after the first letter dropped, and a final h after a vowel (tā’
    /// marbūṭa: Dbeibah, Dbeiba) dropped. Haftar, Hifter, Khaftar, Huftar and Hoftar all give "hftr".
    /// A final i, y or ee is kept as "i": it is the Arabic adjective ending, and Misrati (a man from
    /// Misrata) or Zintani is not the town.
    /// </summary>
    public static string Key(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var w = word.ToLowerInvariant();
        var builder = new StringBuilder(w.Length + 1);
        var i = 0;
        var lastVowelStart = -1;
        var endsInVowel = false;
        while (i < w.Length)
        {
            var (symbol, length) = Classify(w, i);
            var start = i;
            i += length;
            if (symbol == '\0')
            {
                continue;
            }

            if (symbol is 'a')
            {
                if (!endsInVowel)
                {
                    lastVowelStart = start;
                }

                endsInVowel = true;
                if (builder.Length == 0)
                {
                    builder.Append('a');
                }

                continue;
            }

            // Tā’ marbūṭa: a last h after a vowel is not a consonant (Salameh, Salame; Darnah, Derna).
            if (symbol == 'h' && i == w.Length && endsInVowel && builder.Length > 0)
            {
                break;
            }

            endsInVowel = false;
            if (builder.Length > 0 && builder[^1] == symbol)
            {
                continue; // doubled consonants: Sarraj, Saraj
            }

            builder.Append(symbol);
        }

        if (endsInVowel && builder.Length > 1 && IsAdjectiveEnding(w, lastVowelStart))
        {
            builder.Append('i');
        }

        return builder.ToString();
    }

    // The vowels that end the word: "i", "y", "ee", "iy", "ie", "ey" (Mismari, Fathy, Sheikhee).
    private static bool IsAdjectiveEnding(string w, int start)
    {
        var ending = w.AsSpan(start);
        return ending is "i" or "y" or "ee" or "iy" or "ie" or "ey" or "yi" or "iyy";
    }

    private static (char Symbol, int Length) Classify(string w, int i)
    {
        var c = w[i];
        var next = i + 1 < w.Length ? w[i + 1] : '\0';
        var third = i + 2 < w.Length ? w[i + 2] : '\0';
        switch (c)
        {
            case 'a' or 'e' or 'i' or 'o' or 'u' or 'y':
                // w and y between vowels are glides, not consonants worth keeping (Fayez, Faiz).
                return ('a', 1);
            case 'w':
                return i == 0 ? ('w', 1) : ('a', 1);
            case 'v':
                return i == 0 ? ('w', 1) : ('f', 1); // Vagner, Wagner; Yevgeny
            case 'k' when next == 'h':
                return ('h', 2);
            case 'g' when next == 'h':
                return ('k', 2); // gh/g: Gharyan, Garyan; Bashagha, Bashaga
            case 's' when next == 'h':
                return ('s', 2); // sh/s: Shaty, Saty in bad translations
            case 'c' when next == 'h':
                return ('s', 2);
            case 't' when next == 'h':
                return ('t', 2);
            case 'd' when next == 'h':
                return ('d', 2);
            case 'd' when next == 'z' && third == 'h':
                return ('j', 3);
            case 'd' when next == 'j':
                return ('j', 2);
            case 'z' when next == 'h':
                return ('j', 2);
            case 'p' when next == 'h':
                return ('f', 2);
            case 'c' when next is 'e' or 'i' or 'y':
                return ('s', 1); // Defence, Defense
            case 'q' or 'k' or 'c' or 'g':
                return ('k', 1);
            case 'j':
                return ('j', 1);
            case 'z':
                return ('z', 1);
            case 'h':
                return ('h', 1);
            default:
                return char.IsLetterOrDigit(c) ? (c, 1) : ('\0', 1);
        }
    }

    private static void Flush(StringBuilder current, List<string> words)
    {
        if (current.Length == 0)
        {
            return;
        }

        var word = current.ToString();
        current.Clear();
        words.Add(word);
    }
}
