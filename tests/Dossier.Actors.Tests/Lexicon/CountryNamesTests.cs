namespace Dossier.Actors.Tests.Lexicon;

public sealed class CountryNamesTests
{
    [Theory]
    [InlineData("United States", "United States")]
    [InlineData("the U.S.A.", "United States")]
    [InlineData("Turkey", "Türkiye")]
    [InlineData("Russian Federation", "Russia")]
    [InlineData("UAE", "United Arab Emirates")]
    public void Names_of_a_country_give_its_name(string phrase, string country)
        => Assert.Equal(country, Articles.Countries.Country(phrase, allowCodes: false));

    [Fact]
    public void Two_letter_codes_count_only_where_a_place_was_seen()
    {
        Assert.Null(Articles.Countries.Country("US", allowCodes: false));
        Assert.Equal("United States", Articles.Countries.Country("U.S.", allowCodes: true));
    }

    [Theory]
    [InlineData("Turkish", "Türkiye")]
    [InlineData("Emirati", "United Arab Emirates")]
    [InlineData("Egyptian", "Egypt")]
    public void Nationality_words_give_their_state(string word, string country)
        => Assert.Equal(country, Articles.Countries.CountryOfDemonym(word));

    [Theory]
    [InlineData("Ankara", "Türkiye")]
    [InlineData("Washington", "United States")]
    [InlineData("Washington D.C.", "United States")]
    [InlineData("Abu Dhabi", "United Arab Emirates")]
    public void Capitals_give_their_country_but_are_not_its_name(string city, string country)
    {
        Assert.Equal(country, Articles.Countries.CountryOfCapital(city));
        Assert.Null(Articles.Countries.Country(city, allowCodes: true));
    }

    [Fact]
    public void A_territorys_capital_is_a_town_not_a_government()
        => Assert.Null(Articles.Countries.CountryOfCapital("Hamilton"));

    [Fact]
    public void Ordinary_words_are_no_country()
    {
        Assert.Null(Articles.Countries.Country("army", allowCodes: true));
        Assert.Null(Articles.Countries.CountryOfDemonym("Islamist"));
    }
}
