using System.Text;

namespace Dossier.PairBuilder;

/// <summary>
/// Pairs from google-ar2en (one English spelling per Arabic-script name, mined from Wikipedia).
/// Same: two English names whose Arabic forms are identical once spelling noise in the Arabic is
/// removed (<see cref="Normal"/>). Different: for each name of a same pair, the closest English name
/// (same first letter, edit distance at most 2) whose Arabic consonant skeleton (<see cref="Skeleton"/>) differs.
/// Pairs whose Arabic differs only in long vowels are neither: the Arabic cannot tell us.
/// </summary>
internal static class Ar2EnPairs
{
    private sealed record Entry(string Arabic, string English, string Split);

    public static IEnumerable<PairFile> Build(string folder)
    {
        var entries = new List<Entry>();
        foreach (var split in new[] { "train", "eval", "test" })
        {
            foreach (var line in File.ReadLines(Path.Combine(folder, $"ar2en-{split}.txt")))
            {
                var columns = line.Split('\t');
                if (columns.Length == 2 && columns[0].Length > 0 && columns[1].Length > 0)
                {
                    entries.Add(new Entry(columns[0], columns[1].ToLowerInvariant(), split));
                }
            }
        }

        var test = new PairFile("ar2en-variants.pairs.tsv", Header("the test split: every pair has a name from ar2en-test.txt"));
        var tune = new PairFile("ar2en-variants-tune.pairs.tsv", Header("the train and eval splits only (for tuning; report on ar2en-variants.pairs.tsv)"));

        // Same: one normalised Arabic spelling, two English ones.
        foreach (var group in entries.GroupBy(e => Normal(e.Arabic), StringComparer.Ordinal))
        {
            var members = group.ToList();
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    var (a, b) = (members[i].English, members[j].English);
                    if (a == b || IsTruncation(a, b))
                    {
                        continue;
                    }

                    (members[i].Split == "test" || members[j].Split == "test" ? test : tune).Add(a, b, same: true);
                }
            }
        }

        var skeletons = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!skeletons.TryGetValue(entry.English, out var set))
            {
                skeletons[entry.English] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(Skeleton(entry.Arabic));
        }

        // Different: each name of a same pair against its closest name of another Arabic skeleton,
        // so a file holds about two hard cases for each variant pair (all 15,897 names against their
        // neighbours would be 99% negatives, most of them differing in a vowel only, and say little
        // about precision in use). Test names against every name; tuning names only against tuning
        // names, so no test name is seen while tuning.
        var all = entries.Select(e => e.English).Distinct().Order(StringComparer.Ordinal).ToList();
        var tuning = entries.Where(e => e.Split != "test").Select(e => e.English).Distinct().Order(StringComparer.Ordinal).ToList();
        AddNearest(test, test.Names(), all, skeletons);
        AddNearest(tune, tune.Names(), tuning, skeletons);
        return [test, tune];
    }

    /// <summary>
    /// Arabic without what varies between writers of one name: short-vowel marks, tatweel, hamza
    /// seats (أ إ آ ٱ → ا, ئ ى → ي, ؤ → و) and tā’ marbūṭa (ة → ه).
    /// </summary>
    public static string Normal(string arabic)
    {
        var text = new StringBuilder(arabic.Length);
        foreach (var c in arabic)
        {
            if (c is (>= '\u064B' and <= '\u065F') or '\u0670' or '\u0640')
            {
                continue;
            }

            text.Append(c switch
            {
                'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                'ى' or 'ئ' => 'ي',
                'ؤ' => 'و',
                'ة' => 'ه',
                _ => c,
            });
        }

        return text.ToString();
    }

    /// <summary>The normal form without the long-vowel letters and hamza (ا و ي ء): the consonants.</summary>
    public static string Skeleton(string arabic) =>
        string.Concat(Normal(arabic).Where(c => c is not ('ا' or 'و' or 'ي' or 'ء')));

    // "karl" / "karlheinz": the Wikipedia title was cut short, not spelt differently.
    private static bool IsTruncation(string a, string b) =>
        Math.Abs(a.Length - b.Length) >= 3 && (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal));

    private static void AddNearest(PairFile file, IEnumerable<string> names, List<string> pool, Dictionary<string, HashSet<string>> skeletons)
    {
        var byInitial = pool.Where(n => n.Length >= 3).GroupBy(n => n[0]).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var name in names.Distinct().Order(StringComparer.Ordinal))
        {
            if (name.Length < 3 || !byInitial.TryGetValue(name[0], out var candidates))
            {
                continue;
            }

            string? best = null;
            var bestDistance = 3;
            foreach (var other in candidates)
            {
                if (other == name || Math.Abs(other.Length - name.Length) > 2 || skeletons[other].Overlaps(skeletons[name]))
                {
                    continue;
                }

                var distance = Text.Levenshtein(name, other);
                if (distance < bestDistance)
                {
                    (best, bestDistance) = (other, distance);
                }
            }

            if (best is not null)
            {
                file.Add(name, best, same: false);
            }
        }
    }

    private static string[] Header(string which) =>
    [
        "Name pairs from google-ar2en (Apache-2.0, see LICENSE-google-ar2en), " + which + ".",
        "1: English names of one Arabic spelling (vowel marks, hamza seats, ta marbuta ignored).",
        "0: for each name in a pair above, the closest name (same first letter, edit distance <= 2) of another Arabic consonant skeleton.",
    ];
}
