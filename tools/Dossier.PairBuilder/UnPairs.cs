namespace Dossier.PairBuilder;

/// <summary>
/// Pairs from the UN Security Council sanctions list (un_sc_name_variants.tsv). Same: an alias
/// graded Good, Low or a.k.a. that is a respelling of the primary name, by a rule of its own (see
/// <see cref="IsRespelling"/>). Different: each record's primary name against the two most similar
/// primary names of other records of its type that share a word with it.
/// </summary>
internal static class UnPairs
{
    private sealed record Row(string Reference, string Type, string Primary, string Variant, string Quality);

    public static IEnumerable<PairFile> Build(string tsv)
    {
        var rows = new List<Row>();
        foreach (var line in File.ReadLines(tsv).Skip(1))
        {
            var c = line.Split('\t');
            if (c.Length == 7 && c[1] is "PERSON" or "ORG" && c[0].Length > 0 && c[3].Length > 0)
            {
                rows.Add(new Row(c[0], c[1], c[3].Trim(), c[5].Trim(), c[6]));
            }
        }

        var file = new PairFile("un-variants.pairs.tsv",
        [
            "Name pairs from the UN Security Council consolidated sanctions list of 2020-03-20 (UN public information).",
            "1: primary name and an alias graded Good, Low or a.k.a. that is a respelling: one line, Latin letters, no digits,",
            "   commas, semicolons, quotes or brackets; the same number of words of three letters or more; letter-bigram Dice >= 0.5.",
            "0: each primary name against the two most similar (bigram Dice) primary names of other records of its type sharing a word of 4+ letters.",
        ]);
        var records = rows.GroupBy(r => r.Reference, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Reference: g.Key, g.First().Type, g.First().Primary, Rows: g.ToList())).ToList();
        foreach (var record in records)
        {
            foreach (var row in record.Rows)
            {
                if (row.Quality is "Good" or "Low" or "a.k.a." && IsRespelling(record.Primary, row.Variant))
                {
                    file.Add(record.Primary, row.Variant, same: true);
                }
            }
        }

        var words = records.Select(r => Text.Words(r.Primary).Where(w => w.Length >= 4).ToHashSet(StringComparer.Ordinal)).ToList();
        for (var i = 0; i < records.Count; i++)
        {
            var nearest = new List<(double Dice, int Index)>();
            for (var j = 0; j < records.Count; j++)
            {
                if (j != i && records[j].Type == records[i].Type && words[i].Overlaps(words[j])
                    && !string.Equals(records[i].Primary, records[j].Primary, StringComparison.OrdinalIgnoreCase))
                {
                    nearest.Add((Text.BigramDice(records[i].Primary, records[j].Primary), j));
                }
            }

            foreach (var (_, j) in nearest.OrderByDescending(n => n.Dice).ThenBy(n => n.Index).Take(2))
            {
                file.Add(records[i].Primary, records[j].Primary, same: false);
            }
        }

        return [file];
    }

    private static bool IsRespelling(string primary, string variant)
    {
        if (variant.Length == 0 || string.Equals(primary, variant, StringComparison.OrdinalIgnoreCase)
            || variant.Any(c => c is ',' or ';' or '"' or '(' or ')' or '[' or ']' || char.IsDigit(c) || (char.IsLetter(c) && c > '\u024F')))
        {
            return false;
        }

        var long1 = Text.Words(primary).Count(w => w.Length >= 3);
        var long2 = Text.Words(variant).Count(w => w.Length >= 3);
        return long1 == long2 && long1 > 0 && Text.BigramDice(primary, variant) >= 0.5;
    }
}
