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

    [Fact]
    public void Ordinary_words_are_no_country()
    {
        Assert.Null(Articles.Countries.Country("army", allowCodes: true));
        Assert.Null(Articles.Countries.CountryOfDemonym("Islamist"));
    }
}
