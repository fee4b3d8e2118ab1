using System.Text;
using System.Text.Json;
using Dossier.Core.Actors;

namespace Dossier.Actors.Lexicon;

/// <summary>How a word or phrase names a country.</summary>
public enum CountryForm
{
    /// <summary>A common, official or alternative name: "Russia", "Russian Federation", "UAE".</summary>
    Name,

    /// <summary>A two-letter code, trusted only where the recognizer saw a place: "US", "UK".</summary>
    Code,

    /// <summary>A nationality word: "Turkish", "Emirati".</summary>
    Demonym,

    /// <summary>The capital, which news writes for the state's government: "Ankara", "Washington".</summary>
    Capital,
}

/// <summary>
/// Every name, code and nationality word of every country, pointing at one canonical name, so that
/// "U.S.", "US", "United States" and "American forces" are one state. Built from npm
/// <c>world-countries</c> by <c>dossier train countries</c> and shipped as a small TSV.
/// </summary>
public sealed class CountryNames
{
    public const string FileName = "countries.tsv";

    private readonly Dictionary<string, (string Country, CountryForm Form)> forms;

    private CountryNames(Dictionary<string, (string Country, CountryForm Form)> forms) => this.forms = forms;

    public static CountryNames Empty { get; } = new(new Dictionary<string, (string, CountryForm)>(StringComparer.Ordinal));

    public int Count => forms.Count;

    /// <summary>The country a phrase names, or null. Case, dots and "the" do not matter: "the U.S." is "United States".</summary>
    public string? Country(string phrase, bool allowCodes)
    {
        if (!forms.TryGetValue(Key(phrase), out var entry))
        {
            return null;
        }

        return entry.Form switch
        {
            CountryForm.Name => entry.Country,
            CountryForm.Code when allowCodes => entry.Country,
            _ => null,
        };
    }

    /// <summary>The country a nationality word stands for: "Egyptian" is Egypt.</summary>
    public string? CountryOfDemonym(string word)
        => forms.TryGetValue(Key(word), out var entry) && entry.Form == CountryForm.Demonym ? entry.Country : null;

    /// <summary>The country whose capital <paramref name="name"/> is: "Ankara" is Turkey.</summary>
    public string? CountryOfCapital(string name)
        => forms.TryGetValue(Key(name), out var entry) && entry.Form == CountryForm.Capital ? entry.Country : null;

    public static string Key(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var builder = new StringBuilder(phrase.Length);
        foreach (var c in phrase)
        {
            if (c is '.' or '\'' or '’')
            {
                continue;
            }

            builder.Append(char.IsWhiteSpace(c) || c == '-' ? ' ' : char.ToLowerInvariant(c));
        }

        var key = builder.ToString().Trim();
        while (key.Contains("  ", StringComparison.Ordinal))
        {
            key = key.Replace("  ", " ", StringComparison.Ordinal);
        }

        return key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;
    }

    /// <summary>Reads npm <c>world-countries</c>' countries.json.</summary>
    public static CountryNames FromWorldCountries(string countriesJson)
    {
        var forms = new Dictionary<string, (string, CountryForm)>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(countriesJson));
        var demonyms = new List<(string Word, string Country)>();
        var capitals = new List<(string City, string Country)>();
        foreach (var country in document.RootElement.EnumerateArray())
        {
            var name = country.GetProperty("name");
            var common = name.GetProperty("common").GetString()!;
            var official = name.GetProperty("official").GetString()!;
            Add(common, common, CountryForm.Name);
            Add(official, common, CountryForm.Name);
            foreach (var spelling in country.GetProperty("altSpellings").EnumerateArray().Select(s => s.GetString()!))
            {
                Add(spelling, common, spelling.Length <= 2 ? CountryForm.Code : CountryForm.Name);

                if (CountryShortForms.Of(spelling) is { } shortForm)
                {
                    Add(shortForm, common, CountryForm.Name);
                }
            }

            // Only members of the UN: a territory's capital is a town ("Hamilton", "Douglas"), not a government.
            if (country.TryGetProperty("capital", out var capital) && country.TryGetProperty("unMember", out var member) && member.ValueKind == JsonValueKind.True)
            {
                foreach (var city in capital.EnumerateArray().Select(c => c.GetString()!))
                {
                    capitals.Add((city, common));

                    // "Washington D.C." is written "Washington".
                    var initials = System.Text.RegularExpressions.Regex.Match(city, @"^(.+?)[ ,]+[A-Z]\.?[A-Z]\.?$");
                    if (initials.Success)
                    {
                        capitals.Add((initials.Groups[1].Value, common));
                    }
                }
            }

            if (country.TryGetProperty("demonyms", out var all) && all.TryGetProperty("eng", out var english))
            {
                demonyms.Add((english.GetProperty("m").GetString()!, common));
                demonyms.Add((english.GetProperty("f").GetString()!, common));
            }
        }

        // A demonym shared by several countries ("Congolese", "Dominican") names none of them.
        foreach (var group in demonyms.Where(d => d.Word.Length > 2).Distinct().GroupBy(d => Key(d.Word), StringComparer.Ordinal))
        {
            if (group.Select(d => d.Country).Distinct(StringComparer.Ordinal).Count() == 1)
            {
                forms.TryAdd(group.Key, (group.First().Country, CountryForm.Demonym));
            }
        }

        // A capital shared by several countries names none of them; one that is a country's own name
        // ("Singapore", "Kuwait") is already that name.
        foreach (var group in capitals.Where(c => c.City.Length > 2 && c.City.All(ch => ch <= 0x24F)).Distinct().GroupBy(c => Key(c.City), StringComparer.Ordinal))
        {
            if (group.Select(c => c.Country).Distinct(StringComparer.Ordinal).Count() == 1)
            {
                forms.TryAdd(group.Key, (group.First().Country, CountryForm.Capital));
            }
        }

        return new CountryNames(forms);

        void Add(string phrase, string country, CountryForm form)
        {
            if (phrase.Any(c => c > 0x24F))
            {
                return; // names in other scripts never appear in English news text
            }

            forms.TryAdd(Key(phrase), (country, form));
        }
    }

    public void Write(string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write("# form\tcountry\tkind   (built by dossier train countries from npm world-countries, ODbL; see data/README.md)\n");
        foreach (var (form, (country, kind)) in forms.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write($"{form}\t{country}\t{kind.ToString().ToLowerInvariant()}\n");
        }
    }

    public static CountryNames Load(string path)
    {
        var forms = new Dictionary<string, (string, CountryForm)>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 3 || !Enum.TryParse<CountryForm>(fields[2], ignoreCase: true, out var form))
            {
                throw new InvalidDataException($"{path}:{number}: expected form<TAB>country<TAB>name|code|demonym|capital");
            }

            forms[fields[0]] = (fields[1], form);
        }

        return new CountryNames(forms);
    }
}
