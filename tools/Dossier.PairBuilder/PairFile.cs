using System.Text;

namespace Dossier.PairBuilder;

/// <summary>One generated pair file: a comment header saying where the pairs come from, then the pairs.</summary>
internal sealed class PairFile(string name, IReadOnlyList<string> header)
{
    private readonly SortedSet<(string A, string B, bool Same)> pairs = new();

    public string Name { get; } = name;

    public int Positives => pairs.Count(p => p.Same);

    public int Negatives => pairs.Count(p => !p.Same);

    /// <summary>Adds a pair once, in a fixed order of its two names, so a rebuild gives the same file.</summary>
    public void Add(string a, string b, bool same)
    {
        var (first, second) = string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
        pairs.Add((first, second, same));
    }

    /// <summary>The names of the same pairs so far, in order.</summary>
    public IReadOnlyList<string> Names() =>
        pairs.Where(p => p.Same).SelectMany(p => new[] { p.A, p.B }).Distinct().Order(StringComparer.Ordinal).ToList();

    public void Write(string path)
    {
        var text = new StringBuilder();
        foreach (var line in header)
        {
            text.Append("# ").Append(line).Append('\n');
        }

        text.Append("# ").Append(Positives).Append(" same (1), ").Append(Negatives).Append(" different (0). Rebuild: dotnet run --project tools/Dossier.PairBuilder\n");
        foreach (var same in new[] { true, false })
        {
            foreach (var (a, b, s) in pairs)
            {
                if (s == same)
                {
                    text.Append(a).Append('\t').Append(b).Append('\t').Append(s ? '1' : '0').Append('\n');
                }
            }
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }
}

/// <summary>
/// String measures of the builder's own, deliberately not the matcher's: the pair files must not be
/// chosen by the thing they measure.
/// </summary>
internal static class Text
{
    public static int Levenshtein(string a, string b)
    {
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

    /// <summary>Dice coefficient of the letter bigrams of two names, case and everything but letters ignored.</summary>
    public static double BigramDice(string a, string b)
    {
        var x = Bigrams(a);
        var y = Bigrams(b);
        if (x.Count + y.Count == 0)
        {
            return 0;
        }

        var common = 0;
        var remaining = new List<string>(y);
        foreach (var bigram in x)
        {
            var index = remaining.IndexOf(bigram);
            if (index >= 0)
            {
                common++;
                remaining.RemoveAt(index);
            }
        }

        return 2.0 * common / (x.Count + y.Count);
    }

    /// <summary>Runs of letters, lower-cased; an apostrophe inside a word is dropped (Mus’ab).</summary>
    public static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsLetter(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (c is not ('\'' or '’' or '‘' or 'ʼ' or '`') && current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static List<string> Bigrams(string name)
    {
        var letters = string.Concat(Words(name));
        var bigrams = new List<string>(Math.Max(0, letters.Length - 1));
        for (var i = 0; i + 1 < letters.Length; i++)
        {
            bigrams.Add(letters.Substring(i, 2));
        }

        return bigrams;
    }
}
